"""Two app servers share one Redis: a change made through one shows on the other at once.

Real processes, as in production: a private redis-server, an SQLite file migrated for the
occasion, and two gunicorn servers (A and B) on it with REDIS_URL pointing at that Redis.
An editor logs in to A's admin and unpublishes or publishes an article; B, which had the
news list in the page cache, serves the new list on its very next request.
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "Cache-Test-9!x"

SEED = """
from django.contrib.auth import get_user_model
from tests import factories
import datetime
factories.site_settings()  # else the first request creates them, which bumps the version
index = factories.news_index()
page = factories.news_page(index, title="两台服务器都看得到的新闻", date=datetime.date(2026, 11, 3))
print("PAGE_ID", page.pk)
get_user_model().objects.create_superuser("editor", "editor@example.org", {password!r})
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=2).status_code < 500:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} did not answer within {seconds} s")


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    binary = shutil.which("redis-server")
    assert binary, "redis-server is missing: `make services` installs it (apt-get)"
    port = free_port()
    folder = tmp_path_factory.mktemp("redis")
    server = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        cwd=folder,
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    import redis

    deadline = time.monotonic() + 20
    while True:
        try:
            redis.Redis.from_url(url).ping()
            break
        except redis.ConnectionError:
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.1)
    yield url
    server.terminate()
    server.wait(10)


@pytest.fixture(scope="module")
def servers(redis_url, tmp_path_factory):
    folder = tmp_path_factory.mktemp("site")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="website.settings.test",
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        MEDIA_ROOT=str(folder / "media"),
        REDIS_URL=redis_url,
        CACHE_KEY_PREFIX="two-servers",
        PAGE_CACHE_SECONDS="300",
        GUNICORN_WORKERS="1",
    )
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v", "0"], cwd=ROOT, env=env, check=True)
    seeded = subprocess.run(
        [*manage, "shell", "-c", SEED.format(password=PASSWORD)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    page_id = int(re.search(r"PAGE_ID (\d+)", seeded.stdout).group(1))
    running, urls = [], []
    for _ in ("A", "B"):
        port = free_port()
        running.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "-c",
                    "website/gunicorn_config.py",
                    "website.wsgi",
                ],
                cwd=ROOT,
                env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
                stderr=subprocess.DEVNULL,
            )
        )
        urls.append(f"http://127.0.0.1:{port}")
    try:
        for url in urls:
            wait_for(url + "/healthz")
        yield urls, page_id
    finally:
        for process in running:
            process.terminate()
        for process in running:
            process.wait(20)


def admin_session(base):
    session = requests.Session()
    session.get(base + "/admin/login/", timeout=10)
    response = session.post(
        base + "/admin/login/",
        data={
            "username": "editor",
            "password": PASSWORD,
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
        },
        headers={"Referer": base + "/admin/login/"},
        timeout=10,
    )
    assert response.url.rstrip("/").endswith("/admin"), "login failed"
    return session


def post_with_token(session, base, url):
    page = session.get(base + url, timeout=10)
    assert page.status_code == 200, url
    assert "csrfmiddlewaretoken" in page.text
    token = session.cookies["csrftoken"]  # Django accepts the cookie's secret as the token
    return session.post(
        base + url, data={"csrfmiddlewaretoken": token}, headers={"Referer": base + url}, timeout=10
    )


def test_a_change_through_server_a_shows_on_server_b_at_once(servers):
    (a, b), page_id = servers
    anonymous = requests.Session()
    # Behind the proxy both servers see the site's own host name.
    anonymous.headers["Host"] = "ggw.example.org"
    anonymous.get(b + "/news/", timeout=10)
    cached = anonymous.get(b + "/news/", timeout=10)
    assert cached.headers["X-Page-Cache"] == "hit"
    assert "两台服务器都看得到的新闻" in cached.text
    # A serves the same stored page: the cache is shared, not per server.
    assert anonymous.get(a + "/news/", timeout=10).headers["X-Page-Cache"] == "hit"

    editor = admin_session(a)
    unpublished = post_with_token(editor, a, f"/admin/pages/{page_id}/unpublish/")
    assert unpublished.status_code in (200, 302)

    after = anonymous.get(b + "/news/", timeout=10)
    assert after.headers["X-Page-Cache"] == "miss"
    assert "两台服务器都看得到的新闻" not in after.text

    published = post_with_token(
        editor, a, f"/admin/bulk/wagtailcore/page/publish/?id={page_id}&next=/admin/"
    )
    assert published.status_code in (200, 302)

    again = anonymous.get(b + "/news/", timeout=10)
    assert again.headers["X-Page-Cache"] == "miss"
    assert "两台服务器都看得到的新闻" in again.text


def test_the_editor_is_never_served_the_public_copy(servers):
    (_, b), _ = servers
    requests.get(b + "/news/", timeout=10)
    editor = admin_session(b)

    response = editor.get(b + "/news/", timeout=10)

    assert "X-Page-Cache" not in response.headers
    assert 'id="wagtail-userbar"' in response.text or "wagtail-userbar" in response.text


def test_the_shared_cache_builds_one_redis_client_and_works_as_django_s(redis_url, monkeypatch):
    """Django's Redis cache made a new client for every call (a fifth of a cached page's
    time); ours keeps one per pool and behaves the same."""
    import redis

    from website.cache import SharedRedisCache

    built = []
    original = redis.Redis.__init__

    def counting_init(self, *args, **kwargs):
        built.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(redis.Redis, "__init__", counting_init)
    shared = SharedRedisCache(redis_url, {"KEY_PREFIX": "reuse-test"})
    shared.clear()

    shared.set("page", {"html": "新闻"}, 60)
    assert shared.add("counter", 1, 60)
    assert not shared.add("counter", 5, 60)
    assert shared.incr("counter") == 2
    for _ in range(100):
        assert shared.get("page") == {"html": "新闻"}
    shared.delete("page")
    assert shared.get("page", "gone") == "gone"

    assert len(built) == 1
