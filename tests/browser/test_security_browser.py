"""The Content-Security-Policy in Chromium: no page of the demo site, and not the editor's
userbar on a public page, breaks a rule (Chromium reports each violation on the console),
and the 503 page looks like the site."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

# Routes that are not pages of their own; every page type is added from the demo.
ROUTES = ["/calendar/upcoming/", "/search/?q=读书", "/tags/", "/school/login/"]


def one_page_of_each_type():
    from wagtail.models import Page

    first = {}
    for page in Page.objects.live().public().filter(depth__gt=1).order_by("path"):
        first.setdefault(page.content_type_id, page.url)
    return sorted(first.values())


def violations(page):
    found = []
    page.on(
        "console",
        lambda message: (
            found.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return found


def test_no_page_breaks_the_content_security_policy(demo_site, browser, live_server):
    paths = one_page_of_each_type() + ROUTES
    assert len(paths) > 15
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    found = violations(page)
    opened = []
    for path in paths:
        response = page.goto(live_server.url + path)
        opened.append((path, response.status))
        page.wait_for_load_state("networkidle")
    context.close()

    assert [status for _, status in opened] == [200] * len(paths), opened
    assert found == []


def test_the_editors_userbar_works_under_the_policy(demo_site, admin_page, live_server):
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_superuser("csp-editor", "e@example.org", "Csp-Editor-1")
    page = admin_page("csp-editor", "Csp-Editor-1")
    found = violations(page)

    page.goto(live_server.url + "/news/")
    page.wait_for_load_state("networkidle")

    assert page.locator("wagtail-userbar, [data-wagtail-userbar]").count() >= 1
    assert found == []


@pytest.mark.parametrize("viewport", ["desktop", "mobile"])
def test_the_503_page_when_the_database_is_away(
    restore_migrated_data, open_page, screenshot, monkeypatch, viewport
):
    from django.db import OperationalError
    from django.db.backends.utils import CursorWrapper

    from tests.browser.conftest import no_sideways_scroll

    real_execute = CursorWrapper.execute

    def away(self, *args, **kwargs):
        raise OperationalError("the database is away")

    monkeypatch.setattr(CursorWrapper, "execute", away)
    try:
        page = open_page("/news/", viewport)
        heading = page.locator("h1").inner_text()
        reload_link = page.get_by_role("link", name="刷新本页")
        assert reload_link.is_visible()
        assert no_sideways_scroll(page)
        screenshot(page, f"503-{viewport}", scroll=False)
    finally:
        monkeypatch.setattr(CursorWrapper, "execute", real_execute)

    assert heading == "网站暂时无法访问"


def test_the_console_check_sees_a_violation_when_there_is_one(
    restore_migrated_data, browser, live_server
):
    """The check above would see it: an inline script and an inline style put into a page
    are refused, and Chromium says so on the console."""
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    found = violations(page)
    page.goto(live_server.url + "/no-such-page/")
    page.evaluate(
        """() => {
        const script = document.createElement("script");
        script.textContent = "window.ran = true";
        document.body.append(script);
        const style = document.createElement("style");
        style.textContent = "body { color: red }";
        document.head.append(style);
    }"""
    )
    page.wait_for_timeout(200)
    ran = page.evaluate("window.ran === true")
    context.close()

    assert not ran
    assert len(found) >= 2, found
