"""A backup taken while editors keep saving and publishing restores into a fresh database.

Before the snapshot transaction, PostgreSQL's READ COMMITTED let the dump read the
revision table before a publish and the page table after it: the page then pointed at
a revision the backup lacked, and the restore failed with an IntegrityError after the
backup had reported success (issue 17, item 3).

Three processes share a copy of the demo site: an editor process saving revisions and
publishing pages without pause, backup_site, and afterwards restore_site into an empty
database. The test process only builds the databases and reads the results. The
demo site is the data because the backup must carry a whole site (every page type,
revisions, files); the test asserts no demo wording.
"""

import json
import os
import subprocess
import sys
import time

import pytest

from tests import demo_database
from tests.demo_database import copy_of_migrated_sqlite_file
from tests.serving import ROOT, copy_of_demo_database, run_manage, site_env

pytestmark = [pytest.mark.slow]

# The editor: every round saves a revision of one of twelve pages; every second round
# publishes it. Progress (rounds done) goes to a file after each round, replaced whole
# so that a reader never sees it truncated (a read of the empty file counted 0 rounds).
EDITOR = """
import os, time
from pathlib import Path
from django.db import OperationalError
from wagtail.models import Page

progress = Path(os.environ["EDITOR_PROGRESS"])
stop = Path(os.environ["EDITOR_STOP"])
pages = [
    page.specific
    for page in Page.objects.live().filter(depth__gt=2).order_by("path")[:12]
]
done = 0
while not stop.exists():
    page = pages[done % len(pages)]
    page.title = f"{page.title.split(' [')[0]} [{done}]"
    try:
        revision = page.save_revision()
        if done % 2:
            revision.publish()
    except OperationalError:  # SQLite: the database is locked by the backup's reader
        time.sleep(0.05)
        continue
    done += 1
    # Written aside and renamed: the test must never read a half-written (empty) file.
    progress.with_suffix(".part").write_text(str(done))
    os.replace(progress.with_suffix(".part"), progress)
# The source's revisions when the editor stops, for the comparison with the backup.
from wagtail.models import Revision
print(Revision.objects.count())
"""

# What a restored site must satisfy: every page's latest and live revision exists and
# belongs to that page, and every page has its specific row.
CONSISTENCY = """
import json
from wagtail.models import Page, Revision

revisions = dict(Revision.objects.values_list("pk", "object_id"))
broken = []
for page in Page.objects.all():
    for name in ("latest_revision_id", "live_revision_id"):
        pk = getattr(page, name)
        if pk is not None and revisions.get(pk) != str(page.pk):
            broken.append([page.pk, name, pk])
    model = page.specific_class
    if model is not None and not model.objects.filter(pk=page.pk).exists():
        broken.append([page.pk, "specific", None])
print(json.dumps({"pages": Page.objects.count(), "revisions": len(revisions),
                  "broken": broken}))
"""


def rounds(progress):
    try:
        return int(progress.read_text())
    except FileNotFoundError:  # the editor has not finished its first round
        return 0


def last_json_line(output):
    return json.loads(output.strip().splitlines()[-1])


@pytest.fixture(
    params=[
        pytest.param("sqlite", marks=pytest.mark.served),
        pytest.param("postgres", marks=pytest.mark.postgres),
    ]
)
def databases(request, tmp_path):
    """(source, empty target) database URLs; the source holds the demo site."""
    if request.param == "sqlite":
        yield (
            f"sqlite:///{copy_of_demo_database()}",
            # Empty as `migrate` leaves it: no migration from zero in the restore.
            f"sqlite:///{copy_of_migrated_sqlite_file(tmp_path)}",
        )
        return
    yield from postgres_databases(tmp_path)


def postgres_databases(tmp_path):
    """Two databases beside the PostgreSQL pass's own: the source a copy of the pass's
    demo template (tests/demo_database.py, so the busy site is the demo without a
    second build), the target empty."""
    from django.db import connection

    import psycopg

    url = os.environ.get("TEST_DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        pytest.skip("needs PostgreSQL (the PostgreSQL pass runs it)")
    server, name = url.rsplit("/", 1)
    source, target = f"test_{name}_busy", f"test_{name}_restored"
    template = demo_database.postgres_template(connection.settings_dict, f"test_{name}")
    demo_database.create_postgres_from_template(
        connection.settings_dict, source, template
    )
    # Empty as `migrate` leaves it: no migration from zero in the restore.
    demo_database.create_postgres_from_template(
        connection.settings_dict,
        target,
        demo_database.migrated_postgres_template(
            connection.settings_dict, f"test_{name}"
        ),
    )
    yield f"{server}/{source}", f"{server}/{target}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        for database in (source, target):
            admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def test_a_backup_taken_while_editors_publish_restores_consistently(
    databases, tmp_path
):
    source, target = databases
    progress, stop = tmp_path / "progress", tmp_path / "stop"
    archive = tmp_path / "busy-backup.tar.gz"
    env = site_env(
        DATABASE_URL=source, EDITOR_PROGRESS=str(progress), EDITOR_STOP=str(stop)
    )
    editor = subprocess.Popen(  # noqa: S603
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", EDITOR],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while rounds(progress) < 5:  # the editor is really saving
            assert editor.poll() is None, editor.communicate()[1][-3000:]
            assert time.monotonic() < deadline, "the editor process never saved"
            time.sleep(0.2)
        before = rounds(progress)
        backup = run_manage("backup_site", "--output", str(archive), env=env)
        during = rounds(progress) - before
    finally:
        stop.touch()
        editor_output, editor_errors = editor.communicate(timeout=60)
    assert editor.returncode == 0, editor_errors[-3000:]
    assert backup.returncode == 0, backup.stderr[-3000:]
    assert "Backup written" in backup.stdout
    if "postgres" in source:
        # The editor really saved while the dump ran (SQLite makes writers wait).
        assert during >= 3, f"only {during} saves while the backup ran"

    restore_env = site_env(
        DJANGO_SETTINGS_MODULE="tregks.settings.dev",
        DATABASE_URL=target,
        MEDIA_ROOT=str(tmp_path / "restored-media"),
    )
    restored = run_manage("restore_site", str(archive), env=restore_env)
    assert restored.returncode == 0, restored.stderr[-3000:]
    assert "IntegrityError" not in restored.stderr

    result = run_manage("shell", "-c", CONSISTENCY, env=restore_env)
    assert result.returncode == 0, result.stderr[-3000:]
    facts = last_json_line(result.stdout)
    assert facts["broken"] == []
    assert facts["pages"] > 10
    # The snapshot ends where the backup began: later saves are not in it.
    assert facts["revisions"] < int(editor_output.strip().splitlines()[-1])
