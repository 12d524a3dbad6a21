"""Project-wide middleware."""

import logging
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.utils.cache import patch_vary_headers
from wagtail import views as wagtail_views
from wagtail.models import Site

from home import pagecache
from home.models.base import routing_root
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


class SharedPartsMiddleware:
    """Public GET and HEAD requests read the parts every page needs (the site, its settings
    and menu, the view restrictions) from the shared cache in one round trip
    (``pagecache.prefetch``; nothing from the database). Requests for Wagtail pages then
    take their site from there too, with the home page in its own class: Wagtail would ask
    the database for both on every request (``Site.find_for_request``, which keeps its
    answer on ``request._wagtail_site``, then ``root_page.specific`` to route). Forms, the
    paths the page cache leaves alone (the admin, the health check…) and other views ask
    the database, as Wagtail does."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._public_read(request):
            pagecache.prefetch(self._host(request))
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_views.serve and self._public_read(request):
            request._wagtail_site = pagecache.remember(
                f"site:{self._host(request)}", lambda: self._find_site(request), every_page=True
            )

    @staticmethod
    def _host(request):
        """What Wagtail finds the site by: the host name (lower case, without a trailing
        dot or a port) and the server's port. ``get_host()`` answers a host outside
        ALLOWED_HOSTS with a 400 (DisallowedHost) before anything is remembered."""
        domain, _port = split_domain_port(request.get_host())
        return f"{domain}|{request.get_port()}"

    @staticmethod
    def _public_read(request):
        skipped = any(request.path.startswith(p) for p in settings.PAGE_CACHE_SKIP_PATHS)
        return request.method in ("GET", "HEAD") and not skipped

    @staticmethod
    def _find_site(request):
        site = Site.find_for_request(request)
        if site is not None:
            # Kept with it: the home page in its own class, which Wagtail's serve view asks
            # for on every request to route from (``root_page.specific``); its own fields
            # are read only when it is the page served (``routing_root``).
            site.root_page.specific = routing_root(site.root_page)
        return site


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
