"""The SQLite (FTS5) half of :mod:`home.search.backend`."""

from django.utils.functional import cached_property
from modelsearch.backends.database.sqlite import sqlite as stock
from modelsearch.utils import get_content_type_pk

from .backend import words_query
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


class ChineseSQLiteQueryCompiler(stock.SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        return super().build_search_query_content(words_query(query), config=config)


class ChineseSQLiteAutocompleteCompiler(stock.SQLiteAutocompleteQueryCompiler):
    def build_search_query_content(self, query, config=None):
        return super().build_search_query_content(words_query(query), config=config)


class ChineseSQLiteSearchBackend(stock.SQLiteSearchBackend):
    index_class = ChineseSQLiteIndex
    query_compiler_class = ChineseSQLiteQueryCompiler
    autocomplete_query_compiler_class = ChineseSQLiteAutocompleteCompiler
