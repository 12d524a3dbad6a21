"""Production settings refuse to start without their secrets; locale and time zone are Chinese."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent


def load_production_settings(**env):
    """Django set up with the production settings and ``env``, without the test suite's
    SECRET_KEY and ALLOWED_HOSTS."""
    return run_production("print('loaded')", **{"SECRET_KEY": "", "ALLOWED_HOSTS": "", **env})


def test_production_refuses_a_missing_secret_key():
    result = load_production_settings(ALLOWED_HOSTS="example.org")

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_missing_allowed_hosts():
    result = load_production_settings(SECRET_KEY="x" * 50)

    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_starts_with_both():
    result = load_production_settings(
        SECRET_KEY="x" * 50, ALLOWED_HOSTS="a.example.org,b.example.org"
    )

    assert result.returncode == 0, result.stderr
    assert "loaded" in result.stdout


def test_locale_and_time_zone():
    assert settings.LANGUAGE_CODE == "zh-hans"
    assert settings.TIME_ZONE == "Asia/Shanghai"
    assert settings.USE_TZ


# The test settings set DJANGO_ALLOW_ASYNC_UNSAFE for the browser tests; production never.
NOT_IN_PRODUCTION = {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
PRODUCTION = {
    "SECRET_KEY": "k" * 32 + "-Zq8!xY2#pL5@wR9$tN4%vB7^mC1&",
    "ALLOWED_HOSTS": "ggw.example.org",
}


def run_production(code, **env):
    clean = {k: v for k, v in os.environ.items() if k not in NOT_IN_PRODUCTION}
    clean.update({**PRODUCTION, **env}, DJANGO_SETTINGS_MODULE="website.settings.production")
    clean = {k: v for k, v in clean.items() if v != ""}
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + code],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_deploy_finds_nothing_with_production_settings():
    clean = {k: v for k, v in os.environ.items() if k not in NOT_IN_PRODUCTION}
    clean.update(PRODUCTION, DJANGO_SETTINGS_MODULE="website.settings.production")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues (0 silenced)" in result.stdout


def test_production_public_responses_carry_the_security_headers():
    result = run_production(
        "from django.test import Client\n"
        "r = Client().get('/robots.txt', secure=True, HTTP_HOST='ggw.example.org')\n"
        "import json; print(json.dumps(dict(r.headers)))\n"
        "print(r.cookies.output())"
    )
    assert result.returncode == 0, result.stderr
    import json

    headers = json.loads(result.stdout.splitlines()[0])
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    policy = headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def test_production_cookies_are_secure_and_plain_http_redirects():
    result = run_production(
        "from django.conf import settings as s\n"
        "from django.test import Client\n"
        "r = Client().get('/robots.txt', HTTP_HOST='ggw.example.org')\n"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, r.status_code, r['Location'])"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "301", "https://ggw.example.org/robots.txt"]


def test_https_false_is_for_trying_production_on_plain_http():
    result = run_production(
        "from django.conf import settings as s\n"
        "print(s.SESSION_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS)",
        HTTPS="false",
    )
    assert result.stdout.split() == ["False", "False", "0"]


def test_the_cache_is_redis_when_redis_url_is_set_and_local_memory_otherwise():
    code = "from django.conf import settings as s; print(s.CACHES['default']['BACKEND'])"
    with_redis = run_production(code, REDIS_URL="redis://127.0.0.1:6379/3")
    without = run_production(code, REDIS_URL="")

    assert with_redis.stdout.strip() == "website.cache.SharedRedisCache"
    assert without.stdout.strip() == "django.core.cache.backends.locmem.LocMemCache"


def test_production_caches_pages_and_can_keep_request_logs_for_six_months(tmp_path):
    result = run_production(
        "from django.conf import settings as s\n"
        "h = s.LOGGING['handlers']['request_file']\n"
        "print(s.PAGE_CACHE_SECONDS, h['backupCount'], h['when'], h['filename'])",
        LOG_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    seconds, kept, when, filename = result.stdout.split()
    assert int(seconds) > 0
    assert int(kept) >= 183  # days: 网络安全法 asks for six months at least
    assert when == "midnight"
    assert filename == str(tmp_path / "requests.log")


def test_public_pages_have_the_policy_and_the_admin_keeps_its_own(client, db):
    public = client.get("/robots.txt")
    admin = client.get("/admin/login/")

    assert "script-src 'self'" in public["Content-Security-Policy"]
    assert "Content-Security-Policy" not in admin
    assert admin.status_code == 200


def test_templates_hold_no_inline_script_style_or_handlers():
    """The policy forbids inline code: keep the templates free of it."""
    import re

    offending = []
    for path in (ROOT / "templates").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        inline = (r"<script(?![^>]*\bsrc=)[^>]*>", r"\sstyle=\"", r"\son[a-z]+=\"", r"<style")
        for pattern in inline:
            if re.search(pattern, text):
                offending.append(f"{path.relative_to(ROOT)}: {pattern}")
    assert offending == []


def test_gunicorn_replaces_a_worker_only_after_many_requests(monkeypatch):
    """Recycling every 2,000 requests replaced workers every few seconds under load (a third
    of the throughput, docs/performance.md); the environment can still choose."""
    import importlib

    from website import gunicorn_config

    monkeypatch.delenv("GUNICORN_MAX_REQUESTS", raising=False)
    default = importlib.reload(gunicorn_config)
    assert (default.max_requests, default.max_requests_jitter) == (50000, 5000)

    monkeypatch.setenv("GUNICORN_MAX_REQUESTS", "0")  # gunicorn: never
    chosen = importlib.reload(gunicorn_config)
    assert (chosen.max_requests, chosen.max_requests_jitter) == (0, 0)
