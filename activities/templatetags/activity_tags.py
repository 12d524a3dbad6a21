"""Template tags for activities: Chinese date-times of occurrences, the home page list."""

import datetime

from django import template
from django.utils import timezone

from activities import recurrence
from activities.models import ActivityPage, CalendarPage, WriteUpIndexPage, WriteUpPage
from home.templatetags.site_tags import _site_root, cn_date, site_index

register = template.Library()


def _span(occurrence):
    """Start, end and the last day touched (an end at midnight touches the day before)."""
    start = timezone.localtime(occurrence.start)
    end = timezone.localtime(occurrence.end)
    return start, end, occurrence.days()[-1]


@register.filter
def occurrence_when(occurrence):
    """2026年11月22日 星期日 14:00–16:00; 2026年11月20日 至 11月22日; … 全天."""
    start, end, last_day = _span(occurrence)
    all_day = occurrence.activity.all_day
    if last_day == start.date():
        times = "全天" if all_day else f"{start:%H:%M}–{end:%H:%M}"
        return f"{cn_date(start.date(), 'weekday')} {times}"
    end_text = (
        f"{last_day.month}月{last_day.day}日" if last_day.year == start.year else cn_date(last_day)
    )
    if all_day:
        return f"{cn_date(start.date())} 至 {end_text}"
    return f"{cn_date(start.date())} {start:%H:%M} 至 {end_text} {end:%H:%M}"


@register.filter
def occurrence_time(occurrence):
    """The short time shown in a month-grid cell: 14:00, 全天 or 多日."""
    start, _end, last_day = _span(occurrence)
    if last_day != start.date():
        return "多日"
    return "全天" if occurrence.activity.all_day else f"{start:%H:%M}"


@register.inclusion_tag("activities/includes/upcoming.html", takes_context=True)
def upcoming_activities(context, count=5):
    """The next ``count`` occurrences of this site's calendar, for the home page."""
    request = context.get("request")
    root = _site_root(request)
    activities = ActivityPage.objects.for_calendar()
    if root is not None:
        activities = activities.descendant_of(root)
    calendar = site_index(request, CalendarPage)
    now = timezone.now()
    horizon = now + datetime.timedelta(days=120)
    candidates = activities.next_candidates(now, horizon, count)
    found = recurrence.first_occurrences(candidates, now, horizon, count)
    return {"occurrences": found, "calendar": calendar, "request": request}


@register.inclusion_tag("activities/includes/latest_writeups.html", takes_context=True)
def latest_writeups(context, count=4):
    """The newest published school write-ups of this site, for the home page."""
    request = context.get("request")
    root = _site_root(request)
    writeups = WriteUpPage.objects.for_listing()
    if root is not None:
        writeups = writeups.descendant_of(root)
    index = site_index(request, WriteUpIndexPage)
    return {"writeups": list(writeups[:count]), "index": index, "request": request}
