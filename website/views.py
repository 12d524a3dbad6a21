"""Operational views: the health check and the error pages that must work without a
database."""

import sys

from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.template import loader
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache

# Retry-After on the 503 page, in seconds.
RETRY_AFTER = 30


@never_cache
def healthz(request):
    """``/healthz``: ``{"database": "ok", "cache": "ok"}`` and 200 when both answer, the
    failing part as ``"error"`` and 503 otherwise (for load balancers and monitoring). It
    says nothing else: no versions, hosts or error texts."""
    checks = {"database": "ok", "cache": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        checks["database"] = "error"
    try:
        cache.set("healthz", "1", 10)
        if cache.get("healthz") != "1":
            checks["cache"] = "error"
    except Exception:  # any cache failure is an unhealthy cache
        checks["cache"] = "error"
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(checks, status=200 if healthy else 503)


def csrf_failure(request, reason=""):
    """``CSRF_FAILURE_VIEW``: a form sent without its security token, or with an old one
    (the page was open for a long time, or cookies are off). Said in Chinese, with the way
    out; nothing of the form was saved."""
    return TemplateResponse(request, "403_csrf.html", status=403)


def unavailable():
    """The Chinese 503 page, rendered without a request or a database."""
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    return response


def server_error(request):
    """``handler500``: the 503 page when the database cannot be reached (the site comes
    back by itself when it can: Django opens a new connection for the next request), the
    500 page for anything else. Both without a request context, which could query."""
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        return unavailable()
    return HttpResponseServerError(loader.render_to_string("500.html"))
