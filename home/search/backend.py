"""Wagtail's database search backend, taught to read Chinese.

Settings point ``WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]`` here. Like Wagtail's own
``wagtail.search.backends.database``, this picks the SQLite (FTS5) or PostgreSQL backend for
the default database; each is the stock backend with two changes:

* indexing: every text value passes through :func:`home.search.words.index_words`, so the
  index holds simplified, space-separated words;
* searching: a plain-text query passes through :func:`home.search.words.query_words`, so
  普法 or 法治宣傳 become the same words the index holds.

Everything else (ranking, filters, facets, ``update_index``, the signal handlers that follow
publish, unpublish, move and delete) is Wagtail's. The admin's page, image and snippet
searches use this backend too, so editors get the same Chinese search as the public.

Wagtail has no hook for the indexer class, so ``add_items`` below repeats the stock method
(modelsearch 1.3.2) with our indexer; ``tests/test_search.py`` fails when an upgrade
changes the stock method, as a reminder to compare.
"""

from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from modelsearch.query import PlainText

from .words import query_words


def words_query(query):
    """A plain-text query in the index's words; other query types are left as they are."""
    if isinstance(query, PlainText):
        words = query_words(query.query_string)
        if words:
            return PlainText(" ".join(words), operator=query.operator, boost=query.boost)
    return query


class MatchRowsMixin:
    """For the search results of our backends: ``rows(*fields)``, every match as a tuple of
    ``fields`` and its score (``annotate_score`` first), read as plain values.

    A broad query matches thousands of pages; the search page ranks and counts them all
    but shows ten, and a model instance of each cost more than the search itself
    (docs/performance.md). This default goes through the instances; each backend below
    reads the values instead where it can.
    """

    def rows(self, *fields):
        return [
            (*(getattr(obj, name) for name in fields), getattr(obj, self._score_field))
            for obj in self
        ]


def SearchBackend(params):  # noqa: N802 - Wagtail calls the backend's module attribute so
    """Returns the Chinese search backend for the default database (SQLite or PostgreSQL)."""
    if connection.vendor == "sqlite":
        from . import sqlite

        return sqlite.ChineseSQLiteSearchBackend(params)
    if connection.vendor == "postgresql":
        from . import postgres

        return postgres.ChinesePostgresSearchBackend(params)
    raise ImproperlyConfigured(
        f"home.search.backend supports SQLite and PostgreSQL, not {connection.vendor}."
    )
