"""URLs of the 学校投稿 portal, under /school/."""

from django.urls import path

from activities.portal import views

urlpatterns = [
    path("", views.home, name="school_home"),
    path("submit/", views.submit, name="school_submit"),
    path("submissions/<int:page_id>/edit/", views.edit, name="school_edit"),
    path("login/", views.LoginView.as_view(), name="school_login"),
    path("logout/", views.LogoutView.as_view(), name="school_logout"),
    path("password/", views.PasswordChangeView.as_view(), name="school_password_change"),
    path("password/reset/", views.PasswordResetView.as_view(), name="school_password_reset"),
    path(
        "password/reset/done/",
        views.PasswordResetDoneView.as_view(),
        name="school_password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="school_password_reset_confirm",
    ),
]
