"""The public activity calendar (活动日历): month grid, day view, upcoming list, past
archive, iCalendar and JSON feeds. Every view calls ``recurrence.occurrences``."""

import calendar as pycalendar
import datetime

from django.db.models import Min, prefetch_related_objects
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from activities import recurrence
from activities.ics import calendar_response
from home import pagecache
from home.filters import filter_values, public_tag_or_404
from home.models import BasePage
from home.pagination import paginate

from .activity import ActivityPage
from .categories import ActivityCategory, Audience

MIN_YEAR, MAX_YEAR = 2000, 2100
UPCOMING_DAYS = 180
UPCOMING_PER_PAGE = 20
JSON_MAX_DAYS = 366
WEEKDAY_NAMES = ["一", "二", "三", "四", "五", "六", "日"]


def _midnight(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _month_start(year, month):
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        raise Http404("没有这个月份")
    return datetime.date(year, month, 1)


def _add_months(day, months):
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


class CalendarPage(RoutablePageMixin, BasePage):
    """活动日历: the activities below it, as a month grid, day view, lists and feeds.

    Filters (?category=, ?tag=, ?audience=) combine and survive month navigation.
    """

    is_section_index = True  # a section's front page, found by site_tags.site_index

    subpage_types = ["activities.ActivityPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "活动日历"
        verbose_name_plural = "活动日历"

    # --- data -----------------------------------------------------------------------------

    def activities(self):
        return ActivityPage.objects.child_of(self).for_calendar()

    def filtered_activities(self, request):
        """Activities narrowed by the request's filters; an unknown value is a 404."""
        values = filter_values(request)
        activities = self.activities()
        filters = {}
        if values["category"]:
            filters["category"] = get_object_or_404(ActivityCategory, slug=values["category"])
            activities = activities.filter(category=filters["category"])
        if values["tag"]:
            filters["tag"] = public_tag_or_404(values["tag"])
            activities = activities.filter(tagged_items__tag=filters["tag"])
        if values["audience"]:
            filters["audience"] = get_object_or_404(Audience, slug=values["audience"])
            activities = activities.filter(audiences=filters["audience"])
        return activities, filters

    def occurrences(self, request, start, end):
        activities, filters = self.filtered_activities(request)
        return recurrence.occurrences(activities.in_range(start, end), start, end), filters

    def _render(self, request, template, **context):
        context.setdefault("categories", ActivityCategory.objects.all())
        context.setdefault("audiences", Audience.objects.all())
        context["today"] = timezone.localdate()
        return self.render(request, template=template, context_overrides=context)

    # --- views ----------------------------------------------------------------------------

    @path("")
    def current_month_view(self, request):
        today = timezone.localdate()
        return self.month_view(request, today.year, today.month)

    @path("<int:year>/<int:month>/", name="month")
    def month_view(self, request, year, month):
        first = _month_start(year, month)
        weeks = pycalendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
        start, end = _midnight(weeks[0][0]), _midnight(weeks[-1][-1] + datetime.timedelta(days=1))
        activities, filters = self.filtered_activities(request)
        today = timezone.localdate()
        previous, following = _add_months(first, -1), _add_months(first, 1)

        def grid():
            found = recurrence.occurrences(activities.in_range(start, end), start, end)
            by_day = {}
            for occurrence in found:
                for day in occurrence.days():
                    by_day.setdefault(day, []).append(occurrence)
            weekly = [
                [
                    {
                        "date": day,
                        "in_month": day.month == month,
                        "is_today": day == today,
                        "occurrences": by_day.get(day, []),
                    }
                    for day in week
                ]
                for week in weeks
            ]
            in_month = [
                o for o in found if o.start < _midnight(following) and o.end > _midnight(first)
            ]
            return {"weeks": weekly, "month_occurrences": in_month}

        return self._render(
            request,
            "activities/calendar_month.html",
            month=first,
            weekday_names=WEEKDAY_NAMES,
            previous_month=previous if previous.year >= MIN_YEAR else None,
            next_month=following if following.year <= MAX_YEAR else None,
            filters=filters,
            # Expanded only when the template's "calendar-month" section is not kept.
            **pagecache.on_use(grid, ["weeks", "month_occurrences"]),
        )

    @path("<int:year>/<int:month>/<int:day>/", name="day")
    def day_view(self, request, year, month, day):
        _month_start(year, month)
        try:
            date = datetime.date(year, month, day)
        except ValueError as error:
            raise Http404("没有这一天") from error
        found, filters = self.occurrences(
            request, _midnight(date), _midnight(date + datetime.timedelta(days=1))
        )
        return self._render(
            request,
            "activities/calendar_day.html",
            date=date,
            occurrences=found,
            filters=filters,
            previous_day=date - datetime.timedelta(days=1),
            next_day=date + datetime.timedelta(days=1),
        )

    @path("upcoming/", name="upcoming")
    def upcoming_view(self, request):
        now = timezone.now()
        found, filters = self.occurrences(
            request, now, now + datetime.timedelta(days=UPCOMING_DAYS)
        )
        page_obj = paginate(request, found, UPCOMING_PER_PAGE)
        return self._render(
            request,
            "activities/calendar_list.html",
            page_obj=page_obj,
            filters=filters,
            mode="upcoming",
        )

    @path("past/", name="past")
    def past_index_view(self, request):
        earliest = self.activities().aggregate(first=Min("series_start"))["first"]
        this_month = timezone.localdate().replace(day=1)
        months = []
        if earliest:
            month = timezone.localtime(earliest).date().replace(day=1)
            while month <= this_month and len(months) < 120:
                months.append(month)
                month = _add_months(month, 1)
        return self._render(request, "activities/calendar_past.html", months=list(reversed(months)))

    @path("past/<int:year>/<int:month>/", name="past_month")
    def past_month_view(self, request, year, month):
        first = _month_start(year, month)
        now = timezone.now()
        if _midnight(first) > now:
            raise Http404("这个月还没有过去")
        start = _midnight(first)
        end = min(_midnight(_add_months(first, 1)), now)
        found, filters = self.occurrences(request, start, end)
        past = [occurrence for occurrence in found if occurrence.end <= now]
        page_obj = paginate(request, list(reversed(past)), UPCOMING_PER_PAGE)
        return self._render(
            request,
            "activities/calendar_list.html",
            page_obj=page_obj,
            filters=filters,
            mode="past",
            month=first,
        )

    @path("ics/", name="ics")
    def ics_view(self, request):
        activities, filters = self.filtered_activities(request)
        recent = timezone.now() - datetime.timedelta(days=365)
        activities = activities.in_range(recent, _midnight(datetime.date(MAX_YEAR, 12, 31)))
        name = " - ".join([self.title, *[getattr(value, "name", "") for value in filters.values()]])
        return calendar_response(request, activities, filename="calendar.ics", name=name)

    @path("json/", name="json")
    def json_view(self, request):
        """Occurrences between ?start=YYYY-MM-DD and ?end=YYYY-MM-DD (end exclusive)."""
        try:
            today = timezone.localdate()
            first = datetime.date.fromisoformat(
                request.GET.get("start") or today.replace(day=1).isoformat()
            )
            last = datetime.date.fromisoformat(
                request.GET.get("end") or _add_months(first, 1).isoformat()
            )
        except ValueError:
            return JsonResponse({"error": "日期格式应为 YYYY-MM-DD。"}, status=400)
        if not (MIN_YEAR <= first.year <= MAX_YEAR and MIN_YEAR <= last.year <= MAX_YEAR):
            return JsonResponse(
                {"error": f"日期应在 {MIN_YEAR} 年到 {MAX_YEAR} 年之间。"}, status=400
            )
        if last <= first or (last - first).days > JSON_MAX_DAYS:
            return JsonResponse(
                {"error": f"结束日期应晚于开始日期，且相隔不超过 {JSON_MAX_DAYS} 天。"}, status=400
            )
        found, _ = self.occurrences(request, _midnight(first), _midnight(last))
        activities = {occurrence.activity.pk: occurrence.activity for occurrence in found}
        prefetch_related_objects(list(activities.values()), "audiences")
        return JsonResponse(
            {
                "start": first.isoformat(),
                "end": last.isoformat(),
                "occurrences": [_occurrence_json(request, item) for item in found],
            },
            json_dumps_params={"ensure_ascii": False},
        )


def _occurrence_json(request, occurrence):
    activity = occurrence.activity
    return {
        "title": activity.title,
        "url": request.build_absolute_uri(activity.get_url(request)),
        "start": timezone.localtime(occurrence.start).isoformat(),
        "end": timezone.localtime(occurrence.end).isoformat(),
        "all_day": activity.all_day,
        "status": occurrence.status,
        "note": occurrence.note,
        "venue": activity.venue,
        "category": activity.category.name if activity.category else None,
        "audiences": [audience.name for audience in activity.audiences.all()],
    }
