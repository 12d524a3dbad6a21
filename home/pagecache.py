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
import logging
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.functional import SimpleLazyObject

logger = logging.getLogger(__name__)

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


# The version this process read last: the likely current one (a guess, never trusted).
_last_version = None


def version():
    """The current version. A missing one (first start, or evicted from the cache) starts
    at the current time in microseconds, above any version that was counted up before.

    A public GET request reads it once (the page, the settings, the menu… all ask) and
    keeps it to its end, unless it bumps the version itself.
    """
    global _last_version  # see lookup()
    memo = _request_memo()
    if memo is not None and "pagecache_version" in memo:
        return memo["pagecache_version"]
    current = cache.get(VERSION_KEY)
    if current is None:
        cache.add(VERSION_KEY, time.time_ns() // 1000, timeout=None)
        current = cache.get(VERSION_KEY)
    if memo is not None:
        memo["pagecache_version"] = current
    _last_version = current
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


def bump_after_migrate(**kwargs):
    """After ``migrate`` (every release runs it): a new version, so that nothing kept by
    the old code is read by the new. A cache out of reach must not stop the migration."""
    try:
        bump_now()
    except Exception:  # the cache server may be down while migrating
        logger.warning("could not bump the page-cache version after migrate", exc_info=True)


def bump():
    """Invalidate every cached page once the current transaction commits (at once outside
    one). Bumping earlier would let another request fill the cache from the old rows."""
    transaction.on_commit(bump_now)


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


def on_use(compute, names):
    """Context entries ``names``, taken from one ``compute()`` (a dict) that runs only when a
    template first reads one of them. Inside a section kept by ``{% wagtailpagecache %}``
    (keyed by ``fragment_version``, see home/context_processors.py) nothing is computed
    while the section is kept; in a preview, or once it expires, it runs as before."""
    values = SimpleLazyObject(compute)
    return {name: SimpleLazyObject(lambda name=name: values[name]) for name in names}


# Per process: for each host (as a site is found: name, port), the names of the parts its
# pages read (``remember(every_page=True)``: the site, its settings and menu, the view
# restrictions), fetched together by ``prefetch``. At most MAX_HOSTS hosts, the ones used
# last: whatever hosts requests name, the set stays small.
MAX_HOSTS = 16
_names_by_host = OrderedDict()
_names_lock = threading.Lock()  # for threaded servers; sync workers never wait on it


def prefetch(host):
    """At the start of a public request to ``host``: every part its pages read, in one
    round trip (``get_many``, one MGET on Redis). The version comes in the same round
    trip, guessed as the one this process saw last, unless the page cache has read it
    already. What is found goes into the request's memo, where ``remember`` looks first;
    if another server has bumped the version since, nothing is kept and each part is read
    (and computed) under the new one as before."""
    global _last_version  # a per-process hint, as in lookup()
    memo = _request_memo()
    if memo is None or settings.LAYOUT_CACHE_SECONDS <= 0:
        return
    memo["host"] = host
    with _names_lock:
        names = sorted(_names_by_host.get(host, ()))
        if names:
            _names_by_host.move_to_end(host)
    known = memo.get("pagecache_version")
    guess = known if known is not None else _last_version
    if not names or guess is None:
        return
    keys = [f"layout:{guess}:{name}" for name in names]
    if known is not None:
        memo.update(cache.get_many(keys))
        return
    found = cache.get_many([VERSION_KEY, *keys])
    current = found.pop(VERSION_KEY, None)
    if current is None:
        return
    memo["pagecache_version"] = _last_version = current
    if current == guess:
        memo.update(found)


def _note_every_page(memo, name):
    host = memo.get("host") if memo is not None else None
    if host is None:
        return
    with _names_lock:
        if host not in _names_by_host:
            _names_by_host[host] = set()
            while len(_names_by_host) > MAX_HOSTS:
                _names_by_host.popitem(last=False)
        _names_by_host[host].add(name)


def remember(name, compute, seconds=None, every_page=False):
    """``compute()``, kept in the shared cache until the next change bumps the version.

    For the parts every page shows (the site settings, the main menu; ``every_page``: read
    together by ``prefetch`` on the host's next request) and other values that change only
    with the content (a listing's count): with ``LAYOUT_CACHE_SECONDS`` (or ``seconds``) at
    0 they are computed every time. A value computed from rows older than a change is
    stored under the old version, which nothing reads any more.
    """
    seconds = settings.LAYOUT_CACHE_SECONDS if seconds is None else seconds
    if seconds <= 0:
        return compute()
    memo = _request_memo()
    if every_page:
        _note_every_page(memo, name)
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
