"""学校投稿 portal: a school's own login, password pages, its submissions and the form.
School users never reach the Wagtail admin (they have no admin permission), and never
see or touch another school's submissions."""

from functools import wraps

from django import forms
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordResetForm
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache

from activities.models import WriteUpPage
from activities.portal import submissions
from activities.portal.forms import PhotoFormSet, SubmissionForm, photos_from
from home import ratelimit

LOGIN_URL = reverse_lazy("school_login")


def school_required(view):
    """A logged-in user with a school account; others are sent to log in or refused."""

    @wraps(view)
    @login_required(login_url=LOGIN_URL)
    def wrapper(request, *args, **kwargs):
        account = getattr(request.user, "school_account", None)
        if account is None or not request.user.is_active:
            raise PermissionDenied("这个账号不是学校账号。")
        request.school_account = account
        return view(request, *args, **kwargs)

    return wrapper


class LoginView(auth_views.LoginView):
    """Ten wrong passwords an hour from one address, then a pause."""

    template_name = "activities/portal/login.html"
    redirect_authenticated_user = True
    next_page = reverse_lazy("school_home")

    def post(self, request, *args, **kwargs):
        if ratelimit.is_limited(request, "school-login", limit=10):
            return ratelimit.refuse(request)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        ratelimit.count(self.request, "school-login")
        return super().form_invalid(form)


class LogoutView(auth_views.LogoutView):
    next_page = reverse_lazy("school_login")


@method_decorator(school_required, name="dispatch")
class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "activities/portal/password_change.html"
    success_url = reverse_lazy("school_home")

    def form_valid(self, form):
        messages.success(self.request, "密码已经修改。")
        return super().form_valid(form)


class SchoolPasswordResetForm(PasswordResetForm):
    """Reset links go to school accounts only, never to staff who share the address."""

    def get_users(self, email):
        return (user for user in super().get_users(email) if hasattr(user, "school_account"))


class PasswordResetView(auth_views.PasswordResetView):
    form_class = SchoolPasswordResetForm
    template_name = "activities/portal/password_reset.html"
    email_template_name = "activities/portal/password_reset_email.txt"
    subject_template_name = "activities/portal/password_reset_subject.txt"
    success_url = reverse_lazy("school_password_reset_done")

    def post(self, request, *args, **kwargs):
        if ratelimit.is_limited(request, "school-password-reset"):
            return ratelimit.refuse(request)
        ratelimit.count(request, "school-password-reset")
        return super().post(request, *args, **kwargs)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "activities/portal/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "activities/portal/password_reset_confirm.html"
    success_url = reverse_lazy("school_login")

    def form_valid(self, form):
        messages.success(self.request, "新密码已经设置好，请登录。")
        return super().form_valid(form)


@never_cache
@school_required
def home(request):
    """我的投稿: every submission of this school with its status and the comment."""
    pages = (
        WriteUpPage.objects.filter(school=request.school_account.school)
        .select_related("campaign", "activity")
        .order_by("-pk")
    )
    # What the school last sent (the latest revision), not the row of a never-published page.
    rows = [
        (page if page.live else page.get_latest_revision_as_object(), *submissions.status(page))
        for page in pages
    ]
    return TemplateResponse(
        request,
        "activities/portal/home.html",
        {"rows": rows, "school": request.school_account.school},
    )


def _render_form(request, form, formset=None, page=None):
    context = {
        "form": form,
        "formset": formset or PhotoFormSet(prefix="photos"),
        "editing": page,
        "school": request.school_account.school,
    }
    return TemplateResponse(request, "activities/portal/submit.html", context)


def _validated(request, *, photos_required):
    """The form and the photos, all checked (every mistake shown at once); ``photos`` is
    None unless everything is valid."""
    form = SubmissionForm(request.POST)
    formset = PhotoFormSet(request.POST, request.FILES, prefix="photos")
    valid = form.is_valid() & formset.is_valid()  # not `and`: both must show their errors
    photos = None
    if formset.is_valid():
        try:
            photos = photos_from(formset, required=photos_required)
        except forms.ValidationError as error:
            form.add_error(None, error)
            valid = False
    return form, formset, photos if valid else None


@never_cache
@school_required
def submit(request):
    if request.method != "POST":
        return _render_form(request, SubmissionForm())
    form, formset, photos = _validated(request, photos_required=True)
    if photos is None:
        return _render_form(request, form, formset)
    submissions.submit(request.school_account, form.cleaned_data, photos)
    messages.success(request, "投稿已经提交，审核通过后会在网站上发布。")
    return redirect("school_home")


@never_cache
@school_required
def edit(request, page_id):
    """Only this school's submissions, and only while changes are asked for."""
    page = WriteUpPage.objects.filter(pk=page_id, school=request.school_account.school).first()
    if page is None:
        raise Http404("没有这篇投稿")
    if submissions.status(page)[0] != "changes":
        messages.warning(request, "这篇投稿现在不能修改：只有审核员要求修改时才能修改。")
        return redirect("school_home")
    page = page.get_latest_revision_as_object()
    if request.method != "POST":
        initial = {
            "title": page.title,
            "event_date": page.event_date,
            "campaign": page.campaign_id,
            "activity": page.activity_id,
            "body": page.body,
            "author_name": page.author_name,
            "shows_students": "yes" if page.shows_students else "no",
            "guardian_consent": page.guardian_consent,
        }
        return _render_form(request, SubmissionForm(initial=initial), page=page)
    form, formset, photos = _validated(request, photos_required=False)
    if photos is None:
        return _render_form(request, form, formset, page)
    try:
        submissions.resubmit(request.school_account, page, form.cleaned_data, photos)
    except submissions.NotAwaitingChangesError:
        messages.warning(request, "这篇投稿的状态刚刚变了，修改没有保存。请看最新状态。")
        return redirect("school_home")
    messages.success(request, "修改已经提交，等待重新审核。")
    return redirect("school_home")
