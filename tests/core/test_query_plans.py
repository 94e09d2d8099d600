"""PostgreSQL plans every execution of a prepared statement for its own values.

The settings prepare repeated statements (settings/base.py, with_prepared_statements).
Left to itself PostgreSQL switches such a statement to a generic plan after five runs,
and a generic plan guesses that `path LIKE $1` (Wagtail's tree queries) matches one
row: on the large site the admin search's count went from 7 ms to 2.6 s that way
(docs/PERFORMANCE.md, "Prepared statements"). The server keeps count of the plans it
made for each prepared statement (pg_prepared_statements).
"""

from django.db import connection

from wagtail.models import Page

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("Needs PostgreSQL (run with TEST_DATABASE_URL).")


def test_every_connection_plans_each_execution_for_its_own_values():
    # A small test database rarely tempts PostgreSQL into a generic plan, so the
    # setting itself is checked; bench/admin.py shows the effect on the large site.
    with connection.cursor() as cursor:
        cursor.execute("SHOW plan_cache_mode")
        assert cursor.fetchone()[0] == "force_custom_plan"


def test_repeated_tree_queries_are_still_prepared_and_planned_each_time():
    root = Page.get_first_root_node()
    for _run in range(12):
        list(Page.objects.descendant_of(root).values_list("pk", flat=True)[:5])

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT generic_plans, custom_plans FROM pg_prepared_statements "
            "WHERE statement LIKE %s AND statement LIKE %s",
            ['%"wagtailcore_page"."path"%', "%LIKE%"],
        )
        plans = cursor.fetchall()
    assert plans, "the tree query was not prepared: are prepared statements on?"
    assert all(generic == 0 for generic, _custom in plans), plans
