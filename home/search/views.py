"""The public search page, /search/ (a route of the home page, so it searches that site)."""

import datetime
import hashlib
from dataclasses import dataclass
from typing import NamedTuple

from django.conf import settings
from wagtail.models import Page

from home import pagecache
from home.pagination import paginate

from . import results
from .words import simplified, traditional

MAX_QUERY_LENGTH = 100
PER_PAGE = 10
TAGS_WHEN_EMPTY = 12


@dataclass
class Result:
    page: Page  # specific
    title: str  # highlighted
    snippet: str  # highlighted
    type_label: str
    published: object


class Hit(NamedTuple):
    """What the page needs of a ranked hit; the rest is read for the ten shown."""

    pk: int
    first_published_at: datetime.datetime | None


def _searched(home, query, page_type):
    """``results.search`` with its hits cut down to ``Hit``, kept in the shared cache until
    the next change (at most ``FRAGMENT_CACHE_SECONDS``): the next page of results, or the
    same words searched again, cost no search."""

    def compute():
        outcome = results.search(query, home, page_type)
        outcome.hits = [Hit(page.pk, page.first_published_at) for page in outcome.hits]
        return outcome

    digest = hashlib.sha256(f"{query}\0{page_type}".encode("utf-8", "surrogateescape"))
    name = f"search:{home.pk}:{digest.hexdigest()}"
    return pagecache.remember(name, compute, seconds=settings.FRAGMENT_CACHE_SECONDS)


def _other_script(query):
    """The query in the other script (繁體 for a simplified query and the reverse), or ''."""
    other = simplified(query)
    if other == query:
        other = traditional(query)
    return "" if other == query else other


def search(home, request):
    query = request.GET.get("q", "").strip()
    error = ""
    if len(query) > MAX_QUERY_LENGTH:
        error = f"搜索词太长了，请不要超过 {MAX_QUERY_LENGTH} 个字。"
        outcome = results.Outcome(query=query[:MAX_QUERY_LENGTH], words=[])
    else:
        outcome = _searched(home, query, request.GET.get("type", ""))
    page_obj = paginate(request, outcome.hits, PER_PAGE)

    def shown():
        """The ten results of this page, highlighted: read only when the template's
        "search-results" section is not kept."""
        specific = Page.objects.filter(pk__in=[hit.pk for hit in page_obj.object_list])
        by_pk = {page.pk: page for page in specific.specific()}
        items = [
            Result(
                page=page,
                title=results.highlight(page.title, outcome.words),
                snippet=results.snippet(page, outcome.words),
                type_label=getattr(page, "search_label", "") or "页面",
                published=hit.first_published_at,
            )
            for hit in page_obj.object_list
            if (page := by_pk.get(hit.pk)) is not None
        ]
        return {"items": items}

    searched = bool(outcome.words)
    return home.render(
        request,
        template="home/search.html",
        context_overrides={
            "query": outcome.query,
            "error": error,
            "outcome": outcome,
            **pagecache.on_use(shown, ["items"]),
            "page_obj": page_obj,
            "searched": searched,
            "other_script": _other_script(outcome.query) if searched else "",
            "popular_tags": (
                list(home.popular_tags()[:TAGS_WHEN_EMPTY]) if not outcome.hits else []
            ),
            "breadcrumb_trail": [("首页", home.get_url(request))],
            "breadcrumb_current": "搜索",
        },
    )
