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

from django.conf import settings
from django.db import connection
from django.db.models import F
from django.db.models.lookups import Exact, In
from django.db.models.sql.where import AND, WhereNode
from django.utils import translation

from wagtail.models import Locale

from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)

from tregks.cache.generation import cached_for_generation

from .ranking import TITLE_BOOST

DEFAULT_SEARCH_CONFIGS = {"de": "german", "en": "english"}
FALLBACK_CONFIG = "simple"


def SearchBackend(params):  # noqa: N802 – Wagtail imports this name from the module
    """The language-aware backend on PostgreSQL, Wagtail's database backend elsewhere."""
    if connection.vendor == "postgresql":
        return LocalePostgresSearchBackend(params)
    backend = DatabaseSearchBackend(params)
    if type(backend).__name__ == "SQLiteSearchBackend":  # SQLite with FTS5
        # Here, not at the top: the module it extends exists only on SQLite with FTS5.
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

    def get_config(self, backend):
        locale_id = _language_of_queryset(self.queryset)
        language = None
        if locale_id is not None:
            language = _locale_languages().get(locale_id)
        return backend.config_for_language(language or translation.get_language())


class LocalePostgresIndex(PostgresIndex):
    """Writes each object's tsvectors with the configuration of its own language.

    The objects of a batch are grouped by language, and each group is written by
    modelsearch's own `PostgresIndex.add_items` of a plain PostgreSQL backend whose
    `SEARCH_CONFIG` is that language's configuration (the backend's public setting).
    """

    def add_items(self, model, objs):
        if not objs:
            return
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        groups = {}
        for obj in objs:
            language = languages.get(getattr(obj, "locale_id", None))
            config = self.backend.config_for_language(language)
            groups.setdefault(config, []).append(obj)
        for config, group in groups.items():
            backend = self.backend.backend_for_config(config)
            backend.get_index_for_model(model).add_items(model, group)


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
        self.params = params
        self.backends_by_config = {}

    def backend_for_config(self, config):
        """modelsearch's own PostgreSQL backend with this text search configuration."""
        if config not in self.backends_by_config:
            params = {**self.params, "SEARCH_CONFIG": config}
            self.backends_by_config[config] = PostgresSearchBackend(params)
        return self.backends_by_config[config]

    def config_for_language(self, language_code):
        code = (language_code or settings.LANGUAGE_CODE).split("-")[0].lower()
        return self.search_configs.get(code, FALLBACK_CONFIG)
