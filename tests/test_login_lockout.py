"""The admin and school logins lock an account out, from one address, after five wrong
passwords, for 30 minutes (django-axes, website/settings/base.py)."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.utils import timezone

from activities.models import SchoolAccount
from tests import factories

pytestmark = pytest.mark.django_db

ADMIN = "/admin/login/"
SCHOOL = "/school/login/"


@pytest.fixture
def editor():
    return User.objects.create_user("editor", password="Editor-pass-2026", is_staff=True)


@pytest.fixture
def school_user():
    user = User.objects.create_user("wenchang", password="School-pass-2026")
    SchoolAccount.objects.create(user=user, school=factories.school())
    factories.writeup_index()
    return user


def log_in(client, url, username, password, address="203.0.113.5"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


def is_logged_in(client, username):
    return client.session.get("_auth_user_id") == str(User.objects.get(username=username).pk)


@pytest.mark.parametrize(
    ("url", "user_fixture", "password"),
    [(ADMIN, "editor", "Editor-pass-2026"), (SCHOOL, "school_user", "School-pass-2026")],
)
def test_five_wrong_passwords_lock_the_account_out_even_with_the_right_one(
    client, request, url, user_fixture, password
):
    user = request.getfixturevalue(user_fixture)
    for _ in range(4):
        assert log_in(client, url, user.username, "wrong").status_code == 200
    response = log_in(client, url, user.username, "wrong")
    assert response.status_code == 429

    response = log_in(client, url, user.username, password)

    assert response.status_code == 429
    html = response.content.decode()
    assert "登录已暂停" in html
    assert "连续 5 次密码错误" in html
    assert "30 分钟" in html
    assert not is_logged_in(client, user.username)


def test_the_lockout_is_for_that_account_from_that_address_only(client, editor):
    User.objects.create_user("other", password="Other-pass-2026", is_staff=True)
    for _ in range(5):
        log_in(client, ADMIN, "editor", "wrong")

    assert log_in(client, ADMIN, "other", "Other-pass-2026").status_code == 302
    client.logout()
    elsewhere = log_in(client, ADMIN, "editor", "Editor-pass-2026", address="198.51.100.7")
    assert elsewhere.status_code == 302
    assert is_logged_in(client, "editor")


def test_a_right_password_before_the_fifth_clears_the_count(client, editor):
    for _ in range(4):
        log_in(client, ADMIN, "editor", "wrong")
    assert log_in(client, ADMIN, "editor", "Editor-pass-2026").status_code == 302
    client.logout()
    for _ in range(4):
        log_in(client, ADMIN, "editor", "wrong")

    assert log_in(client, ADMIN, "editor", "Editor-pass-2026").status_code == 302


@pytest.mark.parametrize("url", [ADMIN, SCHOOL])
def test_an_absurdly_long_login_name_is_refused_like_any_wrong_one(client, url):
    factories.writeup_index()
    response = log_in(client, url, "x" * 3000, "wrong")

    assert response.status_code == 200
    # Stored cut to the longest login name (the admin's form refuses it before that).
    assert all(len(attempt.username) <= 150 for attempt in AccessAttempt.objects.all())


def test_the_account_opens_again_after_30_minutes(client, editor):
    for _ in range(5):
        log_in(client, ADMIN, "editor", "wrong")
    assert log_in(client, ADMIN, "editor", "Editor-pass-2026").status_code == 429

    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=31))

    assert log_in(client, ADMIN, "editor", "Editor-pass-2026").status_code == 302
    assert is_logged_in(client, "editor")
