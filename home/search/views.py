"""The public search page, /search/ (a route of the home page, so it searches that site)."""

from dataclasses import dataclass

from wagtail.models import Page

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
        outcome = results.search(query, home, request.GET.get("type", ""))
    page_obj = paginate(request, outcome.hits, PER_PAGE)
    specific = Page.objects.filter(pk__in=[hit.pk for hit in page_obj.object_list]).specific()
    by_pk = {page.pk: page for page in specific}
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
    searched = bool(outcome.words)
    return home.render(
        request,
        template="home/search.html",
        context_overrides={
            "query": outcome.query,
            "error": error,
            "outcome": outcome,
            "items": items,
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
