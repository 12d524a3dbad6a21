"""gunicorn settings for `make serve` and production (`gunicorn -c website/gunicorn_config.py
website.wsgi`). Each can be overridden from the environment."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# gunicorn's rule of thumb, two workers a core and one more; pages are mostly waiting on
# the database and the cache.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so that a slow leak never grows for months. Not often: a
# new worker pays for its first requests (connections, templates), and at 2,000 requests
# the benchmark's workers were replaced every few seconds, which cost a third of the
# throughput and put 0.5-1 s into the slowest requests (docs/performance.md).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "50000"))
max_requests_jitter = max_requests // 10
# Load the project once, before forking: less memory, and a broken setting fails at once.
preload_app = True
# The site writes its own request log (website.requests); gunicorn only reports errors.
accesslog = None
errorlog = "-"
# Trust X-Forwarded-* only from the proxy in front.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
