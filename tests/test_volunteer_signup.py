"""The public volunteer sign-up: validation, consent records, duplicates, honeypot, rate
limit and the staff notification (with the mail server down: tests/test_notifications.py)."""

import pytest
from django.core import mail
from django.core.cache import cache

from tests import factories
from volunteers.models import ConsentRecord, Volunteer

pytestmark = pytest.mark.django_db

URL = "/volunteer/"
GOOD = {
    "name": "王建国",
    "phone": "138 0013 8000",
    "category": "teacher",
    "consent": "on",
    "birth_year": "1956",
    "street": "文昌街道",
}


@pytest.fixture
def page():
    return factories.signup_page()


def test_form_shows_a_notice_and_an_unticked_consent_box(client, page):
    html = client.get(URL).content.decode()

    assert "我们这样使用您的信息。" in html
    assert "说明版本：2026-1" in html
    consent = (
        html.split('name="consent"', 1)[0].rsplit("<input", 1)[1]
        + html.split('name="consent"', 1)[1].split(">", 1)[0]
    )
    assert "checked" not in consent
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'name="website"' in html  # the honeypot


@pytest.mark.django_db(transaction=True)  # the worker sends the queued notification
def test_sign_up_creates_one_volunteer_with_consent_and_redirects_to_thanks(
    restore_migrated_data, run_worker, client, page
):
    response = client.post(URL, {**GOOD, "public_profile": "on"})

    assert response.status_code == 302
    assert response["Location"] == "/volunteer/thanks/"
    volunteer = Volunteer.objects.get()
    assert volunteer.phone == "13800138000"  # normalised
    assert volunteer.status == "pending"
    assert volunteer.public_profile
    kinds = sorted(
        ConsentRecord.objects.filter(volunteer=volunteer).values_list("kind", "notice_version")
    )
    assert kinds == [("processing", "2026-1"), ("public_profile", "2026-1")]
    thanks = client.get(response["Location"]).content.decode()
    assert f"报名编号：<strong>{volunteer.reference}</strong>" in thanks
    assert "13800138000" not in thanks
    assert mail.outbox == []  # queued, not sent in the request
    run_worker()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["staff@test.example.org"]
    assert "13800138000" not in mail.outbox[0].body  # no personal data in the mail


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": ""}, "name", "请填写您的姓名。"),
        ({"name": "   "}, "name", "请填写您的姓名。"),
        ({"phone": ""}, "phone", "请填写手机号码，方便工作人员联系您。"),
        ({"phone": "12345"}, "phone", "请填写11位手机号码，例如 13800138000。"),
        ({"phone": "010-12345678"}, "phone", "请填写11位手机号码，例如 13800138000。"),
        ({"category": ""}, "category", "请选择一项。"),
        ({"birth_year": "abc"}, "birth_year", "请填写四位数的年份，例如 1956。"),
        ({"birth_year": "1850"}, "birth_year", "请填写 1920 到"),
        ({"consent": ""}, "consent", "请阅读说明并勾选同意，我们才能登记您的报名。"),
    ],
)
def test_every_bad_input_gets_a_message_next_to_its_field_and_saves_nothing(
    client, page, changes, field, message
):
    response = client.post(URL, {**GOOD, **changes})

    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="id_{field}-error">' in html
    assert message in html.split(f'id="id_{field}-error">', 1)[1].split("</p>", 1)[0]
    assert "还有 1 处需要修改" in html
    assert Volunteer.objects.count() == 0
    assert ConsentRecord.objects.count() == 0


def test_phone_already_registered_makes_no_second_record(client, page):
    client.post(URL, GOOD)
    response = client.post(URL, {**GOOD, "name": "王建国二", "phone": "+86 13800138000"})

    assert Volunteer.objects.count() == 1
    thanks = client.get(response["Location"]).content.decode()
    assert "报名编号" not in thanks
    assert "我们不会重复登记" in thanks


def test_honeypot_saves_nothing_but_looks_the_same(client, page):
    response = client.post(URL, {**GOOD, "website": "http://spam.example"})

    assert response.status_code == 302
    assert Volunteer.objects.count() == 0


def test_rate_limit_per_address_answers_429_in_chinese(client, page):
    cache.clear()
    for number in range(5):
        client.post(URL, {**GOOD, "phone": f"1390000{number:04d}"})

    response = client.post(URL, {**GOOD, "phone": "13900009999"})

    assert response.status_code == 429
    assert "提交太频繁了" in response.content.decode()
    assert Volunteer.objects.count() == 5


def test_staff_list_filters_and_exports_with_private_fields(admin_client, page):
    client_post = admin_client.post(URL, GOOD)
    assert client_post.status_code == 302

    listing = admin_client.get("/admin/snippets/volunteers/volunteer/", {"status": "pending"})
    export = admin_client.get("/admin/snippets/volunteers/volunteer/", {"export": "csv"})

    assert "王建国" in listing.content.decode()
    assert (
        "王建国"
        not in admin_client.get(
            "/admin/snippets/volunteers/volunteer/", {"status": "approved"}
        ).content.decode()
    )
    body = (
        b"".join(export.streaming_content).decode("utf-8-sig")
        if export.streaming
        else export.content.decode()
    )
    assert "手机号码" in body
    assert "13800138000" in body


def test_dashboard_shows_sign_ups_waiting_for_review(admin_client, page):
    admin_client.post(URL, GOOD)
    admin_client.post(URL, {**GOOD, "phone": "13900000001"})

    html = admin_client.get("/admin/").content.decode()

    assert "<strong>2</strong> 份报名等待审核" in html
    assert "/admin/snippets/volunteers/volunteer/?status=pending" in html


def test_staff_approve_and_reject_several_sign_ups_at_once(admin_client, page):
    for number in range(3):
        admin_client.post(URL, {**GOOD, "phone": f"1390000{number:04d}"})
    first, second, third = Volunteer.objects.order_by("pk")
    approve = "/admin/bulk/volunteers/volunteer/approve_volunteers/"

    confirm = admin_client.get(approve, {"id": [first.pk, second.pk]})
    done = admin_client.post(f"{approve}?id={first.pk}&id={second.pk}", {"next": "/admin/"})
    admin_client.post(
        f"/admin/bulk/volunteers/volunteer/reject_volunteers/?id={third.pk}", {"next": "/admin/"}
    )

    assert confirm.status_code == 200
    assert "确定把下面 2 名志愿者的报名设为“通过”吗？" in confirm.content.decode()
    assert done.status_code == 302
    assert list(Volunteer.objects.order_by("pk").values_list("status", flat=True)) == [
        "approved",
        "approved",
        "rejected",
    ]
