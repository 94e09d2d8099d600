"""Backup and restore: a round trip into an empty database finds the same pages,
revisions and files.

The backup is taken of the whole demo site (every page type, revisions, workflow
states, files in collections), because a backup must carry all of it; the draft,
document, image and audio it checks by name are made here.
"""

import io
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management import call_command

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Revision
from wagtailmedia.models import get_media_model

import pytest
from PIL import Image as PILImage

from home.factories import ContentPageFactory
from tests.demo_database import copy_of_migrated_sqlite_file
from tests.serving import ROOT, site_env

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

# The facts a restore must bring back, computed the same way in this process and
# inside the restored site: pages, revisions, and every stored file (documents, images,
# audio and video) with its checksum.
FACTS = """
import hashlib
from django.core.files.storage import default_storage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision
from wagtailmedia.models import get_media_model


def checksum(name):
    with default_storage.open(name) as stored:
        return hashlib.sha256(stored.read()).hexdigest()


def files_of(model):
    return sorted([o.title, o.file.name, checksum(o.file.name)] for o in model.objects.all())


def site_facts():
    pages = sorted(
        [p.pk, p.title, p.url_path, p.live, p.latest_revision_id, p.locale.language_code]
        for p in Page.objects.all()
    )
    revisions = sorted(
        [r.pk, r.object_id, r.content.get("title")] for r in Revision.objects.all()
    )
    return {
        "pages": pages,
        "revisions": revisions,
        "documents": files_of(get_document_model()),
        "images": files_of(get_image_model()),
        "media": files_of(get_media_model()),
    }
"""
REPORT = FACTS + "\nimport json\nprint(json.dumps(site_facts()))\n"


def report_here():
    namespace = {}
    exec(FACTS, namespace)  # noqa: S102 - the test's own source, see above
    return namespace["site_facts"]()


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
    """The demo site plus a draft revision, an uploaded document, image and audio."""
    page = ContentPageFactory(title="Impressum im Test")
    page.save_revision().publish()
    page.title = "Impressum (Entwurf zur Sicherung)"
    page.save_revision()
    root = Collection.get_first_root_node()
    get_document_model().objects.create(
        title="Jahresbericht 2025",
        file=ContentFile(b"%PDF-1.4\nJahresbericht\n%%EOF\n", name="jahresbericht.pdf"),
        collection=root,
    )
    picture = io.BytesIO()
    PILImage.new("RGB", (8, 6), "teal").save(picture, "PNG")
    get_image_model().objects.create(
        title="Netzwerktreffen",
        file=ImageFile(io.BytesIO(picture.getvalue()), name="netzwerktreffen.png"),
        collection=root,
    )
    get_media_model().objects.create(
        title="Folge zur Sicherung",
        type="audio",
        duration=12,
        file=ContentFile(
            b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\xff\xfb" * 64, name="folge.mp3"
        ),
        collection=root,
    )
    return page


def target_databases():
    yield pytest.param("sqlite", id="into-sqlite")
    yield pytest.param("postgres", id="into-postgres", marks=pytest.mark.postgres)


@pytest.fixture
def empty_database(request, tmp_path):
    if request.param == "sqlite":
        # Empty as `migrate` leaves it (the suite's migrated demo schema, before the
        # demo's content): restore_site's own migrate then has nothing to do.
        yield f"sqlite:///{copy_of_migrated_sqlite_file(tmp_path)}"
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
    for uploaded in ("jahresbericht", "netzwerktreffen", "folge"):
        assert any(uploaded in name for name in names), uploaded
    for kind, title in [
        ("documents", "Jahresbericht 2025"),
        ("images", "Netzwerktreffen"),
        ("media", "Folge zur Sicherung"),
    ]:
        assert title in [entry[0] for entry in expected[kind]], kind
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


def not_a_backup(tmp_path, kind):
    path = tmp_path / "backup.tar.gz"
    if kind == "tar without manifest":
        with tarfile.open(path, "w:gz") as archive:
            archive.add(Path(tempfile.mkstemp()[1]), arcname="something.txt")
    elif kind == "text file":
        path.write_text("Dies ist keine Sicherung.")
    return path  # "missing": never written


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("tar without manifest", "not a site backup"),
        ("text file", "not a site backup"),
        ("missing", "does not exist"),
    ],
)
def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path, kind, message):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match=message):
        call_command("restore_site", str(not_a_backup(tmp_path, kind)))
