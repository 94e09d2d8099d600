"""Backup and restore round trip, shared by test_backup.py (into SQLite) and
test_backup_postgres.py (into PostgreSQL): the facts a restore must bring back, and the
round trip itself."""

import json
import tarfile

from django.core.management import call_command

from wagtail.models import Revision

from tests.serving import run_manage, site_env

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


def second_restore(archive):
    """Run in the restored site after REPORT (one Django start for both): a second
    restore would overwrite the restored site and is refused without --force."""
    return f"""
from django.core.management import call_command
from django.core.management.base import CommandError
try:
    call_command("restore_site", {str(archive)!r})
except CommandError as refusal:
    print("refused:", refusal)
"""


def report_here():
    namespace = {}
    exec(FACTS, namespace)  # noqa: S102 - the test's own source, see above
    return namespace["site_facts"]()


def check_round_trip(site_with_history, empty_database, tmp_path):
    """Back up the test database, restore into empty_database (a URL) in another
    process and compare what both hold; a second restore is refused."""
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

    report = run_manage("shell", "-c", REPORT + second_restore(archive), env=env)
    assert report.returncode == 0, report.stderr
    *_, facts, refusal = report.stdout.strip().splitlines()
    assert json.loads(facts) == json.loads(json.dumps(expected))
    assert refusal.startswith("refused:")
    assert "already holds content" in refusal
