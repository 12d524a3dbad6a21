"""iCalendar output (RFC 5545) for activities, built with the icalendar library.

A repeating activity is one VEVENT with an RRULE; cancelled dates become EXDATEs; moved
or annotated dates become extra VEVENTs with a RECURRENCE-ID. UIDs are stable, SEQUENCE
grows with every publication, and a VTIMEZONE for Asia/Shanghai is included.
"""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event, vRecur, vText

from activities import recurrence

PRODID = "-//qinghe-ggw//activities//ZH"


def _local(value):
    return timezone.localtime(value)


def _uid(activity, request):
    return f"activity-{activity.pk}@{request.get_host().split(':')[0]}"


def _add_times(event, activity, start, end):
    if activity.all_day:
        first = _local(start).date()
        # DTEND of a date is exclusive: the day after the last day the activity touches.
        last = (_local(end) - datetime.timedelta(microseconds=1)).date() if end > start else first
        event.add("dtstart", first)
        event.add("dtend", max(last, first) + datetime.timedelta(days=1))
    else:
        event.add("dtstart", _local(start))
        event.add("dtend", _local(end))


def _base_event(activity, request):
    event = Event()
    event.add("uid", _uid(activity, request))
    event.add("summary", activity.title)
    event.add("sequence", activity.sequence)
    event.add("dtstamp", activity.last_published_at or timezone.now())
    event.add("url", request.build_absolute_uri(activity.get_url(request)))
    location = "，".join(part for part in [activity.venue, activity.address] if part)
    if location:
        event.add("location", vText(location))
    description = activity.intro
    if activity.status in {"cancelled", "postponed"} and activity.status_reason:
        description = f"{activity.get_status_display()}：{activity.status_reason}\n{description}"
    if description:
        event.add("description", description.strip())
    if activity.category:
        event.add("categories", [activity.category.name])
    return event


def activity_events(activity, request):
    """The VEVENTs of one activity: the master event and its overrides."""
    master = _base_event(activity, request)
    start, end = activity.start, activity.end
    if activity.status == "postponed" and activity.postponed_to and not activity.repeat:
        start, end = activity.postponed_to, activity.postponed_to + (activity.end - activity.start)
    _add_times(master, activity, start, end)
    if activity.status == "cancelled":
        master.add("status", "CANCELLED")
    elif activity.status == "postponed" and not activity.postponed_to:
        master.add("status", "TENTATIVE")
    else:
        master.add("status", "CONFIRMED")
    events = [master]
    if not activity.repeat:
        return events

    master.add("rrule", vRecur.from_ical(recurrence.rrule_string(activity)))
    starts_by_day = {_local(value).date(): value for value in recurrence.series_starts(activity)}
    duration = activity.end - activity.start
    for item in sorted(activity.exceptions.all(), key=lambda item: item.date):
        original = starts_by_day.get(item.date) or timezone.make_aware(
            datetime.datetime.combine(item.date, _local(activity.start).time())
        )
        if item.action == "cancel":
            master.add("exdate", original.date() if activity.all_day else _local(original))
            continue
        override = _base_event(activity, request)
        override.add("recurrence-id", original.date() if activity.all_day else _local(original))
        if item.action == "move" and item.new_start:
            _add_times(
                override, activity, item.new_start, item.new_end or item.new_start + duration
            )
        else:
            _add_times(override, activity, original, original + duration)
        if item.note:
            override["DESCRIPTION"] = vText(f"{item.note}\n{activity.intro}".strip())
        override.add("status", "CONFIRMED")
        events.append(override)
    return events


def build_calendar(request, activities, name):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Asia/Shanghai")
    for activity in activities:
        for event in activity_events(activity, request):
            calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar


def calendar_response(request, activities, *, filename, name="活动日历"):
    calendar = build_calendar(request, activities, name)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
