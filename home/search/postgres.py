"""The PostgreSQL half of :mod:`home.search.backend`."""

from django.db.models.sql.subqueries import InsertQuery
from modelsearch.backends.database.postgres import postgres as stock
from modelsearch.utils import get_content_type_pk

from .backend import MatchRowsMixin, words_query
from .words import index_words


class ChineseIndexer(stock.ObjectIndexer):
    """The stock indexer; every text becomes words before it becomes a tsvector."""

    def as_vector(self, texts, for_autocomplete=False):
        texts = [(index_words(text), weight) for text, weight in texts]
        return super().as_vector(texts, for_autocomplete=for_autocomplete)


class ChinesePostgresIndex(stock.PostgresIndex):
    def add_items(self, model, objs):
        # The stock method (one INSERT … ON CONFLICT), with ChineseIndexer in place of
        # ObjectIndexer.
        if not model.get_search_fields():
            return
        indexers = [ChineseIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        entry = stock.IndexEntry
        compiler = InsertQuery(entry).get_compiler(connection=self.write_connection)
        content_type_pk = get_content_type_pk(model)
        rows, params = [], []
        for indexer in indexers:
            params.extend((content_type_pk, indexer.id))
            vectors = []
            for name in ("title", "autocomplete", "body"):
                value = compiler.prepare_value(entry._meta.get_field(name), getattr(indexer, name))
                sql, value_params = value.as_sql(compiler, self.write_connection)
                vectors.append(sql)
                params.extend(value_params)
            params.extend((indexer.title_text, indexer.body_text))
            rows.append(f"(%s, %s, {vectors[0]}, {vectors[1]}, {vectors[2]}, 1.0, %s, %s)")
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {entry._meta.db_table} (content_type_id, object_id, title,
                    autocomplete, body, title_norm, title_text, body_text)
                (VALUES {", ".join(rows)})
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0,
                    autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body,
                    title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
                """,
                params,
            )
        self._refresh_title_norms()


class ChinesePostgresQueryCompiler(stock.PostgresSearchQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        return super().build_tsquery_content(words_query(query), config=config, invert=invert)


class ChinesePostgresAutocompleteCompiler(stock.PostgresAutocompleteQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        return super().build_tsquery_content(words_query(query), config=config, invert=invert)


class ChinesePostgresSearchResults(MatchRowsMixin, stock.PostgresSearchResults):
    def rows(self, *fields):
        # The stock search's queryset (matched, scored, ordered) read as values: neither a
        # model instance of each page nor the page's whole index vector, which the stock
        # query also selects.
        return list(self.get_queryset().values_list(*fields, self._score_field))


class ChinesePostgresSearchBackend(stock.PostgresSearchBackend):
    index_class = ChinesePostgresIndex
    results_class = ChinesePostgresSearchResults
    query_compiler_class = ChinesePostgresQueryCompiler
    autocomplete_query_compiler_class = ChinesePostgresAutocompleteCompiler

    def __init__(self, params):
        super().__init__(params)
        # Words are already cut and simplified: PostgreSQL must not stem them as English.
        self.config = params.get("SEARCH_CONFIG", "simple")
