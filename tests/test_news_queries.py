"""Listings keep a constant number of SQL queries as content grows."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories

# Committed as they go: inside one long transaction PostgreSQL slows to a crawl when the
# same parent row is updated for every one of thousands of child pages.
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("restore_migrated_data"),
]


def add_articles(index, count, start=0):
    category = factories.news_category("工作动态", "work")
    picture = factories.image()
    for number in range(start, start + count):
        factories.news_page(
            index,
            title=f"文章{number}",
            date=datetime.date(2026, 1, 1) + datetime.timedelta(days=number % 300),
            category=category,
            lead_image=picture if number % 2 else None,
            tags=["法治教育", f"标签{number % 7}"],
            revision=False,
        )


def count_queries(client, url, **params):
    client.get(url, params)  # warm caches (site root paths, renditions) once
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries)


URLS = [
    ("/news/", {}),
    ("/news/", {"page": "2"}),
    ("/news/", {"category": "work", "tag": "法治教育", "year": "2026"}),
    ("/news/rss/", {}),
    ("/news/atom/", {"tag": "法治教育"}),
    ("/news/news-5/", {}),
    ("/", {}),
    ("/tags/法治教育/", {}),
    ("/tags/", {}),
]


def test_listing_queries_do_not_grow_with_content(client):
    """25 articles, then 250: every listing, feed and article makes the same queries."""
    index = factories.news_index()
    add_articles(index, 25)
    few = {(url, str(params)): count_queries(client, url, **params) for url, params in URLS}

    add_articles(index, 225, start=25)
    many = {(url, str(params)): count_queries(client, url, **params) for url, params in URLS}

    assert many == few
    assert max(few.values()) <= 15, few
