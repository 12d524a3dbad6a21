"""What the public search page shows: ranked hits, counts per page type, highlighted snippets.

The search itself is Wagtail's (``Page.objects.search``) on our Chinese backend. On top of
its relevance score this module ranks, in order:

1. pages whose title holds the whole query (法治副校长 in 全区法治副校长工作座谈会召开);
2. pages whose title holds every word of it;
3. pages whose title holds some of its words, or that carry a tag holding the query
   (the editors' own keyword: 家庭教育 finds the pages tagged 家庭教育 first);
4. pages whose title holds a shorter word inside one of the query's words (联系电话 and
   联系我们);
5. pages that match in their text only.

Within a rank, a clearly better score comes first; among equals (scores in the same fifth
of the best one), the newer page. Only live, public pages are searched: drafts, pages
behind a password or login, and unpublished school submissions never appear.
"""

import datetime
import html
import math
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.utils.html import format_html, mark_safe
from wagtail.search import index

from home.models.base import PageTag, site_pages

from .words import index_words, query_words, simplified

SNIPPET_LENGTH = 120
SNIPPET_LEAD = 30


@dataclass
class PageType:
    """One page type among the results, for the 按类型 filter."""

    key: str  # the model name, used in ?type=
    label: str
    count: int


class Match(NamedTuple):
    """A page the search matched: what ranking and counting need, read as plain values
    (a broad query matches thousands; the page shows ten, read whole)."""

    pk: int
    title: str
    first_published_at: datetime.datetime | None
    content_type_id: int
    score: float | None


@dataclass
class Outcome:
    query: str
    words: list
    hits: list = field(default_factory=list)  # ranked ``Match`` rows
    types: list = field(default_factory=list)
    page_type: str = ""  # the type the hits are narrowed to, if any
    partial: bool = False  # no page had every word; these have some of them

    @property
    def total(self):
        return sum(t.count for t in self.types)


def _compact(query):
    return "".join(simplified(query).lower().split())


def _title_rank(title, query, words, parts, tagged):
    title = simplified(title).lower()
    if _compact(query) in title:
        return 4
    if all(word in title for word in words):
        return 3
    if tagged or any(word in title for word in words):
        return 2
    return 1 if any(part in title for part in parts) else 0


def _tagged(query):
    """Pages with a tag that holds the whole query (家庭教育 for 家庭教育)."""
    compact = _compact(query)
    return set(
        PageTag.objects.filter(tag__name__icontains=compact).values_list(
            "content_object_id", flat=True
        )
    )


def _ranked(pages, query, words):
    """Pages sorted by the rules in the module docstring."""
    if not pages:
        return []
    tagged = _tagged(query)
    # The query's words and the shorter words inside them: 联系电话 shares 联系 with 联系我们.
    parts = {part for part in index_words(query).split() if len(part) > 1 or part.isascii()}
    # Scores are "higher is better" on PostgreSQL and "lower is better" (bm25) on SQLite.
    best = max(abs(page.score or 0) for page in pages) or 1.0

    def key(page):
        title_rank = _title_rank(page.title, query, words, parts, page.pk in tagged)
        strength = math.floor(abs(page.score or 0) / best * 5 - 1e-9)
        published = page.first_published_at.timestamp() if page.first_published_at else 0
        return (-title_rank, -strength, -published, -page.pk)

    return sorted(pages, key=key)


def _matching(pages, query, operator):
    found = pages.search(query, operator=operator).annotate_score("_score")
    return [Match(*row) for row in found.rows(*Match._fields[:-1])]


OTHER_PAGES = PageType("pages", "栏目和页面", 0)


def _group(content_type_id):
    """(key, label) of a page type in the 按类型 filter. Content types name their group with
    ``search_label`` (新闻, 活动…); index pages, standard pages and the like share one."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    label = getattr(model, "search_label", None)
    if label:
        return model._meta.model_name, label
    return OTHER_PAGES.key, OTHER_PAGES.label


def _page_types(pages):
    counts = Counter(_group(page.content_type_id) for page in pages)
    types = [PageType(key, label, count) for (key, label), count in counts.items()]
    # Content first, most hits first; the catch-all group last.
    return sorted(types, key=lambda t: (t.key == OTHER_PAGES.key, -t.count, t.label))


def search(query, within, page_type=""):
    """Search the live, public pages below ``within`` (the site's home page, included).

    ``page_type`` (a model name such as ``newspage``) narrows the hits but not the counts,
    so the filter can still offer every type; an unknown type is ignored.
    """
    query = query.strip()
    words = query_words(query)
    outcome = Outcome(query=query, words=words)
    if not words:
        return outcome
    pages = site_pages().live().public().descendant_of(within, inclusive=True)
    found = _matching(pages, query, "and")
    if not found and len(words) > 1:
        found = _matching(pages, query, "or")
        outcome.partial = bool(found)
    outcome.types = _page_types(found)
    if any(t.key == page_type for t in outcome.types):
        outcome.page_type = page_type
        found = [page for page in found if _group(page.content_type_id)[0] == page_type]
    outcome.hits = _ranked(found, query, words)
    return outcome


def searchable_text(page):
    """The text a page is indexed by, apart from its title (``page`` must be specific).

    Only the page's own columns: tags and other relations would cost queries per result.
    """
    parts = []
    for search_field in page.get_search_fields():
        if not isinstance(search_field, index.SearchField) or search_field.field_name == "title":
            continue
        try:
            model_field = page._meta.get_field(search_field.field_name)
        except FieldDoesNotExist:
            continue  # a method, which may query the database
        if not model_field.is_relation:
            value = search_field.get_value(page)
            parts.extend(value if isinstance(value, list | tuple) else [value])
    return " ".join(" ".join(part.split()) for part in parts if isinstance(part, str) and part)


def highlight(text, words, length=None):
    """``text`` (or a window of ``length`` around the first match) with every word marked.

    Matching is done on simplified characters, so a traditional text shows its own
    characters, marked where the simplified query meets them.
    """
    folded = simplified(text).lower()
    if len(folded) != len(text):  # a rare phrase conversion changed the length
        text = folded
    if length is not None:
        first = min((i for i in (folded.find(w) for w in words) if i >= 0), default=0)
        start = max(0, first - SNIPPET_LEAD)
        window = slice(start, start + length)
        prefix = "…" if start > 0 else ""
        suffix = "…" if start + length < len(text) else ""
        text, folded = text[window], folded[window]
    else:
        prefix = suffix = ""
    marked = [False] * len(text)
    for word in words:
        at = folded.find(word)
        while at >= 0:
            marked[at : at + len(word)] = [True] * len(word)
            at = folded.find(word, at + len(word))
    pieces, i = [], 0
    while i < len(text):
        j = i
        while j < len(text) and marked[j] == marked[i]:
            j += 1
        chunk = html.escape(text[i:j])
        pieces.append(f"<mark>{chunk}</mark>" if marked[i] else chunk)
        i = j
    return format_html("{}{}{}", prefix, mark_safe("".join(pieces)), suffix)


def snippet(page, words):
    """A highlighted passage of ``page`` (specific) around the first word of the query."""
    text = searchable_text(page)
    return highlight(text, words, SNIPPET_LENGTH) if text else ""
