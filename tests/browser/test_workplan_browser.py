"""Work plans in Chromium: paste a document into the admin importer, check the preview,
create the draft; and the public plan page at 1280px and 375px."""

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from home.models import WorkPlanPage

pytestmark = pytest.mark.django_db(transaction=True)

DATA = Path(__file__).parents[1] / "data"


def test_paste_preview_and_create_in_the_admin(demo_site, admin_page, live_server, screenshot):
    User.objects.create_superuser("boss", password="pw-for-tests")
    page = admin_page("boss", "pw-for-tests")

    page.goto(live_server.url + "/admin/workplans/import/")
    # The demo has this and last year's plans: import a year of its own.
    text = (
        (DATA / "workplan_notice_traditional.txt")
        .read_text(encoding="utf-8")
        .replace("2025", "2031")
    )
    page.fill("#id_text", text)
    page.get_by_role("button", name="预览").click()

    assert "3 个部分，5 条要点" in page.locator("[data-preview=summary]").inner_text()
    assert page.locator("[data-preview=title]").inner_text() == "禾丰镇关工委2031年工作要点"
    screenshot(page, "admin-workplan-preview")
    page.get_by_role("button", name="创建草稿").click()

    page.wait_for_url("**/edit/")
    created = WorkPlanPage.objects.get(year=2031)
    assert not created.live
    assert len(created.sections) == 3


@pytest.mark.parametrize("viewport", ["desktop", "mobile"])
def test_public_plan_page(demo_site, open_page, screenshot, viewport):
    year = timezone.localdate().year
    page = open_page(f"/work-plans/{year}/", viewport)

    assert "已落实" in page.locator(".workplan__progress").inner_text()
    page.locator(".toc").get_by_role("link", name="三、深化法治教育，护航青少年成长").click()
    assert page.url.endswith("#section-3")
    page.goto(page.url.split("#")[0] + "#point-14")
    assert page.locator("#point-14").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    screenshot(page, f"workplan-{viewport}")
