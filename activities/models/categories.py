"""Activity categories (editable) and audiences (a fixed list)."""

from django.db import models
from wagtail.admin.panels import FieldPanel


class ActivityCategory(models.Model):
    """A kind of activity (宣讲, 读书, 法治教育 …), edited by staff as a snippet."""

    name = models.CharField("名称", max_length=20, unique=True)
    slug = models.SlugField(
        "网址名称", max_length=40, unique=True, help_text="用于网址，只能包含英文字母、数字和连字符"
    )
    sort_order = models.PositiveSmallIntegerField("排序", default=0, help_text="数字小的排在前面")

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "活动分类"
        verbose_name_plural = "活动分类"

    def __str__(self):
        return self.name


class Audience(models.Model):
    """Who an activity is for: 学生, 家长, 教师, 五老志愿者, 公众 (created by a migration)."""

    name = models.CharField("名称", max_length=20, unique=True)
    slug = models.SlugField("网址名称", max_length=40, unique=True)
    sort_order = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        ordering = ["sort_order"]
        verbose_name = "活动对象"
        verbose_name_plural = "活动对象"

    def __str__(self):
        return self.name
