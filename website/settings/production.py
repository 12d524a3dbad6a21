"""Production: everything that may differ between servers comes from the environment.

Required: SECRET_KEY, ALLOWED_HOSTS (comma-separated). Usual: DATABASE_URL (PostgreSQL),
REDIS_URL (the shared cache), WAGTAILADMIN_BASE_URL, CSRF_TRUSTED_ORIGINS, EMAIL_HOST and
friends (see base.py). Optional: MEDIA_ROOT or AWS_STORAGE_BUCKET_NAME and friends (media
in S3-compatible object storage), FRONTEND_CACHE_* (a CDN purged on publish), LOG_DIR
(request logs kept on disk). docs/deploy.md lists them all.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import BASE_DIR, env_bool, env_list, os
from .media_storage import media_origin, s3_storage

DEBUG = False

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("生产环境必须设置环境变量 SECRET_KEY (SECRET_KEY is required).")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "生产环境必须设置环境变量 ALLOWED_HOSTS，多个域名用逗号分隔 (ALLOWED_HOSTS is required)."
    )

CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Whole pages for anonymous visitors, in the shared cache (home/pagecache.py).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))

# Static files: hashed names, gzip and brotli copies, cached by browsers for ten years.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Media (uploaded images and documents): an S3-compatible bucket when
# AWS_STORAGE_BUCKET_NAME is set (media_storage.py), else the local disk under MEDIA_ROOT,
# one shared mount with several app servers (docs/deploy.md).
MEDIA_S3_STORAGE = s3_storage(os.environ)
if MEDIA_S3_STORAGE:
    STORAGES["default"] = MEDIA_S3_STORAGE
    # Documents go through Wagtail's serve view, which checks collection privacy and reads
    # the file from the bucket; Wagtail's default for remote storage would redirect to the
    # bucket URL, which anyone could pass on. The bucket keeps documents/ private.
    WAGTAILDOCS_SERVE_METHOD = "serve_view"
    # Pages load images from the bucket's host (or CDN): allow it in the policy.
    if media_origin(MEDIA_S3_STORAGE):
        for directive in ("img-src", "media-src"):
            CONTENT_SECURITY_POLICY["DIRECTIVES"][directive].append(media_origin(MEDIA_S3_STORAGE))

# A CDN in front of the site: Wagtail purges a page and the pages above it on publish.
# FRONTEND_CACHE_BACKEND is one of Wagtail's backends, e.g.
# wagtail.contrib.frontend_cache.backends.HTTPBackend with FRONTEND_CACHE_LOCATION.
FRONTEND_CACHE_BACKEND = os.environ.get("FRONTEND_CACHE_BACKEND", "")
if FRONTEND_CACHE_BACKEND:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": FRONTEND_CACHE_BACKEND,
            **(
                {"LOCATION": os.environ["FRONTEND_CACHE_LOCATION"]}
                if os.environ.get("FRONTEND_CACHE_LOCATION")
                else {}
            ),
            **(
                {"BEARER_TOKEN": os.environ["FRONTEND_CACHE_TOKEN"]}
                if os.environ.get("FRONTEND_CACHE_TOKEN")
                else {}
            ),
            **(
                {"ZONEID": os.environ["FRONTEND_CACHE_ZONE"]}
                if os.environ.get("FRONTEND_CACHE_ZONE")
                else {}
            ),
        }
    }

# HTTPS: the proxy in front terminates TLS and says so in X-Forwarded-Proto. HTTPS=false
# is only for trying production settings on http://127.0.0.1 (`make serve`).
HTTPS = env_bool("HTTPS", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=HTTPS)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000" if HTTPS else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)

# Request logs: one JSON line per request. 网络安全法 Art. 21 asks for at least six months:
# with LOG_DIR set, requests.log rotates at midnight and keeps LOG_RETENTION_DAYS files.
LOG_DIR = os.environ.get("LOG_DIR", "")
if LOG_DIR:
    LOGGING["handlers"]["request_file"] = {
        "class": "logging.handlers.TimedRotatingFileHandler",
        "filename": os.path.join(LOG_DIR, "requests.log"),
        "when": "midnight",
        "backupCount": int(os.environ.get("LOG_RETENTION_DAYS", "190")),
        "encoding": "utf-8",
        "formatter": "json",
    }
    LOGGING["loggers"]["website.requests"]["handlers"] = ["request_file"]

# Where `manage.py backup` writes by default.
BACKUP_DIR = os.environ.get("BACKUP_DIR", str(BASE_DIR / "backups"))
