"""Schools (shared by campaigns and write-ups) and the school stages a campaign targets."""

from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

SCHOOL_KINDS = [
    ("kindergarten", "幼儿园"),
    ("primary", "小学"),
    ("junior", "初中"),
    ("senior", "高中"),
    ("vocational", "中职"),
    ("special", "特殊教育"),
    ("other", "其他"),
]


class SchoolStage(models.Model):
    """幼儿园, 小学, 初中, 高中, 中职: the fixed list a campaign targets (made by a migration)."""

    name = models.CharField("名称", max_length=10, unique=True)
    slug = models.SlugField("网址名称", max_length=20, unique=True)
    sort_order = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        ordering = ["sort_order"]
        verbose_name = "学段"
        verbose_name_plural = "学段"

    def __str__(self):
        return self.name


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
