"""Wagtail's database search backend, made language-aware for PostgreSQL.

Wagtail's database backends keep one index table (`wagtailsearch_indexentry`) for every
model. The PostgreSQL backend turns text into a `tsvector` with a single text search
configuration (`SEARCH_CONFIG`) at index time and builds the `tsquery` with the same
configuration at query time. Configuring one backend per language does not work: both
backends write the same rows, so with auto-update the last writer wins, and a plain
`update_index` writes every page in one language.

This backend keeps one backend and one table, but chooses the configuration

- at index time per object, from the object's locale (German pages are stemmed as
  German, English pages as English) – for signals and `update_index` alike, because both
  go through `PostgresIndex.add_items`;
- at query time per query, from the locale the queryset is filtered by
  (`.filter(locale=...)`), or else the active language.

On SQLite it returns Wagtail's SQLite FTS5 backend with titles weighted above the body
(FTS5 has no per-language stemming), elsewhere Wagtail's usual database backend. Settings, in `WAGTAILSEARCH_BACKENDS["default"]`:

    "BACKEND": "search.backend",
    "SEARCH_CONFIGS": {"de": "german", "en": "english"},  # language code -> regconfig

Languages without an entry use the `simple` configuration (no stemming, no stop words).
"""

from contextlib import contextmanager

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import connection
from django.db.models import Count, F, Window, prefetch_related_objects
from django.db.models.lookups import Exact, In
from django.db.models.sql.where import AND, WhereNode
from django.utils import translation
from django.utils.functional import cached_property

from wagtail.models import Locale

from modelcluster.fields import ParentalManyToManyField
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    ObjectIndexer,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from modelsearch.utils import get_content_type_pk

DEFAULT_SEARCH_CONFIGS = {"de": "german", "en": "english"}
FALLBACK_CONFIG = "simple"
TITLE_BOOST = 10.0


def SearchBackend(params):  # noqa: N802 – Wagtail imports this name from the module
    """The language-aware backend on PostgreSQL, Wagtail's database backend elsewhere."""
    if connection.vendor == "postgresql":
        return LocalePostgresSearchBackend(params)
    backend = DatabaseSearchBackend(params)
    if type(backend).__name__ == "SQLiteSearchBackend":  # SQLite with FTS5
        from .sqlite_backend import TitleFirstSQLiteSearchBackend

        return TitleFirstSQLiteSearchBackend(params)
    return backend


def _language_of_queryset(queryset):
    """The locale id a queryset is filtered to (`.filter(locale=...)`), or None.

    Only plain top-level AND conditions count: a locale inside an OR or NOT does not
    decide the language of the whole query.
    """

    def visit(node):
        if node.negated or node.connector != AND:
            return None
        for child in node.children:
            if isinstance(child, WhereNode):
                found = visit(child)
                if found is not None:
                    return found
            elif isinstance(child, (Exact, In)):
                target = getattr(child.lhs, "target", None)
                if target is None or target.attname != "locale_id":
                    continue
                values = child.rhs if isinstance(child, In) else [child.rhs]
                values = [getattr(value, "pk", value) for value in values]
                if len(values) == 1 and isinstance(values[0], int):
                    return values[0]
        return None

    return visit(queryset.query.where)


def _locale_languages():
    """{locale id: language code}, kept per cache generation (locales rarely change)."""
    from tregks.cache.generation import cached_for_generation

    return cached_for_generation(
        "search-locale-languages",
        lambda: dict(Locale.objects.values_list("pk", "language_code")),
    )


class LocaleSearchQueryCompiler(PostgresSearchQueryCompiler):
    """Builds the tsquery with the configuration of the language being searched."""

    def get_index_vectors(self, search_query):
        # A match in the title outranks any number of matches in the body: ts_rank
        # grows with repetitions, and a long page mentioning a word ten times would
        # otherwise come before the page named after it.
        return [
            (F("index_entries__title"), F("index_entries__title_norm") * TITLE_BOOST),
            (F("index_entries__body"), 1.0),
        ]

    def _apply_ordering_and_scoring(
        self, queryset, rank_expression, start, stop, score_field=None
    ):
        if stop is not None:
            # A page of results carries the number of all matches (`search_total`):
            # ranking reads every match anyway, so a separate COUNT query would do
            # the join a second time (see search.views.paginate).
            queryset = queryset.annotate(search_total=Window(Count("pk")))
        return super()._apply_ordering_and_scoring(
            queryset, rank_expression, start, stop, score_field
        )

    def get_config(self, backend):
        locale_id = _language_of_queryset(self.queryset)
        language = None
        if locale_id is not None:
            language = _locale_languages().get(locale_id)
        return backend.config_for_language(language or translation.get_language())


def _is_title(field):
    return isinstance(field, SearchField) and field.field_name == "title"


def _is_body(field):
    return isinstance(field, SearchField) and field.field_name != "title"


def _is_autocomplete(field):
    return isinstance(field, AutocompleteField)


class LanguageObjectIndexer(ObjectIndexer):
    """Wagtail's ObjectIndexer with a configuration of its own, reading each field once.

    Wagtail's indexer reads every search field five times per object (title, body,
    autocomplete and their plain-text mirrors): five renderings of each StreamField
    and five queries per related field.
    """

    def __init__(self, obj, backend, config):
        super().__init__(obj, backend)
        self.config = config

    @cached_property
    def prepared(self):
        """[(search field, weight, text)] of every field, read once."""
        return [
            item
            for field in self.search_fields
            for item in self.prepare_field(self.obj, field)
        ]

    def _texts(self, wanted):
        return [
            (value, weight) for field, weight, value in self.prepared if wanted(field)
        ]

    def _plain(self, wanted):
        texts = (value.strip() for value, _weight in self._texts(wanted))
        return " ".join(text for text in texts if text)

    def _vector(self, wanted, config):
        """(SQL, params) of the tsvector of the fields `wanted` picks.

        The same vector as Wagtail's SearchVector expressions, written as SQL at once:
        compiling thousands of Django expressions took most of the indexing time.
        """
        texts = [(text.strip(), weight) for text, weight in self._texts(wanted)]
        texts = [(text, weight) for text, weight in texts if text]
        if not texts:
            return "''::tsvector", []
        sql = " || ".join(
            ["setweight(to_tsvector(%s::regconfig, %s), %s)"] * len(texts)
        )
        params = [value for text, weight in texts for value in (config, text, weight)]
        return f"({sql})", params

    def vectors(self):
        """(SQL, params) of the title, autocomplete and body vectors, in this order."""
        return [
            self._vector(_is_title, self.config),
            self._vector(_is_autocomplete, self.autocomplete_config),
            self._vector(_is_body, self.config),
        ]

    @cached_property
    def title_text(self):
        return self._plain(_is_title)

    @cached_property
    def body_text(self):
        return self._plain(_is_body)


class LocalePostgresIndex(PostgresIndex):
    """Writes each object's tsvectors with the configuration of its own language.

    One INSERT … ON CONFLICT per batch (as Wagtail does), but each row's vectors are
    made with the configuration of the object's locale, related objects are fetched
    for the whole batch at once, and each field is read once.
    """

    def add_items(self, model, objs):
        if not model.get_search_fields() or not objs:
            return
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        with _related_objects_prefetched(model, objs):
            indexers = [
                LanguageObjectIndexer(
                    obj,
                    self.backend,
                    self.backend.config_for_language(
                        languages.get(getattr(obj, "locale_id", None))
                    ),
                )
                for obj in objs
            ]
            self._upsert(get_content_type_pk(model), indexers)
        self._refresh_title_norms()

    def _upsert(self, content_type_pk, indexers):
        """Wagtail's PostgresIndex.add_items statement, for prepared indexers."""
        rows, params = [], []
        for indexer in indexers:
            params.extend((content_type_pk, indexer.id))
            vectors = []
            for sql, vector_params in indexer.vectors():
                vectors.append(sql)
                params.extend(vector_params)
            params.extend((indexer.title_text, indexer.body_text))
            rows.append(f"(%s, %s, {', '.join(vectors)}, 1.0, %s, %s)")
        table = IndexEntry._meta.db_table
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {table} (content_type_id, object_id, title, autocomplete,
                                     body, title_norm, title_text, body_text)
                (VALUES {", ".join(rows)})
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title,
                              title_norm = 1.0,
                              autocomplete = EXCLUDED.autocomplete,
                              body = EXCLUDED.body,
                              title_text = EXCLUDED.title_text,
                              body_text = EXCLUDED.body_text
                """,  # noqa: S608 – table name from the model, values as parameters
                params,
            )


@contextmanager
def _related_objects_prefetched(model, objs):
    """Related objects of `RelatedFields` fetched in one query per relation.

    Wagtail's `get_indexed_objects()` asks for prefetch_related, but modelcluster's
    ParentalManyToManyField (issuing partners of a press release) ignores Django's
    prefetch cache and queries per object. Its own cache (`_cluster_related_objects`)
    is filled for the indexing; both caches lose what was added here afterwards, and an
    object that already carries unsaved cluster state (a page built from a revision)
    keeps it.
    """
    names = [
        field.field_name
        for field in model.get_search_fields()
        if isinstance(field, RelatedFields)
    ]
    filled = []  # (cache dict, name) of every entry added here, removed afterwards
    for name in names:
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if not field.many_to_many:
            continue
        missing = [
            obj
            for obj in objs
            if name not in getattr(obj, "_prefetched_objects_cache", {})
        ]
        prefetch_related_objects(missing, name)
        filled.extend((obj._prefetched_objects_cache, name) for obj in missing)
        if not isinstance(field, ParentalManyToManyField):
            continue
        for obj in objs:
            cluster = obj.__dict__.setdefault("_cluster_related_objects", {})
            prefetched = obj._prefetched_objects_cache.get(name)
            if name not in cluster and prefetched is not None:
                cluster[name] = list(prefetched)
                filled.append((cluster, name))
    try:
        yield
    finally:
        for cache, name in filled:
            cache.pop(name, None)


class LocalePostgresSearchBackend(PostgresSearchBackend):
    """PostgreSQL full-text search with German and English stemming in one index."""

    query_compiler_class = LocaleSearchQueryCompiler
    index_class = LocalePostgresIndex

    def __init__(self, params):
        super().__init__(params)
        self.search_configs = {
            **DEFAULT_SEARCH_CONFIGS,
            **params.get("SEARCH_CONFIGS", {}),
        }
        # Objects without a locale (documents, images) are indexed in the site's
        # default language.
        self.config = self.config_for_language(settings.LANGUAGE_CODE)

    def config_for_language(self, language_code):
        code = (language_code or settings.LANGUAGE_CODE).split("-")[0].lower()
        return self.search_configs.get(code, FALLBACK_CONFIG)
