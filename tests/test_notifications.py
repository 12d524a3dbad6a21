"""Staff notifications while the mail server is down: the sign-up is stored and answered as
usual, the notification waits in the task queue, the worker tries again later, waiting
longer each time, delivers exactly one mail once the server is back, and gives up with an
error after the last attempt (volunteers/tasks.py).

Transactional: the sign-up's transaction really commits (its notification is queued on
commit) and the worker runs as `manage.py db_worker` does (conftest.py: run_worker)."""

import datetime
import json
import logging
import smtplib
import tarfile

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.db import DatabaseError
from django.db.models import F
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from home import pagecache
from tests import factories
from volunteers import tasks
from volunteers.models import ConsentRecord, Volunteer
from website import backup

pytestmark = pytest.mark.django_db(transaction=True)

URL = "/volunteer/"
PHONE = "13800138000"
NAME = "王建国"
GOOD = {"name": NAME, "phone": "138 0013 8000", "category": "teacher", "consent": "on"}
TASK_PATH = "volunteers.tasks.notify_staff"


class FlakyMailBackend(EmailBackend):
    """Django's in-memory mail backend behind a server that is down for the first
    ``down_for`` sends: refused connections and dropped SMTP sessions, in turn."""

    down_for = 0
    attempts = 0

    def send_messages(self, messages):
        cls = type(self)
        cls.attempts += 1
        if cls.attempts <= cls.down_for:
            if cls.attempts % 2:
                raise ConnectionRefusedError(111, "Connection refused")
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)


@pytest.fixture
def mail_server(settings):
    settings.EMAIL_BACKEND = f"{__name__}.FlakyMailBackend"
    FlakyMailBackend.down_for = 0
    FlakyMailBackend.attempts = 0
    return FlakyMailBackend


@pytest.fixture
def page(restore_migrated_data):  # the home page and site, after the last test's flush
    return factories.signup_page()


def queued():
    """The notifications waiting to be sent, oldest first."""
    return list(DBTaskResult.objects.filter(status="READY").order_by("enqueued_at"))


def time_passes(delta):
    """Move every waiting task ``delta`` closer to its time, as if the clock had moved."""
    DBTaskResult.objects.filter(status="READY").update(run_after=F("run_after") - delta)


def minutes_deferred(row):
    return round((row.run_after - row.enqueued_at).total_seconds() / 60)


def test_a_sign_up_while_the_mail_server_is_down_is_kept_and_the_mail_follows_later(
    client, page, run_worker, mail_server, caplog
):
    mail_server.down_for = 2
    caplog.set_level(logging.WARNING, logger="volunteers.tasks")

    # (a) The visitor signs up: stored once, with consent, the usual answer, one task queued.
    response = client.post(URL, GOOD)

    assert response.status_code == 302
    volunteer = Volunteer.objects.get()
    assert list(ConsentRecord.objects.values_list("volunteer", "kind")) == [
        (volunteer.pk, "processing")
    ]
    thanks = client.get(response["Location"]).content.decode()
    assert f"报名编号：<strong>{volunteer.reference}</strong>" in thanks
    assert mail_server.attempts == 0  # the request never waited for the mail server
    [task] = queued()
    assert task.task_path == TASK_PATH
    assert task.backend_name == "notifications"
    assert PHONE not in json.dumps(task.args_kwargs, ensure_ascii=False)
    assert NAME not in json.dumps(task.args_kwargs, ensure_ascii=False)

    # (b) The worker runs while the server is still down: nothing sent, tried again later.
    run_worker()

    assert mail.outbox == []
    assert mail_server.attempts == 1
    [retry] = queued()
    assert retry.args_kwargs["kwargs"] == {"attempt": 2}
    assert minutes_deferred(retry) == 10
    assert "attempt 1 of 8" in caplog.text
    run_worker()  # not due yet: the server is left alone
    assert mail_server.attempts == 1
    time_passes(datetime.timedelta(minutes=10))
    run_worker()
    assert mail.outbox == []
    [retry] = queued()
    assert retry.args_kwargs["kwargs"] == {"attempt": 3}
    assert minutes_deferred(retry) == 20

    # (c) The server is back: exactly one mail, to staff, without personal data.
    time_passes(datetime.timedelta(minutes=20))
    run_worker()
    run_worker()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["staff@test.example.org"]
    assert message.subject == f"新的志愿者报名 {volunteer.reference}"
    for private in (PHONE, NAME):
        assert private not in message.subject
        assert private not in message.body
    assert queued() == []
    assert Volunteer.objects.count() == 1
    assert ConsentRecord.objects.count() == 1


def test_after_the_last_attempt_it_stops_and_logs_an_error(page, run_worker, mail_server, caplog):
    mail_server.down_for = 1000
    caplog.set_level(logging.WARNING, logger="volunteers.tasks")
    tasks.notify_staff.enqueue("staff@test.example.org", "新的志愿者报名 ZY202600001", "请查看。")

    waits = []
    for _ in range(20):
        run_worker()
        if not queued():
            break
        [retry] = queued()
        waits.append(minutes_deferred(retry))
        time_passes(datetime.timedelta(days=1))

    assert mail_server.attempts == tasks.MAX_ATTEMPTS == 8
    assert waits == [10, 20, 40, 80, 160, 320, 640]  # about 21 hours in all
    assert queued() == []
    assert mail.outbox == []
    errors = [record for record in caplog.records if record.levelno == logging.ERROR]
    assert len(errors) == 1
    assert "Gave up" in errors[0].getMessage()
    assert "after 8 attempts" in errors[0].getMessage()


def test_a_withdrawal_request_notifies_staff_through_the_queue(
    client, page, run_worker, mail_server
):
    Volunteer.objects.create(name="赵德明", phone=PHONE, category="teacher")
    mail_server.down_for = 1

    response = client.post(URL + "withdraw/", {"name": "赵德明", "phone": PHONE, "confirm": "on"})

    assert response.status_code == 302
    assert Volunteer.objects.get().withdrawal_requested_at is not None
    run_worker()
    assert mail.outbox == []
    time_passes(datetime.timedelta(minutes=10))
    run_worker()
    assert [message.subject for message in mail.outbox] == [
        f"志愿者申请退出 {Volunteer.objects.get().reference}"
    ]


def test_a_queue_that_cannot_be_written_never_loses_or_breaks_a_sign_up(
    client, page, monkeypatch, caplog
):
    def broken(*args, **kwargs):
        raise DatabaseError("the task table is locked")

    monkeypatch.setattr(DatabaseBackend, "enqueue", broken)

    response = client.post(URL, GOOD)

    assert response.status_code == 302
    assert Volunteer.objects.count() == 1
    assert ConsentRecord.objects.count() == 1
    assert "Could not queue the staff notification" in caplog.text


def test_without_a_worker_the_mail_goes_at_once_and_a_failure_is_only_logged(
    client, page, mail_server, settings, caplog
):
    """`make run` (website/settings/dev.py): no queue, no retry, nothing lost or broken."""
    immediate = {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    settings.TASKS = {**settings.TASKS, "notifications": immediate}
    mail_server.down_for = 1

    first = client.post(URL, GOOD)
    second = client.post(URL, {**GOOD, "phone": "13900139000"})

    assert first.status_code == second.status_code == 302
    assert Volunteer.objects.count() == 2
    assert mail_server.attempts == 2
    [error] = [record for record in caplog.records if record.levelno == logging.ERROR]
    assert error.getMessage().startswith("Could not send the staff notification")
    assert [message.subject for message in mail.outbox] == [
        f"新的志愿者报名 {Volunteer.objects.get(phone='13900139000').reference}"
    ]
    assert not DBTaskResult.objects.exists()


def test_no_notify_address_queues_nothing(client, restore_migrated_data):
    factories.signup_page(notify_email="")

    client.post(URL, GOOD)

    assert Volunteer.objects.count() == 1
    assert queued() == []


def test_queued_and_finished_tasks_never_bump_the_page_cache(page, run_worker, settings):
    settings.PAGE_CACHE_SECONDS = 300
    before = pagecache.version()

    tasks.notify_staff.enqueue("staff@test.example.org", "新的志愿者报名 ZY202600001", "请查看。")
    run_worker()

    assert len(mail.outbox) == 1
    assert pagecache.version() == before


def test_backups_leave_the_task_queue_out(page, tmp_path):
    tasks.notify_staff.enqueue("staff@test.example.org", "新的志愿者报名 ZY202600001", "请查看。")
    archive = tmp_path / "site.tar.gz"

    backup.write(archive)

    with tarfile.open(archive) as packed:
        rows = json.load(packed.extractfile("data.json"))
    assert any(row["model"] == "volunteers.volunteersignuppage" for row in rows)
    assert not any(row["model"].startswith("django_tasks_database.") for row in rows)
