"""The home page in Chromium, at 1280px and 375px, normal and 大字模式."""

import pytest

from tests.browser.conftest import VIEWPORTS

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("viewport", ["desktop", "mobile"])
def test_home_page_in_chromium(demo_site, open_page, screenshot, viewport):
    page = open_page("/", viewport)

    assert page.title() == "青禾区关心下一代工作委员会"
    assert page.locator(".brand__name").inner_text() == "青禾区关心下一代工作委员会"
    assert page.locator(".main-nav").get_by_role("link", name="关于我们").is_visible()
    assert page.locator("footer").get_by_text("禾ICP备20260088号-1").is_visible()
    # Nothing overflows sideways, even on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    # Body text is at least 16px; the text-size switch is a real touch target.
    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 16
    box = page.locator(".text-size-switch").bounding_box()
    assert box["width"] >= 44
    assert box["height"] >= 44
    path = screenshot(page, f"home-{viewport}")
    assert path.stat().st_size > 10_000


@pytest.mark.parametrize("viewport", ["desktop", "mobile"])
def test_large_text_switch_without_javascript(
    demo_site, browser, live_server, screenshot, viewport
):
    context = browser.new_context(viewport=VIEWPORTS[viewport], java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/about/")
    page.get_by_role("link", name="大字模式").click()

    assert page.url == live_server.url + "/about/"
    assert page.get_by_role("link", name="标准字号").is_visible()
    assert "large-text" in (page.locator("html").get_attribute("class") or "")
    screenshot(page, f"about-large-text-{viewport}", scroll=False)
    context.close()

    # Measure with JavaScript on: 大字模式 body text is at least 18px, targets at least 60px.
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    context.add_cookies([{"name": "large_text", "value": "1", "url": live_server.url}])
    page = context.new_page()
    page.goto(live_server.url + "/about/")
    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 18
    box = page.locator(".text-size-switch").bounding_box()
    assert box["height"] >= 60
    assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS[viewport]["width"]
    context.close()


@pytest.mark.parametrize("viewport", ["desktop", "mobile"])
def test_404_page_in_chromium(demo_site, open_page, screenshot, viewport):
    page = open_page("/no-such-page/", viewport)

    assert page.locator("h1").inner_text() == "页面未找到"
    assert page.get_by_role("link", name="返回首页").is_visible()
    screenshot(page, f"404-{viewport}")


def test_keyboard_reaches_the_skip_link_first(demo_site, open_page):
    page = open_page("/about/")

    page.keyboard.press("Tab")

    focused = page.locator(":focus")
    assert focused.inner_text() == "跳到主要内容"
    assert focused.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
