"""Sections kept in the shared cache ({% wagtailpagecache %} keyed by the page cache's
version) and the parts every page reads (the site, its settings and menu, the view
restrictions): fewer queries while kept, and every change shows on the next request."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from activities.models import ActivityCategory
from home import pagecache
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _kept(settings, monkeypatch):
    """As in production, page cache off: sections and shared parts are kept. Each test
    starts with this process's hints forgotten (the last version, each host's parts)."""
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 300
    settings.LAYOUT_CACHE_SECONDS = 300
    monkeypatch.setattr(pagecache, "_last_version", None)
    monkeypatch.setattr(pagecache, "_names_by_host", pagecache.OrderedDict())


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change with its commit callbacks (the version bump), as in real life."""

    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            return change()

    return run


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured), response.content.decode()


def soon(days, hour=10):
    start = timezone.localtime() + datetime.timedelta(days=days)
    return start.replace(hour=hour, minute=0, second=0, microsecond=0)


# --- every kept section follows a change -----------------------------------------------------


def _home(committed):
    index = committed(factories.news_index)
    committed(lambda: factories.news_page(index, title="先发的新闻"))
    return "/", lambda: factories.news_page(index, title="后发的新闻"), "后发的新闻"


def _news_index(committed):
    index = committed(factories.news_index)
    committed(lambda: factories.news_page(index, title="先发的新闻"))
    return "/news/", lambda: factories.news_page(index, title="后发的新闻"), "共 2 篇"


def _article(committed):
    index = committed(factories.news_index)
    first = committed(
        lambda: factories.news_page(index, title="第一篇", date=datetime.date(2026, 11, 1))
    )

    def newer():
        return factories.news_page(index, title="第二篇", date=datetime.date(2026, 11, 2))

    return first.url, newer, "下一篇："


def _calendar_month(committed):
    calendar = committed(factories.calendar_page)
    committed(lambda: factories.activity(calendar, title="先排的活动"))

    def later():
        return factories.activity(
            calendar, title="后排的活动", start=factories.aware(2026, 11, 25, 9)
        )

    return "/calendar/2026/11/", later, "后排的活动"


def _activity(committed):
    calendar = committed(factories.calendar_page)
    category = ActivityCategory.objects.create(name="读书", slug="reading")
    first = committed(
        lambda: factories.activity(calendar, title="读书会", start=soon(5), category=category)
    )

    def same_kind():
        return factories.activity(calendar, title="又一场读书会", start=soon(9), category=category)

    return first.url, same_kind, "又一场读书会"


def _activity_signup(committed):
    calendar = committed(factories.calendar_page)
    activity = committed(lambda: factories.activity(calendar, title="读书会", start=soon(5)))
    signup = committed(lambda: factories.activity_signup(activity, capacity=3))

    def registration():
        return factories.registration(signup, party_size=2)

    return activity.url, registration, "剩余名额 <strong>1</strong> 个"


def _campaign(committed):
    campaigns = committed(factories.campaign_index)
    index = committed(factories.news_index)
    campaign = committed(lambda: factories.campaign(campaigns, title="读书月", tags=["读书"]))

    def news():
        return factories.news_page(index, title="读书月开幕", tags=["读书"])

    return campaign.url, news, "读书月开幕"


def _search(committed):
    index = committed(factories.news_index)
    committed(lambda: factories.news_page(index, title="读书活动启动"))

    def another():
        return factories.news_page(index, title="读书活动总结")

    return "/search/?q=%E8%AF%BB%E4%B9%A6", another, "<mark>读书</mark>活动总结"


@pytest.mark.parametrize(
    "setup",
    [
        *(_home, _news_index, _article, _calendar_month, _activity, _activity_signup),
        *(_campaign, _search),
    ],
    ids=[
        *("home", "news index", "article", "calendar month", "activity", "activity sign-up"),
        *("campaign", "search"),
    ],
)
def test_a_kept_section_costs_fewer_queries_and_follows_the_next_change(
    client, committed, settings, setup
):
    url, change, shown_after = setup(committed)
    settings.FRAGMENT_CACHE_SECONDS = 0
    rendered, before = queries(client, url)
    settings.FRAGMENT_CACHE_SECONDS = 300
    client.get(url)
    kept, again = queries(client, url)
    assert shown_after not in before
    assert again == before
    assert kept < rendered

    change()  # its commit callbacks not run: the version stays, the section is kept
    assert shown_after not in client.get(url).content.decode()

    pagecache.bump_now()  # what the commit of a change does
    assert shown_after in client.get(url).content.decode()


def test_sections_are_kept_per_address(client, committed):
    index = committed(factories.news_index)
    work = factories.news_category("工作动态", "work")
    notices = factories.news_category("通知公告", "notices", is_notice=True)
    committed(lambda: factories.news_page(index, title="一篇工作动态", category=work))
    committed(lambda: factories.news_page(index, title="一则通知", category=notices))
    client.get("/news/?category=work")

    html = client.get("/news/?category=notices").content.decode()

    assert "一则通知" in html
    assert "一篇工作动态" not in html


def test_with_the_setting_at_zero_nothing_kept_before_is_read(client, committed, settings):
    url, change, shown_after = _home(committed)
    client.get(url)  # kept for 300 s
    change()  # its commit callbacks not run: the version stays

    settings.FRAGMENT_CACHE_SECONDS = 0

    assert shown_after in client.get(url).content.decode()


def test_a_preview_neither_reads_nor_stores_a_kept_section(client, committed):
    campaigns = committed(factories.campaign_index)
    campaign = committed(lambda: factories.campaign(campaigns, title="读书月", theme="读好书"))
    assert "读好书" in client.get(campaign.url).content.decode()  # the section is kept now

    campaign.theme = "预览里改过的主题"
    html = campaign.make_preview_request().content.decode()
    assert "预览里改过的主题" in html
    assert "读好书" not in html

    cache.clear()  # nothing kept: a preview that stored its section would show next
    campaign.make_preview_request()
    public = client.get(campaign.url).content.decode()
    assert "读好书" in public
    assert "预览里改过的主题" not in public


def test_the_footer_follows_a_change_of_the_site_settings(client, committed):
    settings_row = committed(factories.site_settings)
    assert "测试区光明路1号" in client.get("/").content.decode()

    def move():
        settings_row.address = "测试区新华路8号"
        settings_row.save()

    committed(move)

    html = client.get("/").content.decode()
    assert "测试区新华路8号" in html
    assert "测试区光明路1号" not in html


def test_a_kept_search_reads_no_search_index(client, committed):
    index = committed(factories.news_index)
    committed(lambda: factories.news_page(index, title="读书活动启动"))
    url = "/search/?q=%E8%AF%BB%E4%B9%A6"
    client.get(url)

    with CaptureQueriesContext(connection) as captured:
        assert "<mark>读书</mark>活动启动" in client.get(url).content.decode()

    assert not [q for q in captured if "wagtailsearch" in q["sql"]]


# --- the parts every page reads --------------------------------------------------------------


def test_restricting_a_page_applies_on_the_next_request(client, committed):
    index = committed(factories.news_index)
    article = committed(lambda: factories.news_page(index, title="先公开的文章"))
    assert client.get(article.url).status_code == 200  # the restrictions are kept now

    committed(lambda: PageViewRestriction.objects.create(page=article, restriction_type="login"))

    response = client.get(article.url)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_no_password_of_a_protected_page_is_kept_in_the_cache(client, committed):
    index = committed(factories.news_index)
    article = committed(lambda: factories.news_page(index, title="凭口令查看的文章"))
    committed(
        lambda: PageViewRestriction.objects.create(
            page=article, restriction_type="password", password="口令甲乙丙丁"
        )
    )
    client.get("/news/")
    assert client.get(article.url).status_code == 200  # the password form

    kept = cache.get(f"layout:{pagecache.version()}:view-restrictions")
    assert [restriction.page_id for restriction in kept] == [article.pk]
    assert not [r for r in kept if "口令甲乙丙丁" in repr(vars(r))]


def test_a_kept_request_asks_the_database_for_no_site(client, committed):
    committed(factories.news_index)
    client.get("/news/")

    with CaptureQueriesContext(connection) as captured:
        client.get("/news/")

    assert not [q for q in captured if 'FROM "wagtailcore_site"' in q["sql"]]
    assert not [q for q in captured if 'FROM "wagtailcore_pageviewrestriction"' in q["sql"]]


def test_the_parts_every_page_reads_come_in_one_round_trip(client, committed, monkeypatch):
    committed(factories.site_settings)
    committed(factories.news_index)
    client.get("/news/")
    reads = []

    class Recording:
        def __getattr__(self, name):
            return getattr(cache, name)

        def get(self, key, *args, **kwargs):
            reads.append(("get", [key]))
            return cache.get(key, *args, **kwargs)

        def get_many(self, keys, *args, **kwargs):
            reads.append(("get_many", list(keys)))
            return cache.get_many(keys, *args, **kwargs)

    monkeypatch.setattr(pagecache, "cache", Recording())

    assert client.get("/news/").status_code == 200

    every_page = ("site:", "view-restrictions", "sitesettings:", "menu:")
    trips = [keys for _, keys in reads if any(part in k for k in keys for part in every_page)]
    assert len(trips) == 1
    assert {part for k in trips[0] for part in every_page if part in k} == set(every_page)
    assert pagecache.VERSION_KEY in trips[0]


def test_a_host_outside_allowed_hosts_is_refused_and_not_remembered(client, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    client.get("/")

    response = client.get("/", HTTP_HOST="elsewhere.example.org")

    assert response.status_code == 400
    assert list(pagecache._names_by_host) == ["testserver|80"]


def test_spellings_of_one_host_share_its_parts(client, committed):
    committed(factories.news_index)
    hosts = ["testserver", "TESTSERVER", "testserver.", *(f"testserver:{n}" for n in range(30))]
    for host in hosts:
        assert client.get("/news/", HTTP_HOST=host).status_code == 200

    assert list(pagecache._names_by_host) == ["testserver|80"]


def test_the_hosts_remembered_are_bounded(client, settings, monkeypatch):
    settings.ALLOWED_HOSTS = [".example.org"]
    monkeypatch.setattr(pagecache, "MAX_HOSTS", 3)
    for number in range(6):
        client.get("/", HTTP_HOST=f"site{number}.example.org")

    assert list(pagecache._names_by_host) == [f"site{n}.example.org|80" for n in (3, 4, 5)]


def test_migrate_starts_a_new_version(monkeypatch):
    from django.core.management.sql import emit_post_migrate_signal

    before = pagecache.version()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert pagecache.version() != before

    def unreachable(*args, **kwargs):
        raise ConnectionError("cache server down")

    monkeypatch.setattr(pagecache.cache, "incr", unreachable)
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")  # no error
