"""The one expansion function: rules, exceptions, multi-day spans, visible range only."""

import datetime

import pytest

from activities import recurrence
from activities.models import ActivityException, ActivityPage
from tests.factories import aware

# Wagtail pages look up their default locale when created, even unsaved.
pytestmark = pytest.mark.django_db


def make(start, end, *, exceptions=(), **fields):
    activity = ActivityPage(title="测试", start=start, end=end, **fields)
    activity.exceptions = list(exceptions)
    return activity


def starts(occurrences):
    from django.utils import timezone

    return [timezone.localtime(o.start).strftime("%Y-%m-%d %H:%M") for o in occurrences]


NOV = (aware(2026, 11, 1), aware(2026, 12, 1))


def test_single_activity():
    activity = make(aware(2026, 11, 18, 14), aware(2026, 11, 18, 16))

    assert starts(recurrence.expand(activity, *NOV)) == ["2026-11-18 14:00"]
    assert recurrence.expand(activity, aware(2026, 12, 1), aware(2027, 1, 1)) == []


def test_weekly_with_count_keeps_beijing_wall_clock_time():
    activity = make(
        aware(2026, 11, 7, 9, 30),
        aware(2026, 11, 7, 11),
        repeat="WEEKLY",
        repeat_weekdays="SA",
        repeat_count=3,
    )

    assert starts(recurrence.expand(activity, *NOV)) == [
        "2026-11-07 09:30",
        "2026-11-14 09:30",
        "2026-11-21 09:30",
    ]


def test_weekly_on_several_days_with_interval_and_until():
    activity = make(
        aware(2026, 11, 2, 19),
        aware(2026, 11, 2, 20),
        repeat="WEEKLY",
        repeat_interval=2,
        repeat_weekdays="MO,TH",
        repeat_until=datetime.date(2026, 11, 19),
    )

    assert starts(recurrence.expand(activity, *NOV)) == [
        "2026-11-02 19:00",
        "2026-11-05 19:00",
        "2026-11-16 19:00",
        "2026-11-19 19:00",
    ]


def test_monthly_second_tuesday():
    activity = make(
        aware(2026, 11, 10, 15),
        aware(2026, 11, 10, 16),
        repeat="MONTHLY",
        repeat_monthly="weekday",
        repeat_count=3,
    )

    found = recurrence.expand(activity, aware(2026, 11, 1), aware(2027, 3, 1))

    assert starts(found) == ["2026-11-10 15:00", "2026-12-08 15:00", "2027-01-12 15:00"]


def test_monthly_by_day_of_month_and_daily():
    monthly = make(
        aware(2026, 10, 20, 9),
        aware(2026, 10, 20, 10),
        repeat="MONTHLY",
        repeat_until=datetime.date(2027, 1, 31),
    )
    daily = make(aware(2026, 11, 29, 8), aware(2026, 11, 29, 9), repeat="DAILY", repeat_count=5)

    assert starts(recurrence.expand(monthly, *NOV)) == ["2026-11-20 09:00"]
    assert starts(recurrence.expand(daily, *NOV)) == ["2026-11-29 08:00", "2026-11-30 08:00"]


def test_last_weekday_of_month_counts_as_last():
    assert recurrence.nth_weekday(datetime.date(2026, 11, 30)) == (-1, 0)  # 5th Monday → last
    assert recurrence.nth_weekday(datetime.date(2026, 11, 10)) == (2, 1)


def test_exceptions_cancel_move_and_note():
    activity = make(
        aware(2026, 11, 7, 9, 30),
        aware(2026, 11, 7, 11),
        repeat="WEEKLY",
        repeat_count=4,
        exceptions=[
            ActivityException(date=datetime.date(2026, 11, 14), action="cancel", note="暂停"),
            ActivityException(
                date=datetime.date(2026, 11, 21),
                action="move",
                new_start=aware(2026, 11, 22, 14, 30),
                note="改在周日",
            ),
            ActivityException(date=datetime.date(2026, 11, 28), action="note", note="请带笔记本"),
        ],
    )

    found = recurrence.expand(activity, *NOV)

    assert starts(found) == [
        "2026-11-07 09:30",
        "2026-11-14 09:30",
        "2026-11-22 14:30",
        "2026-11-28 09:30",
    ]
    assert [o.status for o in found] == ["scheduled", "cancelled", "moved", "scheduled"]
    assert found[1].note == "暂停"
    assert found[2].end - found[2].start == datetime.timedelta(minutes=90)  # keeps its length
    assert found[2].original_start == aware(2026, 11, 21, 9, 30)
    assert found[3].note == "请带笔记本"


def test_occurrence_moved_into_the_range_from_outside():
    activity = make(
        aware(2026, 10, 31, 9),
        aware(2026, 10, 31, 10),
        repeat="WEEKLY",
        repeat_count=2,
        exceptions=[
            ActivityException(
                date=datetime.date(2026, 10, 31), action="move", new_start=aware(2026, 11, 2, 9)
            )
        ],
    )

    assert starts(recurrence.expand(activity, *NOV)) == ["2026-11-02 09:00", "2026-11-07 09:00"]
    assert starts(recurrence.expand(activity, aware(2026, 10, 1), aware(2026, 11, 1))) == []


def test_multi_day_activity_across_a_month_boundary():
    activity = make(aware(2026, 11, 29), aware(2026, 12, 4), all_day=True)

    in_november = recurrence.expand(activity, *NOV)
    in_december = recurrence.expand(activity, aware(2026, 12, 1), aware(2027, 1, 1))

    assert len(in_november) == len(in_december) == 1
    assert in_november[0].days() == [datetime.date(2026, 11, d) for d in (29, 30)] + [
        datetime.date(2026, 12, d) for d in (1, 2, 3)
    ]


def test_cancelled_and_postponed_activities():
    cancelled = make(aware(2026, 11, 18, 14), aware(2026, 11, 18, 16), status="cancelled")
    postponed = make(
        aware(2026, 11, 18, 14),
        aware(2026, 11, 18, 16),
        status="postponed",
        status_reason="场地检修",
        postponed_to=aware(2026, 11, 25, 14),
    )

    assert [o.status for o in recurrence.expand(cancelled, *NOV)] == ["cancelled"]
    found = recurrence.expand(postponed, *NOV)
    assert [(o.status, starts([o])[0]) for o in found] == [
        ("postponed", "2026-11-18 14:00"),
        ("scheduled", "2026-11-25 14:00"),
    ]
    assert found[0].note == "场地检修"
    assert "原定2026年11月18日" in found[1].note


def test_only_the_visible_range_is_expanded():
    activity = make(aware(2026, 1, 1, 8), aware(2026, 1, 1, 9), repeat="DAILY", repeat_count=500)

    found = recurrence.expand(activity, aware(2026, 11, 23), aware(2026, 11, 30))

    assert len(found) == 7
    assert recurrence.last_end(activity) == aware(2027, 5, 15, 9)


def test_rrule_string():
    activity = make(
        aware(2026, 11, 10, 15),
        aware(2026, 11, 10, 16),
        repeat="MONTHLY",
        repeat_monthly="weekday",
        repeat_count=3,
    )

    assert recurrence.rrule_string(activity) == "FREQ=MONTHLY;COUNT=3;BYDAY=+2TU"


def test_a_cancelled_series_cancels_its_moved_dates_too():
    activity = make(
        aware(2026, 11, 7, 9),
        aware(2026, 11, 7, 10),
        repeat="WEEKLY",
        repeat_count=3,
        status="cancelled",
        status_reason="停办",
        exceptions=[
            ActivityException(
                date=datetime.date(2026, 11, 14), action="move", new_start=aware(2026, 11, 15, 9)
            )
        ],
    )

    assert {o.status for o in recurrence.expand(activity, *NOV)} == {"cancelled"}


def test_expansion_asks_the_rule_only_for_the_visible_window(monkeypatch):
    from dateutil import rrule

    asked = []
    original = rrule.rrule.between

    def between(self, after, before, inc=False, count=1):
        asked.append((after, before))
        return original(self, after, before, inc)

    monkeypatch.setattr(rrule.rrule, "between", between)
    activity = make(aware(2026, 1, 1, 8), aware(2026, 1, 1, 9), repeat="DAILY", repeat_count=500)

    recurrence.expand(activity, aware(2026, 11, 23), aware(2026, 11, 30))

    assert len(asked) == 1
    after, before = asked[0]
    assert (before - after) < datetime.timedelta(days=8)


def test_next_candidates_give_the_same_first_occurrences_as_every_activity():
    """The home page's list expands only the candidates: the first five must not change."""
    from tests import factories

    calendar = factories.calendar_page()
    now = aware(2026, 11, 10, 12)
    horizon = now + datetime.timedelta(days=120)
    for day in range(11, 29):  # one-offs, one a day
        factories.activity(calendar, start=aware(2026, 11, day, 9), revision=False)
    factories.activity(  # a series that began long ago and meets on Tuesdays
        calendar, start=aware(2026, 1, 6, 19), repeat="WEEKLY", repeat_count=100, revision=False
    )
    moved = factories.activity(calendar, start=aware(2026, 12, 20, 9), revision=False)
    ActivityException.objects.create(
        activity=moved,
        date=datetime.date(2026, 12, 20),
        action="move",
        new_start=aware(2026, 11, 11, 8),
    )
    moved.save()
    factories.activity(  # happening right now
        calendar, start=aware(2026, 11, 10, 9), end=aware(2026, 11, 10, 17), revision=False
    )
    activities = ActivityPage.objects.for_calendar()

    every = recurrence.occurrences(activities.in_range(now, horizon), now, horizon)[:5]
    few = activities.next_candidates(now, horizon, 5)
    first = recurrence.occurrences(few, now, horizon)[:5]

    assert [(o.activity.pk, o.start) for o in first] == [(o.activity.pk, o.start) for o in every]
    assert len(few) < activities.in_range(now, horizon).count()
    assert {o.activity.pk for o in first} >= {moved.pk}


def test_first_occurrences_are_the_first_of_every_occurrence_in_a_growing_window(monkeypatch):
    """The home page's next dates: a week is expanded first, and more only when needed."""
    now = aware(2026, 11, 10, 12)
    horizon = now + datetime.timedelta(days=120)
    activities = [
        # A weekly series, a date moved from far away into the first week, a long activity
        # going on right now, and one more date three months on.
        make(aware(2026, 1, 6, 19), aware(2026, 1, 6, 21), repeat="WEEKLY", repeat_count=100),
        make(
            aware(2027, 2, 1, 9),
            aware(2027, 2, 1, 10),
            repeat="WEEKLY",
            repeat_count=3,
            exceptions=[
                ActivityException(
                    date=datetime.date(2027, 2, 1), action="move", new_start=aware(2026, 11, 11, 8)
                )
            ],
        ),
        make(aware(2026, 11, 9, 9), aware(2026, 11, 12, 17)),
        make(aware(2027, 2, 14, 9), aware(2027, 2, 14, 11)),
    ]
    windows = []
    original = recurrence.occurrences

    def occurrences(found, start, end):
        windows.append(end - start)
        return original(found, start, end)

    monkeypatch.setattr(recurrence, "occurrences", occurrences)

    for count in (1, 3, 5, 30):
        windows.clear()
        first = recurrence.first_occurrences(activities, now, horizon, count)
        every = original(activities, now, horizon)[:count]
        assert [(o.activity, o.start) for o in first] == [(o.activity, o.start) for o in every]
        assert windows[0] == datetime.timedelta(days=7)
    assert windows[-1] == horizon - now  # thirty dates: the window grew to the horizon

    windows.clear()
    recurrence.first_occurrences(activities, now, horizon, 3)
    assert windows == [datetime.timedelta(days=7)]  # three dates in the first week
