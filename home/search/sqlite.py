"""The SQLite (FTS5) half of :mod:`home.search.backend`."""

import copy

from django.utils.functional import cached_property
from modelsearch.backends.database.sqlite import sqlite as stock
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from .backend import MatchRowsMixin, words_query
from .words import index_words


class ChineseIndexer(stock.ObjectIndexer):
    """The stock indexer; its title, body and autocomplete text are cut into words."""

    @cached_property
    def title(self):
        return index_words(super().title)

    @cached_property
    def body(self):
        return index_words(super().body)

    @cached_property
    def autocomplete(self):
        return index_words(super().autocomplete)


class ChineseSQLiteIndex(stock.SQLiteIndex):
    def add_items(self, model, objs):
        # The stock method, with ChineseIndexer in place of ObjectIndexer.
        if not model.get_search_fields():
            return
        data = {}
        for obj in objs:
            indexer = ChineseIndexer(obj, self.backend)
            data[indexer.id] = {
                "title": indexer.title,
                "autocomplete": indexer.autocomplete,
                "body": indexer.body,
            }
        if not data:
            return
        entries = self.entries.filter(content_type_id=get_content_type_pk(model))
        indexed = set(entries.filter(object_id__in=data).values_list("object_id", flat=True))
        for object_id in indexed:
            entries.filter(object_id=object_id).update(**data[object_id])
        self.entries.bulk_create(
            stock.IndexEntry(
                content_type_id=get_content_type_pk(model), object_id=object_id, **values
            )
            for object_id, values in data.items()
            if object_id not in indexed
        )
        self._refresh_title_norms()


class ChineseCompilerMixin:
    """What the search and the autocomplete compilers (the admin's searches) share: the
    query in the index's words, and the scores of the matches in one FTS query."""

    def build_search_query_content(self, query, config=None):
        return super().build_search_query_content(words_query(query), config=config)

    def scores(self, config):
        """``{object_id: bm25}`` of every index entry that matches, in one FTS query (the
        stock compiler's index query; lower is better)."""
        query = stock.normalize(self.query)
        match = stock.MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
        )
        entries = (
            stock.SQLiteFTSIndexEntry.objects.filter(match)
            .filter(
                index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model)
            )
            .annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
        )
        return dict(entries.values_list("index_entry__object_id", "score"))


class ChineseSQLiteQueryCompiler(ChineseCompilerMixin, stock.SQLiteSearchQueryCompiler):
    pass


class ChineseSQLiteSearchResults(MatchRowsMixin, stock.SQLiteSearchResults):
    """Scored results without the stock backend's correlated subquery.

    The stock backend annotates each result with its score through a subquery that runs
    the full-text match again for every matching row: a query that matches 3,600 of
    5,000 pages took 17 s. Here the scores come from one match, the matching rows from
    another (the stock search, unscored), the order is made in Python and only the
    requested slice is fetched.
    """

    def _scored(self):
        """(the matching pages, unordered, {object_id: bm25}), or None where the stock
        search must answer (no score asked for, or a query that matches all or none)."""
        compiler = self.query_compiler
        score_field = self._score_field or ("_score" if compiler.order_by_relevance else None)
        query = stock.normalize(compiler.query)
        if score_field is None or isinstance(query, MatchAll | Not):
            return None
        config = compiler.get_config(self.backend)
        unscored = copy.copy(compiler)
        unscored.order_by_relevance = False
        return unscored.search(config, None, None), compiler.scores(config)  # by -pk

    def _in_order(self, rows, scores, pk=lambda row: row):
        if self.query_compiler.order_by_relevance:
            rows.sort(key=lambda row: scores.get(str(pk(row)), 0.0))  # stable: ties stay -pk
        return rows[self.start : self.stop]

    def _do_search(self):
        scored = self._scored()
        if scored is None:
            return super()._do_search()
        matching, scores = scored
        pks = self._in_order(list(matching.values_list("pk", flat=True)), scores)
        objects = matching.in_bulk(pks)
        results = [objects[pk] for pk in pks]
        score_field = self._score_field or "_score"
        for obj in results:
            setattr(obj, score_field, scores.get(str(obj.pk)))
        return results

    def rows(self, *fields):
        scored = self._scored() if self._score_field else None
        if scored is None:
            return super().rows(*fields)
        matching, scores = scored
        rows = list(matching.values_list(*fields, "pk"))  # the pk last, for its score
        return [
            (*row[:-1], scores.get(str(row[-1])))
            for row in self._in_order(rows, scores, pk=lambda row: row[-1])
        ]


class ChineseSQLiteAutocompleteCompiler(
    ChineseCompilerMixin, stock.SQLiteAutocompleteQueryCompiler
):
    pass


class ChineseSQLiteSearchBackend(stock.SQLiteSearchBackend):
    index_class = ChineseSQLiteIndex
    results_class = ChineseSQLiteSearchResults
    query_compiler_class = ChineseSQLiteQueryCompiler
    autocomplete_query_compiler_class = ChineseSQLiteAutocompleteCompiler
