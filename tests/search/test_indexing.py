"""Language-correct indexing and an index the search query can use (PostgreSQL).

`LocalePostgresIndex.add_items` groups a batch by language and hands each group to
modelsearch's own `PostgresIndex.add_items` with that language's configuration.
"""

import copy

from django.db import connection

from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

import pytest
from modelsearch.backends.database.postgres.postgres import PostgresIndex
from modelsearch.index import get_indexed_models

from search.pages import searchable_pages

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("Needs PostgreSQL (run with TEST_DATABASE_URL).")


def index_rows():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT content_type_id, object_id, title::text, body::text, "
            "autocomplete::text, title_text, body_text "
            "FROM wagtailsearch_indexentry ORDER BY 1, 2"
        )
        return cursor.fetchall()


def index_as_wagtail_does(backend):
    """Wagtail's own PostgresIndex.add_items, once per language configuration."""
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    for model in get_indexed_models():
        index = backend.get_index_for_model(model)
        groups = {}
        for obj in model.get_indexed_objects():
            language = languages.get(getattr(obj, "locale_id", None))
            groups.setdefault(backend.config_for_language(language), []).append(obj)
        for config, objs in groups.items():
            index.backend = copy.copy(backend)
            index.backend.config = config
            PostgresIndex.add_items(index, model, objs)
        index.backend = backend


def test_update_index_writes_what_wagtails_indexer_writes():
    from django.core.management import call_command

    from news.factories import PressReleasePageFactory

    german = PressReleasePageFactory(
        title="Zwirbelverbindungen", english={"title": "Zwirbelconnecting"}
    )
    english = german.get_translation(Locale.objects.get(language_code="en"))
    backend = get_search_backend()
    call_command("update_index", verbosity=0)
    ours = index_rows()
    index_as_wagtail_does(backend)
    # The test's pages are in the index, each stemmed in its own language.
    titles = {row[1]: row[2] for row in ours}
    assert "zwirbelverbind" in titles[str(german.pk)]
    assert "zwirbelconnect" in titles[str(english.pk)]
    assert ours == index_rows()


def test_unsaved_issuing_partners_are_indexed_and_left_in_place():
    """A page built from a revision carries its partners in memory; they count."""
    from news.factories import PressReleasePageFactory
    from partners.factories import PartnerProfilePageFactory

    release = PressReleasePageFactory()
    partner = PartnerProfilePageFactory(title="Zwirbelpartner")
    release.issuing_partners.set([partner])  # in memory only (modelcluster)
    get_search_backend().add(release)

    assert list(release.issuing_partners.all()) == [partner]
    found = searchable_pages(release.locale).search(partner.title, operator="and")
    assert release.pk in {page.pk for page in found}


def test_after_indexing_objects_read_their_relations_from_the_database_again():
    from news.factories import PressReleasePageFactory
    from news.models import PressReleasePage
    from partners.factories import PartnerProfilePageFactory

    release = PressReleasePageFactory()
    release.issuing_partners.set([PartnerProfilePageFactory()])
    release.save_revision().publish()
    release = PressReleasePage.objects.get(pk=release.pk)
    assert release.issuing_partners.exists()
    get_search_backend().add_bulk(PressReleasePage, [release])
    assert "issuing_partners" not in getattr(release, "_cluster_related_objects", {})


def test_the_search_query_can_use_the_title_and_body_index():
    """The search filters on `title || body`; the migration's GIN index has that expression."""
    locale = Locale.objects.get(language_code="de")
    results = searchable_pages(locale).search("Zwirbelnetzwerk", operator="and")[:12]
    sql, _params = results.get_queryset().query.sql_with_params()
    table = '"wagtailsearch_indexentry"'
    assert f'({table}."title" || {table}."body") @@' in sql

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s",
            ["site_search_title_body_gin"],
        )
        assert "gin (((title || body)))" in cursor.fetchone()[0]
        # A small test table is cheaper to scan; forbid that to see the index chosen.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM wagtailsearch_indexentry "
            "WHERE (title || body) @@ to_tsquery('german', 'Zwirbelnetzwerk')"
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "site_search_title_body_gin" in plan


def test_a_release_saved_by_an_editor_is_indexed_reading_its_partners_once():
    """modelsearch reads a RelatedFields value once per index column; the page hands it
    its partners prefetched (BasePage.get_indexed_instance), so a publish costs one
    read of them, and the index still holds their names."""
    from django.test.utils import CaptureQueriesContext

    from modelsearch.index import insert_or_update_object

    from news.factories import PressReleasePageFactory
    from news.models import PressReleasePage
    from partners.factories import PartnerProfilePageFactory

    release = PressReleasePageFactory()
    release.issuing_partners.set(
        [PartnerProfilePageFactory(title=f"Zwirbelpartner {n}") for n in (1, 2)]
    )
    release.save_revision().publish()
    through = PressReleasePage.issuing_partners.through._meta.db_table

    # As the save signal's task does: the page read afresh, then indexed.
    with CaptureQueriesContext(connection) as queries:
        insert_or_update_object(PressReleasePage.objects.get(pk=release.pk))

    partner_reads = [q for q in queries if through in q["sql"]]
    assert len(partner_reads) == 1, [q["sql"] for q in partner_reads]
    found = searchable_pages(release.locale).search("Zwirbelpartner", operator="and")
    assert release.pk in {page.pk for page in found}
