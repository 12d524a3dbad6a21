"""活动报名 on the public site: seats, waitlist, cancellation through the personal link,
who may sign up, and every message of the form."""

import datetime

import pytest
from django.utils import timezone

from tests import factories
from volunteers import seats
from volunteers.models import Registration, Volunteer

pytestmark = pytest.mark.django_db

GOOD = {"name": "李秀英", "phone": "139 0000 1111", "consent": "on", "party_size": "1"}


@pytest.fixture
def activity():
    calendar = factories.calendar_page()
    start = timezone.now() + datetime.timedelta(days=7)
    return factories.activity(calendar, title="红色故事分享会", start=start)


@pytest.fixture
def signup(activity):
    return factories.activity_signup(activity, capacity=3, max_party_size=3)


def url(activity):
    return f"/activity-signup/{activity.pk}/"


def test_activity_page_shows_seats_left_and_the_button(client, activity, signup):
    factories.registration(signup, party_size=2)

    html = client.get(activity.url).content.decode()

    assert "剩余名额 <strong>1</strong> 个" in html
    assert "（共 3 个）" in html
    assert f'href="{url(activity)}"' in html
    assert "我要报名" in html


def test_activity_without_sign_up_shows_no_box(client, activity):
    html = client.get(activity.url).content.decode()

    assert "活动报名" not in html
    assert client.get(url(activity)).status_code == 404


def test_sign_up_confirms_a_seat_and_redirects_to_the_personal_page(client, activity, signup):
    response = client.post(url(activity), {**GOOD, "party_size": "2"})

    registration = Registration.objects.get()
    assert registration.status == "confirmed"
    assert registration.phone == "13900001111"
    assert registration.party_size == 2
    assert len(registration.token) >= 32
    assert response.status_code == 302
    assert response["Location"] == f"/activity-signup/r/{registration.token}/"
    page = client.get(response["Location"])
    html = page.content.decode()
    assert "报名成功，已确认" in html
    assert "139****1111" in html
    assert "13900001111" not in html
    assert registration.reference in html
    assert page["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="referrer" content="same-origin">' in html  # the token stays here
    assert "no-store" in page["Cache-Control"]
    assert "剩余名额 <strong>1</strong> 个" in client.get(activity.url).content.decode()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "请填写您的姓名。"),
        ("name", "   ", "请填写您的姓名。"),
        ("phone", "", "请填写手机号码，方便工作人员联系您。"),
        ("phone", "12345", "请填写11位手机号码，例如 13800138000。"),
        ("consent", "", "请勾选同意，我们才能登记您的报名。"),
        ("party_size", "4", "选择一个有效的选项"),
    ],
)
def test_each_mistake_is_shown_next_to_its_field_and_nothing_is_saved(
    client, activity, signup, field, value, message
):
    data = {**GOOD, field: value}
    if not value:
        data.pop(field)

    response = client.post(url(activity), data)

    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="id_{field}-error">{message}' in html
    assert "还有 1 处需要修改" in html
    assert not Registration.objects.exists()


def test_full_list_puts_people_on_the_waitlist_with_their_position(client, activity, signup):
    factories.registration(signup, party_size=3)

    html = client.get(url(activity)).content.decode()
    assert "名额已满" in html
    assert "登记候补" in html
    client.post(url(activity), {**GOOD, "phone": "13900000001"})
    response = client.post(url(activity), {**GOOD, "phone": "13900000002"}, follow=True)

    assert list(Registration.objects.values_list("status", flat=True)) == [
        "confirmed",
        "waitlisted",
        "waitlisted",
    ]
    html = response.content.decode()
    assert "候补第 2 位" in html


def test_cancelling_through_the_link_gives_the_seat_to_the_waitlist(client, activity, signup):
    first = seats.register(signup, name="甲", phone="13900000001", party_size=3)
    waiting = seats.register(signup, name="乙", phone="13900000002", party_size=1)
    assert waiting.status == "waitlisted"
    personal = f"/activity-signup/r/{first.token}/"

    confirm = client.get(personal + "?cancel=1").content.decode()
    assert "确定要取消这次报名吗？" in confirm
    first.refresh_from_db()
    assert first.status == "confirmed"  # a GET changes nothing
    response = client.post(personal)

    assert response.status_code == 302
    first.refresh_from_db()
    waiting.refresh_from_db()
    assert first.status == "cancelled"
    assert waiting.status == "confirmed"
    html = client.get(personal).content.decode()
    assert "已经取消报名" in html
    assert "这个报名已经取消" in html
    assert "报名成功，已确认" in client.get(f"/activity-signup/r/{waiting.token}/").content.decode()


def test_promotion_goes_in_order_and_skips_a_party_that_does_not_fit(activity):
    signup = factories.activity_signup(activity, capacity=4, max_party_size=4)
    big = seats.register(signup, name="甲", phone="13900000001", party_size=2)
    seats.register(signup, name="乙", phone="13900000002", party_size=2)
    four = seats.register(signup, name="丙", phone="13900000003", party_size=4)
    one = seats.register(signup, name="丁", phone="13900000004", party_size=1)
    two = seats.register(signup, name="戊", phone="13900000005", party_size=1)
    assert [four.status, one.status, two.status] == ["waitlisted"] * 3

    promoted = seats.cancel(big)

    assert promoted == [one, two]  # 丙 (4 people) does not fit in 2 seats; the next two do
    four.refresh_from_db()
    assert four.status == "waitlisted"
    assert seats.cancel(big) == []  # cancelling twice changes nothing


def test_the_same_phone_cannot_take_two_places(client, activity, signup):
    client.post(url(activity), GOOD)

    response = client.post(url(activity), {**GOOD, "phone": "+86 139-0000-1111", "name": "别人"})

    assert "这个手机号码已经报名了这项活动" in response.content.decode()
    assert Registration.objects.count() == 1
    Registration.objects.update(status="cancelled")
    client.post(url(activity), GOOD)  # after cancelling, one may sign up again
    assert Registration.objects.filter(status="confirmed").count() == 1


def test_volunteer_only_list_checks_the_phone_against_approved_volunteers(client, activity):
    factories.activity_signup(activity, audience="volunteers")
    Volunteer.objects.create(name="王建国", phone="13800138000", status="approved")
    Volunteer.objects.create(name="待审核", phone="13800138001", status="pending")

    refused = client.post(url(activity), {**GOOD, "phone": "13800138001"})
    accepted = client.post(url(activity), {**GOOD, "phone": "13800138000"})

    assert "这个手机号码还不是志愿者" in refused.content.decode()
    assert accepted.status_code == 302
    registration = Registration.objects.get()
    assert registration.volunteer.name == "王建国"
    assert "只接受已登记的志愿者报名" in client.get(activity.url).content.decode()


@pytest.mark.parametrize(
    ("fields", "shown"),
    [
        ({"opens_at_days": 2}, "报名将于"),
        ({"closes_at_days": -1, "opens_at_days": -3}, "报名已经截止"),
        ({"status": "cancelled"}, "活动已取消，停止报名"),
    ],
)
def test_closed_sign_up_says_why_and_takes_nothing(client, activity, fields, shown):
    now = timezone.now()
    options = {}
    if "opens_at_days" in fields:
        options["opens_at"] = now + datetime.timedelta(days=fields["opens_at_days"])
    if "closes_at_days" in fields:
        options["closes_at"] = now + datetime.timedelta(days=fields["closes_at_days"])
    if "status" in fields:
        activity.status = fields["status"]
        activity.status_reason = "天气原因"
        activity.save_revision().publish()
    factories.activity_signup(activity, **options)

    form_page = client.get(url(activity)).content.decode()
    client.post(url(activity), GOOD)

    assert shown in form_page
    assert 'name="phone"' not in form_page
    assert shown in client.get(activity.url).content.decode()
    assert not Registration.objects.exists()


def test_sign_up_closes_when_the_activity_starts(client):
    calendar = factories.calendar_page()
    started = factories.activity(calendar, start=timezone.now() - datetime.timedelta(minutes=5))
    factories.activity_signup(started)

    assert "报名已经截止" in client.get(url(started)).content.decode()


def test_paused_sign_up_hides_the_box(client, activity):
    factories.activity_signup(activity, is_open=False)

    assert "我要报名" not in client.get(activity.url).content.decode()
    client.post(url(activity), GOOD)
    assert not Registration.objects.exists()


def test_unpublished_activity_has_no_sign_up_page(client, activity, signup):
    activity.unpublish()

    assert client.get(url(activity)).status_code == 404
    assert client.post(url(activity), GOOD).status_code == 404


def test_unknown_token_is_a_404(client, signup):
    assert client.get("/activity-signup/r/not-a-real-token/").status_code == 404


def test_honeypot_saves_nothing(client, activity, signup):
    response = client.post(url(activity), {**GOOD, "website": "http://spam.example"})

    assert response.status_code == 302
    assert not Registration.objects.exists()


def test_rate_limit_answers_429_after_ten_attempts_from_one_address(client, activity):
    signup = factories.activity_signup(activity, capacity=50)
    for number in range(5):
        client.post(url(activity), {**GOOD, "phone": f"1390000000{number}"})
    for _ in range(5):  # mistakes count too
        client.post(url(activity), {**GOOD, "phone": "123"})

    response = client.post(url(activity), {**GOOD, "phone": "13900000009"})

    assert response.status_code == 429
    assert "提交太频繁了" in response.content.decode()
    assert signup.registrations.count() == 5


def test_volunteer_only_lists_cannot_be_used_to_probe_phones(client, activity):
    factories.activity_signup(activity, audience="volunteers")
    for number in range(10):
        client.post(url(activity), {**GOOD, "phone": f"1380000{number:04d}"})

    assert client.post(url(activity), {**GOOD, "phone": "13800009999"}).status_code == 429


def test_limits_follow_the_visitor_behind_a_proxy(client, activity, settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    factories.activity_signup(activity, capacity=50)
    for _ in range(10):
        client.post(url(activity), {**GOOD, "phone": "123"}, HTTP_X_REAL_IP="203.0.113.5")

    blocked = client.post(url(activity), GOOD, HTTP_X_REAL_IP="203.0.113.5")
    other = client.post(url(activity), GOOD, HTTP_X_REAL_IP="203.0.113.6")

    assert blocked.status_code == 429
    assert other.status_code == 302


def test_an_ended_activity_cannot_be_cancelled_through_the_link(client):
    calendar = factories.calendar_page()
    past = factories.activity(calendar, start=timezone.now() - datetime.timedelta(days=3))
    signup = factories.activity_signup(past)
    registration = factories.registration(signup)

    response = client.post(f"/activity-signup/r/{registration.token}/", follow=True)

    assert "活动已经结束，报名不能再取消了。" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_robots_txt_keeps_crawlers_off_the_sign_up_pages(client):
    assert "Disallow: /activity-signup/" in client.get("/robots.txt").content.decode()


def test_activity_page_queries_do_not_grow_with_sign_ups(client, activity):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    signup = factories.activity_signup(activity, capacity=500)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(activity.url).status_code == 200
        return len(captured)

    for number in range(10):
        factories.registration(signup, phone=f"1370000{number:04d}")
    queries()  # warm the site and settings caches
    few = queries()
    for number in range(10, 100):
        factories.registration(signup, phone=f"1370000{number:04d}")

    assert queries() == few
    assert "剩余名额 <strong>400</strong> 个" in client.get(activity.url).content.decode()


def test_party_size_offers_one_choice_per_person_and_starts_at_one(client, activity, signup):
    html = client.get(url(activity)).content.decode()

    for number in (1, 2, 3):
        assert f"<span>{number} 人</span>" in html
    first = html.split('value="1"', 1)[1].split(">", 1)[0]
    assert "checked" in first


def test_single_seat_lists_need_no_party_size_choice(client, activity):
    factories.activity_signup(activity, max_party_size=1)

    html = client.get(url(activity)).content.decode()

    assert '<input type="hidden" name="party_size" value="1"' in html
    assert "参加人数" not in html
