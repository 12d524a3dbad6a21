"""学校投稿 in Chromium: a school logs in, submits a write-up with a photo, a moderator
approves it in the Wagtail admin, and the public page shows it; 1280px and 375px."""

import pytest
from django.contrib.auth.models import Group, User
from PIL import Image

from activities.models import School, SchoolAccount, WriteUpPage
from tests.browser.conftest import no_sideways_scroll

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("viewport", ["mobile", "desktop"])
def test_submit_approve_publish(
    demo_site, open_page, admin_page, live_server, screenshot, viewport, tmp_path
):
    school = School.objects.get(name="青禾中学")
    SchoolAccount.objects.create(
        user=User.objects.create_user("qinghe-teacher", password="pw-teacher-2026"), school=school
    )
    photo = tmp_path / "读书会.jpg"
    Image.new("RGB", (800, 600), "#4f8a3c").save(photo, "JPEG")

    page = open_page("/school/", viewport)
    page.fill("#id_username", "qinghe-teacher")
    page.fill("#id_password", "pw-teacher-2026")
    page.get_by_role("button", name="登录").click()
    assert "我的投稿" in page.locator("h1").inner_text()
    page.get_by_role("link", name="我要投稿").click()

    page.fill("#id_title", "青禾中学举办法治读书会")
    page.fill("#id_event_date", "2026-11-20")
    page.fill("#id_body", "初二年级的同学们读了一本法治故事书。\n大家讨论了书里的三个案例。")
    page.fill("#id_author_name", "曹老师")
    page.set_input_files("#id_photos-0-photo", str(photo))
    page.fill("#id_photos-0-caption", "同学们在讨论")
    page.get_by_text("有学生", exact=True).click()
    page.get_by_role("button", name="提交投稿").click()  # consent not ticked
    assert "必须先取得监护人同意" in page.locator("#id_guardian_consent-error").inner_text()
    assert no_sideways_scroll(page)
    screenshot(page, f"school-submit-error-{viewport}")

    page.set_input_files("#id_photos-0-photo", str(photo))  # files are never kept
    page.get_by_text("已取得监护人同意").click()
    page.get_by_role("button", name="提交投稿").click()
    assert "投稿已经提交" in page.locator(".messages").inner_text()
    assert "待审核" in page.locator(".submissions").inner_text()
    screenshot(page, f"school-home-{viewport}")

    writeup = WriteUpPage.objects.get(title="青禾中学举办法治读书会")
    moderator = User.objects.create_user("moderator", password="pw-moderator-2026")
    moderator.groups.add(Group.objects.get(name="审核员"))
    admin = admin_page("moderator", "pw-moderator-2026")
    admin.goto(live_server.url + f"/admin/pages/{writeup.pk}/edit/")
    admin.locator("button.dropdown-toggle, [data-w-dropdown-target='toggle']").last.click()
    admin.locator(
        'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
    ).first.click()
    admin.wait_for_load_state("networkidle")
    screenshot(admin, f"admin-school-approved-{viewport}")

    writeup.refresh_from_db()
    assert writeup.live
    page.goto(live_server.url + writeup.url)
    assert "初二年级的同学们" in page.locator("main").inner_text()
    assert no_sideways_scroll(page)
    screenshot(page, f"writeup-published-{viewport}")
    page.goto(live_server.url + "/school/")
    assert "已发布" in page.locator(".submissions").inner_text()


@pytest.mark.parametrize("viewport", ["mobile", "desktop"])
def test_a_locked_out_login_explains_itself(restore_migrated_data, open_page, screenshot, viewport):
    User.objects.create_user("locked-teacher", password="pw-teacher-2026")
    page = open_page("/school/login/", viewport)
    for _ in range(5):
        page.fill("#id_username", "locked-teacher")
        page.fill("#id_password", "wrong-password")
        page.get_by_role("button", name="登录").click()

    assert page.locator("h1").inner_text() == "登录已暂停"
    assert "30 分钟" in page.locator("main").inner_text()
    assert no_sideways_scroll(page)
    screenshot(page, f"login-locked-out-{viewport}")
