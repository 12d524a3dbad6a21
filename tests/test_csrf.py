"""Every form refuses a submission without its security token (CSRF), with a Chinese page,
and saves nothing."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests import factories
from volunteers.models import Registration, Volunteer

pytestmark = pytest.mark.django_db


@pytest.fixture
def forms():
    signup_page = factories.signup_page()
    activity = factories.activity(factories.calendar_page(), title="读书会", revision=False)
    signup = factories.activity_signup(activity)
    factories.writeup_index()
    User.objects.create_user("wenchang", password="School-pass-2026")
    return {
        signup_page.url: {
            "name": "李建国",
            "phone": "13912345678",
            "category": "teacher",
            "consent": "on",
        },
        signup_page.url + "withdraw/": {"name": "李建国", "phone": "13912345678", "confirm": "on"},
        f"/activity-signup/{signup.activity_id}/": {
            "name": "王芳",
            "phone": "13812345678",
            "party_size": "1",
            "consent": "on",
        },
        "/school/login/": {"username": "wenchang", "password": "School-pass-2026"},
        "/admin/login/": {"username": "wenchang", "password": "School-pass-2026"},
        "/school/password/reset/": {"email": "wc@school.example.org"},
    }


def test_every_form_refuses_a_submission_without_its_token(forms):
    client = Client(enforce_csrf_checks=True)
    for url, data in forms.items():
        response = client.post(url, data)
        assert response.status_code == 403, url
        assert "页面已过期" in response.content.decode(), url
    assert Volunteer.objects.count() == 0
    assert Registration.objects.count() == 0
    assert "_auth_user_id" not in client.session


def test_with_its_token_the_same_form_goes_through(forms, client):
    csrf_client = Client(enforce_csrf_checks=True)
    url = next(iter(forms))
    csrf_client.get(url)
    token = csrf_client.cookies["csrftoken"].value
    response = csrf_client.post(url, {**forms[url], "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert Volunteer.objects.count() == 1
