"""What the activities app shows of 活动报名, provided from here (activities never imports
volunteers): ``{% activity_signup page %}`` on an activity page."""

from django import template
from django.urls import reverse

from volunteers.models import ActivitySignup

register = template.Library()


@register.inclusion_tag("volunteers/includes/activity_signup_box.html")
def activity_signup(activity):
    """Seats left and the sign-up button, or nothing when sign-up is off. One query."""
    signup = ActivitySignup.objects.with_counts().filter(activity=activity, is_open=True).first()
    if signup is None:
        return {"signup": None}
    signup.activity = activity
    return {
        "signup": signup,
        "url": reverse("activity_signup", kwargs={"activity_id": activity.pk}),
    }
