"""An activity (活动) on the public calendar: dates, place, audience, status, recurrence."""

import datetime

from django import forms
from django.db import models
from django.db.models import Exists, OuterRef, Q, prefetch_related_objects
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from activities import recurrence
from activities.ics import calendar_response
from home import pagecache
from home.blocks import BodyBlock
from home.models import BasePage
from home.models.base import SitePageManager, SitePageQuerySet
from home.models.workplans import recent_points
from home.templatetags.site_tags import cn_date

STATUS_CHOICES = [("scheduled", "正常举行"), ("cancelled", "已取消"), ("postponed", "已延期")]
REPEAT_CHOICES = [("", "不重复"), ("DAILY", "每天"), ("WEEKLY", "每周"), ("MONTHLY", "每月")]
MONTHLY_CHOICES = [("day", "按日期（如每月10日）"), ("weekday", "按星期（如每月第2个星期二）")]
WEEKDAY_CHOICES = list(
    zip(
        recurrence.WEEKDAY_CODES,
        ["周一", "周二", "周三", "周四", "周五", "周六", "周日"],
        strict=True,
    )
)
MAX_INTERVAL = 30
MAX_COUNT = 500
MAX_SERIES_YEARS = 5


class ActivityPageQuerySet(SitePageQuerySet):
    def for_calendar(self):
        """Public activities with what the calendar shows: the one calendar query (and one
        for the changed dates). Only the activity page and the JSON feed list audiences."""
        return (
            self.live()
            .public()
            .select_related("category")
            .prefetch_related("exceptions")
            .order_by("start", "pk")
        )

    def in_range(self, start, end):
        """Activities with an occurrence that may overlap [start, end)."""
        return self.filter(
            Q(series_end__gt=start) | Q(series_end__isnull=True), series_start__lt=end
        )

    def next_candidates(self, start, end, count):
        """The activities among which the first ``count`` occurrences in [start, end) are.

        A one-off activity (no repeat, no exception, not postponed) has one occurrence, at
        its own start: only the first ``count`` of those by start can be among the first
        ``count`` occurrences. Every other activity in the range may have any number, so
        all of them come too. ``recurrence.occurrences`` then expands these few instead of
        every activity of the next months (the home page's list: 2,000 activities made it
        expand 300).
        """
        window = self.in_range(start, end)
        one_off = (
            Q(repeat="")
            & ~Q(status="postponed")
            & ~Exists(ActivityException.objects.filter(activity=OuterRef("pk")))
        )
        firsts = window.filter(one_off, end__gt=start).order_by("start", "end", "pk")[:count]
        return list(window.filter(~one_off | Q(pk__in=firsts.values("pk"))))


ActivityPageManager = SitePageManager.from_queryset(ActivityPageQuerySet)


class ActivityPageForm(WagtailAdminPageForm):
    """Validates dates and the repeat rule; every message sits next to its field."""

    repeat_weekdays = forms.MultipleChoiceField(
        label="每周的哪几天",
        choices=WEEKDAY_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="每周重复时选择；不选则按开始日期的星期。",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance and self.instance.repeat_weekdays:
            self.initial["repeat_weekdays"] = self.instance.weekday_codes()

    def clean_repeat_weekdays(self):
        return ",".join(self.cleaned_data.get("repeat_weekdays") or [])

    def clean(self):
        data = super().clean()
        start, end, all_day = data.get("start"), data.get("end"), data.get("all_day")
        if start and end and all_day:
            start, end = _whole_days(start, end)
            data["start"], data["end"] = start, end
        if start and end and end <= start:
            self.add_error("end", "结束时间必须晚于开始时间。")
        if data.get("status") in {"cancelled", "postponed"} and not data.get("status_reason"):
            self.add_error("status_reason", "请填写取消或延期的原因。")
        postponed_to = data.get("postponed_to")
        if postponed_to and data.get("repeat"):
            self.add_error(
                "postponed_to", "重复的活动请用“单次调整”改期某一次，不能整体延期到一个新时间。"
            )
        elif postponed_to and data.get("status") != "postponed":
            self.add_error("postponed_to", "只有“已延期”的活动才需要填写新的时间。")
        if postponed_to and start and postponed_to <= start:
            self.add_error("postponed_to", "新的时间应晚于原定的开始时间。")
        if data.get("repeat"):
            self._clean_rule(data, start)
        self._clean_exceptions(data, start, end)
        return data

    def _clean_rule(self, data, start):
        codes = [code for code in (data.get("repeat_weekdays") or "").split(",") if code]
        first_day = recurrence.WEEKDAY_CODES[timezone.localtime(start).weekday()] if start else None
        if data["repeat"] == "WEEKLY" and codes and first_day and first_day not in codes:
            self.add_error(
                "repeat_weekdays", "开始日期必须是所选的某一天（第一次活动就在开始日期那天）。"
            )
        interval = data.get("repeat_interval") or 1
        if not 1 <= interval <= MAX_INTERVAL:
            self.add_error("repeat_interval", f"间隔应在 1 到 {MAX_INTERVAL} 之间。")
        count, until = data.get("repeat_count"), data.get("repeat_until")
        if count and until:
            self.add_error("repeat_until", "“重复次数”和“重复到哪天”只填一项。")
        if count is not None and not 1 <= count <= MAX_COUNT:
            self.add_error("repeat_count", f"重复次数应在 1 到 {MAX_COUNT} 之间。")
        if until and start:
            first_day = timezone.localtime(start).date()
            if until < first_day:
                self.add_error("repeat_until", "重复的结束日期不能早于活动开始日期。")
            elif until > first_day.replace(year=first_day.year + MAX_SERIES_YEARS):
                self.add_error("repeat_until", f"重复最长 {MAX_SERIES_YEARS} 年。")
        if not count and not until:
            self.add_error("repeat_until", "请填写“重复次数”或“重复到哪天”，让重复有个结束。")

    def _clean_exceptions(self, data, start, end):
        formset = self.formsets.get("exceptions")
        if formset is None or not formset.is_valid() or not (start and end):
            return
        rule_days = None
        if data.get("repeat") and not self.errors:
            probe = ActivityPage(
                start=start,
                end=end,
                **{
                    name: data.get(name)
                    for name in [
                        "repeat",
                        "repeat_interval",
                        "repeat_weekdays",
                        "repeat_monthly",
                        "repeat_until",
                        "repeat_count",
                    ]
                },
            )
            rule_days = {
                timezone.localtime(value).date() for value in recurrence.series_starts(probe)
            }
        seen = set()
        for form in formset.forms:
            cleaned = getattr(form, "cleaned_data", {})
            if not cleaned or cleaned.get("DELETE"):
                continue
            day = cleaned.get("date")
            if day in seen:
                form.add_error("date", "这一天已经有一条调整，请合并成一条。")
            seen.add(day)
            if day and rule_days is not None and day not in rule_days:
                form.add_error("date", "这一天没有这项活动，请选择重复活动中的某一天。")
            if day and not data.get("repeat"):
                form.add_error(
                    "date", "只有重复的活动才能调整某一次；单次活动请直接修改时间或状态。"
                )
            if cleaned.get("action") == "move" and not cleaned.get("new_start"):
                form.add_error("new_start", "改期时请填写新的开始时间。")
            new_start, new_end = cleaned.get("new_start"), cleaned.get("new_end")
            if new_start and new_end and new_end <= new_start:
                form.add_error("new_end", "结束时间必须晚于开始时间。")


def _whole_days(start, end):
    """An all-day activity runs from midnight of its first day to midnight after its last."""
    first = timezone.localtime(start).date()
    last = max(first, timezone.localtime(end).date())
    midnight = datetime.time.min
    return (
        timezone.make_aware(datetime.datetime.combine(first, midnight)),
        timezone.make_aware(datetime.datetime.combine(last + datetime.timedelta(days=1), midnight)),
    )


class ActivityPage(RoutablePageMixin, BasePage):
    """An activity on the calendar: when and where, for whom, its status, and an optional
    repeat rule with exceptions for single dates (cancel one, move one, note one)."""

    start = models.DateTimeField("开始时间")
    end = models.DateTimeField("结束时间")
    all_day = models.BooleanField(
        "全天活动", default=False, help_text="勾选后只显示日期，不显示钟点。"
    )
    venue = models.CharField(
        "地点", max_length=80, blank=True, help_text="例如：区老干部活动中心三楼报告厅"
    )
    address = models.CharField("详细地址", max_length=120, blank=True)
    organizer = models.CharField("主办单位", max_length=80, blank=True)
    audiences = ParentalManyToManyField("activities.Audience", verbose_name="活动对象", blank=True)
    category = models.ForeignKey(
        "activities.ActivityCategory",
        verbose_name="分类",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name="活动介绍", blank=True)
    campaign = models.ForeignKey(
        "activities.CampaignPage",
        verbose_name="所属主题教育活动",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
        help_text="属于某项读书、法治或家庭教育活动时选择，活动会显示在它的页面上",
    )
    work_points = ParentalManyToManyField(
        "home.WorkPoint",
        verbose_name="落实的工作要点",
        blank=True,
        related_name="activities",
        limit_choices_to=recent_points,
        help_text="这项活动落实的是哪几条工作要点（可不选）",
    )

    status = models.CharField("状态", max_length=10, choices=STATUS_CHOICES, default="scheduled")
    status_reason = models.CharField("取消或延期的原因", max_length=200, blank=True)
    postponed_to = models.DateTimeField("延期后的开始时间", null=True, blank=True)

    repeat = models.CharField("重复", max_length=10, choices=REPEAT_CHOICES, blank=True)
    repeat_interval = models.PositiveSmallIntegerField(
        "间隔", default=1, help_text="每隔几天、几周或几个月"
    )
    repeat_weekdays = models.CharField("每周的哪几天", max_length=30, blank=True)
    repeat_monthly = models.CharField(
        "每月重复方式", max_length=10, choices=MONTHLY_CHOICES, default="day", blank=True
    )
    repeat_until = models.DateField("重复到哪天", null=True, blank=True)
    repeat_count = models.PositiveSmallIntegerField("重复次数", null=True, blank=True)

    # Derived on save, for range queries and iCalendar.
    series_start = models.DateTimeField(editable=False, null=True, db_index=True)
    series_end = models.DateTimeField(editable=False, null=True, db_index=True)
    sequence = models.PositiveIntegerField(editable=False, default=0)

    objects = ActivityPageManager()
    select_with_page = ["category"]
    base_form_class = ActivityPageForm

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("all_day")],
            heading="时间",
        ),
        MultiFieldPanel(
            [FieldPanel("venue"), FieldPanel("address"), FieldPanel("organizer")],
            heading="地点和主办",
        ),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
        FieldPanel("category"),
        FieldPanel("campaign"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("status_reason"), FieldPanel("postponed_to")],
            heading="状态",
        ),
        MultiFieldPanel(
            [
                FieldPanel("repeat"),
                FieldPanel("repeat_interval"),
                FieldPanel("repeat_weekdays"),
                FieldPanel("repeat_monthly"),
                FieldRowPanel([FieldPanel("repeat_until"), FieldPanel("repeat_count")]),
            ],
            heading="重复",
        ),
        InlinePanel(
            "exceptions",
            heading="单次调整",
            label="调整",
            help_text="取消、改期或备注重复活动中的某一次",
        ),
        BasePage.tags_panel,
        FieldPanel("work_points", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("venue"),
        index.SearchField("organizer"),
        index.FilterField("start"),
    ]

    # Its own group in the search page's 按类型 filter (home/search/results.py).
    search_label = "活动"
    parent_page_types = ["activities.CalendarPage"]
    subpage_types = []

    class Meta:
        verbose_name = "活动"
        verbose_name_plural = "活动"

    def weekday_codes(self):
        return [code for code in self.repeat_weekdays.split(",") if code]

    def save(self, *args, **kwargs):
        if self.pk:
            # SEQUENCE lives on the row, not in revisions: an older copy never lowers it.
            stored = (
                type(self).objects.filter(pk=self.pk).values_list("sequence", flat=True).first()
            )
            self.sequence = max(self.sequence, stored or 0)
        if self.start and self.end:
            self.series_start = min(
                [self.start]
                + [
                    item.new_start
                    for item in self.exceptions.all()
                    if item.action == "move" and item.new_start
                ]
            )
            self.series_end = recurrence.last_end(self)
        return super().save(*args, **kwargs)

    # --- what the page shows -------------------------------------------------------------

    @property
    def card_image(self):
        return self.listing_image

    @property
    def single_occurrence(self):
        """The activity's own date as an occurrence (for a one-off activity)."""
        status = {"cancelled": recurrence.CANCELLED, "postponed": recurrence.POSTPONED}
        return recurrence.Occurrence(
            self, self.start, self.end, status.get(self.status, "scheduled")
        )

    @property
    def repeat_description(self):
        """每周二、周四 14:00–16:00，共 10 次 — the rule in plain words."""
        if not self.repeat:
            return ""
        start, end = timezone.localtime(self.start), timezone.localtime(self.end)
        every = {"DAILY": "天", "WEEKLY": "周", "MONTHLY": "个月"}[self.repeat]
        interval = self.repeat_interval or 1
        text = f"每{every}" if interval == 1 else f"每{interval}{every}"
        if self.repeat == "WEEKLY":
            names = dict(WEEKDAY_CHOICES)
            codes = self.weekday_codes() or [recurrence.WEEKDAY_CODES[start.weekday()]]
            days = "、".join(names[code] for code in codes)
            text = f"每{days}" if interval == 1 else f"{text}的{days}"  # 每周六、周日 / 每2周的周六
        elif self.repeat == "MONTHLY":
            if self.repeat_monthly == "weekday":
                n, weekday = recurrence.nth_weekday(start.date())
                which = "最后一个" if n == -1 else f"第{n}个"
                text += f"{which}{dict(WEEKDAY_CHOICES)[recurrence.WEEKDAY_CODES[weekday]]}"
            else:
                text += f"{start.day}日"
        if not self.all_day:
            text += f" {start:%H:%M}–{end:%H:%M}"
        if self.repeat_count:
            text += f"，共{self.repeat_count}次"
        elif self.repeat_until:
            text += f"，到{cn_date(self.repeat_until)}"
        return text

    def upcoming_occurrences(self, limit=5):
        """The next occurrences of this activity (for a series: its next dates)."""
        now = timezone.now()
        horizon = now + datetime.timedelta(days=400)
        return recurrence.first_occurrences([self], now, horizon, limit)

    # What get_context adds: everything below the page's header, kept in the template's
    # "activity-details" section, so computed only when that section is not kept.
    parts = ["next_occurrences", "next_scheduled", "audiences", "related_activities"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(pagecache.on_use(self.gathered_parts, self.parts))
        return context

    def gathered_parts(self):
        # The dates and the audiences read these: once each.
        prefetch_related_objects([self], "exceptions", "audiences")
        upcoming = self.upcoming_occurrences(6)
        return {
            "next_occurrences": upcoming,
            "next_scheduled": next((o for o in upcoming if not o.is_cancelled), None),
            "audiences": list(self.audiences.all()),
            "related_activities": self.related_activities(),
        }

    def related_activities(self, limit=3):
        """Upcoming activities of the same category."""
        if not self.category_id:
            return []
        now = timezone.now()
        candidates = (
            ActivityPage.objects.for_calendar()
            .sibling_of(self, inclusive=False)
            .filter(category_id=self.category_id)
            .in_range(now, now + datetime.timedelta(days=180))
        )
        found = recurrence.occurrences(candidates, now, now + datetime.timedelta(days=180))
        seen, result = set(), []
        for occurrence in found:
            if occurrence.activity.pk not in seen and not occurrence.is_cancelled:
                seen.add(occurrence.activity.pk)
                result.append(occurrence)
        return result[:limit]

    @path("")
    def detail_view(self, request):
        return self.render(request)

    @path("ics/", name="ics")
    def ics_view(self, request):
        return calendar_response(request, [self], filename=f"activity-{self.pk}.ics")


class ActivityException(Orderable):
    """One date of a repeating activity that is cancelled, moved or carries a note."""

    activity = ParentalKey(ActivityPage, on_delete=models.CASCADE, related_name="exceptions")
    date = models.DateField("原定日期")
    action = models.CharField(
        "调整方式",
        max_length=10,
        choices=[("cancel", "取消这一次"), ("move", "改期"), ("note", "只加备注")],
    )
    new_start = models.DateTimeField("新的开始时间", null=True, blank=True)
    new_end = models.DateTimeField(
        "新的结束时间", null=True, blank=True, help_text="不填则与原活动时长相同"
    )
    note = models.CharField(
        "备注", max_length=200, blank=True, help_text="显示在日历上，例如“因考试周暂停”"
    )

    panels = [
        FieldPanel("date"),
        FieldPanel("action"),
        FieldRowPanel([FieldPanel("new_start"), FieldPanel("new_end")]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "单次调整"
        verbose_name_plural = "单次调整"
