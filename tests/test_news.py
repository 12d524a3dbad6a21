"""News index (filters, pagination, empty states) and article pages."""

import datetime

import pytest
from wagtail.models import PageViewRestriction

from home.models import NewsCategory
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def index():
    return factories.news_index()


def titles_in(html):
    """Article titles in listing order."""
    marker = 'class="news-item__title"><a href="'
    result = []
    for chunk in html.split(marker)[1:]:
        result.append(chunk.split('">', 1)[1].split("</a>", 1)[0])
    return result


def test_index_lists_newest_first_ten_per_page_with_numbered_pagination(client, index):
    for day in range(1, 24):
        factories.news_page(index, title=f"第{day}篇", date=datetime.date(2026, 10, day))

    first = client.get("/news/").content.decode()
    third = client.get("/news/", {"page": 3}).content.decode()

    assert titles_in(first) == [f"第{day}篇" for day in range(23, 13, -1)]
    assert "共 23 篇" in first
    assert 'href="?page=2"' in first
    assert 'href="?page=3"' in first
    assert 'rel="next"' in first
    assert titles_in(third) == ["第3篇", "第2篇", "第1篇"]
    assert 'aria-current="page"><span class="visually-hidden">第</span>3' in third


@pytest.mark.parametrize("number", ["0", "4", "abc", "-1", "99999999999999999999"])
def test_wrong_page_number_is_404(client, index, number):
    for day in range(1, 24):
        factories.news_page(index, date=datetime.date(2026, 10, day), revision=False)

    assert client.get("/news/", {"page": number}).status_code == 404


def test_filters_combine_and_can_be_removed(client, index):
    work = factories.news_category("工作动态", "work")
    notices = factories.news_category("通知公告", "notices", is_notice=True)
    factories.news_page(
        index, title="法治座谈", category=work, tags=["法治教育"], date=datetime.date(2026, 11, 2)
    )
    factories.news_page(
        index,
        title="法治通知",
        category=notices,
        tags=["法治教育"],
        date=datetime.date(2026, 11, 3),
    )
    factories.news_page(
        index, title="读书征文", category=work, tags=["读书活动"], date=datetime.date(2026, 11, 4)
    )
    factories.news_page(
        index, title="去年座谈", category=work, tags=["法治教育"], date=datetime.date(2025, 5, 1)
    )

    by_category = client.get("/news/", {"category": "work"}).content.decode()
    combined = client.get("/news/", {"category": "work", "tag": "法治教育", "year": "2026"})
    html = combined.content.decode()

    assert titles_in(by_category) == ["读书征文", "法治座谈", "去年座谈"]
    assert titles_in(html) == ["法治座谈"]
    # Each active filter is shown with a link that removes just that filter.
    assert "分类：工作动态" in html
    assert "标签：法治教育" in html
    assert 'href="?tag=%E6%B3%95%E6%B2%BB%E6%95%99%E8%82%B2&amp;year=2026"' in html  # drop category
    assert 'href="?category=work&amp;year=2026"' in html  # drop tag
    assert 'href="?category=work&amp;tag=%E6%B3%95%E6%B2%BB%E6%95%99%E8%82%B2"' in html  # drop year
    assert ">清除全部</a>" in html
    # The year list offers the years that have articles.
    assert "2025年" in html
    assert "2026年" in html


@pytest.mark.parametrize(
    "params",
    [
        {"category": "nope"},
        {"category": "\x00"},
        {"tag": "不存在"},
        {"tag": "a\x00b"},
        {"year": "abc"},
        {"year": "20266"},
        {"year": "0"},
        {"year": "0000"},
        {"year": "1999"},
        {"year": "²²²²"},
        {"year": "２０２６"},
    ],
)
def test_unknown_filter_values_are_404(client, index, params):
    factories.news_page(index)

    assert client.get("/news/", params).status_code == 404
    assert client.get("/news/rss/", params).status_code == 404


def test_tags_of_drafts_and_images_are_not_filters(client, index):
    factories.news_page(index, title="草稿", tags=["内部标签"], live=False)
    factories.image().tags.add("图片标签")

    assert client.get("/news/", {"tag": "内部标签"}).status_code == 404
    assert client.get("/news/", {"tag": "图片标签"}).status_code == 404


def test_empty_states(client, index):
    factories.news_category("工作动态", "work")

    empty = client.get("/news/").content.decode()
    factories.news_page(index, title="一篇", date=datetime.date(2026, 1, 1))
    no_match = client.get("/news/", {"category": "work"}).content.decode()

    assert "还没有发布文章。" in empty
    assert "没有符合条件的文章。" in no_match
    assert "查看全部文章" in no_match


def test_drafts_and_private_articles_are_not_listed(client, index):
    factories.news_page(index, title="公开文章")
    factories.news_page(index, title="草稿文章", live=False)
    private = factories.news_page(index, title="内部文章")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    html = client.get("/news/").content.decode()

    assert titles_in(html) == ["公开文章"]
    assert "草稿文章" not in html
    assert "内部文章" not in html


def test_article_page_shows_date_source_author_and_open_graph(client, index):
    category = factories.news_category("工作动态", "work")
    factories.news_page(
        index,
        title="座谈会召开",
        date=datetime.date(2026, 11, 22),
        source="区关工委办公室",
        author="李晓梅",
        intro="三十余位法治副校长参加。",
        category=category,
        lead_image=factories.image(),
        lead_image_caption="座谈会现场",
        body=[("paragraph", "<p>正文内容。</p>")],
    )

    html = client.get("/news/news-1/").content.decode()

    assert '<h1 class="article__title">座谈会召开</h1>' in html
    assert "2026年11月22日" in html
    assert "来源：区关工委办公室" in html
    assert "作者：李晓梅" in html
    assert "<figcaption>座谈会现场</figcaption>" in html
    assert '<meta name="description" content="三十余位法治副校长参加。">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="座谈会召开">' in html
    assert '<meta property="og:image" content="http://testserver/' in html
    assert 'href="/">首页</a>' in html  # breadcrumbs
    assert 'href="/news/">新闻动态</a>' in html


def test_previous_and_next_article(client, index):
    factories.news_page(index, title="最早", date=datetime.date(2026, 9, 1))
    factories.news_page(index, title="中间", date=datetime.date(2026, 10, 1))
    factories.news_page(index, title="最新", date=datetime.date(2026, 11, 1))

    middle = client.get("/news/news-2/").content.decode()
    newest = client.get("/news/news-3/").content.decode()

    assert 'rel="prev">最早</a>' in middle
    assert 'rel="next">最新</a>' in middle
    assert 'rel="prev">中间</a>' in newest
    assert 'rel="next"' not in newest


def test_related_articles_by_shared_tags(client, index):
    factories.news_page(index, title="本文", tags=["法治教育", "五老宣讲", "志愿服务"])
    factories.news_page(index, title="共享一个", tags=["法治教育"], date=datetime.date(2026, 11, 5))
    factories.news_page(index, title="共享三个", tags=["法治教育", "五老宣讲", "志愿服务"])
    factories.news_page(index, title="共享两个", tags=["五老宣讲", "志愿服务"])
    factories.news_page(index, title="无关", tags=["读书活动"])
    factories.news_page(
        index, title="共享一个但更早", tags=["志愿服务"], date=datetime.date(2026, 1, 1)
    )

    html = client.get("/news/news-1/").content.decode()
    related = html.split('id="related-title"', 1)[1].split("</section>", 1)[0]

    assert related.index("共享三个") < related.index("共享两个") < related.index("共享一个")
    assert "共享一个但更早" not in related  # three at most
    assert "无关" not in related
    assert "本文" not in related


def test_article_tags_link_to_the_tag_page(client, index):
    factories.news_page(index, title="有标签", tags=["家庭教育"])

    html = client.get("/news/news-1/").content.decode()

    assert (
        '<a class="tag" href="/tags/%E5%AE%B6%E5%BA%AD%E6%95%99%E8%82%B2/" rel="tag">家庭教育</a>'
        in html
    )


def test_home_page_shows_notices_apart_from_news(client, index):
    notices = factories.news_category("通知公告", "notices", is_notice=True)
    work = factories.news_category("工作动态", "work")
    factories.news_page(index, title="培训班通知", category=notices)
    factories.news_page(index, title="座谈会召开", category=work)
    factories.news_page(index, title="没有分类的新闻")
    factories.news_page(index, title="草稿通知", category=notices, live=False)

    html = client.get("/").content.decode()
    notice_panel = html.split('id="news-panel-notices"', 1)[1].split("</section>", 1)[0]
    news_panel = html.split('id="news-panel-news"', 1)[1].split("</section>", 1)[0]

    assert "培训班通知" in notice_panel
    assert "座谈会召开" not in notice_panel
    assert "座谈会召开" in news_panel
    assert "没有分类的新闻" in news_panel
    assert "培训班通知" not in news_panel
    assert "草稿通知" not in html
    assert 'href="/news/?category=notices"' in notice_panel


def test_the_more_link_of_notices_goes_to_the_category_of_the_notices_listed(client, index):
    factories.news_category("公示", "public-notices", is_notice=True)  # first, but empty
    notices = factories.news_category("通知公告", "notices", is_notice=True)
    NewsCategory.objects.filter(slug="public-notices").update(sort_order=0)
    NewsCategory.objects.filter(slug="notices").update(sort_order=1)
    factories.news_page(index, title="培训班通知", category=notices)

    html = client.get("/").content.decode()
    notice_panel = html.split('id="news-panel-notices"', 1)[1].split("</section>", 1)[0]
    assert 'href="/news/?category=notices"' in notice_panel


def test_without_notices_the_more_link_goes_to_the_first_notice_category(client, index):
    factories.news_category("通知公告", "notices", is_notice=True)

    html = client.get("/").content.decode()
    notice_panel = html.split('id="news-panel-notices"', 1)[1].split("</section>", 1)[0]
    assert "暂无通知公告。" in notice_panel
    assert 'href="/news/?category=notices"' in notice_panel


def test_home_page_without_news_shows_empty_panels(client):
    html = client.get("/").content.decode()

    assert "暂无通知公告。" in html
    assert "暂无新闻。" in html
