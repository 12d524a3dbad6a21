"""活动报名: sign-up settings for one activity, and the people who signed up for it.

Seats are taken and given back only through ``volunteers.seats``, which locks the
settings row, so that capacity holds under concurrent requests.
"""

import secrets

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

AUDIENCE_CHOICES = [("public", "公众报名参加"), ("volunteers", "志愿者报名服务")]
REGISTRATION_STATUS_CHOICES = [
    ("confirmed", "已确认"),
    ("waitlisted", "候补"),
    ("cancelled", "已取消"),
]
ERASED_NAME = "（已删除）"


class ActivitySignupQuerySet(models.QuerySet):
    def with_counts(self):
        """Confirmed seats and waitlisted registrations, in the same query."""
        return self.annotate(
            seats_taken=Coalesce(
                Sum("registrations__party_size", filter=Q(registrations__status="confirmed")), 0
            ),
            waitlist_count=Count("registrations", filter=Q(registrations__status="waitlisted")),
        )


class ActivitySignup(models.Model):
    """Staff switch sign-up on for one activity: how many seats, when, and for whom.

    A repeating activity has one list for the whole series.
    """

    activity = models.OneToOneField(
        "activities.ActivityPage",
        verbose_name="活动",
        on_delete=models.CASCADE,
        related_name="signup",
    )
    is_open = models.BooleanField("开放报名", default=True, help_text="取消勾选可以随时暂停报名")
    audience = models.CharField(
        "谁可以报名",
        max_length=12,
        choices=AUDIENCE_CHOICES,
        default="public",
        help_text="“志愿者报名服务”只接受已通过审核的志愿者（按手机号码核对）",
    )
    capacity = models.PositiveIntegerField(
        "名额（人）",
        validators=[MinValueValidator(1, "名额至少为 1 人。")],
    )
    max_party_size = models.PositiveSmallIntegerField(
        "每次最多报几人",
        default=1,
        validators=[
            MinValueValidator(1, "每次至少报 1 人。"),
            MaxValueValidator(10, "每次最多报 10 人。"),
        ],
        help_text="家长带孩子参加时可以一次报几个人",
    )
    opens_at = models.DateTimeField(
        "开始报名时间", null=True, blank=True, help_text="不填则立即开始"
    )
    closes_at = models.DateTimeField(
        "截止报名时间", null=True, blank=True, help_text="不填则到活动开始时截止"
    )
    instructions = models.TextField(
        "报名须知", blank=True, help_text="例如：请提前10分钟到场签到，带好身份证"
    )
    # What remains of sign-ups removed after the retention period: numbers, no names.
    purged_registrations = models.PositiveIntegerField("已清理的报名", default=0, editable=False)
    purged_people = models.PositiveIntegerField("已清理的确认人数", default=0, editable=False)
    created_at = models.DateTimeField("创建时间", default=timezone.now, editable=False)

    objects = ActivitySignupQuerySet.as_manager()

    panels = [
        FieldPanel("activity"),
        FieldRowPanel([FieldPanel("is_open"), FieldPanel("audience")]),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("max_party_size")]),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")])],
            heading="报名时间",
        ),
        FieldPanel("instructions"),
    ]

    class Meta:
        verbose_name = "活动报名"
        verbose_name_plural = "活动报名"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.activity.title}（报名）"

    def clean(self):
        errors = {}
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = "截止时间必须晚于开始报名时间。"
        if self.capacity and self.max_party_size and self.max_party_size > self.capacity:
            errors["max_party_size"] = "每次报名的人数不能多于名额。"
        if self.pk and self.capacity:
            taken = self.count_seats_taken()
            if self.capacity < taken:
                errors["capacity"] = f"已经有 {taken} 人确认参加，名额不能少于 {taken}。"
        if errors:
            raise ValidationError(errors)

    @property
    def has_ended(self):
        """The activity (its last date, for a series) is over."""
        end = self.activity.series_end
        return end is not None and end <= timezone.now()

    def count_seats_taken(self):
        return self.registrations.filter(status="confirmed").aggregate(
            total=Coalesce(Sum("party_size"), 0)
        )["total"]

    @property
    def taken(self):
        """Confirmed seats: from ``with_counts()`` when the row came from it."""
        if hasattr(self, "seats_taken"):
            return self.seats_taken
        return self.count_seats_taken()

    @property
    def seats_left(self):
        return max(self.capacity - self.taken, 0)

    @property
    def deadline(self):
        """When sign-up closes: the time staff set, or else when the activity starts."""
        if self.closes_at:
            return self.closes_at
        activity = self.activity
        return activity.postponed_to or activity.start

    def state(self, now=None):
        """off, cancelled, not_yet, closed or open."""
        now = now or timezone.now()
        if not self.is_open:
            return "off"
        if self.activity.status == "cancelled":
            return "cancelled"
        if self.opens_at and now < self.opens_at:
            return "not_yet"
        if now >= self.deadline:
            return "closed"
        return "open"

    @property
    def is_accepting(self):
        return self.state() == "open"


def new_token():
    return secrets.token_urlsafe(24)


class Registration(models.Model):
    """One sign-up for an activity: who, how many, and where they stand.

    The token in the personal link is the only way to see or cancel it from outside.
    """

    signup = models.ForeignKey(
        ActivitySignup,
        verbose_name="活动",
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    volunteer = models.ForeignKey(
        "volunteers.Volunteer",
        verbose_name="志愿者",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
    )
    name = models.CharField("姓名", max_length=20)
    phone = models.CharField("手机号码", max_length=11, blank=True)  # blank once erased
    party_size = models.PositiveSmallIntegerField("人数", default=1)
    status = models.CharField(
        "状态", max_length=10, choices=REGISTRATION_STATUS_CHOICES, default="confirmed"
    )
    token = models.CharField(max_length=40, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField("报名时间", default=timezone.now, editable=False)
    status_changed_at = models.DateTimeField("状态变更时间", null=True, blank=True, editable=False)
    staff_notes = models.CharField("工作人员备注", max_length=200, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("party_size", read_only=True),
        FieldPanel("staff_notes"),
    ]

    class Meta:
        verbose_name = "报名记录"
        verbose_name_plural = "报名记录"
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["signup", "phone"],
                condition=~Q(status="cancelled") & ~Q(phone=""),
                name="one_active_registration_per_phone",
            )
        ]

    def __str__(self):
        return f"{self.name}（{self.get_status_display()}）"

    @property
    def reference(self):
        return f"BM{self.created_at:%Y}{self.pk:05d}"

    @property
    def masked_phone(self):
        """138****8000: enough for a person to recognise their own number."""
        return f"{self.phone[:3]}****{self.phone[-4:]}" if self.phone else ""

    def waitlist_position(self):
        if self.status != "waitlisted":
            return None
        earlier = Registration.objects.filter(signup_id=self.signup_id, status="waitlisted").filter(
            Q(created_at__lt=self.created_at) | Q(created_at=self.created_at, pk__lt=self.pk)
        )
        return earlier.count() + 1
