"""Withdrawal and retention: a volunteer asks to leave, staff erase their personal data
(退出并删除个人信息) keeping only anonymous counts, and old activity sign-ups are purged."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from tests import factories
from volunteers import seats
from volunteers.models import ActivitySignup, ConsentRecord, Registration, Team, Volunteer

pytestmark = pytest.mark.django_db

WITHDRAW = "/volunteer/withdraw/"


@pytest.fixture
def page():
    return factories.signup_page()


@pytest.fixture
def volunteer():
    person = Volunteer.objects.create(
        name="赵德明",
        phone="13800138000",
        email="zhao@private.example.org",
        gender="male",
        birth_year=1950,
        category="teacher",
        work_unit="第二中学",
        street="文昌街道",
        availability="周二上午",
        bio="教了三十年语文。",
        staff_notes="腿脚不便",
        status="approved",
        public_profile=True,
        photo=factories.image("赵德明照片"),
    )
    person.teams.add(Team.objects.create(name="五老宣讲团"))
    person.save()  # parental relations are written on save
    ConsentRecord.objects.create(volunteer=person, kind="processing", notice_version="2026-1")
    return person


# --- asking to withdraw ----------------------------------------------------------------


def test_signup_page_tells_how_to_withdraw(client, page):
    assert WITHDRAW in client.get("/volunteer/").content.decode()


@pytest.mark.django_db(transaction=True)  # the worker sends the queued notification
def test_request_flags_the_volunteer_and_tells_staff_without_personal_data(
    restore_migrated_data, run_worker, client, page, volunteer
):
    response = client.post(WITHDRAW, {"name": "赵德明", "phone": "138-0013-8000", "confirm": "on"})

    assert response.status_code == 302
    assert response["Location"] == "/volunteer/withdraw/done/"
    volunteer.refresh_from_db()
    assert volunteer.withdrawal_requested_at is not None
    assert volunteer.name == "赵德明"  # nothing is erased before staff check by phone
    run_worker()
    assert len(mail.outbox) == 1
    assert volunteer.reference in mail.outbox[0].subject
    assert "13800138000" not in mail.outbox[0].body
    assert "工作人员会在5个工作日内打电话核实" in client.get(response["Location"]).content.decode()


def test_unknown_phone_gets_the_same_answer_and_nothing_is_stored(
    client, page, volunteer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(WITHDRAW, {"name": "路人", "phone": "13999999999", "confirm": "on"})

    assert response["Location"] == "/volunteer/withdraw/done/"
    assert Volunteer.objects.filter(withdrawal_requested_at__isnull=False).count() == 0
    assert not DBTaskResult.objects.exists()  # no staff notification queued


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "请填写您的姓名。"),
        ("phone", "1380013", "请填写11位手机号码，例如 13800138000。"),
        ("confirm", "", "请勾选这一项，确认您要退出。"),
    ],
)
def test_request_form_messages(client, page, volunteer, field, value, message):
    data = {"name": "赵德明", "phone": "13800138000", "confirm": "on", field: value}

    response = client.post(WITHDRAW, data)

    assert f'id="id_{field}-error">{message}' in response.content.decode()
    volunteer.refresh_from_db()
    assert volunteer.withdrawal_requested_at is None


def test_requests_show_on_the_dashboard_and_filter_the_list(admin_client, page, volunteer):
    Volunteer.objects.create(name="另一位", phone="13800138001", status="approved")
    admin_client.post(WITHDRAW, {"name": "赵德明", "phone": "13800138000", "confirm": "on"})

    dashboard = admin_client.get("/admin/").content.decode()
    listing = admin_client.get(
        "/admin/snippets/volunteers/volunteer/", {"withdrawal_requested": "true"}
    ).content.decode()

    assert "<strong>1</strong> 位志愿者申请退出" in dashboard
    assert "赵德明" in listing
    assert "已通过（申请退出）" in listing
    assert "另一位" not in listing


# --- 退出并删除个人信息 -----------------------------------------------------------------


def test_erasure_keeps_only_anonymous_counts(admin_client, volunteer):
    assert Volunteer.objects.get(pk=volunteer.pk).teams.exists()
    photo_pk = volunteer.photo.pk
    log(volunteer, "wagtail.edit", title=volunteer.name)
    action = "/admin/bulk/volunteers/volunteer/erase_volunteers/"

    confirm = admin_client.get(action, {"id": volunteer.pk}).content.decode()
    done = admin_client.post(f"{action}?id={volunteer.pk}", {"next": "/admin/"}, follow=True)

    assert "这一步不能撤销。" in confirm
    assert "已为 1 名志愿者办理退出，并删除了个人信息。" in done.content.decode()
    volunteer = Volunteer.objects.get(pk=volunteer.pk)
    assert volunteer.status == "withdrawn"
    assert volunteer.erased_at is not None
    assert volunteer.category == "teacher"  # kept for the counts
    for field in (
        "phone",
        "email",
        "gender",
        "work_unit",
        "street",
        "availability",
        "bio",
        "staff_notes",
    ):
        assert getattr(volunteer, field) == "", field
    assert volunteer.name == "已退出志愿者"
    assert volunteer.birth_year is None
    assert not volunteer.public_profile
    assert volunteer.photo is None
    assert not get_image_model().objects.filter(pk=photo_pk).exists()
    assert not volunteer.teams.exists()
    assert ConsentRecord.objects.get(volunteer=volunteer).withdrawn_at is not None
    history = ModelLogEntry.objects.for_instance(volunteer)
    assert not history.filter(label__contains="赵德明").exists()
    assert history.filter(action="volunteers.erase").exists()
    assert Volunteer.objects.filter(status="withdrawn", category="teacher").count() == 1


def test_erasure_cancels_their_sign_ups_and_the_waitlist_moves_up(admin_client, volunteer):
    calendar = factories.calendar_page()
    activity = factories.activity(calendar, start=timezone.now() + datetime.timedelta(days=5))
    signup = factories.activity_signup(activity, capacity=1)
    theirs = seats.register(signup, name="赵德明", phone=volunteer.phone, volunteer=volunteer)
    waiting = seats.register(signup, name="候补者", phone="13900000002")

    admin_client.post(
        f"/admin/bulk/volunteers/volunteer/erase_volunteers/?id={volunteer.pk}", {"next": "/"}
    )

    theirs.refresh_from_db()
    waiting.refresh_from_db()
    assert (theirs.status, theirs.name, theirs.phone) == ("cancelled", "（已删除）", "")
    assert waiting.status == "confirmed"


def test_erasing_two_volunteers_leaves_no_phone_clash(admin_client, volunteer):
    other = Volunteer.objects.create(name="钱玉兰", phone="13800138009", status="pending")

    admin_client.post(
        f"/admin/bulk/volunteers/volunteer/erase_volunteers/?id={volunteer.pk}&id={other.pk}",
        {"next": "/"},
    )

    assert Volunteer.objects.filter(erased_at__isnull=False).count() == 2


def test_each_volunteer_has_the_erase_action_in_its_menu(admin_client, volunteer):
    html = admin_client.get("/admin/snippets/volunteers/volunteer/").content.decode()

    assert f"/admin/bulk/volunteers/volunteer/erase_volunteers/?id={volunteer.pk}" in html


def test_editors_without_delete_permission_cannot_erase(client, volunteer):
    from django.contrib.auth.models import Group, Permission, User

    editor = User.objects.create_user("editor", password="pw-editor-123")
    group = Group.objects.get(name="编辑")
    group.permissions.add(
        Permission.objects.get(codename="change_volunteer"),
        Permission.objects.get(codename="access_admin"),
    )
    editor.groups.add(group)
    client.force_login(editor)

    client.post(f"/admin/bulk/volunteers/volunteer/erase_volunteers/?id={volunteer.pk}", {})

    volunteer.refresh_from_db()
    assert volunteer.erased_at is None


# --- retention -------------------------------------------------------------------------


def test_purge_deletes_old_sign_ups_and_keeps_the_counts():
    calendar = factories.calendar_page()
    now = timezone.now()
    old = factories.activity(calendar, start=now - datetime.timedelta(days=100))
    recent = factories.activity(calendar, start=now - datetime.timedelta(days=10))
    old_signup = factories.activity_signup(old, max_party_size=3)
    recent_signup = factories.activity_signup(recent)
    factories.registration(old_signup, party_size=3)
    factories.registration(old_signup, party_size=1, status="cancelled")
    factories.registration(old_signup, party_size=2)
    factories.registration(recent_signup)

    dry = io.StringIO()
    call_command("purge_signups", "--dry-run", stdout=dry)
    assert "Would delete 3 sign-up(s) of 1 activity(ies)" in dry.getvalue()
    assert Registration.objects.count() == 4
    out = io.StringIO()
    call_command("purge_signups", stdout=out)

    assert "Deleted 3 sign-up(s)" in out.getvalue()
    assert list(Registration.objects.values_list("signup", flat=True)) == [recent_signup.pk]
    old_signup = ActivitySignup.objects.get(pk=old_signup.pk)
    assert (old_signup.purged_registrations, old_signup.purged_people) == (3, 5)
    call_command("purge_signups", stdout=io.StringIO())  # running again changes nothing
    assert ActivitySignup.objects.get(pk=old_signup.pk).purged_registrations == 3


def test_purge_period_comes_from_settings_or_the_option(settings):
    calendar = factories.calendar_page()
    activity = factories.activity(calendar, start=timezone.now() - datetime.timedelta(days=20))
    factories.registration(factories.activity_signup(activity))
    settings.ACTIVITY_SIGNUP_RETENTION_DAYS = 30

    call_command("purge_signups", stdout=io.StringIO())
    assert Registration.objects.count() == 1
    call_command("purge_signups", "--days", "7", stdout=io.StringIO())
    assert Registration.objects.count() == 0
    with pytest.raises(CommandError):
        call_command("purge_signups", "--days", "-1", stdout=io.StringIO())


def test_erasure_keeps_the_status_of_sign_ups_for_activities_already_held(admin_client, volunteer):
    calendar = factories.calendar_page()
    past = factories.activity(calendar, start=timezone.now() - datetime.timedelta(days=5))
    signup = factories.activity_signup(past, capacity=1)
    theirs = factories.registration(signup, phone=volunteer.phone, volunteer=volunteer)
    waiting = factories.registration(signup, status="waitlisted")

    admin_client.post(
        f"/admin/bulk/volunteers/volunteer/erase_volunteers/?id={volunteer.pk}", {"next": "/"}
    )

    theirs.refresh_from_db()
    waiting.refresh_from_db()
    assert (theirs.status, theirs.name, theirs.phone) == ("confirmed", "（已删除）", "")
    assert waiting.status == "waitlisted"


def test_select_all_never_erases_everybody(admin_client, volunteer):
    Volunteer.objects.create(name="另一位", phone="13800138001")

    admin_client.post("/admin/bulk/volunteers/volunteer/erase_volunteers/?id=all", {"next": "/"})

    assert not Volunteer.objects.filter(erased_at__isnull=False).exists()


def test_purge_covers_series_without_an_end_and_scrubs_history_of_deleted_rows():
    calendar = factories.calendar_page()
    now = timezone.now()
    series = factories.activity(
        calendar, start=now - datetime.timedelta(days=200), repeat="WEEKLY", revision=False
    )
    series.repeat_count = None
    series.series_end = None
    series.save()
    signup = factories.activity_signup(series)
    old = factories.registration(signup, name="老报名")
    Registration.objects.filter(pk=old.pk).update(created_at=now - datetime.timedelta(days=120))
    recent = factories.registration(signup, name="新报名")
    gone = factories.registration(signup, name="张三丰")
    log(gone, "wagtail.edit", title="张三丰")
    Registration.objects.filter(pk=gone.pk).delete()  # deleted some other way

    call_command("purge_signups", stdout=io.StringIO())

    assert list(Registration.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not ModelLogEntry.objects.filter(label__contains="张三丰").exists()
