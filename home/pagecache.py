"""The page cache for anonymous visitors: one shared version, bumped on every change.

Whole public responses are kept in the default cache (Redis in production, shared by every
app server) under a key that contains the current *version*. Any change that can show on
a public page — a page published, unpublished, moved or deleted, a snippet or a setting
saved, a sign-up taking a seat — bumps the version once its transaction commits, so every
server misses on its next request and renders afresh. Old entries are never read again and
expire by themselves (``PAGE_CACHE_SECONDS``). For a site of this size this is simpler and
safer than working out which pages list which: the home page, the indexes, the calendar,
tag pages and campaign pages all follow without a list of dependencies to keep up to date.

The middleware that reads and writes entries is ``website.middleware.PageCacheMiddleware``;
this module owns the version and the signals, so that any app can call ``bump()`` after a
bulk ``update()`` (which sends no signal).
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

VERSION_KEY = "pagecache:version"

# Changes to these apps' rows can show on a public page.
WATCHED_APPS = {
    "home",
    "activities",
    "volunteers",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "wagtailredirects",
    "taggit",
}
# … except these, which only the admin sees (or which always come with a watched change,
# like a revision with its page). Listed as "app_label.model_name".
IGNORED_MODELS = {
    "wagtailcore.revision",
    "wagtailcore.modellogentry",
    "wagtailcore.pagelogentry",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.pagesubscription",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.referenceindex",
    "wagtailcore.uploadedfile",
    "wagtailimages.rendition",
}


def enabled():
    return settings.PAGE_CACHE_SECONDS > 0


def _request_memo():
    from home.models.base import request_memo

    return request_memo()


def version():
    """The current version. A missing one (first start, or evicted from the cache) starts
    at the current time in microseconds, above any version that was counted up before.

    A public GET request reads it once (the page, the settings, the menu… all ask) and
    keeps it to its end, unless it bumps the version itself.
    """
    memo = _request_memo()
    if memo is not None and "pagecache_version" in memo:
        return memo["pagecache_version"]
    current = cache.get(VERSION_KEY)
    if current is None:
        cache.add(VERSION_KEY, time.time_ns() // 1000, timeout=None)
        current = cache.get(VERSION_KEY)
    if memo is not None:
        memo["pagecache_version"] = current
    return current


def bump_now():
    memo = _request_memo()
    if memo is not None:
        memo.pop("pagecache_version", None)
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not there yet
        version()
        cache.incr(VERSION_KEY)


def bump():
    """Invalidate every cached page once the current transaction commits (at once outside
    one). Bumping earlier would let another request fill the cache from the old rows."""
    transaction.on_commit(bump_now)


# The version this process read last: the likely current one (a guess, never trusted).
_last_version = None


def _page_key(current, request, large_text):
    address = f"{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode("utf-8", "surrogateescape")).hexdigest()
    return f"pagecache:{current}:{'large' if large_text else 'normal'}:{digest}"


def lookup(request, large_text):
    """``(key, stored response or None)`` for a request, in the current version.

    One round trip to the cache in the common case: the current version and the page under
    the version this process saw last are read together (``get_many``, one MGET on Redis).
    If another server has bumped the version since, the guess is thrown away and the page
    is read under the version just read, so a change always shows on the next request.
    """
    global _last_version  # a per-process hint: losing or racing it costs a round trip
    guess = _last_version
    if guess is not None:
        guessed_key = _page_key(guess, request, large_text)
        found = cache.get_many([VERSION_KEY, guessed_key])
        if found.get(VERSION_KEY) == guess:
            memo = _request_memo()
            if memo is not None:
                memo["pagecache_version"] = guess
            return guessed_key, found.get(guessed_key)
    current = version()
    _last_version = current
    current_key = _page_key(current, request, large_text)
    return current_key, cache.get(current_key)


def remember(name, compute):
    """``compute()``, kept in the shared cache until the next change bumps the version.

    For the parts every page shows (the site settings, the main menu): with
    ``LAYOUT_CACHE_SECONDS`` at 0 they are computed every time. A value computed from rows
    older than a change is stored under the old version, which nothing reads any more.
    """
    seconds = settings.LAYOUT_CACHE_SECONDS
    if seconds <= 0:
        return compute()
    memo = _request_memo()
    full_key = f"layout:{version()}:{name}"
    if memo is not None and full_key in memo:  # asked for twice in one request
        return memo[full_key]
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, seconds)
    if memo is not None:
        memo[full_key] = value
    return value


def _watched(model):
    meta = model._meta
    return meta.app_label in WATCHED_APPS and meta.label_lower not in IGNORED_MODELS


def _on_change(sender, **kwargs):
    if kwargs.get("raw"):  # loaddata
        return
    if _watched(sender):
        bump()


def _on_page_change(sender, **kwargs):
    bump()


def connect():
    """Connected once, from ``HomeConfig.ready``."""
    from wagtail.signals import page_published, page_unpublished, post_page_move

    post_save.connect(_on_change, dispatch_uid="pagecache-save")
    post_delete.connect(_on_change, dispatch_uid="pagecache-delete")
    m2m_changed.connect(_on_m2m_change, dispatch_uid="pagecache-m2m")
    # A move rewrites tree paths with a queryset update, an unpublish may update
    # descendants in bulk: neither sends post_save for every row.
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_on_page_change, dispatch_uid=f"pagecache-{id(signal)}")


def _on_m2m_change(sender, instance, action, **kwargs):
    if action.startswith("post_") and _watched(type(instance)):
        bump()
