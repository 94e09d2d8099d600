"""Backup and restore: a round trip into an empty SQLite database finds the same pages,
revisions and files (into PostgreSQL: test_backup_postgres.py; the round trip itself:
backup_round_trip.py).

The backup is taken of the whole demo site (every page type, revisions, workflow
states, files in collections), because a backup must carry all of it; the draft,
document, image and audio it checks by name are made here.
"""

import pytest

from tests.demo_database import copy_of_migrated_sqlite_file

from .backup_round_trip import check_round_trip

# The whole demo site (demo_site), because a backup must carry all of it. The archive
# is the same JSON from either database, so the round trip into SQLite runs once, in
# the SQLite pass (into PostgreSQL, from PostgreSQL: test_backup_postgres.py).
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.slow,
    pytest.mark.any_database,
    pytest.mark.usefixtures("demo_site"),
]


def test_backup_restores_into_an_empty_sqlite_database(site_with_history, tmp_path):
    # Empty as `migrate` leaves it: restore_site's own migrate has nothing to do.
    target = f"sqlite:///{copy_of_migrated_sqlite_file(tmp_path)}"
    check_round_trip(site_with_history, target, tmp_path)
