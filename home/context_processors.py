"""Template context shared by every public page."""

import uuid

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from home import pagecache


def display_preferences(request):
    """Whether the visitor switched on 大字模式 (large text); read from a cookie."""
    return {"large_text": request.COOKIES.get(settings.LARGE_TEXT_COOKIE) == "1"}


def fragment_cache(request):
    """What ``{% wagtailcache %}`` and ``{% wagtailpagecache %}`` need to keep a section of a
    page (a listing, a calendar month) in the shared cache until the next change:
    ``fragment_seconds`` (``FRAGMENT_CACHE_SECONDS``, at most) and ``fragment_version``,
    the page cache's version, read only when a template uses it. Every change bumps the
    version (home/pagecache.py), so a section kept under the old one is never read again::

        {% wagtailpagecache fragment_seconds "home-sections" fragment_version %}
          …
        {% endwagtailpagecache %}
    """
    seconds = settings.FRAGMENT_CACHE_SECONDS
    if seconds <= 0:
        # Off: the tags still look a section up before they render it (and Django's cache
        # tag stores nothing for 0 seconds), so each request looks under a key of its own.
        return {"fragment_seconds": 0, "fragment_version": f"off-{uuid.uuid4().hex}"}
    return {
        "fragment_seconds": seconds,
        "fragment_version": SimpleLazyObject(pagecache.version),
    }
