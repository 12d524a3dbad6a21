"""A per-address limit for the public forms, kept in the cache (Redis in production)."""

from django.core.cache import cache
from django.template.response import TemplateResponse

LIMIT = 5  # successful submissions per address per window
WINDOW = 60 * 60


def _key(request, scope):
    return f"ratelimit:{scope}:{request.META.get('REMOTE_ADDR', '')}"


def is_limited(request, scope, limit=LIMIT):
    return cache.get(_key(request, scope), 0) >= limit


def count(request, scope, window=WINDOW):
    key = _key(request, scope)
    cache.set(key, cache.get(key, 0) + 1, window)


def refuse(request, page=None):
    """The Chinese 429 page: too many submissions from this address."""
    return TemplateResponse(request, "too_many.html", {"page": page}, status=429)
