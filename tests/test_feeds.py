"""RSS and Atom feeds, their announcement in page heads, sitemap.xml and robots.txt."""

import datetime

import feedparser
import pytest
from wagtail.models import PageViewRestriction

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def news():
    index = factories.news_index()
    work = factories.news_category("工作动态", "work")
    notices = factories.news_category("通知公告", "notices", is_notice=True)
    factories.news_page(
        index,
        title="座谈会召开",
        category=work,
        tags=["法治教育"],
        author="李晓梅",
        intro="摘要一",
        date=datetime.date(2026, 11, 20),
    )
    factories.news_page(
        index,
        title="培训班通知",
        category=notices,
        tags=["志愿服务"],
        date=datetime.date(2026, 11, 10),
    )
    factories.news_page(index, title="未发布", category=work, live=False)
    factories.site_settings(committee_name="测试区关工委")
    return index


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feed_is_valid_with_absolute_links_and_aware_dates(client, news, kind):
    response = client.get(f"/news/{kind}/")

    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == ("rss20" if kind == "rss" else "atom10")
    assert feed.feed.title == "测试区关工委 - 新闻动态"
    assert [entry.title for entry in feed.entries] == ["座谈会召开", "培训班通知"]
    first = feed.entries[0]
    assert first.link == "http://testserver/news/news-1/"
    # Entry ids are absolute and do not change when a slug does.
    assert first.id.startswith("tag:testserver,2026-11-20:news-")
    assert first.summary == "摘要一"
    assert first.author == "李晓梅"
    # Midnight of 2026-11-20 in Beijing is 16:00 UTC the day before.
    assert "+08:00" in first.published or "+0800" in first.published
    assert tuple(first.published_parsed)[:4] == (2026, 11, 19, 16)


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feeds_per_category_and_tag(client, news, kind):
    by_category = feedparser.parse(client.get(f"/news/{kind}/", {"category": "notices"}).content)
    by_tag = feedparser.parse(client.get(f"/news/{kind}/", {"tag": "法治教育"}).content)

    assert [e.title for e in by_category.entries] == ["培训班通知"]
    assert by_category.feed.title == "测试区关工委 - 新闻动态 - 通知公告"
    assert [e.title for e in by_tag.entries] == ["座谈会召开"]
    assert client.get(f"/news/{kind}/", {"category": "nope"}).status_code == 404


def test_index_and_article_announce_their_feeds(client, news):
    index_html = client.get("/news/", {"category": "notices"}).content.decode()
    article_html = client.get("/news/news-1/").content.decode()

    assert '<link rel="alternate" type="application/rss+xml"' in index_html
    assert 'href="/news/rss/?category=notices"' in index_html
    assert 'href="/news/atom/?category=notices"' in index_html
    assert 'type="application/atom+xml"' in article_html
    assert 'href="/news/rss/"' in article_html


def test_sitemap_lists_live_public_pages_only(client, news):
    private = factories.news_page(news, title="内部文章")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    xml = response.content.decode()
    assert "/news/news-1/</loc>" in xml
    assert "/news/news-2/</loc>" in xml
    assert "/news/news-3/" not in xml  # the draft
    assert f"/news/{private.slug}/" not in xml


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body
