"""iCalendar and JSON output, parsed back and checked event by event."""

import datetime

import pytest
from icalendar import Calendar

from activities.models import ActivityCategory, ActivityException, ActivityPage
from tests import factories
from tests.factories import aware

pytestmark = pytest.mark.django_db


@pytest.fixture
def calendar():
    return factories.calendar_page()


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def events(cal):
    return list(cal.walk("VEVENT"))


def test_single_activity_ics(client, calendar):
    factories.activity(
        calendar,
        title="法治讲座",
        start=aware(2026, 11, 22, 14),
        end=aware(2026, 11, 22, 16),
        venue="区青少年活动中心",
        intro="检察官讲网络安全。",
    )

    cal = parse(client.get("/calendar/activity-1/ics/"))

    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    (event,) = events(cal)
    assert str(event["SUMMARY"]) == "法治讲座"
    assert event.decoded("DTSTART") == aware(2026, 11, 22, 14)
    assert event["DTSTART"].params["TZID"] == "Asia/Shanghai"
    assert event.decoded("DTEND") == aware(2026, 11, 22, 16)
    assert str(event["LOCATION"]) == "区青少年活动中心"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["URL"]) == "http://testserver/calendar/activity-1/"
    assert str(event["UID"]) == f"activity-{ActivityPage.objects.get().pk}@testserver"


def test_series_with_exdate_and_recurrence_id(client, calendar):
    factories.activity(
        calendar,
        title="周末讲堂",
        start=aware(2026, 11, 7, 9, 30),
        end=aware(2026, 11, 7, 11),
        repeat="WEEKLY",
        repeat_weekdays="SA",
        repeat_count=4,
        exceptions=[
            ActivityException(date=datetime.date(2026, 11, 14), action="cancel"),
            ActivityException(
                date=datetime.date(2026, 11, 21),
                action="move",
                new_start=aware(2026, 11, 22, 14, 30),
                note="改在周日",
            ),
        ],
    )

    master, moved = events(parse(client.get("/calendar/activity-1/ics/")))

    assert master["RRULE"].to_ical().decode() == "FREQ=WEEKLY;COUNT=4;BYDAY=SA"
    assert [d.dt for d in master["EXDATE"].dts] == [aware(2026, 11, 14, 9, 30)]
    assert moved["UID"] == master["UID"]
    assert moved.decoded("RECURRENCE-ID") == aware(2026, 11, 21, 9, 30)
    assert moved.decoded("DTSTART") == aware(2026, 11, 22, 14, 30)
    assert moved.decoded("DTEND") == aware(2026, 11, 22, 16)
    assert "改在周日" in str(moved["DESCRIPTION"])


def test_cancelled_activity_and_all_day_dates(client, calendar):
    factories.activity(calendar, title="研学", status="cancelled", status_reason="大风")
    factories.activity(
        calendar, title="宣传周", all_day=True, start=aware(2026, 11, 29), end=aware(2026, 12, 4)
    )

    by_title = {str(e["SUMMARY"]): e for e in events(parse(client.get("/calendar/ics/")))}

    assert str(by_title["研学"]["STATUS"]) == "CANCELLED"
    assert "大风" in str(by_title["研学"]["DESCRIPTION"])
    assert by_title["宣传周"].decoded("DTSTART") == datetime.date(2026, 11, 29)
    assert by_title["宣传周"].decoded("DTEND") == datetime.date(2026, 12, 4)


def test_uid_is_stable_and_sequence_grows_on_publish(client, calendar):
    activity = factories.activity(calendar, title="讲座")
    (before,) = events(parse(client.get("/calendar/ics/")))

    activity.title = "讲座（时间调整）"
    activity.save_revision().publish()
    (after,) = events(parse(client.get("/calendar/ics/")))

    assert after["UID"] == before["UID"]
    assert after["SEQUENCE"] > before["SEQUENCE"]


def test_filtered_subscription_feed(client, calendar):
    law = ActivityCategory.objects.create(name="法治教育", slug="law")
    factories.activity(calendar, title="法治课", category=law)
    factories.activity(calendar, title="读书会")

    titles = [
        str(e["SUMMARY"]) for e in events(parse(client.get("/calendar/ics/", {"category": "law"})))
    ]
    html = client.get("/calendar/", {"category": "law"}).content.decode()

    assert titles == ["法治课"]
    assert 'type="text/calendar"' in html
    assert 'href="/calendar/ics/?category=law"' in html


def test_json_occurrences_in_a_range(client, calendar):
    factories.activity(
        calendar,
        title="周末讲堂",
        start=aware(2026, 11, 7, 9, 30),
        end=aware(2026, 11, 7, 11),
        repeat="WEEKLY",
        repeat_count=4,
        venue="活动中心",
        audiences=["parents"],
    )

    response = client.get("/calendar/json/", {"start": "2026-11-10", "end": "2026-11-25"})

    assert response.status_code == 200
    data = response.json()
    assert [item["start"] for item in data["occurrences"]] == [
        "2026-11-14T09:30:00+08:00",
        "2026-11-21T09:30:00+08:00",
    ]
    first = data["occurrences"][0]
    assert first["title"] == "周末讲堂"
    assert first["url"] == "http://testserver/calendar/activity-1/"
    assert first["audiences"] == ["家长"]
    assert first["status"] == "scheduled"


@pytest.mark.parametrize(
    "params",
    [
        {"start": "2026-13-01"},
        {"start": "abc"},
        {"start": "2026-11-10", "end": "2026-11-01"},
        {"start": "2026-01-01", "end": "2028-01-01"},
        {"end": "\x00"},
    ],
)
def test_json_rejects_bad_ranges_with_a_chinese_message(client, calendar, params):
    response = client.get("/calendar/json/", params)

    assert response.status_code == 400
    assert "日期" in response.json()["error"]


def test_until_is_utc_for_timed_and_a_date_for_all_day_series(client, calendar):
    factories.activity(
        calendar,
        title="晚课",
        start=aware(2026, 11, 2, 19),
        end=aware(2026, 11, 2, 20),
        repeat="WEEKLY",
        repeat_until=datetime.date(2026, 11, 30),
    )
    factories.activity(
        calendar,
        title="开放日",
        all_day=True,
        start=aware(2026, 11, 7),
        end=aware(2026, 11, 8),
        repeat="WEEKLY",
        repeat_until=datetime.date(2026, 11, 28),
    )

    by_title = {str(e["SUMMARY"]): e for e in events(parse(client.get("/calendar/ics/")))}

    # 23:59:59 on 30 November in Beijing is 15:59:59 UTC.
    assert (
        by_title["晚课"]["RRULE"].to_ical().decode()
        == "FREQ=WEEKLY;UNTIL=20261130T155959Z;BYDAY=MO"
    )
    assert by_title["开放日"]["RRULE"].to_ical().decode() == "FREQ=WEEKLY;UNTIL=20261128;BYDAY=SA"


def test_moved_all_day_date_ends_after_it_starts(client, calendar):
    factories.activity(
        calendar,
        title="开放日",
        all_day=True,
        start=aware(2026, 11, 7),
        end=aware(2026, 11, 8),
        repeat="WEEKLY",
        repeat_count=3,
        exceptions=[
            ActivityException(
                date=datetime.date(2026, 11, 14),
                action="move",
                new_start=aware(2026, 11, 15, 9),
                new_end=aware(2026, 11, 15, 17),
            )
        ],
    )

    _master, moved = events(parse(client.get("/calendar/activity-1/ics/")))

    assert moved.decoded("RECURRENCE-ID") == datetime.date(2026, 11, 14)
    assert moved.decoded("DTSTART") == datetime.date(2026, 11, 15)
    assert moved.decoded("DTEND") == datetime.date(2026, 11, 16)


def test_json_refuses_years_outside_the_calendar(client, calendar):
    response = client.get("/calendar/json/", {"start": "0001-01-01", "end": "0001-01-02"})

    assert response.status_code == 400
    assert "2000 年到 2100 年" in response.json()["error"]
