"""Volunteer records (not pages): personal data staff need, never shown to the public
except what a volunteer agreed to show on a roster."""

import datetime

from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from volunteers.phones import normalise_phone, validate_mobile

CATEGORY_CHOICES = [
    ("cadre", "老干部"),
    ("veteran", "老战士"),
    ("expert", "老专家"),
    ("teacher", "老教师"),
    ("model", "老模范"),
    ("other", "其他"),
]
STATUS_CHOICES = [
    ("pending", "待审核"),
    ("approved", "已通过"),
    ("rejected", "未通过"),
    ("withdrawn", "已退出"),
]
GENDER_CHOICES = [("male", "男"), ("female", "女")]


class Expertise(models.Model):
    """An area a volunteer can help with (宣讲, 法治教育 …), edited by staff."""

    name = models.CharField("名称", max_length=20, unique=True)
    sort_order = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "专长"
        verbose_name_plural = "专长"

    def __str__(self):
        return self.name


class Team(models.Model):
    """A volunteer team (五老宣讲团 …), edited by staff."""

    name = models.CharField("名称", max_length=40, unique=True)
    description = models.TextField("简介", blank=True)
    sort_order = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "志愿者团队"
        verbose_name_plural = "志愿者团队"

    def __str__(self):
        return self.name


class Volunteer(ClusterableModel):
    """One volunteer. Phone, email, birth year, street and notes are private: they appear
    only in the admin and in exports for staff."""

    name = models.CharField("姓名", max_length=20)
    gender = models.CharField("性别", max_length=6, choices=GENDER_CHOICES, blank=True)
    birth_year = models.PositiveSmallIntegerField("出生年份", null=True, blank=True)
    category = models.CharField("类别", max_length=10, choices=CATEGORY_CHOICES, default="other")
    work_unit = models.CharField("原工作单位及职务", max_length=100, blank=True)
    expertise = ParentalManyToManyField(Expertise, verbose_name="专长", blank=True)
    street = models.CharField("所在街道（社区）", max_length=40, blank=True)
    # Unique while set; blank only once the record is erased (退出并删除个人信息).
    phone = models.CharField("手机号码", max_length=11, validators=[validate_mobile])
    email = models.EmailField("电子邮箱", blank=True)
    availability = models.CharField("方便的时间", max_length=100, blank=True)
    bio = models.TextField("个人简介", max_length=500, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="照片",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    teams = ParentalManyToManyField(Team, verbose_name="所属团队", blank=True)
    status = models.CharField("状态", max_length=10, choices=STATUS_CHOICES, default="pending")
    public_profile = models.BooleanField("同意公开风采展示", default=False)
    staff_notes = models.TextField("工作人员备注", blank=True)
    created_at = models.DateTimeField("报名时间", default=timezone.now)
    updated_at = models.DateTimeField("更新时间", auto_now=True)
    withdrawal_requested_at = models.DateTimeField(
        "申请退出时间", null=True, blank=True, editable=False
    )
    erased_at = models.DateTimeField("个人信息删除时间", null=True, blank=True, editable=False)

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("name"), FieldPanel("gender"), FieldPanel("birth_year")]),
                FieldPanel("category"),
                FieldPanel("work_unit"),
                FieldPanel("street"),
            ],
            heading="基本情况",
        ),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email")], heading="联系方式（不公开）"),
        FieldPanel("expertise"),
        FieldPanel("availability"),
        FieldPanel("bio"),
        FieldPanel("photo"),
        FieldPanel("teams"),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("public_profile"), FieldPanel("staff_notes")],
            heading="审核",
        ),
    ]

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["phone"],
                condition=~models.Q(phone=""),
                name="unique_volunteer_phone",
                violation_error_message="这个手机号码已经登记过了。",
            )
        ]
        verbose_name = "志愿者"
        verbose_name_plural = "志愿者"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if self.phone:
            self.phone = normalise_phone(self.phone)
        super().save(*args, **kwargs)

    def review_status(self):
        """The status, with a flag when the volunteer asked to withdraw (admin list)."""
        label = self.get_status_display()
        return f"{label}（申请退出）" if self.withdrawal_requested_at else label

    review_status.short_description = "状态"

    @property
    def reference(self):
        """The number a person quotes when they call: ZY + year + sequence."""
        return f"ZY{self.created_at:%Y}{self.pk:05d}"

    @property
    def age(self):
        return datetime.date.today().year - self.birth_year if self.birth_year else None


class ConsentRecord(models.Model):
    """What a person agreed to, when, and under which version of the privacy notice."""

    KINDS = [("processing", "同意处理个人信息"), ("public_profile", "同意公开风采展示")]

    volunteer = models.ForeignKey(Volunteer, on_delete=models.CASCADE, related_name="consents")
    kind = models.CharField("内容", max_length=20, choices=KINDS)
    notice_version = models.CharField("隐私告知版本", max_length=20)
    given_at = models.DateTimeField("同意时间", default=timezone.now)
    withdrawn_at = models.DateTimeField("撤回时间", null=True, blank=True)

    class Meta:
        ordering = ["given_at"]
        verbose_name = "同意记录"
        verbose_name_plural = "同意记录"

    def __str__(self):
        return f"{self.get_kind_display()}（{self.notice_version}）"
