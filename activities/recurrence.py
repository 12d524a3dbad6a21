"""Occurrences of activities: the one expansion function every calendar view calls.

Pure functions over already-loaded activities (with their exceptions prefetched): no
database access here. Rules are RFC 5545 RRULEs evaluated by python-dateutil at Beijing
wall-clock time, and only for the range asked for.
"""

import dataclasses
import datetime
import re

from dateutil import rrule
from django.utils import timezone

from home.templatetags.site_tags import cn_date

WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
FREQUENCIES = {"DAILY": rrule.DAILY, "WEEKLY": rrule.WEEKLY, "MONTHLY": rrule.MONTHLY}

SCHEDULED = "scheduled"
CANCELLED = "cancelled"
POSTPONED = "postponed"
MOVED = "moved"


@dataclasses.dataclass
class Occurrence:
    """One dated happening of an activity, as shown in a calendar."""

    activity: object
    start: datetime.datetime  # aware
    end: datetime.datetime  # aware
    status: str = SCHEDULED
    note: str = ""
    original_start: datetime.datetime | None = None  # for moved occurrences

    @property
    def is_cancelled(self):
        return self.status == CANCELLED

    def days(self):
        """Local dates this occurrence touches (a multi-day activity touches several)."""
        first = timezone.localtime(self.start).date()
        last = timezone.localtime(self.end - datetime.timedelta(microseconds=1)).date()
        last = max(first, last)
        return [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]

    def overlaps(self, start, end):
        return self.start < end and self.end > start


def nth_weekday(day):
    """(n, weekday) of a date within its month: 2026-11-10 is the 2nd Tuesday → (2, 1).
    The fifth occurrence of a weekday counts as the last (-1)."""
    n = (day.day - 1) // 7 + 1
    return (-1 if n == 5 else n), day.weekday()


def build_rule(activity, dtstart):
    """The dateutil rule of a repeating activity, with a naive Beijing-time ``dtstart``."""
    kwargs = {"dtstart": dtstart, "interval": activity.repeat_interval or 1}
    if activity.repeat == "WEEKLY":
        codes = activity.weekday_codes() or [WEEKDAY_CODES[dtstart.weekday()]]
        kwargs["byweekday"] = [WEEKDAY_CODES.index(code) for code in codes]
    elif activity.repeat == "MONTHLY":
        if activity.repeat_monthly == "weekday":
            n, weekday = nth_weekday(dtstart.date())
            kwargs["byweekday"] = [rrule.weekday(weekday, n)]
        else:
            kwargs["bymonthday"] = [dtstart.day]
    if activity.repeat_count:
        kwargs["count"] = activity.repeat_count
    elif activity.repeat_until:
        kwargs["until"] = datetime.datetime.combine(activity.repeat_until, datetime.time.max)
    return rrule.rrule(FREQUENCIES[activity.repeat], **kwargs)


def rrule_string(activity):
    """The RRULE value for iCalendar (without the DTSTART line), e.g. FREQ=WEEKLY;BYDAY=TU.

    RFC 5545 wants UNTIL in UTC when DTSTART carries a time zone, and a plain date when
    DTSTART is a date (all-day activities)."""
    start = timezone.localtime(activity.start).replace(tzinfo=None)
    text = str(build_rule(activity, start))
    value = next(line for line in text.splitlines() if line.startswith("RRULE:"))[len("RRULE:") :]
    if activity.repeat_until and not activity.repeat_count:
        if activity.all_day:
            until = f"{activity.repeat_until:%Y%m%d}"
        else:
            last = _aware(
                datetime.datetime.combine(activity.repeat_until, datetime.time(23, 59, 59))
            )
            until = last.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
        value = re.sub(r"UNTIL=[0-9T]+", f"UNTIL={until}", value)
    return value


def _aware(naive):
    return timezone.make_aware(naive)


def series_starts(activity, start=None, end=None):
    """Aware start times of every occurrence of the rule (before exceptions), optionally
    only those whose occurrence overlaps [start, end)."""
    first = timezone.localtime(activity.start).replace(tzinfo=None)
    duration = activity.end - activity.start
    if not activity.repeat:
        starts = [first]
    else:
        rule = build_rule(activity, first)
        if start is None or end is None:
            starts = list(rule) if (activity.repeat_count or activity.repeat_until) else []
        else:
            window_start = timezone.localtime(start - duration).replace(tzinfo=None)
            window_end = timezone.localtime(end).replace(tzinfo=None)
            starts = rule.between(window_start, window_end, inc=True)
    return [_aware(value) for value in starts]


def expand(activity, start, end):
    """Occurrences of ``activity`` overlapping [start, end), exceptions applied, sorted."""
    duration = activity.end - activity.start
    exceptions = {item.date: item for item in activity.exceptions.all()}
    result = []
    # Occurrences moved into the range from a date outside it.
    for item in exceptions.values():
        if item.action == "move" and item.new_start:
            moved_end = item.new_end or item.new_start + duration
            original = _aware(
                datetime.datetime.combine(item.date, timezone.localtime(activity.start).time())
            )
            occurrence = Occurrence(activity, item.new_start, moved_end, MOVED, item.note, original)
            if activity.status == "cancelled":
                occurrence.status = CANCELLED
            if occurrence.overlaps(start, end):
                result.append(occurrence)
    for occurrence_start in series_starts(activity, start, end):
        occurrence = Occurrence(activity, occurrence_start, occurrence_start + duration)
        exception = exceptions.get(timezone.localtime(occurrence_start).date())
        if exception is not None:
            if exception.action == "move" and exception.new_start:
                continue  # shown at its new time above
            if exception.action == "cancel":
                occurrence.status = CANCELLED
            occurrence.note = exception.note
        if activity.status == "cancelled":
            occurrence.status = CANCELLED
        elif activity.status == "postponed":
            occurrence.status = POSTPONED
            occurrence.note = occurrence.note or activity.status_reason
        if occurrence.overlaps(start, end):
            result.append(occurrence)
    if activity.status == "postponed" and activity.postponed_to and not activity.repeat:
        new_end = activity.postponed_to + duration
        moved = Occurrence(
            activity,
            activity.postponed_to,
            new_end,
            SCHEDULED,
            "原定" + cn_date(activity.start) + "，延期举行",
            activity.start,
        )
        if moved.overlaps(start, end):
            result.append(moved)
    return sorted(result, key=lambda o: (o.start, o.activity.pk))


def occurrences(activities, start, end):
    """All occurrences of ``activities`` overlapping [start, end), sorted by start."""
    result = []
    for activity in activities:
        result.extend(expand(activity, start, end))
    return sorted(result, key=lambda o: (o.start, o.end, o.activity.pk))


def first_occurrences(activities, start, end, count):
    """The first ``count`` of ``occurrences(activities, start, end)``, expanding a week
    first, then a window four times as long each time, until ``count`` are found or the
    window reaches ``end``: the home page's next five dates need not expand four months of
    every weekly series. An occurrence outside a window starts after every one inside it,
    so the first ``count`` found are the first of all."""
    span = datetime.timedelta(days=7)
    while True:
        window_end = min(start + span, end)
        found = occurrences(activities, start, window_end)
        if len(found) >= count or window_end >= end:
            return found[:count]
        span *= 4


def last_end(activity):
    """When the series ends (aware), or None for a rule without an end."""
    duration = activity.end - activity.start
    ends = [activity.end]
    if activity.repeat:
        if not (activity.repeat_count or activity.repeat_until):
            return None
        starts = series_starts(activity)
        if starts:
            ends.append(starts[-1] + duration)
    for item in activity.exceptions.all():
        if item.action == "move" and item.new_start:
            ends.append(item.new_end or item.new_start + duration)
    if activity.status == "postponed" and activity.postponed_to:
        ends.append(activity.postponed_to + duration)
    return max(ends)
