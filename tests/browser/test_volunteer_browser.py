"""Volunteer sign-up in Chromium the way an older person would: 大字模式, a phone, a
mistake first, then the thank-you page; and the roster, at 1280px and 375px."""

import pytest

from volunteers.models import Volunteer

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("viewport", ["mobile", "desktop"])
def test_sign_up_in_large_text_mode(demo_site, open_page, screenshot, viewport):
    page = open_page("/volunteer/", viewport, large_text=True)
    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 18
    box = page.locator("#id_name").bounding_box()
    assert box["height"] >= 60

    page.fill("#id_name", "李秀兰")
    page.fill("#id_phone", "1380013")  # too short
    page.get_by_text("老教师").click()
    page.get_by_text("我已阅读上面的说明").click()
    page.get_by_role("button", name="提交报名").click()
    assert "请填写11位手机号码" in page.locator("#id_phone-error").inner_text()
    assert page.locator("#id_name").input_value() == "李秀兰"  # nothing typed is lost
    screenshot(page, f"signup-error-large-{viewport}")

    assert page.locator("#id_consent").is_checked()  # ticks are kept too
    page.fill("#id_phone", "138 0013 8000")
    page.get_by_role("button", name="提交报名").click()

    assert "谢谢您！报名已经收到" in page.locator("h1").inner_text()
    reference = Volunteer.objects.get(phone="13800138000").reference
    assert reference in page.locator(".success__reference").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    screenshot(page, f"signup-thanks-large-{viewport}")


@pytest.mark.parametrize("viewport", ["desktop", "mobile"])
def test_roster(demo_site, open_page, screenshot, viewport):
    page = open_page("/wulao/", viewport)

    assert page.locator(".person").count() > 5
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    screenshot(page, f"roster-{viewport}")


@pytest.mark.parametrize("viewport", ["mobile", "desktop"])
def test_ask_to_withdraw(demo_site, open_page, screenshot, viewport):
    page = open_page("/volunteer/", viewport, large_text=True)
    page.get_by_role("link", name="在这里申请退出并删除个人信息").click()
    page.fill("#id_name", "王建国")
    page.fill("#id_phone", "13900000000")
    screenshot(page, f"withdraw-form-large-{viewport}")
    page.get_by_text("我要退出志愿者队伍").click()
    page.get_by_role("button", name="提交申请").click()

    assert "申请已经提交" in page.locator("h1").inner_text()
    assert Volunteer.objects.get(phone="13900000000").withdrawal_requested_at is not None
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    screenshot(page, f"withdraw-done-large-{viewport}")
