"""A restore refuses what is not a whole, consistent backup, before it touches the
database: not an archive, an archive cut short, a dump whose pages point at rows it
does not hold."""

import io
import json
import os
import tarfile
import tempfile
from pathlib import Path

from django.core.management import call_command

import pytest

from home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


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


@pytest.mark.django_db
def test_restore_refuses_a_backup_whose_pages_point_at_missing_revisions(tmp_path):
    """A torn dump (as the old backup wrote it) is refused before the database is
    touched, with a message naming the broken reference."""
    import tarfile

    from django.core.management import call_command
    from django.core.management.base import CommandError

    from wagtail.models import Page

    ContentPageFactory().save_revision().publish()  # a page with its live revision
    archive = tmp_path / "backup.tar.gz"
    call_command("backup_site", output=str(archive), stdout=open(os.devnull, "w"))  # noqa: SIM115
    torn = tmp_path / "torn.tar.gz"
    with tarfile.open(archive) as good, tarfile.open(torn, "w:gz") as bad:
        manifest = json.load(good.extractfile("manifest.json"))
        manifest.pop("database_sha256")  # as an archive of the old format
        rows = json.load(good.extractfile("database.json"))
        page = Page.objects.filter(live_revision__isnull=False).first()
        rows = [
            row
            for row in rows
            if not (
                row["model"] == "wagtailcore.revision"
                and row["pk"] == page.live_revision_id
            )
        ]
        for name, data in [
            ("manifest.json", json.dumps(manifest).encode()),
            ("database.json", json.dumps(rows).encode()),
        ]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            bad.addfile(info, io.BytesIO(data))
    pages_before = Page.objects.count()
    with pytest.raises(CommandError, match="refer to rows the backup does not hold"):
        call_command("restore_site", str(torn), force=True)
    assert Page.objects.count() == pages_before


@pytest.mark.django_db
def test_restore_refuses_a_truncated_archive(tmp_path):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    archive = tmp_path / "backup.tar.gz"
    call_command("backup_site", output=str(archive), stdout=open(os.devnull, "w"))  # noqa: SIM115
    data = archive.read_bytes()
    archive.write_bytes(data[: len(data) * 2 // 3])  # a copy cut short (disk full)
    with pytest.raises(CommandError, match="damaged or incomplete"):
        call_command("restore_site", str(archive), force=True)
