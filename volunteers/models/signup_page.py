"""志愿者报名: the public sign-up page, its thank-you page and the rules around them."""

from django.db import IntegrityError, models, transaction
from django.shortcuts import redirect
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from home import ratelimit
from home.models import BasePage
from volunteers.tasks import notify_staff_on_commit

from .volunteer import ConsentRecord

SESSION_KEY = "volunteer_signup_reference"


class VolunteerSignupPage(RoutablePageMixin, BasePage):
    """志愿者报名: a short form with a privacy notice and an unticked consent box; a CSRF
    token, a honeypot and a per-address rate limit instead of a CAPTCHA."""

    privacy_notice = models.TextField(
        "个人信息处理说明",
        help_text="告诉报名者：谁处理、收集什么、为什么、保存多久、怎样撤回。",
    )
    notice_version = models.CharField(
        "说明版本",
        max_length=20,
        default="2026-1",
        help_text="修改说明后请更新版本号，同意记录会记下版本。",
    )
    notify_email = models.EmailField(
        "新报名通知邮箱", blank=True, help_text="有人报名时发邮件提醒工作人员（可不填）"
    )
    thanks_text = models.TextField(
        "报名成功后的说明",
        default="工作人员会在5个工作日内给您打电话，核实信息并介绍志愿服务的安排。",
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("privacy_notice"), FieldPanel("notice_version")], heading="个人信息"
        ),
        FieldPanel("thanks_text"),
        FieldPanel("notify_email"),
    ]
    max_count = 1
    subpage_types = []

    class Meta:
        verbose_name = "志愿者报名页"
        verbose_name_plural = "志愿者报名页"

    @path("")
    def signup_view(self, request):
        from volunteers.forms import VolunteerSignupForm  # imports these models

        if request.method != "POST":
            return self.render(request, context_overrides={"form": VolunteerSignupForm()})
        if ratelimit.is_limited(request, "volunteer-signup"):
            return ratelimit.refuse(request, self)
        form = VolunteerSignupForm(request.POST)
        if not form.is_valid():
            return self.render(request, context_overrides={"form": form})
        ratelimit.count(request, "volunteer-signup")
        if form.is_robot:
            return redirect(self.url + self.reverse_subpage("thanks"), permanent=False)
        volunteer = self._register(form)
        request.session[SESSION_KEY] = volunteer.reference if volunteer else ""
        return redirect(self.url + self.reverse_subpage("thanks"), permanent=False)

    def _register(self, form):
        """One Volunteer row with its consent records, in one transaction; None when the
        phone number is already registered (nothing is written then)."""
        try:
            with transaction.atomic():
                volunteer = form.volunteer()
                volunteer.save()
                volunteer.expertise.set(form.cleaned_data["expertise"])
                volunteer.save()
                ConsentRecord.objects.create(
                    volunteer=volunteer, kind="processing", notice_version=self.notice_version
                )
                if volunteer.public_profile:
                    ConsentRecord.objects.create(
                        volunteer=volunteer,
                        kind="public_profile",
                        notice_version=self.notice_version,
                    )
                self._notify_staff(
                    f"新的志愿者报名 {volunteer.reference}",
                    f"有一位{volunteer.get_category_display()}报名成为志愿者，"
                    "请登录后台“志愿者”查看并审核。",
                )
        except IntegrityError:
            return None
        return volunteer

    def _notify_staff(self, subject, text):
        """Tell staff by mail once the change commits (volunteers/tasks.py: queued, tried
        again while the mail server is down). Nothing that was submitted waits for or
        depends on the mail. No personal data goes into it: staff read that in the admin."""
        notify_staff_on_commit(self.notify_email, subject, text)

    @path("withdraw/", name="withdraw")
    def withdraw_view(self, request):
        """A volunteer asks to withdraw. The answer is the same whether or not the number
        is registered, so the form cannot be used to find out who volunteers."""
        from volunteers.forms import WithdrawalRequestForm
        from volunteers.models import Volunteer

        template = "volunteers/withdraw.html"
        if request.method != "POST":
            return self.render(
                request, template=template, context_overrides={"form": WithdrawalRequestForm()}
            )
        if ratelimit.is_limited(request, "volunteer-withdraw"):
            return ratelimit.refuse(request, self)
        form = WithdrawalRequestForm(request.POST)
        if not form.is_valid():
            return self.render(request, template=template, context_overrides={"form": form})
        ratelimit.count(request, "volunteer-withdraw")
        if not form.is_robot:
            volunteer = Volunteer.objects.filter(
                phone=form.cleaned_data["phone"], erased_at__isnull=True
            ).first()
            if volunteer and not volunteer.withdrawal_requested_at:
                volunteer.withdrawal_requested_at = timezone.now()
                volunteer.save(update_fields=["withdrawal_requested_at", "updated_at"])
                self._notify_staff(
                    f"志愿者申请退出 {volunteer.reference}",
                    "有一位志愿者申请退出并删除个人信息。请登录后台“志愿者”，"
                    "筛选“申请退出”，电话核实后执行“退出并删除个人信息”。",
                )
        return redirect(self.url + self.reverse_subpage("withdraw_done"), permanent=False)

    @path("withdraw/done/", name="withdraw_done")
    def withdraw_done_view(self, request):
        return self.render(request, template="volunteers/withdraw_done.html")

    @path("thanks/", name="thanks")
    def thanks_view(self, request):
        reference = request.session.pop(SESSION_KEY, None)
        return self.render(
            request,
            template="volunteers/signup_thanks.html",
            context_overrides={"reference": reference},
        )
