"""Annual work points (年度工作要点): one structured page per year, points numbered at
render time, and an index of points that news and activities link to (落实情况)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import DocumentLinkBlock

from .base import BasePage

STATUS_CHOICES = [("not_started", "未启动"), ("in_progress", "推进中"), ("done", "已完成")]
CN_DIGITS = "零一二三四五六七八九"
CIRCLED = [chr(0x2460 + n) for n in range(20)]  # ① … ⑳


def cn_numeral(number):
    """1 → 一, 10 → 十, 14 → 十四, 20 → 二十, 23 → 二十三 (up to 99)."""
    tens, units = divmod(number, 10)
    text = ("" if tens == 1 else CN_DIGITS[tens]) + "十" if tens else ""
    return text + (CN_DIGITS[units] if units else "") if number else "零"


def circled(number):
    """1 → ①; past ⑳, （21）."""
    return CIRCLED[number - 1] if 1 <= number <= len(CIRCLED) else f"（{number}）"


class PointBlock(blocks.StructBlock):
    headline = blocks.CharBlock(
        label="要点标题",
        required=False,
        max_length=100,
        help_text="开头的一句概括，例如“配齐法治副校长。”，可不填",
    )
    body = blocks.TextBlock(label="具体内容")
    status = blocks.ChoiceBlock(label="落实状态", choices=STATUS_CHOICES, default="not_started")

    class Meta:
        icon = "list-ol"
        label = "要点"


class SectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label="部分标题", max_length=120, help_text="不用写“一、”，编号自动生成"
    )
    points = blocks.ListBlock(PointBlock(), label="要点", collapsed=False)

    class Meta:
        icon = "folder-open-inverse"
        label = "部分"


class SpecialActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="专项行动名称", max_length=120)
    leaders = blocks.CharBlock(label="责任领导", required=False, max_length=200)
    tasks = blocks.ListBlock(blocks.CharBlock(label="任务", max_length=300), label="任务清单")
    effect = blocks.TextBlock(label="效果", required=False)
    units = blocks.CharBlock(label="责任单位", required=False, max_length=300)

    class Meta:
        icon = "pick"
        label = "专项行动"


def year_taken_message(year):
    return f"{year}年的工作要点已经存在，请修改原有页面。"


class WorkPlanPageForm(WagtailAdminPageForm):
    """One plan per year under the same index."""

    def clean(self):
        data = super().clean()
        year = data.get("year")
        if year and self.parent_page is not None:
            siblings = WorkPlanPage.objects.child_of(self.parent_page).filter(year=year)
            if siblings.exclude(pk=self.instance.pk).exists():
                self.add_error("year", year_taken_message(year))
        return data


class WorkPlanIndexPage(BasePage):
    """年度工作要点: the list of yearly plans, newest first."""

    is_section_index = True  # a section's front page, found by site_tags.site_index

    subpage_types = ["home.WorkPlanPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "工作要点列表页"
        verbose_name_plural = "工作要点列表页"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["plans"] = WorkPlanPage.objects.child_of(self).live().public().order_by("-year")
        return context


class WorkPlanPage(BasePage):
    """One year's work points: preamble, sections of points (numbered 1…N across sections
    when shown), special actions, original documents, and what was done for each point."""

    year = models.PositiveSmallIntegerField("年度")
    issuer = models.CharField("发文单位", max_length=80, blank=True)
    doc_number = models.CharField(
        "文号", max_length=40, blank=True, help_text="例如：青关工〔2026〕1号"
    )
    issue_date = models.DateField("印发日期", null=True, blank=True)
    preamble = models.TextField("总体要求", blank=True)
    sections = StreamField([("section", SectionBlock())], verbose_name="工作要点", blank=True)
    special_actions = StreamField(
        [("action", SpecialActionBlock())], verbose_name="专项行动", blank=True
    )
    attachments = StreamField(
        [("document", DocumentLinkBlock())], verbose_name="原文下载", blank=True
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("year"),
                FieldPanel("issuer"),
                FieldRowPanel([FieldPanel("doc_number"), FieldPanel("issue_date")]),
            ],
            heading="发文信息",
        ),
        FieldPanel("preamble"),
        FieldPanel("sections"),
        FieldPanel("special_actions"),
        FieldPanel("attachments"),
        BasePage.tags_panel,
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("preamble"),
        index.SearchField("sections"),
        index.SearchField("special_actions"),
        index.FilterField("year"),
    ]

    # Its own group in the search page's 按类型 filter (home/search/results.py).
    search_label = "年度工作要点"
    parent_page_types = ["home.WorkPlanIndexPage"]
    subpage_types = []
    base_form_class = WorkPlanPageForm

    class Meta:
        verbose_name = "年度工作要点"
        verbose_name_plural = "年度工作要点"

    def clean(self):
        super().clean()
        if self.year and not 2000 <= self.year <= 2100:
            raise ValidationError({"year": "年度应在 2000 到 2100 之间。"})
        if self.year and self.path:
            siblings = WorkPlanPage.objects.filter(
                path__startswith=self.path[: -self.steplen], depth=self.depth
            )
            if siblings.filter(year=self.year).exclude(pk=self.pk).exists():
                raise ValidationError({"year": year_taken_message(self.year)})

    # --- numbering, derived every time ------------------------------------------------------

    def numbered(self):
        """Sections as 一、二、…, points numbered 1…N across sections, with their ids."""
        result, number = [], 0
        for position, section in enumerate(self.sections, start=1):
            points = []
            for child in section.value["points"].bound_blocks:
                number += 1
                points.append({"number": number, "id": child.id, **child.value})
            result.append(
                {
                    "numeral": cn_numeral(position),
                    "position": position,
                    "title": section.value["title"],
                    "points": points,
                    "first_number": points[0]["number"] if points else None,
                    "last_number": points[-1]["number"] if points else None,
                }
            )
        return result

    def numbered_actions(self):
        return [
            {
                "numeral": cn_numeral(position),
                "position": position,
                **action.value,
                "tasks": [
                    (circled(n), task) for n, task in enumerate(action.value["tasks"], start=1)
                ],
            }
            for position, action in enumerate(self.special_actions, start=1)
        ]

    # --- the index of points other pages link to --------------------------------------------

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "sections" in update_fields:
            self.sync_points()
        return result

    def sync_points(self):
        """One WorkPoint row per point of the saved content, found again by block id."""
        keep = []
        for section in self.numbered():
            for point in section["points"]:
                headline = point["headline"] or point["body"][:40]
                WorkPoint.objects.update_or_create(
                    plan=self,
                    block_id=point["id"],
                    defaults={"number": point["number"], "headline": headline[:200]},
                )
                keep.append(point["id"])
        WorkPoint.objects.filter(plan=self).exclude(block_id__in=keep).delete()

    # --- the public page ------------------------------------------------------------------

    def linked_pages_by_point(self):
        """{block id: [live public pages that carry the point out]} in one query per kind
        of page that links to points (news, activities, later campaigns)."""
        relations = [
            rel
            for rel in WorkPoint._meta.related_objects
            if rel.many_to_many and issubclass(rel.related_model, Page)
        ]
        prefetches = [
            Prefetch(
                rel.get_accessor_name(),
                queryset=rel.related_model.objects.live().public().order_by("pk"),
            )
            for rel in relations
        ]
        linked = {}
        for point in WorkPoint.objects.filter(plan=self).prefetch_related(*prefetches):
            pages = []
            for rel in relations:
                pages.extend(getattr(point, rel.get_accessor_name()).all())
            linked[point.block_id] = pages
        return linked

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sections = self.numbered()
        linked = self.linked_pages_by_point()
        total = done = 0
        for section in sections:
            for point in section["points"]:
                point["linked"] = linked.get(point["id"], [])
                point["status_label"] = dict(STATUS_CHOICES).get(point["status"], "")
                total += 1
                done += bool(point["linked"])
        siblings = WorkPlanPage.objects.sibling_of(self, inclusive=False).live().public()
        context.update(
            numbered_sections=sections,
            numbered_actions=self.numbered_actions(),
            points_total=total,
            points_carried_out=done,
            previous_plan=siblings.filter(year__lt=self.year).order_by("-year").first(),
            next_plan=siblings.filter(year__gt=self.year).order_by("year").first(),
        )
        return context


class WorkPoint(models.Model):
    """A point of a published work plan, kept in step with the plan's content so that news
    and activities can say which points they carry out."""

    plan = models.ForeignKey(WorkPlanPage, on_delete=models.CASCADE, related_name="point_index")
    block_id = models.CharField(max_length=64)
    number = models.PositiveSmallIntegerField("序号")
    headline = models.CharField("要点", max_length=200)

    class Meta:
        ordering = ["-plan__year", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "block_id"], name="unique_point_per_plan")
        ]
        verbose_name = "工作要点条目"
        verbose_name_plural = "工作要点条目"

    def __str__(self):
        return f"{self.plan.year}年第{self.number}条：{self.headline}"

    def get_absolute_url(self):
        return f"{self.plan.url}#point-{self.number}"


def recent_points():
    """What the chooser on news and activities offers: points of this and last year."""
    return {"plan__year__gte": datetime.date.today().year - 1, "plan__live": True}
