"""Two indexes for the site search on Wagtail's tables (PostgreSQL only; SQLite searches
through its own FTS5 table).

- A GIN index on `title || body` of Wagtail's search index table. The search filters on
  the concatenation of the title and body vectors (`LocaleSearchQueryCompiler.
  get_index_vectors`); Wagtail only indexes each column alone, so without this index
  PostgreSQL checks the index entry of every page in the language, one by one (hundreds
  of milliseconds at 10,000 press releases). The expression must stay exactly what the
  query uses (tests/search/test_indexing.py checks both).
- A small partial index for the pages the search leaves out. `searchable_pages()`
  excludes untranslated aliases and pages past `expire_at` through a subquery on ids
  (search backends only filter on Wagtail's filter fields). Without it that subquery
  reads every page of the site for each search (20 ms at 22,000 pages); the index holds
  only the few pages that are an alias or have an expiry date.
"""

from django.db import migrations

INDEXES = {
    "site_search_title_body_gin": (
        "wagtailsearch_indexentry",
        "USING gin ((title || body))",
    ),
    "site_search_hidden_pages": (
        "wagtailcore_page",
        "(id) WHERE alias_of_id IS NOT NULL OR expire_at IS NOT NULL",
    ),
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, (table, definition) in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON "
            f"{schema_editor.quote_name(table)} {definition}"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    initial = True
    dependencies = [
        ("wagtailsearch", "0010_add_text_fields"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
