"""The page cache: anonymous visitors get stored pages; every change shows on the next
request; editors, forms and personal pages are never stored or served from the cache."""

import datetime

import pytest
from django.conf import settings as django_settings
from django.db import transaction

from home import pagecache
from tests import factories
from volunteers.bulk_actions import ApproveVolunteersBulkAction
from volunteers.models import Team, Volunteer, VolunteerRosterPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


@pytest.fixture
def news(django_capture_on_commit_callbacks):
    """A news index with one article, made with the commit callbacks run (as in real life)."""
    with django_capture_on_commit_callbacks(execute=True):
        index = factories.news_index()
        article = factories.news_page(index, title="第一篇新闻", date=datetime.date(2026, 11, 2))
    return index, article


def outcome(response):
    return response.get("X-Page-Cache")


def test_second_anonymous_visit_is_served_from_the_cache(client, news):
    first = client.get("/news/")
    second = client.get("/news/")

    assert (outcome(first), outcome(second)) == ("miss", "hit")
    assert second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert "Cookie" in second["Vary"]


def test_a_hit_runs_no_sql(client, news, django_assert_num_queries):
    client.get("/news/")

    with django_assert_num_queries(0):
        response = client.get("/news/")

    assert outcome(response) == "hit"


def test_head_is_answered_from_the_stored_get(client, news):
    client.get("/news/")

    assert outcome(client.head("/news/")) == "hit"


def test_query_strings_are_separate_pages(client, news):
    client.get("/news/")

    assert outcome(client.get("/news/?year=2026")) == "miss"


def test_large_text_is_a_separate_page(client, news):
    normal = client.get("/news/")
    client.cookies[django_settings.LARGE_TEXT_COOKIE] = "1"
    large = client.get("/news/")

    assert outcome(large) == "miss"
    assert 'class="large-text"' in large.content.decode()
    assert 'class="large-text"' not in normal.content.decode()
    assert outcome(client.get("/news/")) == "hit"


@pytest.mark.parametrize("change", ["publish", "edit", "unpublish", "move", "delete"])
def test_every_change_shows_on_the_next_request(
    client, news, change, django_capture_on_commit_callbacks
):
    index, article = news
    client.get("/news/")
    client.get(article.url)
    assert outcome(client.get("/news/")) == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        if change == "publish":
            factories.news_page(index, title="刚刚发布的新闻")
        elif change == "edit":
            article.title = "改过标题的新闻"
            article.save_revision().publish()
        elif change == "unpublish":
            article.unpublish()
        elif change == "move":
            other = factories.news_index(title="其他栏目", slug="other")
            article.move(other, pos="last-child")
        else:
            article.delete()

    listing = client.get("/news/")
    html = listing.content.decode()
    assert outcome(listing) == "miss"
    if change == "publish":
        assert "刚刚发布的新闻" in html
    elif change == "edit":
        assert "改过标题的新闻" in html
    else:
        assert "第一篇新闻" not in html
        # Gone (404), or moved (Wagtail's automatic redirect to its new place).
        assert client.get("/news/" + article.slug + "/").status_code in (301, 404)


def test_nothing_changes_before_the_transaction_commits(client, news):
    client.get("/news/")
    before = pagecache.version()

    with transaction.atomic():
        pagecache.bump()
        assert pagecache.version() == before  # not yet: the rows are not visible to others

    # pytest-django's test transaction never commits, so the callback never ran.
    assert outcome(client.get("/news/")) == "hit"


def test_a_snippet_or_a_setting_change_invalidates(
    client, news, django_capture_on_commit_callbacks
):
    client.get("/news/")

    with django_capture_on_commit_callbacks(execute=True):
        factories.site_settings(committee_name="改名后的关工委")

    response = client.get("/news/")
    assert outcome(response) == "miss"
    assert "改名后的关工委" in response.content.decode()


def test_approving_volunteers_in_bulk_updates_the_roster(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        roster = VolunteerRosterPage(title="五老风采", slug="wulao")
        factories.home_page().add_child(instance=roster)
        roster.save_revision().publish()
        person = Volunteer.objects.create(
            name="新来的王老师", phone="13900001111", status="pending", public_profile=True
        )
        person.teams.set([Team.objects.create(name="五老宣讲团", description="走进学校")])
        person.save()  # a ParentalManyToManyField is written on save
    assert "新来的王老师" not in client.get("/wulao/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        ApproveVolunteersBulkAction.execute_action([person])

    response = client.get("/wulao/")
    assert outcome(response) == "miss"
    assert "新来的王老师" in response.content.decode()


def test_logged_in_editors_are_never_cached(client, news, admin_user):
    client.get("/news/")  # stored for the public
    client.force_login(admin_user)

    response = client.get("/news/")

    assert outcome(response) is None  # neither served from the cache nor stored
    client.logout()
    client.cookies.clear()
    assert outcome(client.get("/news/")) == "hit"  # the public copy, not the editor's


def test_an_editors_page_is_not_served_to_the_public(client, news, admin_user):
    client.force_login(admin_user)
    client.get("/news/")
    client.logout()
    client.cookies.clear()

    assert outcome(client.get("/news/")) == "miss"


@pytest.mark.parametrize("cookie", ["sessionid", "messages", "something_else"])
def test_visitors_with_other_cookies_pass_through(client, news, cookie):
    client.get("/news/")
    client.cookies[cookie] = "x"

    assert outcome(client.get("/news/")) is None


def test_forms_are_never_stored(client):
    factories.signup_page()
    url = "/volunteer/"

    first = client.get(url)
    client.cookies.clear()
    second = client.get(url)

    assert first.status_code == 200
    assert "csrftoken" in first.cookies  # the form's token: this page is personal
    assert outcome(first) is None
    assert outcome(second) is None


def test_posts_and_errors_are_never_stored(client, news):
    assert outcome(client.post("/news/")) is None
    client.get("/news/does-not-exist/")
    assert outcome(client.get("/news/does-not-exist/")) is None


def test_admin_is_never_cached(client, admin_user):
    client.get("/admin/login/")
    assert outcome(client.get("/admin/login/")) is None


def test_off_when_the_setting_is_zero(client, news, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/news/")

    assert outcome(client.get("/news/")) is None


def test_version_survives_eviction_moving_forward(news):
    from django.core.cache import cache

    old = pagecache.version()
    cache.delete(pagecache.VERSION_KEY)

    assert pagecache.version() > old


class CountingCache:
    """Counts the calls that are a round trip to the cache server."""

    def __init__(self, real):
        self.real, self.trips = real, 0

    def __getattr__(self, name):
        attribute = getattr(self.real, name)
        if name in {"get", "get_many", "set", "add", "incr"}:

            def counted(*args, **kwargs):
                self.trips += 1
                return attribute(*args, **kwargs)

            return counted
        return attribute


def test_a_hit_is_one_round_trip_to_the_cache(client, news, monkeypatch):
    from django.core.cache import cache

    client.get("/news/")
    client.get("/news/")  # this process now knows the current version
    counting = CountingCache(cache)
    monkeypatch.setattr(pagecache, "cache", counting)

    response = client.get("/news/")

    assert outcome(response) == "hit"
    assert counting.trips == 1


def test_a_version_bumped_by_another_server_is_seen_on_the_next_request(client, news):
    """This process remembers the version it saw last, but never serves by it alone."""
    from django.core.cache import cache

    _index, article = news
    client.get("/news/")
    assert outcome(client.get("/news/")) == "hit"
    # Another server publishes a change: the new title is in the database and the shared
    # version moves on, without any signal in this process.
    type(article).objects.filter(pk=article.pk).update(title="另一台服务器改过的标题")
    cache.incr(pagecache.VERSION_KEY)

    response = client.get("/news/")

    assert outcome(response) == "miss"
    assert "另一台服务器改过的标题" in response.content.decode()
    assert outcome(client.get("/news/")) == "hit"


def test_a_page_rendered_afresh_reads_the_version_once(client, news, settings, monkeypatch):
    """The page, the settings, the menu and the 更多 links all ask for the version (and
    the news index for its index twice): a request reads each of them from the cache once."""
    from django.core.cache import cache

    settings.LAYOUT_CACHE_SECONDS = 3600
    factories.site_settings()
    client.get("/")  # the layout parts are in the cache now
    reads = []

    class Recording:
        """The cache as pagecache sees it, noting every key read (alone or together)."""

        def __getattr__(self, name):
            return getattr(cache, name)

        def get(self, key, *args, **kwargs):
            reads.append(key)
            return cache.get(key, *args, **kwargs)

        def get_many(self, keys, *args, **kwargs):
            reads.extend(keys)
            return cache.get_many(keys, *args, **kwargs)

    monkeypatch.setattr(pagecache, "cache", Recording())

    response = client.get("/?from=menu")  # not in the page cache yet

    assert outcome(response) == "miss"
    assert reads.count(pagecache.VERSION_KEY) == 1
    layout_reads = [key for key in reads if key.startswith("layout:")]
    assert layout_reads
    assert len(layout_reads) == len(set(layout_reads))
