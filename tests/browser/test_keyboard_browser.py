"""Keyboard only, no mouse: through the calendar to an activity, and through the volunteer
sign-up form to the thank-you page (Tab, Shift+Tab, arrows, Space and Enter)."""

import pytest

from volunteers.models import Volunteer

pytestmark = pytest.mark.django_db(transaction=True)


def tab_to(page, test, limit=80):
    """Press Tab until the focused element passes ``test`` (JavaScript taking the element);
    fail if it never comes: then it cannot be reached by keyboard."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {test})(document.activeElement)"):
            return
    raise AssertionError(f"never focused: {test}")


def focused_text(page):
    return page.evaluate("document.activeElement.innerText.trim()")


def test_the_calendar_by_keyboard(demo_site, open_page):
    page = open_page("/calendar/2026/11/")
    start = page.url

    tab_to(page, "el.rel === 'next' && el.innerText.includes('下个月')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/calendar/2026/12/")
    assert "2026年12月" in page.locator("main").inner_text()

    tab_to(page, "el.rel === 'prev' && el.innerText.includes('上个月')")
    page.keyboard.press("Enter")
    page.wait_for_url(start)

    tab_to(page, "!!el.closest('.month-grid__event')")
    title = focused_text(page)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text().strip() == title


def test_the_volunteer_sign_up_by_keyboard(demo_site, open_page):
    page = open_page("/volunteer/", large_text=True)

    tab_to(page, "el.id === 'id_name'")
    page.keyboard.type("赵淑芬")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_phone"
    page.keyboard.type("13912345678")

    # The first 您是 choice, then the arrow keys move within the group, Space picks.
    tab_to(page, "el.name === 'category'")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    chosen = page.evaluate("document.querySelector('input[name=category]:checked').value")

    tab_to(page, "el.id === 'id_consent'")
    page.keyboard.press("Space")
    assert page.locator("#id_consent").is_checked()
    tab_to(page, "el.type === 'submit'")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert "谢谢您！报名已经收到" in page.locator("h1").inner_text()
    volunteer = Volunteer.objects.get(phone="13912345678")
    assert volunteer.name == "赵淑芬"
    assert volunteer.category == chosen


def test_a_mistake_by_keyboard_puts_the_focus_where_it_can_be_fixed(demo_site, open_page):
    page = open_page("/volunteer/")
    tab_to(page, "el.id === 'id_name'")
    page.keyboard.type("赵淑芬")
    tab_to(page, "el.type === 'submit'")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # The message next to the phone field, and the form summary at the top links to it.
    assert "请填写手机号码" in page.locator("#id_phone-error").inner_text()
    assert page.locator("#id_name").input_value() == "赵淑芬"
    tab_to(page, "el.getAttribute('href') === '#id_phone'")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_phone"
