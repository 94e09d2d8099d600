"""An index on the pages' url_path, which Wagtail does not index.

`tregks.core.routing` finds all pages on a request's path with one
`url_path IN (...)` query. Without an index PostgreSQL reads every page of the site
for it: 2 to 4 ms at 22,000 pages, growing with the archive, on every uncached request.
PostgreSQL gets a hash index (equality only, and no size limit on a long path, where a
B-tree entry may not exceed about 2.7 KB); SQLite a plain one.
"""

from django.db import migrations

INDEX_NAME = "tregks_page_url_path"


def create_index(apps, schema_editor):
    table = schema_editor.quote_name("wagtailcore_page")
    method = "USING hash " if schema_editor.connection.vendor == "postgresql" else ""
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON {table} {method}(url_path)"
    )


def drop_index(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX_NAME}")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
