"""Capacity holds under concurrent sign-ups: the seat count is read and written under a
row lock (SELECT … FOR UPDATE). Run against PostgreSQL, where requests really overlap;
`.ci/run` runs the whole suite there."""

import datetime
import threading

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from tests import factories
from volunteers.models import Registration

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs a server database with concurrent connections (run by .ci/run on PostgreSQL)",
)

SIGN_UPS = 30
SEATS = 10


def test_thirty_simultaneous_sign_ups_for_ten_seats(restore_migrated_data):
    calendar = factories.calendar_page()
    activity = factories.activity(
        calendar, start=timezone.now() + datetime.timedelta(days=3), revision=False
    )
    factories.activity_signup(activity, capacity=SEATS)
    barrier = threading.Barrier(SIGN_UPS)
    statuses, errors = [], []

    def sign_up(number):
        client = Client(REMOTE_ADDR=f"10.0.0.{number}")
        try:
            barrier.wait(timeout=30)
            response = client.post(
                f"/activity-signup/{activity.pk}/",
                {
                    "name": f"报名人{number}",
                    "phone": f"1390000{number:04d}",
                    "consent": "on",
                    "party_size": "1",
                },
            )
            statuses.append(response.status_code)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=sign_up, args=(n,)) for n in range(SIGN_UPS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert statuses == [302] * SIGN_UPS
    counts = {
        status: Registration.objects.filter(status=status).count()
        for status in ("confirmed", "waitlisted")
    }
    assert counts == {"confirmed": SEATS, "waitlisted": SIGN_UPS - SEATS}
