"""活动报名 on the public site: the form for one activity, and each person's own page,
reached through a link with an unguessable token, where they see their place and cancel."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from home import ratelimit
from volunteers import seats
from volunteers.forms import ActivityRegistrationForm
from volunteers.models import ActivitySignup, Registration

SIGNUP_ATTEMPTS = 10  # per address per hour, mistakes included


def _public_signup(activity_id):
    """The sign-up of a live, public activity, or a 404."""
    signup = get_object_or_404(
        ActivitySignup.objects.with_counts().select_related("activity"), activity_id=activity_id
    )
    activity = signup.activity
    if not activity.live or activity.get_view_restrictions().exists():
        raise Http404
    return signup


def _context(signup, **extra):
    return {
        "signup": signup,
        "activity": signup.activity,
        "retention_days": settings.ACTIVITY_SIGNUP_RETENTION_DAYS,
        **extra,
    }


@never_cache
@require_http_methods(["GET", "POST"])
def activity_signup(request, activity_id):
    signup = _public_signup(activity_id)
    template = "volunteers/activity_signup.html"
    if not signup.is_accepting:
        return TemplateResponse(request, template, _context(signup))
    if request.method != "POST":
        form = ActivityRegistrationForm(signup=signup)
        return TemplateResponse(request, template, _context(signup, form=form))
    # Every attempt counts, valid or not: a volunteers-only list answers whether a phone
    # belongs to a volunteer, and that must not be asked a thousand times.
    if ratelimit.is_limited(request, "activity-signup", limit=SIGNUP_ATTEMPTS):
        return ratelimit.refuse(request)
    ratelimit.count(request, "activity-signup")
    form = ActivityRegistrationForm(request.POST, signup=signup)
    if not form.is_valid():
        return TemplateResponse(request, template, _context(signup, form=form))
    if form.is_robot:
        return redirect(signup.activity.url)
    data = form.cleaned_data
    party_size = min(data["party_size"], signup.max_party_size)
    try:
        registration = seats.register(
            signup,
            name=data["name"],
            phone=data["phone"],
            party_size=party_size,
            volunteer=form.volunteer,
        )
    except seats.AlreadyRegisteredError:
        form.add_error(
            "phone",
            "这个手机号码已经报名了这项活动，不用再报。"
            "找不到报名后的链接，可以打电话给区关工委查询。",
        )
        return TemplateResponse(request, template, _context(signup, form=form))
    return redirect("activity_registration", token=registration.token)


@never_cache
@require_http_methods(["GET", "POST"])
def registration_detail(request, token):
    """Where a person stands, and the button to cancel. The link is their key."""
    registration = get_object_or_404(
        Registration.objects.select_related("signup__activity"), token=token
    )
    if request.method == "POST":
        if registration.signup.has_ended:
            messages.warning(request, "活动已经结束，报名不能再取消了。")
        elif registration.status != "cancelled":
            seats.cancel(registration)
            messages.success(request, "已经取消报名，名额会让给候补的人。谢谢您告诉我们。")
        return redirect("activity_registration", token=token)
    response = TemplateResponse(
        request,
        "volunteers/registration_detail.html",
        {
            "registration": registration,
            "activity": registration.signup.activity,
            "position": registration.waitlist_position(),
            "confirm_cancel": request.GET.get("cancel") == "1",
            "personal_url": request.build_absolute_uri(
                reverse("activity_registration", kwargs={"token": token})
            ),
        },
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
