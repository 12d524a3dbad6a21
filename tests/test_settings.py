"""Production settings refuse to start without their secrets; locale and time zone are Chinese."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent


def load_production_settings(**env):
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    clean.update(env, DJANGO_SETTINGS_MODULE="website.settings.production")
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('loaded')"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        check=False,
    )


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
