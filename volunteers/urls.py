"""Public URLs of 活动报名 (the pages themselves live in the page tree)."""

from django.urls import path

from volunteers import views

urlpatterns = [
    path("<int:activity_id>/", views.activity_signup, name="activity_signup"),
    path("r/<str:token>/", views.registration_detail, name="activity_registration"),
]
