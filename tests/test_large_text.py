"""大字模式: a no-JavaScript switch remembered in a cookie."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

COOKIE = settings.LARGE_TEXT_COOKIE


def test_switch_on_sets_cookie_and_returns_to_the_page(client):
    response = client.get("/text-size/", {"size": "large", "next": "/about/?a=1"})

    assert response.status_code == 302
    assert response["Location"] == "/about/?a=1"
    cookie = response.cookies[COOKIE]
    assert cookie.value == "1"
    assert cookie["max-age"] == settings.LARGE_TEXT_COOKIE_MAX_AGE
    assert cookie["samesite"] == "Lax"


def test_cookie_changes_the_rendered_class_and_the_switch_label(client):
    normal = client.get("/").content.decode()
    assert '<html lang="zh-CN">' in normal
    assert "大字模式" in normal
    assert "size=large" in normal

    client.get("/text-size/", {"size": "large", "next": "/"})
    large = client.get("/").content.decode()

    assert '<html lang="zh-CN" class="large-text">' in large
    assert "标准字号" in large
    assert "size=normal" in large


def test_switch_off_removes_the_cookie(client):
    client.get("/text-size/", {"size": "large"})

    response = client.get("/text-size/", {"size": "normal", "next": "/"})

    assert response.cookies[COOKIE].value == ""
    assert '<html lang="zh-CN">' in client.get("/").content.decode()


@pytest.mark.parametrize("target", ["https://evil.example.com/", "//evil.example.com/", ""])
def test_switch_never_redirects_off_site(client, target):
    response = client.get("/text-size/", {"size": "large", "next": target})

    assert response.status_code == 302
    assert response["Location"] == "/"


def test_switch_link_carries_the_current_page(client):
    html = client.get("/", {"q": "1"}).content.decode()
    assert "/text-size/?size=large&amp;next=/%3Fq%3D1" in html
