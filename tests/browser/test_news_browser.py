"""News in Chromium: index → filter by a tag → article, at 1280px and 375px."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("viewport", ["desktop", "mobile"])
def test_browse_news_filter_by_tag_and_read_an_article(demo_site, open_page, screenshot, viewport):
    page = open_page("/news/", viewport)
    assert page.locator("h1").inner_text() == "新闻动态"
    assert page.locator(".news-item").count() == 10  # first page of the demo's 13
    assert page.locator(".pagination").get_by_role("link", name="下一页").is_visible()
    screenshot(page, f"news-index-{viewport}")

    # Open an article, follow its tag to the filtered index.
    page.get_by_role("link", name="全区法治副校长工作座谈会召开").first.click()
    page.get_by_role("link", name="法治教育").first.click()
    assert page.locator("h1").inner_text() == "标签：法治教育"
    page.goto(page.url.split("/tags/")[0] + "/news/?tag=法治教育")
    chips = page.locator(".active-filters")
    assert "标签：法治教育" in chips.inner_text()
    titles = page.locator(".news-item__title").all_inner_texts()
    assert "全区法治副校长工作座谈会召开" in titles
    assert "五老宣讲团秋季进校园宣讲启动" not in titles
    screenshot(page, f"news-filtered-{viewport}")

    page.get_by_role("link", name="全区法治副校长工作座谈会召开").click()
    assert page.locator("h1").inner_text() == "全区法治副校长工作座谈会召开"
    assert page.locator(".article__meta").get_by_text("来源：区关工委法治教育部").is_visible()
    assert page.locator(".related").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    screenshot(page, f"news-article-{viewport}")

    # Removing the filter chip goes back to the full list.
    page.go_back()
    page.locator(".active-filters").get_by_role("link", name="标签：法治教育").click()
    assert page.locator(".news-item").count() == 10


def test_tag_page_groups_content(demo_site, open_page, screenshot):
    page = open_page("/tags/")
    page.get_by_role("link", name="家庭教育").first.click()

    assert page.locator("h1").inner_text() == "标签：家庭教育"
    assert page.locator(".tag-group h2").first.inner_text() == "新闻"
    screenshot(page, "tag-page-desktop")


def test_article_prints_without_navigation(demo_site, open_page):
    page = open_page("/news/law-vice-principals-meeting/")

    page.emulate_media(media="print")

    assert not page.locator(".main-nav").is_visible()
    assert not page.locator(".site-footer").is_visible()
    assert not page.locator(".article-nav").is_visible()
    assert page.locator("h1").is_visible()
    assert page.locator(".article__body").is_visible()
