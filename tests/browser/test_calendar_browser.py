"""The calendar in Chromium: month → next month → filter → activity → download .ics."""

import pytest
from django.utils import timezone
from icalendar import Calendar

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("viewport", ["desktop", "mobile"])
def test_calendar_journey(demo_site, open_page, screenshot, viewport):
    page = open_page("/calendar/", viewport)
    today = timezone.localdate()
    assert page.locator(".month-nav__title").inner_text() == f"{today.year}年{today.month}月"
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    screenshot(page, f"calendar-month-{viewport}")

    page.get_by_role("link", name="下个月").click()
    following = today.replace(day=1) + timezone.timedelta(days=32)
    assert (
        page.locator(".month-nav__title").inner_text() == f"{following.year}年{following.month}月"
    )

    page.locator(".calendar-filters").get_by_role("link", name="法治教育").click()
    assert "category=law" in page.url
    assert "法治教育宣传周" in page.content()
    # The filter survives going back a month.
    page.get_by_role("link", name="上个月").click()
    assert "category=law" in page.url
    assert f"/{today.year}/{today.month}/" in page.url
    screenshot(page, f"calendar-filtered-{viewport}")

    page.get_by_role("link", name="青少年法治教育宣传周").first.click()
    assert page.locator("h1").inner_text() == "青少年法治教育宣传周"
    screenshot(page, f"activity-{viewport}")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="添加到日历").click()
    ics = Calendar.from_ical(download_info.value.path().read_bytes())
    (event,) = ics.walk("VEVENT")
    assert str(event["SUMMARY"]) == "青少年法治教育宣传周"


def test_month_grid_works_without_javascript(demo_site, browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/calendar/")

    page.get_by_role("link", name="近期活动").click()
    assert page.locator(".event").count() > 0
    context.close()
