"""Settings shared by every environment (dev, test, production)."""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name, default=""):
    """A comma-separated environment variable as a list of stripped, non-empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


INSTALLED_APPS = [
    # Our apps, in dependency order: home <- activities <- volunteers.
    "home",
    "activities",
    "volunteers",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "axes",
    "django_tasks",
    "django_tasks_db",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    # Health check, backup and restore, the 503 page.
    "website",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "website.middleware.RequestLogMiddleware",
    # Before sessions and authentication: a hit skips everything below.
    "website.middleware.PageCacheMiddleware",
    "website.middleware.SharedPartsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "website.middleware.VaryOnCookieMiddleware",
    # Last: it answers a locked-out login with the page in AXES_LOCKOUT_TEMPLATE.
    "axes.middleware.AxesMiddleware",
]

# Logins (the Wagtail admin and the school portal) lock out after five wrong passwords for
# one account from one address, for 30 minutes (django-axes; a right password before that
# clears the count). Username and address together: a stranger cannot lock the committee's
# staff out from elsewhere. The attempts are kept in the database (shared by every server).
# A form sent without its security token gets a Chinese page (website/views.py).
CSRF_FAILURE_VIEW = "website.views.csrf_failure"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "locked_out.html"
AXES_CLIENT_IP_CALLABLE = "home.ratelimit.client_address"
AXES_USERNAME_CALLABLE = "website.lockout.username"

ROOT_URLCONF = "website.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.display_preferences",
                "home.context_processors.fragment_cache",
            ],
        },
    },
]

WSGI_APPLICATION = "website.wsgi.application"

# Database: DATABASE_URL (postgres://user:pass@host:port/name) or an SQLite file in the
# project directory. SQLite is the embedded default; PostgreSQL is the production path.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
        # A kept connection is checked before each request reuses it, so the site
        # recovers by itself when the database comes back after an outage.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Take SQLite's write lock when a transaction begins, and wait for it: sign-ups that
    # count free seats then write are serialised, as SELECT … FOR UPDATE does on PostgreSQL.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Cache: Redis through REDIS_URL (redis://host:6379/0), shared by every app server: the
# page cache, the limits of the public forms, Wagtail's settings and site lookups. Without
# it, each process keeps its own in memory (fine for one process, as `make run`).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "website.cache.SharedRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "ggw"),
            "TIMEOUT": 300,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Whole public pages for anonymous visitors, this many seconds at most (0: off). Every
# change bumps one shared version (home/pagecache.py), so this bounds only how long a
# time-dependent page (upcoming activities, a campaign's status) can lag the clock.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0"))
# The parts every page shows (site settings, main menu), in the shared cache until the next
# change (home/pagecache.py: remember); this many seconds at most (0: read every time).
LAYOUT_CACHE_SECONDS = int(os.environ.get("LAYOUT_CACHE_SECONDS", "3600"))
# The costly sections of a page (the home page's lists, a calendar month, a listing), kept
# in the shared cache under the same version ({% wagtailcache %} with fragment_version),
# this many seconds at most: like PAGE_CACHE_SECONDS, it bounds how long a time-dependent
# section (the next activities) can lag the clock. 0 renders them every time.
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "300"))
PAGE_CACHE_SKIP_PATHS = [
    "/admin/",
    "/school/",
    "/activity-signup/",
    "/text-size/",
    "/documents/",
    "/healthz",
]

# Content-Security-Policy on the public site: every script, style, font and image from
# this site (no inline script or style anywhere in templates/), embedded videos from the
# hosts in CSP_FRAME_SRC. The Wagtail admin sets its own headers and is left out.
CSP_MEDIA_HOSTS = env_list("CSP_MEDIA_HOSTS")  # e.g. a CDN or bucket that serves media/
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *CSP_MEDIA_HOSTS],
        "font-src": [SELF],
        "media-src": [SELF, *CSP_MEDIA_HOSTS],
        "frame-src": env_list(
            "CSP_FRAME_SRC", "https://player.bilibili.com,https://v.qq.com,https://player.youku.com"
        ),
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# Pages never open in a frame of another site; Wagtail's preview overrides this itself.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Internationalisation: the public site and the admin are in simplified Chinese, in
# Beijing time. Django's zh-hans locale starts weeks on Monday.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("zh-hans", "简体中文")]
WAGTAIL_DATE_FORMAT = "%Y-%m-%d"
WAGTAIL_DATETIME_FORMAT = "%Y-%m-%d %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
# Every editor works in Beijing time: the calendar's dates mean Beijing wall-clock time.
WAGTAIL_USER_TIME_ZONES = ["Asia/Shanghai"]

# Static files: collected into STATIC_ROOT and served by whitenoise.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]

MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Large page editors post many fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Email: the console backend unless an SMTP host is configured.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", default=False)
    EMAIL_TIMEOUT = 10
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "noreply@example.org")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background tasks (django-tasks). Wagtail's own small jobs (reference index, focal points,
# deleting files, CDN purges) run at once, in the request, as they always have ("default").
# Staff notification mails are rows in the database ("notifications"), sent by a worker
# process, `manage.py db_worker --backend notifications`, that tries again later while the
# mail server is down (volunteers/tasks.py, docs/deploy.md).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "notifications": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}

# Wagtail
WAGTAIL_SITE_NAME = "关心下一代工作委员会"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database search (SQLite FTS5 or PostgreSQL), cutting Chinese into words: see
# home/search/backend.py.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "home.search.backend"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "doc", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "wps"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
TAGGIT_CASE_INSENSITIVE = True

# Behind a reverse proxy: the request header that carries the visitor's address, for the
# per-address limits of the public forms (e.g. HTTP_X_REAL_IP). Empty: REMOTE_ADDR.
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")

# Activity sign-ups (names and phones) are deleted this many days after the activity
# ends, by `manage.py purge_signups` (run it daily from cron); only counts remain.
ACTIVITY_SIGNUP_RETENTION_DAYS = int(os.environ.get("ACTIVITY_SIGNUP_RETENTION_DAYS", "90"))

# The 大字模式 (large text) preference lives in this cookie; one year.
LARGE_TEXT_COOKIE = "large_text"
LARGE_TEXT_COOKIE_MAX_AGE = 365 * 24 * 60 * 60

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "website.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
        "request_console": {"class": "logging.StreamHandler", "formatter": "json"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # One INFO line per background task is noise; failures still show.
        "django_tasks": {"level": "WARNING"},
        # One JSON line per request (website/middleware.py); production may send it to
        # rotated files instead (LOG_DIR).
        "website.requests": {
            "handlers": ["request_console"],
            "level": "INFO",
            "propagate": False,
        },
    },
}
