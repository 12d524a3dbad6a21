"""主题教育 in Chromium: the index, a filter, a campaign with its book list and figures, and
the school write-ups; at 1280px and 375px."""

import pytest

from tests.browser.conftest import no_sideways_scroll

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("viewport", ["desktop", "mobile"])
def test_index_filter_and_campaign(demo_site, open_page, screenshot, viewport):
    page = open_page("/campaigns/", viewport)
    cards = page.locator(".campaign-card")
    assert cards.count() == 5
    assert "进行中" in cards.first.inner_text()
    assert "已结束" in cards.last.inner_text()
    assert no_sideways_scroll(page)
    screenshot(page, f"campaigns-{viewport}")

    page.locator(".filters").get_by_role("link", name="读书活动").click()
    assert page.locator(".campaign-card").count() == 2
    assert "类型：读书活动" in page.locator(".active-filters").inner_text()
    screenshot(page, f"campaigns-reading-{viewport}")

    page.get_by_role("link", name="“红领巾爱读书”阅读季").first.click()
    assert page.locator(".book").count() == 15
    assert page.locator(".booklist__band").count() == 3
    assert "推荐书目" in page.locator(".figures").inner_text()
    assert no_sideways_scroll(page)
    screenshot(page, f"campaign-reading-{viewport}")


@pytest.mark.parametrize("viewport", ["desktop", "mobile"])
def test_legal_campaign_and_a_writeup(demo_site, open_page, screenshot, viewport):
    page = open_page("/campaigns/law-month/", viewport)
    assert "第五届" in page.locator(".campaign__meta").inner_text()
    assert page.locator(".data-table tbody tr").count() == 6
    assert no_sideways_scroll(page)
    screenshot(page, f"campaign-law-{viewport}")

    page.locator("#writeups-title + ul a").first.click()
    assert "学校报道" in page.locator(".breadcrumbs").inner_text()
    assert no_sideways_scroll(page)
    screenshot(page, f"writeup-{viewport}")
