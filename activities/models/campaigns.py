"""主题教育活动: reading, legal-education and family-education campaigns (their index is in
``campaign_index``).

A campaign page carries what staff write (theme, dates, reading list, topics, the roster of
法治副校长, schools, awards, photos) and gathers the rest by itself: its activities from the
calendar, published school write-ups about it, related news (by shared tags) and live
figures. The reading list, topics, roster and awards are StreamFields in the page row, so
they cost no query of their own (docs/performance.md).
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from activities import recurrence
from activities.models.campaign_parts import (
    GRADE_BANDS,
    AdvisorBlock,
    AwardBlock,
    BookBlock,
    TopicBlock,
)
from activities.models.gallery import PhotoGalleryMixin
from activities.models.schools import School, SchoolStagesField, stage_names
from home import pagecache
from home.blocks import BodyBlock
from home.images import with_renditions
from home.models import BasePage, NewsPage
from home.models.base import SitePageManager, SitePageQuerySet
from home.models.workplans import recent_points

KINDS = [("reading", "读书活动"), ("law", "法治教育"), ("family", "家庭教育"), ("other", "其他")]
STATUSES = {"running": "进行中", "upcoming": "筹备中", "finished": "已结束"}
CARD_RENDITION = "fill-640x360|format-webp"
COVER_RENDITION = "fill-120x160|format-webp"  # as campaign_page.html shows a book cover


def block_values(stream):
    """The values of a StreamField's blocks, in order."""
    return [child.value for child in stream]


class CampaignPageQuerySet(SitePageQuerySet):
    def for_listing(self):
        """Live, public campaigns with the numbers their cards show: the one listing query."""
        return with_renditions(self.live().public(), "listing_image", CARD_RENDITION).annotate(
            school_count=Count("schools", distinct=True)
        )


CampaignPageManager = SitePageManager.from_queryset(CampaignPageQuerySet)


class CampaignPage(PhotoGalleryMixin, BasePage):
    """One campaign (e.g. 第五届“中华魂”读书活动): what it is, for whom, when; its reading
    list or legal-education roster; schools, awards, photos; and, gathered automatically,
    its activities, write-ups, related news and figures."""

    gallery_rendition = "fill-480x320|format-webp"

    kind = models.CharField("类型", max_length=10, choices=KINDS, default="reading")
    edition = models.PositiveSmallIntegerField(
        "第几届", null=True, blank=True, help_text="例如填 5，显示为“第五届”；不分届的不填"
    )
    theme = models.CharField("主题", max_length=100, blank=True)
    start_date = models.DateField("开始日期")
    end_date = models.DateField("结束日期")
    organizers = models.CharField(
        "主办和承办单位", max_length=200, blank=True, help_text="例如：区关工委、区教育局"
    )
    stages = SchoolStagesField("面向学段")
    goals = models.TextField("活动目标", blank=True, help_text="每行一条")
    body = StreamField(BodyBlock(), verbose_name="活动安排和说明", blank=True)
    reading_list = StreamField([("book", BookBlock())], verbose_name="推荐书目", blank=True)
    topics = StreamField([("topic", TopicBlock())], verbose_name="宣讲主题", blank=True)
    advisors = StreamField(
        [("advisor", AdvisorBlock())], verbose_name="法治副校长和法治辅导员", blank=True
    )
    awards = StreamField([("award", AwardBlock())], verbose_name="成果和获奖", blank=True)
    schools = ParentalManyToManyField(
        "activities.School", verbose_name="参与学校", blank=True, related_name="campaigns"
    )
    work_points = ParentalManyToManyField(
        "home.WorkPoint",
        verbose_name="落实的工作要点",
        blank=True,
        related_name="campaigns",
        limit_choices_to=recent_points,
    )

    objects = CampaignPageManager()

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("edition")]),
                FieldPanel("theme"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("organizers"),
                FieldPanel("stages"),
            ],
            heading="基本情况",
        ),
        FieldPanel("goals"),
        FieldPanel("body"),
        FieldPanel("reading_list", heading="推荐书目（读书活动）"),
        FieldPanel("topics", heading="宣讲主题（法治教育）"),
        FieldPanel("advisors", heading="法治副校长和法治辅导员"),
        FieldPanel("schools"),
        FieldPanel("awards", heading="成果和获奖"),
        InlinePanel("photos", heading="活动照片", label="照片"),
        BasePage.tags_panel,
        FieldPanel("work_points", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("theme"),
        index.SearchField("goals"),
        index.SearchField("body"),
        index.SearchField("parts_text"),
        index.SearchField("get_kind_display"),
        index.FilterField("kind"),
    ]
    # Its own group in the search page's 按类型 filter (home/search/results.py).
    search_label = "主题教育活动"
    parent_page_types = ["activities.CampaignIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "主题教育活动"
        verbose_name_plural = "主题教育活动"

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "结束日期不能早于开始日期。"})

    # --- derived -------------------------------------------------------------------------

    def status(self, today=None):
        """筹备中 before the first day, 进行中 through the last day, 已结束 after it."""
        today = today or timezone.localdate()
        if today < self.start_date:
            return "upcoming"
        if today > self.end_date:
            return "finished"
        return "running"

    @property
    def status_label(self):
        return STATUSES[self.status()]

    def sort_key(self, today):
        """Running first (ending soonest first), then upcoming (soonest), then finished
        (most recent first)."""
        status = self.status(today)
        if status == "running":
            return (0, self.end_date.toordinal())
        if status == "upcoming":
            return (1, self.start_date.toordinal())
        return (2, -self.end_date.toordinal())

    @property
    def edition_label(self):
        if not self.edition:
            return ""
        from home.models.workplans import cn_numeral

        return f"第{cn_numeral(self.edition)}届"

    @property
    def key_figure(self):
        """The one number a card shows (schools from the ``for_listing`` annotation; books
        and advisors counted in the page row)."""
        if self.kind == "reading" and len(self.reading_list):
            return ("推荐书目", len(self.reading_list), "本")
        if self.kind == "law" and len(self.advisors):
            return ("法治副校长和辅导员", len(self.advisors), "位")
        return ("参与学校", getattr(self, "school_count", 0), "所")

    @property
    def stage_names(self):
        return stage_names(self.stages)

    def goal_lines(self):
        return [line.strip() for line in self.goals.splitlines() if line.strip()]

    def reading_groups(self):
        """The reading list grouped by grade band, in the order of the bands."""
        items = block_values(self.reading_list)
        return [
            (label, [item for item in items if item.get("grade_band") == band])
            for band, label in GRADE_BANDS
            if any(item.get("grade_band") == band for item in items)
        ]

    def parts_text(self):
        """The listed parts people search for, as text for the search index: books with
        their authors and notes, legal topics, and where the advisors come from. People's
        names (advisors, award winners) are left out of the index."""
        books = block_values(self.reading_list)
        parts = [f"《{b.get('title')}》{b.get('author', '')} {b.get('note', '')}" for b in books]
        parts += [f"{t.get('title')} {t.get('description', '')}" for t in block_values(self.topics)]
        parts += [a.get("organisation", "") for a in block_values(self.advisors)]
        return "；".join(part.strip() for part in parts)

    def award_values(self, schools):
        """The awards, each with its school: found among ``schools`` (those taking part,
        already read for the page) or else read in one query with any other missing."""
        values = [block["value"] for block in self.awards.raw_data]
        found = {school.pk: school for school in schools}
        missing = {value.get("school") for value in values} - set(found) - {None}
        if missing:
            found |= School.objects.in_bulk(missing)
        return [{**value, "school": found.get(value.get("school"))} for value in values]

    # --- gathered --------------------------------------------------------------------------

    def activity_occurrences(self, now=None):
        """(upcoming, past) occurrences of this campaign's public activities."""
        from activities.models import ActivityPage

        now = now or timezone.now()
        activities = list(ActivityPage.objects.for_calendar().filter(campaign=self))
        if not activities:
            return [], []
        first = min(activity.series_start for activity in activities)
        upcoming = recurrence.occurrences(activities, now, now + datetime.timedelta(days=400))
        past = [
            occurrence
            for occurrence in recurrence.occurrences(activities, first, now)
            if occurrence.end <= now
        ]
        past.reverse()
        return upcoming, past

    def published_writeups(self):
        from activities.models import WriteUpPage

        # Listed without pictures: no renditions to fetch.
        return WriteUpPage.objects.for_listing().prefetch_related(None).filter(campaign=self)

    def related_news(self, limit=5):
        """Live news sharing a tag with the campaign, newest first."""
        tag_ids = [tag.pk for tag in self.tag_list]
        if not tag_ids:
            return []
        return list(
            NewsPage.objects.for_listing()
            .prefetch_related(None)  # listed without pictures: no renditions to fetch
            .filter(tagged_items__tag_id__in=tag_ids)
            .distinct()
            .order_by("-date", "-pk")[:limit]
        )

    # What get_context adds: everything under the page's header, kept in the template's
    # "campaign-layout" section, so computed only when that section is not kept.
    parts = [
        *("upcoming_occurrences", "past_occurrences", "writeups", "related_news", "schools"),
        *("photos", "reading_groups", "topics", "advisors", "awards", "figures"),
    ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(pagecache.on_use(self.gathered_parts, self.parts))
        return context

    def gathered_parts(self):
        upcoming, past = self.activity_occurrences()
        held = [occurrence for occurrence in past if not occurrence.is_cancelled]
        writeups = list(self.published_writeups())
        schools = list(self.schools.all())
        reading_groups = self.reading_groups()
        covers = [
            book["cover"] for _, books in reading_groups for book in books if book.get("cover")
        ]
        return {
            "upcoming_occurrences": upcoming[:6],
            "past_occurrences": held[:6],
            "writeups": writeups[:6],
            "related_news": self.related_news(),
            "schools": schools,
            "photos": self.gallery(covers, [COVER_RENDITION]),
            "reading_groups": reading_groups,
            "topics": block_values(self.topics),
            "advisors": block_values(self.advisors),
            "awards": self.award_values(schools),
            "figures": [
                ("参与学校", len(schools), "所"),
                ("已举办活动", len(held), "场"),
                ("学校报道", len(writeups), "篇"),
                *(
                    [("推荐书目", sum(len(items) for _, items in reading_groups), "本")]
                    if reading_groups
                    else []
                ),
            ],
        }
