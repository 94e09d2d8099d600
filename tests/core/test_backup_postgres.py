"""Backup and restore: a round trip into an empty PostgreSQL database, production's
(the round trip itself: backup_round_trip.py; into SQLite: test_backup.py)."""

import os

import pytest

from tests.demo_database import (
    create_postgres_from_template,
    migrated_postgres_template,
)

from .backup_round_trip import check_round_trip

# The whole demo site (demo_site), because a backup must carry all of it.
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.slow,
    pytest.mark.postgres,
    pytest.mark.usefixtures("demo_site"),
]


@pytest.fixture
def empty_postgres_database():
    from django.db import connection

    import psycopg

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (the PostgreSQL pass runs it)")
    settings = connection.settings_dict
    name = f"{settings['NAME']}_restore"
    admin_url = (
        f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:"
        f"{settings['PORT'] or 5432}/postgres"
    )
    # Empty as `migrate` leaves it, like the SQLite target (made once per key).
    pass_name = os.environ.get("TEST_DATABASE_URL", "").rsplit("/", 1)[-1]
    template = migrated_postgres_template(settings, f"test_{pass_name}")
    create_postgres_from_template(settings, name, template)
    yield admin_url.rsplit("/", 1)[0] + f"/{name}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_backup_restores_into_an_empty_postgres_database(
    site_with_history, empty_postgres_database, tmp_path
):
    check_round_trip(site_with_history, empty_postgres_database, tmp_path)
