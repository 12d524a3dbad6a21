"""Template context shared by every public page."""

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
    return {
        "fragment_seconds": settings.FRAGMENT_CACHE_SECONDS,
        "fragment_version": SimpleLazyObject(pagecache.version),
    }
