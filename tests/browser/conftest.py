"""Browser-test harness: Playwright driving Debian's Chromium against a live server.

We never run `playwright install`: `make test` installs the `chromium` Debian package and
this harness passes its executable (CHROMIUM, default /usr/bin/chromium) to Playwright.
Screenshots go to artifacts/screenshots/, which git ignores.
"""

import io
import os
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import sync_playwright

from tests import snapshots

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "mobile": {"width": 375, "height": 812}}
CHROMIUM_ARGS = [
    "--no-sandbox",  # we run as root in CI
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",  # the machines have no internet
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make test`, which installs it.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser, live_server, restore_migrated_data):
    """open_page(path, viewport="desktop", large_text=False) -> a Playwright page."""
    contexts = []

    def _open(path, viewport="desktop", large_text=False):
        context = browser.new_context(viewport=VIEWPORTS[viewport], locale="zh-CN")
        if large_text:
            context.add_cookies([{"name": "large_text", "value": "1", "url": live_server.url}])
        contexts.append(context)
        page = context.new_page()
        page.goto(live_server.url + path)
        return page

    yield _open
    for context in contexts:
        context.close()


def _scroll_through(page):
    page.evaluate(
        "async () => { for (let y = 0; y < document.body.scrollHeight; y += 600) {"
        " window.scrollTo(0, y); await new Promise(r => setTimeout(r, 30)); }"
        " window.scrollTo(0, 0); }"
    )
    page.wait_for_load_state("networkidle")


@pytest.fixture
def screenshot():
    """screenshot(page, name, scroll=True): save a full-page PNG under artifacts/screenshots/;
    pass scroll=False for a page with JavaScript off."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def _shot(page, name, scroll=True):
        # Scroll through once so that lazy images below the fold load before the shot
        # (not with JavaScript off: the script would never run, and Chromium then loads
        # lazy images straight away anyway).
        if scroll:
            _scroll_through(page)
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return _shot


@pytest.fixture(scope="session")
def _demo_snapshot():
    return {}


@pytest.fixture
def demo_site(restore_migrated_data, _demo_snapshot):
    """The whole demo content, as `make run` shows it: built by the first test that asks,
    then put back from a snapshot of the database for each later one (tests/snapshots.py)."""
    if _demo_snapshot.get("database") is not None:
        snapshots.restore(_demo_snapshot["database"])
    else:
        call_command("load_demo", stdout=io.StringIO())
        _demo_snapshot["database"] = snapshots.take()


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


@pytest.fixture
def admin_page(browser, live_server):
    """admin_page(username, password) -> a Playwright page logged into the Wagtail admin."""
    contexts = []

    def _log_in(username, password):
        context = browser.new_context(viewport=VIEWPORTS["desktop"], locale="zh-CN")
        contexts.append(context)
        page = context.new_page()
        page.goto(live_server.url + "/admin/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.click("button[type=submit]")
        page.wait_for_url(live_server.url + "/admin/")
        return page

    yield _log_in
    for context in contexts:
        context.close()
