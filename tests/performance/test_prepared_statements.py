"""PostgreSQL plans a query that repeats once per connection (settings/base.py)."""

from django.db import connection

from wagtail.models import Page

import pytest

from home.factories import ContentPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def prepared_count():
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_prepared_statements")
        return cursor.fetchone()[0]


def test_a_query_run_for_page_after_page_is_prepared_once():
    ContentPageFactory.create_batch(7)  # with the home page: eight pages to read
    before = prepared_count()
    ids = list(Page.objects.values_list("pk", flat=True)[:8])
    assert len(ids) == 8
    for pk in ids:  # the same statement with another value, as page renders do
        Page.objects.filter(pk=pk).first()
    assert prepared_count() == before + 1
