"""Query budgets: every public page type makes the same number of SQL queries with the demo
content and with ten times as much, page cache off; and no more than its budget.

One page of each type from the demo (every live page type is covered: a new page type
fails the test until it has a budget), plus the routes that are not pages of their own.
"""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from home import pagecache
from tests import factories

pytestmark = pytest.mark.django_db

# SQL queries per request, page cache and kept sections off, the parts every page reads
# (the site, its settings and menu, the view restrictions) kept as in production (the
# issue's target: 15 at most).
BUDGETS = {
    "HomePage": 7,
    "StandardPage": 3,
    "NewsIndexPage": 5,
    "NewsPage": 8,
    "CalendarPage": 6,
    "ActivityPage": 8,
    "WorkPlanIndexPage": 3,
    "WorkPlanPage": 8,
    "CampaignIndexPage": 5,
    # Books, topics, advisors, awards and school stages are read with the page row
    # (StreamFields, a list of codes); photos and their renditions, schools, tags,
    # activities and their changed dates, write-ups and related news are a query each
    # (docs/performance.md).
    "CampaignPage": 10,
    "WriteUpIndexPage": 7,
    "WriteUpPage": 7,
    "VolunteerSignupPage": 3,
    "VolunteerRosterPage": 7,
    "/calendar/upcoming/": 6,
    "/calendar/past/": 3,
    "/calendar/ics/": 4,
    "/calendar/json/": 5,
    "/news/rss/": 4,
    "/news/atom/": 4,
    "/tags/": 1,
    "tag page": 6,
    "/search/?q=读书": 9,
    "/sitemap.xml": 3,
    "school page": 6,
}
# Nothing kept at all (LAYOUT_CACHE_SECONDS=0), as the first request after a change: the
# budgets above plus the parts every page reads (the site, the settings with their footer
# links, the menu, the view restrictions; the home page's own row on the pages it serves).
# The tag page and search read each listed page type's own fields in a query per type (3
# and 5 types here). The campaign page is at the target: its eight kinds of related rows
# are a query each.
RENDER_BUDGETS = {
    "HomePage": 14,
    "StandardPage": 8,
    "NewsIndexPage": 12,
    "NewsPage": 13,
    "CalendarPage": 11,
    "ActivityPage": 13,
    "WorkPlanIndexPage": 8,
    "WorkPlanPage": 13,
    "CampaignIndexPage": 10,
    "CampaignPage": 15,
    "WriteUpIndexPage": 12,
    "WriteUpPage": 12,
    "VolunteerSignupPage": 8,
    "VolunteerRosterPage": 12,
    "/calendar/upcoming/": 11,
    "/calendar/past/": 8,
    "/calendar/ics/": 6,
    "/calendar/json/": 7,
    "/news/rss/": 8,
    "/news/atom/": 8,
    "/tags/": 7,
    "tag page": 12,
    "/search/?q=读书": 15,
    "/sitemap.xml": 4,
    "school page": 11,
}
TARGET = 15


def pages_to_measure():
    first = {}
    for page in Page.objects.live().public().filter(depth__gt=1).order_by("path"):
        first.setdefault(page.specific_class.__name__, page.url)
    from activities.models import School
    from home.models import PageTag

    tag = PageTag.objects.select_related("tag").order_by("tag__name").first().tag
    today = datetime.date(2026, 11, 1)
    routes = {
        "/calendar/upcoming/": "/calendar/upcoming/",
        "/calendar/past/": "/calendar/past/",
        "/calendar/ics/": "/calendar/ics/",
        "/calendar/json/": f"/calendar/json/?start={today}&end=2026-12-01",
        "/news/rss/": "/news/rss/",
        "/news/atom/": "/news/atom/",
        "/tags/": "/tags/",
        "tag page": f"/tags/{tag.slug}/",
        "/search/?q=读书": "/search/?q=读书",
        "/sitemap.xml": "/sitemap.xml",
        "school page": f"/school-news/school/{School.objects.order_by('pk').first().pk}/",
    }
    return {**first, **routes}


def measure(client, urls):
    counts = {}
    for label, url in urls.items():
        client.get(url)  # content types, settings and site lookups are cached after one
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (label, url, response.status_code)
        counts[label] = len(queries)
    return counts


def grow_tenfold():
    """Nine times the demo's news, activities, write-ups and volunteers again, and more
    photos on the campaign and the write-up measured."""
    from activities.models import (
        ActivityPage,
        CalendarPage,
        CampaignPage,
        CampaignPhoto,
        School,
        WriteUpIndexPage,
        WriteUpPage,
        WriteUpPhoto,
    )
    from home.models import NewsIndexPage, NewsPage
    from volunteers.models import Team, Volunteer, VolunteerRosterPage

    news_index = NewsIndexPage.objects.get()
    for number in range(NewsPage.objects.count() * 9):
        factories.news_page(
            news_index, title=f"增加的新闻{number}", revision=False, tags=["五老宣讲", "读书"]
        )
    calendar = CalendarPage.objects.get()
    for number in range(ActivityPage.objects.count() * 9):
        factories.activity(
            calendar,
            title=f"增加的活动{number}",
            start=factories.aware(2026, 11, 1 + number % 28, 9 + number % 8),
            revision=False,
        )
    writeups = WriteUpIndexPage.objects.get()
    school = School.objects.order_by("pk").first()
    for _ in range(writeups.get_children().count() * 9):
        factories.writeup(writeups, school=school)
    campaign = CampaignPage.objects.live().order_by("path").first()
    writeup = WriteUpPage.objects.live().order_by("path").first()
    for number in range(5):
        CampaignPhoto.objects.create(campaign=campaign, image=factories.image(), caption="照片")
        WriteUpPhoto.objects.create(writeup=writeup, image=factories.image(), caption=f"{number}")
    team = Team.objects.first()
    for number in range(Volunteer.objects.count() * 9):
        person = Volunteer.objects.create(
            name=f"志愿者{number}",
            phone=f"1370000{number:04d}",
            status="approved",
            public_profile=True,
        )
        person.teams.set([team])
        person.save()
    assert VolunteerRosterPage.objects.exists()


@pytest.mark.parametrize("kept", [True, False], ids=["parts kept", "nothing kept"])
def test_every_page_type_keeps_its_query_count_with_ten_times_the_content(settings, kept):
    settings.PAGE_CACHE_SECONDS = 0
    # "parts kept", as in production: the site, its settings and menu, the view
    # restrictions and the index lookups are kept until the next change (home/pagecache.py:
    # remember). "nothing kept": every request reads them too, as the first after a change.
    settings.LAYOUT_CACHE_SECONDS = 60 if kept else 0
    budgets = BUDGETS if kept else RENDER_BUDGETS
    call_command("load_demo", stdout=io.StringIO())
    urls = pages_to_measure()
    assert set(urls) == set(budgets), "a page type without a budget, or a budget without one"
    client = Client()
    at_demo = measure(client, urls)

    grow_tenfold()
    pagecache.bump_now()  # what the commits of those changes would have done
    at_ten = measure(client, urls)

    grew = {
        label: (at_demo[label], at_ten[label]) for label in urls if at_ten[label] > at_demo[label]
    }
    over = {
        label: (count, budgets[label]) for label, count in at_ten.items() if count > budgets[label]
    }
    assert grew == {}, "query counts that grow with the content"
    assert over == {}, "query counts over budget"


def test_every_budget_is_within_the_target():
    # Issue 10: every public page type serves in at most 15 queries, page cache off: with
    # the parts every page reads kept, as production keeps them, and with nothing kept, as
    # the first request after a change.
    for budgets in (BUDGETS, RENDER_BUDGETS):
        assert {label: count for label, count in budgets.items() if count > TARGET} == {}


def test_view_restrictions_are_read_once_a_request(client):
    call_command("load_demo", stdout=io.StringIO())
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200

    reads = [q for q in queries if 'FROM "wagtailcore_pageviewrestriction"' in q["sql"]]
    # One read serves Wagtail's check of the page being served and every listing on it.
    assert len(reads) == 1


def test_outside_a_request_public_asks_the_database_every_time():
    from wagtail.models import PageViewRestriction

    from home.models import NewsPage

    index = factories.news_index()
    article = factories.news_page(index, title="先公开后设为私密")
    assert NewsPage.objects.live().public().filter(pk=article.pk).exists()

    PageViewRestriction.objects.create(page=article, restriction_type="login")

    assert not NewsPage.objects.live().public().filter(pk=article.pk).exists()
