"""Operations: the health check, the 503 page when the database is away, request logs."""

import json
import logging

import pytest
from django.db import OperationalError
from django.test import Client

from tests import factories

pytestmark = pytest.mark.django_db


def test_healthz_says_ok_for_database_and_cache(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_reports_a_broken_database_without_details(client, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def refuse(*args, **kwargs):
        raise OperationalError("connection to server at 10.0.0.5 failed: secret detail")

    monkeypatch.setattr(CursorWrapper, "execute", refuse)
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"database": "error", "cache": "ok"}
    assert b"10.0.0.5" not in response.content


def test_healthz_reports_a_broken_cache(client, monkeypatch):
    from django.core.cache import cache

    def refuse(*args, **kwargs):
        raise ConnectionError("redis is away")

    monkeypatch.setattr(cache, "set", refuse)
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "error"}


@pytest.fixture
def database_away(monkeypatch):
    """Every SQL statement fails as it does when PostgreSQL is stopped; undone after."""
    from django.db.backends.utils import CursorWrapper

    state = {"away": True}
    real_execute = CursorWrapper.execute

    def execute(self, *args, **kwargs):
        if state["away"]:
            raise OperationalError("connection to server on socket failed: No such file")
        return real_execute(self, *args, **kwargs)

    monkeypatch.setattr(CursorWrapper, "execute", execute)
    return state


def test_a_database_outage_shows_the_chinese_503_page_and_recovers(database_away):
    client = Client(raise_request_exception=False)

    response = client.get("/")
    html = response.content.decode()

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "网站暂时无法访问" in html
    assert "Traceback" not in html
    assert "OperationalError" not in html
    assert "socket" not in html

    database_away["away"] = False  # the database is back: no restart needed
    assert client.get("/").status_code == 200


def test_other_errors_still_show_the_500_page(monkeypatch):
    from home.models import HomePage

    def broken(self, request, *args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(HomePage, "serve", broken)
    response = Client(raise_request_exception=False).get("/")

    assert response.status_code == 500
    assert "服务暂时出现问题" in response.content.decode()


class Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.INFO)
        self.records = []

    def emit(self, record):
        self.records.append(record)


@pytest.fixture
def request_lines():
    logger = logging.getLogger("website.requests")
    handler, level = Collect(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield lambda: handler.records
    logger.removeHandler(handler)
    logger.setLevel(level)


def test_each_request_is_logged_with_address_status_and_time(client, request_lines):
    client.get("/", HTTP_USER_AGENT="TestBrowser/1.0", REMOTE_ADDR="203.0.113.9")

    (record,) = request_lines()
    fields = record.request
    assert fields["ip"] == "203.0.113.9"
    assert (fields["method"], fields["path"], fields["status"]) == ("GET", "/", 200)
    assert fields["ms"] >= 0
    assert fields["bytes"] > 0
    assert fields["agent"] == "TestBrowser/1.0"
    assert fields["user"] is None


def test_log_lines_are_json_and_mask_personal_links(client, request_lines):
    from website.logs import JsonFormatter

    client.get("/activity-signup/r/SECRET-TOKEN-123/")
    client.get("/school/password/reset/MQ/set-password-token/")
    client.get("/search/", {"q": "读书"})

    lines = [json.loads(JsonFormatter().format(record)) for record in request_lines()]
    paths = [line["path"] for line in lines]
    assert paths[0] == "/activity-signup/r/…/"
    assert paths[1] == "/school/password/reset/…/"
    assert paths[2].startswith("/search/?q=")
    assert all("SECRET" not in json.dumps(line) for line in lines)
    assert {"time", "level", "ip", "status", "ms"} <= set(lines[0])


def test_form_contents_are_never_logged(client, request_lines):
    factories.signup_page()
    client.post("/volunteer/", {"name": "王建国", "phone": "13800138000"})

    logged = json.dumps([record.request for record in request_lines()], ensure_ascii=False)
    assert "13800138000" not in logged
    assert "王建国" not in logged
