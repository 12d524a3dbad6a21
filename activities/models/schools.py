"""Schools (shared by campaigns and write-ups) and the school stages a campaign targets."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

# The stages of schooling, in order: what a campaign can be for, and the first kinds of school.
SCHOOL_STAGES = [
    ("kindergarten", "幼儿园"),
    ("primary", "小学"),
    ("junior", "初中"),
    ("senior", "高中"),
    ("vocational", "中职"),
]
SCHOOL_KINDS = [*SCHOOL_STAGES, ("special", "特殊教育"), ("other", "其他")]


class SchoolStagesField(models.JSONField):
    """A list of codes from ``SCHOOL_STAGES``, kept in the row: a fixed list needs no table
    of its own, and reading it no query. Ticked as checkboxes in the admin."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value is None:  # a revision saved with nothing there: no stage
            return []
        if isinstance(value, list) and all(isinstance(code, str) for code in value):
            # Each once, in the stages' order, whichever order they were ticked in.
            order = [code for code, _name in SCHOOL_STAGES]
            return sorted(set(value), key=lambda code: order.index(code) if code in order else 99)
        return value

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        known = dict(SCHOOL_STAGES)
        if not isinstance(value, list) or any(
            not isinstance(code, str) or code not in known for code in value
        ):
            raise ValidationError("请从列出的学段中选择。", code="invalid_choice")

    def formfield(self, **kwargs):
        # Not JSONField's text box: the choices as checkboxes, a list of codes when saved.
        options = {
            "form_class": forms.MultipleChoiceField,
            "choices": SCHOOL_STAGES,
            "widget": forms.CheckboxSelectMultiple,
            "show_hidden_initial": False,
            **kwargs,
        }
        return models.Field.formfield(self, **options)


def stage_names(codes):
    """The names of the stages in ``codes``, in the order of the stages (unknown codes,
    as an old revision may hold, left out)."""
    return [name for code, name in SCHOOL_STAGES if code in (codes or ())]


class School(index.Indexed, models.Model):
    """A school of the district. The contact person and phone are for staff only."""

    name = models.CharField("学校名称", max_length=60, unique=True)
    kind = models.CharField("类型", max_length=12, choices=SCHOOL_KINDS, default="primary")
    street = models.CharField("所在街道（镇）", max_length=40, blank=True)
    address = models.CharField("地址", max_length=120, blank=True)
    contact_person = models.CharField("联系人（不公开）", max_length=20, blank=True)
    contact_phone = models.CharField("联系电话（不公开）", max_length=20, blank=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("street")]),
        FieldPanel("address"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("contact_person"), FieldPanel("contact_phone")])],
            heading="联系方式（只有工作人员能看到）",
        ),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "学校"
        verbose_name_plural = "学校"

    def __str__(self):
        return self.name


class SchoolAccount(models.Model):
    """A login for a school: the user reaches the submission portal, never the admin."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="用户",
        on_delete=models.CASCADE,
        related_name="school_account",
    )
    school = models.ForeignKey(
        School, verbose_name="学校", on_delete=models.CASCADE, related_name="accounts"
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    class Meta:
        ordering = ["school__name", "user__username"]
        verbose_name = "学校账号"
        verbose_name_plural = "学校账号"

    def __str__(self):
        return f"{self.school.name}：{self.user.username}"
