"""Search in Chromium: type a word in the header's box, narrow the results by type, open a
result; an empty search; at 1280px and 375px, and in 大字模式 on a phone."""

import pytest

from tests.browser.conftest import no_sideways_scroll

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("viewport", ["desktop", "mobile"])
def test_search_from_the_header_filter_and_open_a_result(
    demo_site, open_page, screenshot, viewport
):
    page = open_page("/news/", viewport)
    box = page.get_by_role("search").get_by_label("搜索本站")
    box.fill("法治副校长")
    box.press("Enter")
    page.wait_for_url("**/search/?q=*")

    assert page.locator("h1").inner_text() == "搜索"
    assert page.get_by_label("搜索本站的新闻、活动、工作要点和专题").input_value() == "法治副校长"
    summary = page.locator(".listing__count").inner_text()
    assert "与“法治副校长”有关的结果" in summary
    first = page.locator(".search-result__title").first
    assert "法治副校长" in first.inner_text()
    assert page.locator(".search-result mark").count() > 3
    assert no_sideways_scroll(page)
    screenshot(page, f"search-results-{viewport}")

    types = page.get_by_role("navigation", name="按类型筛选")
    types.get_by_role("link", name="新闻").click()
    page.wait_for_url("**type=newspage*")
    assert "找到 2 条" in page.locator(".listing__count").inner_text()
    assert set(page.locator(".search-result__type").all_inner_texts()) == {"新闻"}
    screenshot(page, f"search-filtered-{viewport}")

    page.locator(".search-result__title a").first.click()
    assert "法治副校长" in page.locator("h1").inner_text()


def test_nothing_found_in_large_text_mode_on_a_phone(demo_site, open_page, screenshot):
    page = open_page("/search/?q=%E5%A4%AA%E7%A9%BA%E6%AD%A5", "mobile", large_text=True)
    assert "没有找到与“太空步”有关的内容" in page.locator(".search__empty").inner_text()
    assert page.locator(".search__tags .tag").count() >= 5
    assert page.get_by_role("link", name="活动日历 ›").is_visible()
    assert no_sideways_scroll(page)
    button = page.locator(".search-form__button").bounding_box()
    assert button["height"] >= 60
    assert button["width"] >= 60
    screenshot(page, "search-empty-mobile-large")
