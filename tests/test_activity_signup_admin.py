"""活动报名 for staff: switching it on from the activity, the numbers, each list and its
export, cancelling on someone's behalf, and what a change of capacity does."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests import factories
from volunteers import seats
from volunteers.models import ActivitySignup, Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity():
    calendar = factories.calendar_page()
    start = timezone.now() + datetime.timedelta(days=7)
    return factories.activity(calendar, title="寒假安全第一课", start=start)


def export_text(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode()


def test_activity_in_the_admin_links_to_switching_sign_up_on(admin_client, activity):
    html = admin_client.get(f"/admin/pages/{activity.pk}/edit/").content.decode()
    assert "开启活动报名" in html
    assert f"/admin/snippets/volunteers/activitysignup/add/?activity={activity.pk}" in html

    form = admin_client.get(
        f"/admin/snippets/volunteers/activitysignup/add/?activity={activity.pk}"
    )
    assert f'value="{activity.pk}"' in form.content.decode()

    response = admin_client.post(
        "/admin/snippets/volunteers/activitysignup/add/",
        {
            "activity": activity.pk,
            "is_open": "on",
            "audience": "public",
            "capacity": "30",
            "max_party_size": "2",
            "instructions": "",
        },
    )
    assert response.status_code == 302
    signup = ActivitySignup.objects.get()
    assert signup.capacity == 30
    assert "活动报名设置" in admin_client.get(f"/admin/pages/{activity.pk}/edit/").content.decode()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"capacity": "0"}, "名额至少为 1 人。"),
        ({"max_party_size": "11"}, "每次最多报 10 人。"),
        (
            {"opens_at": "2026-12-10 09:00", "closes_at": "2026-12-09 09:00"},
            "截止时间必须晚于开始报名时间。",
        ),
    ],
)
def test_bad_settings_are_refused_with_a_message(admin_client, activity, fields, message):
    data = {
        "activity": activity.pk,
        "is_open": "on",
        "audience": "public",
        "capacity": "30",
        "max_party_size": "2",
        **fields,
    }

    response = admin_client.post("/admin/snippets/volunteers/activitysignup/add/", data)

    assert message in response.content.decode()
    assert not ActivitySignup.objects.exists()


def test_capacity_cannot_drop_below_the_confirmed_seats(admin_client, activity):
    signup = factories.activity_signup(activity, capacity=5, max_party_size=3)
    seats.register(signup, name="甲", phone="13900000001", party_size=3)

    response = admin_client.post(
        f"/admin/snippets/volunteers/activitysignup/edit/{signup.pk}/",
        {
            "activity": activity.pk,
            "is_open": "on",
            "audience": "public",
            "capacity": "2",
            "max_party_size": "3",
        },
    )

    assert "已经有 3 人确认参加，名额不能少于 3。" in response.content.decode()
    signup.refresh_from_db()
    assert signup.capacity == 5


def test_raising_the_capacity_confirms_people_from_the_waitlist(admin_client, activity):
    signup = factories.activity_signup(activity, capacity=1)
    seats.register(signup, name="甲", phone="13900000001")
    waiting = seats.register(signup, name="乙", phone="13900000002")

    admin_client.post(
        f"/admin/snippets/volunteers/activitysignup/edit/{signup.pk}/",
        {
            "activity": activity.pk,
            "is_open": "on",
            "audience": "public",
            "capacity": "2",
            "max_party_size": "1",
        },
    )

    waiting.refresh_from_db()
    assert waiting.status == "confirmed"


def test_signup_list_shows_the_numbers_in_constant_queries(admin_client):
    calendar = factories.calendar_page()
    start = timezone.now() + datetime.timedelta(days=7)

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            response = admin_client.get("/admin/snippets/volunteers/activitysignup/")
        assert response.status_code == 200
        return len(queries), response.content.decode()

    for number in range(3):
        signup = factories.activity_signup(
            factories.activity(calendar, start=start, revision=False)
        )
        for person in range(3):
            factories.registration(signup, phone=f"1370{number:03d}{person:04d}")
    few, html = count_queries()
    for number in range(3, 30):
        signup = factories.activity_signup(
            factories.activity(calendar, start=start, revision=False)
        )
        for person in range(3):
            factories.registration(signup, phone=f"1370{number:03d}{person:04d}")
    many, _ = count_queries()

    # capacity, confirmed seats, waitlist, link to the list
    assert re.search(r"<td >\s*10\s*</td>\s*<td >\s*3\s*</td>\s*<td >\s*0\s*</td>", html)
    assert "已确认（人）" in html
    assert "查看名单" in html
    assert many <= few


def test_registration_list_filters_by_activity_and_exports_with_phones(admin_client, activity):
    signup = factories.activity_signup(activity)
    factories.registration(signup, name="张桂兰", phone="13712345678", party_size=2)
    other = factories.activity_signup(
        factories.activity(factories.calendar_page(slug="cal2", title="日历2"))
    )
    factories.registration(other, name="别的活动的人", phone="13787654321")

    listing = admin_client.get("/admin/snippets/volunteers/registration/", {"signup": signup.pk})
    export = admin_client.get(
        "/admin/snippets/volunteers/registration/", {"signup": signup.pk, "export": "csv"}
    )

    assert "张桂兰" in listing.content.decode()
    assert "别的活动的人" not in listing.content.decode()
    body = export_text(export)
    assert "手机号码" in body
    assert "13712345678" in body
    assert "13787654321" not in body


def test_staff_cannot_add_a_registration_around_the_seat_lock(admin_client):
    response = admin_client.get("/admin/snippets/volunteers/registration/add/")

    assert response.status_code in {302, 403}
    assert not Registration.objects.exists()


def test_staff_cancel_a_sign_up_and_the_waitlist_moves_up(admin_client, activity):
    signup = factories.activity_signup(activity, capacity=1)
    first = seats.register(signup, name="甲", phone="13900000001")
    waiting = seats.register(signup, name="乙", phone="13900000002")
    action = "/admin/bulk/volunteers/registration/cancel_registrations/"

    confirm = admin_client.get(action, {"id": first.pk})
    done = admin_client.post(f"{action}?id={first.pk}", {"next": "/admin/"}, follow=True)

    assert "确定取消下面 1 个报名吗？" in confirm.content.decode()
    assert "候补中有 1 个递补为已确认" in done.content.decode()
    first.refresh_from_db()
    waiting.refresh_from_db()
    assert (first.status, waiting.status) == ("cancelled", "confirmed")


def test_staff_cannot_delete_a_registration_around_the_seat_lock(admin_client, activity):
    registration = factories.registration(factories.activity_signup(activity))

    response = admin_client.post(
        f"/admin/snippets/volunteers/registration/delete/{registration.pk}/"
    )

    assert response.status_code in {302, 403}
    assert Registration.objects.filter(pk=registration.pk).exists()


def test_party_size_cannot_exceed_the_capacity(admin_client, activity):
    response = admin_client.post(
        "/admin/snippets/volunteers/activitysignup/add/",
        {
            "activity": activity.pk,
            "is_open": "on",
            "audience": "public",
            "capacity": "2",
            "max_party_size": "3",
        },
    )

    assert "每次报名的人数不能多于名额。" in response.content.decode()
    assert not ActivitySignup.objects.exists()
