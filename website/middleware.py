"""Project-wide middleware."""

import logging
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

from home import pagecache
from home.ratelimit import client_address

request_log = logging.getLogger("website.requests")

# Path parts that are secrets (a sign-up's personal link, a password-reset link): the log
# keeps the route, not the token.
SECRET_PATHS = [
    re.compile(r"^(/activity-signup/r/)[^/]+"),
    re.compile(r"^(/school/password/reset/)[^/]+/[^/]+"),
]


class VaryOnCookieMiddleware:
    """Public pages differ by the 大字模式 cookie: say so, so that no cache (a browser's,
    a proxy's or our own) serves a large-text page to someone who did not ask for it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.get("Content-Type", "").startswith("text/html"):
            patch_vary_headers(response, ["Cookie"])
        return response


class PageCacheMiddleware:
    """Serve anonymous visitors' GET requests from the shared page cache.

    Stored: a 200 response to a GET or HEAD from a visitor with no cookie but the
    大字模式 and CSRF ones, outside the admin and the personal pages, that sets no cookie
    and is not marked private or no-store. Every other request passes through untouched,
    so logged-in editors, school accounts, previews and forms (whose CSRF token sets a
    cookie) are never cached or served from the cache. The key holds the current version
    of ``home.pagecache``; any change bumps it. ``X-Page-Cache`` says ``hit`` or ``miss``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (pagecache.enabled() and self._cacheable_request(request)):
            return self.get_response(request)
        large_text = request.COOKIES.get(settings.LARGE_TEXT_COOKIE) == "1"
        key, stored = pagecache.lookup(request, large_text)
        if stored is not None:
            return self._rebuild(stored)
        response = self.get_response(request)
        if self._cacheable_response(response):
            response["X-Page-Cache"] = "miss"
            cache.set(key, self._parts(response), settings.PAGE_CACHE_SECONDS)
        return response

    @staticmethod
    def _cacheable_request(request):
        if request.method not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in request.META:
            return False
        if any(request.path.startswith(prefix) for prefix in settings.PAGE_CACHE_SKIP_PATHS):
            return False
        harmless = {settings.LARGE_TEXT_COOKIE, settings.CSRF_COOKIE_NAME}
        return set(request.COOKIES) <= harmless

    @staticmethod
    def _cacheable_response(response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        control = response.get("Cache-Control", "").lower()
        return not any(word in control for word in ("private", "no-store", "no-cache"))

    @staticmethod
    def _parts(response):
        headers = [(name, value) for name, value in response.items() if name != "X-Page-Cache"]
        return (response.status_code, headers, response.content)

    @staticmethod
    def _rebuild(stored):
        status, headers, content = stored
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["X-Page-Cache"] = "hit"
        return response


class RequestLogMiddleware:
    """One line per request in the ``website.requests`` log (JSON; see settings): time,
    visitor address, method, path, status, duration, size, user id, page-cache outcome.
    网络安全法 Art. 21 asks for such logs, kept at least six months. Tokens in personal
    links are masked; form contents are never logged."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        if request_log.isEnabledFor(logging.INFO):
            request_log.info(
                "%s %s %s",
                request.method,
                self._path(request),
                response.status_code,
                extra={"request": self._fields(request, response, started)},
            )
        return response

    @staticmethod
    def _path(request):
        path = request.path
        for pattern in SECRET_PATHS:
            if pattern.match(path):
                return pattern.sub(r"\1…", path)
        query = request.META.get("QUERY_STRING", "")
        return f"{path}?{query}" if query else path

    def _fields(self, request, response, started):
        user = getattr(request, "user", None)
        return {
            "ip": client_address(request),
            "method": request.method,
            "path": self._path(request),
            "status": response.status_code,
            "ms": round((time.perf_counter() - started) * 1000, 1),
            "bytes": None if response.streaming else len(response.content),
            "user": user.pk if user is not None and user.is_authenticated else None,
            "cache": response.get("X-Page-Cache", ""),
            "agent": request.META.get("HTTP_USER_AGENT", "")[:200],
        }
