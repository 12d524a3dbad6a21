"""活动报名 in Chromium: an older person in 大字模式 finds the seats on the activity page,
signs up (a mistake first), keeps the personal link, and cancels; a full activity offers
the waitlist. At 375px and 1280px."""

import pytest

from tests.browser.conftest import no_sideways_scroll
from volunteers.models import Registration

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("viewport", ["mobile", "desktop"])
def test_sign_up_and_cancel_in_large_text_mode(demo_site, open_page, screenshot, viewport):
    page = open_page("/calendar/family-counselling-open/", viewport, large_text=True)
    box = page.locator(".activity__signup")
    assert "剩余名额" in box.inner_text()
    screenshot(page, f"activity-signup-box-{viewport}")

    box.get_by_role("link", name="我要报名").click()
    assert "报名：家校社共育咨询室开放日" in page.locator("h1").inner_text()
    page.fill("#id_name", "周淑芬")
    page.fill("#id_phone", "138 0013 8123")
    page.get_by_text("2 人").click()
    page.get_by_role("button", name="提交报名").click()  # consent not ticked yet
    assert "请勾选同意" in page.locator("#id_consent-error").inner_text()
    assert page.locator("#id_phone").input_value() == "138 0013 8123"
    screenshot(page, f"activity-signup-error-large-{viewport}")

    page.locator("label.form__choice").get_by_text("我同意区关工委").click()
    page.get_by_role("button", name="提交报名").click()
    assert "报名成功，已确认" in page.locator(".registration__status").inner_text()
    assert "138****8123" in page.locator(".activity__facts").inner_text()
    registration = Registration.objects.get(phone="13800138123")
    assert registration.token in page.locator(".registration__link").inner_text()
    assert no_sideways_scroll(page)
    screenshot(page, f"activity-registration-large-{viewport}")

    page.get_by_role("link", name="取消报名").click()
    screenshot(page, f"activity-registration-confirm-cancel-{viewport}")
    page.get_by_role("button", name="确定取消").click()
    assert "已经取消报名" in page.locator(".messages").inner_text()
    registration.refresh_from_db()
    assert registration.status == "cancelled"


@pytest.mark.parametrize("viewport", ["mobile", "desktop"])
def test_full_activity_offers_the_waitlist(demo_site, open_page, screenshot, viewport):
    page = open_page("/calendar/winter-safety-lecture/", viewport)
    assert "名额已满" in page.locator(".activity__signup").inner_text()

    page.get_by_role("link", name="登记候补").click()
    page.fill("#id_name", "吴国华")
    page.fill("#id_phone", "13800138124")
    page.locator("label.form__choice").get_by_text("我同意区关工委").click()
    page.get_by_role("button", name="登记候补").click()

    assert "候补第 4 位" in page.locator(".registration__status").inner_text()
    assert no_sideways_scroll(page)
    screenshot(page, f"activity-registration-waitlist-{viewport}")


def test_staff_follow_the_lists_in_the_admin(demo_site, admin_page, live_server, screenshot):
    from django.contrib.auth.models import User

    User.objects.create_superuser("boss", password="pw-for-tests")
    page = admin_page("boss", "pw-for-tests")

    page.goto(live_server.url + "/admin/snippets/volunteers/activitysignup/")
    row = page.locator("tr", has_text="寒假安全第一课")
    assert "20" in row.inner_text()
    screenshot(page, "admin-activity-signups")
    row.get_by_role("link", name="查看名单").click()
    page.wait_for_url("**/admin/snippets/volunteers/registration/?signup=*")
    assert "共有 13 个符合" in page.locator("main").inner_text()
    assert "候补" in page.locator("main table").inner_text()
    screenshot(page, "admin-activity-registrations")
