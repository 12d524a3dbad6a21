"""Staff notifications (新报名、申请退出) by mail, through Django's tasks framework.

A notification is queued when what it announces has committed, and sent by the worker
(``manage.py db_worker --backend notifications``, docs/deploy.md). While the mail server
is down, each attempt queues the next one for later, waiting twice as long each time:
10 minutes, 20, 40 … eight attempts over about 21 hours; then an error is logged and the
notification is dropped (staff still find everything in the admin). Saving a sign-up never
depends on any of this: a notification that cannot even be queued is logged, and the
visitor sees the normal answer.

The mails carry no personal data (only the reference number): staff read the rest in the
admin. The same holds for the queued rows, which keep the recipient, subject and text.
"""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

BACKEND = "notifications"
MAX_ATTEMPTS = 8
FIRST_DELAY = timedelta(minutes=10)


def retry_delay(attempt):
    """How long to wait after failed attempt number ``attempt`` (1, 2, …)."""
    return FIRST_DELAY * 2 ** (attempt - 1)


@task(backend=BACKEND)
def notify_staff(recipient, subject, text, attempt=1):
    """Send one notification; on a mail-server failure, queue the next attempt for later.
    Returns what happened ("sent", "retry", "gave up"), kept with the task's result."""
    try:
        send_mail(subject, text, settings.DEFAULT_FROM_EMAIL, [recipient])
    except (smtplib.SMTPException, OSError):  # refused, timed out, TLS, rejected
        if attempt >= MAX_ATTEMPTS:
            logger.error(
                "Gave up sending the staff notification %r after %d attempts",
                subject,
                attempt,
                exc_info=True,
            )
            return "gave up"
        if not notify_staff.get_backend().supports_defer:  # `make run`: sent at once
            logger.error("Could not send the staff notification %r", subject, exc_info=True)
            return "gave up"
        delay = retry_delay(attempt)
        logger.warning(
            "Could not send the staff notification %r (attempt %d of %d); trying again in %s",
            subject,
            attempt,
            MAX_ATTEMPTS,
            delay,
            exc_info=True,
        )
        notify_staff.using(run_after=timezone.now() + delay).enqueue(
            recipient, subject, text, attempt=attempt + 1
        )
        return "retry"
    return "sent"


def notify_staff_on_commit(recipient, subject, text):
    """Queue a notification once the current transaction commits (at once outside one).
    Nothing when there is no recipient. A failure to queue is logged: it never undoes or
    breaks what was saved."""
    if not recipient:
        return

    def enqueue():
        try:
            notify_staff.enqueue(recipient, subject, text)
        except Exception:
            logger.exception("Could not queue the staff notification %r", subject)

    transaction.on_commit(enqueue)
