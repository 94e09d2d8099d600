"""When a page's search index entry is rewritten (tregks.core.search_index): after a
publish or any save of what the index holds, not after an editor saves a draft."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from news.factories import PressReleasePageFactory
from news.models import PressReleasePage
from search.pages import searchable_pages
from tregks.core.search_index import fields_in_the_index

pytestmark = pytest.mark.django_db

INDEX_TABLE = "wagtailsearch_indexentry"


def found(page, words):
    results = searchable_pages(page.locale).search(words, operator="and")
    return page.pk in {result.pk for result in results}


def index_writes(queries):
    return [
        query["sql"]
        for query in queries
        if INDEX_TABLE in query["sql"] and not query["sql"].startswith("SELECT")
    ]


def test_a_draft_leaves_the_index_alone_and_its_publication_updates_it():
    release = PressReleasePageFactory(title="Zwirbelmeldung")
    release.save_revision().publish()
    assert found(release, "Zwirbelmeldung")

    release.title = "Quirlmeldung"
    with CaptureQueriesContext(connection) as queries:
        revision = release.save_revision()
    assert index_writes(queries) == []
    assert not found(release, "Quirlmeldung"), "a draft's words are not public"

    revision.publish()
    assert found(release, "Quirlmeldung")
    assert not found(release, "Zwirbelmeldung")


def test_a_save_of_a_searched_field_alone_updates_the_index():
    release = PressReleasePageFactory(lead="Eine Zusammenfassung.")
    release.lead = "Die Wirbelschleppe kommt im Vorspann vor."
    release.save(update_fields=["lead"])
    assert found(release, "Wirbelschleppe")


def test_a_deleted_page_leaves_the_index():
    release = PressReleasePageFactory(title="Zwirbelabschied")
    release.save_revision().publish()
    locale = release.locale
    release.delete()
    assert not searchable_pages(locale).search("Zwirbelabschied").results()


def test_a_search_engine_also_keeps_the_filter_fields(settings):
    """Elasticsearch and OpenSearch filter in the index, so a save of the lock or
    of the revision date rewrites the entry there."""
    on_the_database = fields_in_the_index(PressReleasePage)
    assert {"title", "lead", "body", "issuing_partners"} <= on_the_database
    assert "latest_revision_created_at" not in on_the_database

    settings.SEARCH_BACKEND = "elasticsearch8"
    assert {"latest_revision_created_at", "locked", "title"} <= fields_in_the_index(
        PressReleasePage
    )
