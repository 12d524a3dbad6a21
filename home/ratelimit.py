"""A per-address limit for the public forms, kept in the cache (Redis in production, so
that every worker shares the counts).

Behind a reverse proxy every request comes from the proxy's address: set
CLIENT_IP_HEADER (e.g. HTTP_X_REAL_IP, which nginx sets with `proxy_set_header X-Real-IP
$remote_addr`) so that the limit applies to each visitor, not to everybody at once.
"""

from django.conf import settings
from django.core.cache import cache
from django.template.response import TemplateResponse

LIMIT = 5  # submissions per address per window
WINDOW = 60 * 60


def client_address(request):
    header = getattr(settings, "CLIENT_IP_HEADER", "")
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def _key(request, scope):
    return f"ratelimit:{scope}:{client_address(request)}"


def is_limited(request, scope, limit=LIMIT):
    return cache.get(_key(request, scope), 0) >= limit


def count(request, scope, window=WINDOW):
    """One more submission; atomic where the cache is (add, then incr)."""
    key = _key(request, scope)
    cache.add(key, 0, window)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)


def refuse(request, page=None):
    """The Chinese 429 page: too many submissions from this address."""
    return TemplateResponse(request, "too_many.html", {"page": page}, status=429)
