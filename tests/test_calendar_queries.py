"""The calendar makes the same number of SQL queries with 10 activities as with ten times as
many (a tenth of them repeating): activities are loaded in one query with their exceptions,
and repeat rules are expanded in Python for the visible range only. (bench/load.py serves
2,000 activities for the figures in docs/performance.md.)"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from activities.models import ActivityCategory, ActivityException
from tests import factories
from tests.factories import aware

# Committed as they go: inside one long transaction PostgreSQL slows to a crawl when the
# same parent row is updated for every one of thousands of child pages.
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("restore_migrated_data"),
]

URLS = [
    "/calendar/2026/11/",
    "/calendar/2026/11/18/",
    "/calendar/2026/11/?category=law&audience=students",
    "/calendar/json/?start=2026-11-01&end=2026-12-01",
    "/",
]


def add_activities(calendar, count, repeating, start_number=0):
    law = ActivityCategory.objects.get_or_create(name="法治教育", slug="law")[0]
    for number in range(start_number, start_number + count):
        start = aware(2026, 11, 1, 9) + datetime.timedelta(days=number % 29, hours=number % 8)
        fields = {}
        if number < start_number + repeating:
            fields = {
                "repeat": "WEEKLY",
                "repeat_count": 8,
                "exceptions": [
                    ActivityException(
                        date=start.date() + datetime.timedelta(weeks=1), action="cancel"
                    )
                ],
            }
        factories.activity(
            calendar,
            title=f"活动{number}",
            start=start,
            category=law,
            audiences=["students"],
            revision=False,
            **fields,
        )


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def test_calendar_queries_do_not_grow_with_activities(client):
    calendar = factories.calendar_page()
    add_activities(calendar, 10, repeating=2)
    few = {url: count_queries(client, url) for url in URLS}

    add_activities(calendar, 90, repeating=8, start_number=10)
    many = {url: count_queries(client, url) for url in URLS}

    assert many == few
