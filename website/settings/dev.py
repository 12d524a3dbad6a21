"""Local development: DEBUG on, an insecure key, served by `make run`."""

from .base import *  # noqa: F403
from .base import os

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]
INTERNAL_IPS = ["127.0.0.1"]

# Static files straight from the apps; STATIC_ROOT is only for `collectstatic` in production.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True

# `make run` has no worker: staff notifications are sent at once, to the console unless
# EMAIL_HOST is set, and not tried again (production queues them: base.py).
TASKS["notifications"] = {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}

# Wagtail logs every page created, edited and published at INFO: keep `make run` readable.
LOGGING["loggers"]["wagtail"] = {"level": "WARNING"}
# runserver prints its own line per request.
LOGGING["loggers"]["website.requests"]["level"] = "WARNING"
