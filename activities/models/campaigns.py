"""主题教育活动: reading, legal-education and family-education campaigns.

A campaign page carries what staff write (theme, dates, reading list, topics, the roster of
法治副校长, schools, awards, photos) and gathers the rest by itself: its activities from the
calendar, published school write-ups about it, related news (by shared tags) and live
figures.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count
from django.http import Http404
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from activities import recurrence
from activities.models.campaign_parts import GRADE_BANDS
from activities.models.gallery import PhotoGalleryMixin
from home.blocks import BodyBlock
from home.filters import filter_values
from home.images import with_renditions
from home.models import BasePage, NewsPage
from home.models.base import SitePageManager, SitePageQuerySet
from home.models.workplans import recent_points
from home.pagination import paginate

KINDS = [("reading", "读书活动"), ("law", "法治教育"), ("family", "家庭教育"), ("other", "其他")]
STATUSES = {"running": "进行中", "upcoming": "筹备中", "finished": "已结束"}
CAMPAIGNS_PER_PAGE = 12
CARD_RENDITION = "fill-640x360|format-webp"


class CampaignPageQuerySet(SitePageQuerySet):
    def for_listing(self):
        """Live, public campaigns with the numbers their cards show: the one listing query."""
        return with_renditions(self.live().public(), "listing_image", CARD_RENDITION).annotate(
            school_count=Count("schools", distinct=True),
            book_count=Count("reading_list", distinct=True),
            advisor_count=Count("advisors", distinct=True),
        )


CampaignPageManager = SitePageManager.from_queryset(CampaignPageQuerySet)


class CampaignIndexPage(BasePage):
    """主题教育活动: running campaigns first, then upcoming, then finished; filters by kind
    and year."""

    subpage_types = ["activities.CampaignPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "主题教育活动列表页"
        verbose_name_plural = "主题教育活动列表页"

    def campaigns(self):
        return CampaignPage.objects.child_of(self).for_listing()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        values = filter_values(request)
        campaigns = self.campaigns()
        filters = {}
        if values["kind"]:
            if values["kind"] not in dict(KINDS):
                raise Http404("没有这种活动")
            filters["kind"] = (values["kind"], dict(KINDS)[values["kind"]])
            campaigns = campaigns.filter(kind=values["kind"])
        if values["year"]:
            filters["year"] = values["year"]
            campaigns = campaigns.filter(
                start_date__year__lte=values["year"], end_date__year__gte=values["year"]
            )
        today = timezone.localdate()
        ordered = sorted(campaigns, key=lambda campaign: campaign.sort_key(today))
        context.update(
            {
                "page_obj": paginate(request, ordered, CAMPAIGNS_PER_PAGE),
                "filters": filters,
                "kinds": KINDS,
                "years": self.years(),
            }
        )
        return context

    def years(self):
        """Every year some campaign runs in, newest first."""
        spans = self.campaigns().values_list("start_date__year", "end_date__year")
        return sorted({y for first, last in spans for y in range(first, last + 1)}, reverse=True)


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
    stages = ParentalManyToManyField("activities.SchoolStage", verbose_name="面向学段", blank=True)
    goals = models.TextField("活动目标", blank=True, help_text="每行一条")
    body = StreamField(BodyBlock(), verbose_name="活动安排和说明", blank=True)
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
                FieldPanel("stages", widget=forms.CheckboxSelectMultiple),
            ],
            heading="基本情况",
        ),
        FieldPanel("goals"),
        FieldPanel("body"),
        InlinePanel("reading_list", heading="推荐书目（读书活动）", label="书目"),
        InlinePanel("topics", heading="宣讲主题（法治教育）", label="主题"),
        InlinePanel("advisors", heading="法治副校长和法治辅导员", label="人员"),
        FieldPanel("schools"),
        InlinePanel("awards", heading="成果和获奖", label="获奖"),
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
        """The one number a card shows (from ``for_listing`` annotations)."""
        if self.kind == "reading" and getattr(self, "book_count", 0):
            return ("推荐书目", self.book_count, "本")
        if self.kind == "law" and getattr(self, "advisor_count", 0):
            return ("法治副校长和辅导员", self.advisor_count, "位")
        return ("参与学校", getattr(self, "school_count", 0), "所")

    def goal_lines(self):
        return [line.strip() for line in self.goals.splitlines() if line.strip()]

    def reading_groups(self):
        """The reading list grouped by grade band, in the order of the bands."""
        items = list(self.reading_list.all())
        return [
            (label, [item for item in items if item.grade_band == band])
            for band, label in GRADE_BANDS
            if any(item.grade_band == band for item in items)
        ]

    def parts_text(self):
        """The inline parts people search for, as text for the search index: books with
        their authors and notes, legal topics, and where the advisors come from. People's
        names (advisors, award winners) are left out of the index."""
        parts = [f"《{b.title}》{b.author} {b.note}" for b in self.reading_list.all()]
        parts += [f"{t.title} {t.description}" for t in self.topics.all()]
        parts += [a.organisation for a in self.advisors.all()]
        return "；".join(part.strip() for part in parts)

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

        return WriteUpPage.objects.for_listing().filter(campaign=self)

    def related_news(self, limit=5):
        """Live news sharing a tag with the campaign, newest first."""
        tag_ids = [tag.pk for tag in self.tag_list]
        if not tag_ids:
            return []
        return list(
            NewsPage.objects.for_listing()
            .filter(tagged_items__tag_id__in=tag_ids)
            .distinct()
            .order_by("-date", "-pk")[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        upcoming, past = self.activity_occurrences()
        held = [occurrence for occurrence in past if not occurrence.is_cancelled]
        writeups = list(self.published_writeups())
        schools = list(self.schools.all())
        reading_groups = self.reading_groups()
        context.update(
            {
                "upcoming_occurrences": upcoming[:6],
                "past_occurrences": held[:6],
                "writeups": writeups[:6],
                "related_news": self.related_news(),
                "schools": schools,
                "awards": list(self.awards.select_related("school")),
                "photos": list(self.gallery()),
                "reading_groups": reading_groups,
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
        )
        return context
