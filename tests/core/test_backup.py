"""Backup and restore: a round trip into an empty database finds the same pages,
revisions and files."""

import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.management import call_command

from wagtail.documents import get_document_model
from wagtail.models import Collection, Page, Revision

import pytest

from tests.serving import ROOT, site_env

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

# Runs inside the restored site: the same facts, as JSON.
REPORT = """
import hashlib, json
from django.core.files.storage import default_storage
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision
pages = sorted(
    [p.pk, p.title, p.url_path, p.live, p.latest_revision_id, p.locale.language_code]
    for p in Page.objects.all()
)
revisions = sorted([r.pk, r.object_id, r.content.get("title")] for r in Revision.objects.all())
documents = sorted(
    [d.title, d.file.name, hashlib.sha256(default_storage.open(d.file.name).read()).hexdigest()]
    for d in get_document_model().objects.all()
)
print(json.dumps({"pages": pages, "revisions": revisions, "documents": documents}))
"""


def report_here():
    from django.core.files.storage import default_storage

    pages = sorted(
        [
            p.pk,
            p.title,
            p.url_path,
            p.live,
            p.latest_revision_id,
            p.locale.language_code,
        ]
        for p in Page.objects.all()
    )
    revisions = sorted(
        [r.pk, r.object_id, r.content.get("title")] for r in Revision.objects.all()
    )
    documents = sorted(
        [
            d.title,
            d.file.name,
            hashlib.sha256(default_storage.open(d.file.name).read()).hexdigest(),
        ]
        for d in get_document_model().objects.all()
    )
    return {"pages": pages, "revisions": revisions, "documents": documents}


def run_manage(*args, env):
    return subprocess.run(  # noqa: S603
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.fixture
def site_with_history():
    """The demo site plus a draft revision and an uploaded document."""
    page = Page.objects.get(slug="impressum").specific
    page.title = "Impressum (Entwurf zur Sicherung)"
    page.save_revision()
    get_document_model().objects.create(
        title="Jahresbericht 2025",
        file=ContentFile(b"%PDF-1.4\nJahresbericht\n%%EOF\n", name="jahresbericht.pdf"),
        collection=Collection.get_first_root_node(),
    )
    return page


def target_databases():
    yield pytest.param("sqlite", id="into-sqlite")
    yield pytest.param("postgres", id="into-postgres", marks=pytest.mark.postgres)


@pytest.fixture
def empty_database(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
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
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield admin_url.rsplit("/", 1)[0] + f"/{name}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.parametrize("empty_database", list(target_databases()), indirect=True)
def test_backup_restores_into_an_empty_database(
    site_with_history, empty_database, tmp_path
):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup_site", output=str(archive), stdout=open("/dev/null", "w"))  # noqa: SIM115
    expected = report_here()
    assert Revision.objects.filter(object_id=str(site_with_history.pk)).count() >= 2

    with tarfile.open(archive) as contents:
        names = contents.getnames()
        manifest = json.load(contents.extractfile("manifest.json"))
    assert "database.json" in names
    assert any(name.endswith("jahresbericht.pdf") for name in names)
    assert manifest["counts"]["pages"] == len(expected["pages"])

    env = site_env(
        DJANGO_SETTINGS_MODULE="tregks.settings.dev",
        DATABASE_URL=empty_database,
        MEDIA_ROOT=str(tmp_path / "restored-media"),
    )
    restored = run_manage("restore_site", str(archive), env=env)
    assert restored.returncode == 0, restored.stderr
    assert "Restored" in restored.stdout

    report = run_manage("shell", "-c", REPORT, env=env)
    assert report.returncode == 0, report.stderr
    assert json.loads(report.stdout.strip().splitlines()[-1]) == json.loads(
        json.dumps(expected)
    )

    # A second restore would overwrite the restored site: refused without --force.
    again = run_manage("restore_site", str(archive), env=env)
    assert again.returncode != 0
    assert "already holds content" in again.stderr


def test_restore_refuses_an_archive_that_is_not_a_backup(tmp_path):
    bogus = tmp_path / "bogus.tar.gz"
    with tarfile.open(bogus, "w:gz") as archive:
        archive.add(Path(tempfile.mkstemp()[1]), arcname="something.txt")
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="not a site backup"):
        call_command("restore_site", str(bogus))
