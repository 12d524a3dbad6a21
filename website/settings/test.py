"""Settings for the test suite: fast hashing, throw-away media, quiet email."""

import tempfile

from .base import *  # noqa: F403
from .base import os

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="test-media-")
WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
# Browser tests talk to a live server in a thread next to Playwright's event loop.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Static files straight from the apps; STATIC_ROOT is only for `collectstatic` in production.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True

# Every test reads settings and menus afresh: a change inside a test transaction never
# commits, so it never bumps the version (tests/test_query_budgets.py turns this on).
LAYOUT_CACHE_SECONDS = 0
FRAGMENT_CACHE_SECONDS = 0
