"""Backup and restore of the whole site: database content and media files in one archive.

The archive (tar.gz) holds
- manifest.json: when, from which database, and counts to check a restore against;
- database.json: every row as Django fixtures (dumpdata), so a backup restores into
  SQLite or PostgreSQL alike;
- media/...: every file of the media storage (local folder or S3), via the storage API.

Content types and permissions travel with their primary keys (every row refers to them
by key). Sessions, login-attempt logs and the search index are left out; the index is
rebuilt after a restore.
See docs/operations.md.
"""

import io
import json
import tarfile
import tempfile
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

FORMAT_VERSION = 1
EXCLUDED_MODELS = [
    "sessions",
    "axes",
    "wagtailsearch.indexentry",
    "wagtailsearch.sqliteftsindexentry",  # exists on SQLite only
]
# The full-text table behind the SQLite search index, unknown to flush.
SQLITE_FTS_TABLE = "wagtailsearch_indexentry_fts"


def excluded_models():
    from django.apps import apps

    found = []
    for label in EXCLUDED_MODELS:
        try:
            if "." in label:
                apps.get_model(label)
            else:
                apps.get_app_config(label)
        except LookupError:
            continue
        found.append(label)
    return found


def site_counts():
    """What a restore must bring back, counted the same way on both sides."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page, Revision

    return {
        "pages": Page.objects.count(),
        "live_pages": Page.objects.live().count(),
        "revisions": Revision.objects.count(),
        "documents": get_document_model().objects.count(),
        "images": get_image_model().objects.count(),
    }


def storage_files(storage=default_storage, folder=""):
    """Every file name below a folder of a storage, recursively."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for name in folders:
        yield from storage_files(storage, f"{folder}/{name}" if folder else name)


def _add_bytes(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def create_backup(path, stdout=None):
    """Write the archive to path; returns the manifest."""
    with tempfile.TemporaryDirectory() as folder:
        dump = Path(folder) / "database.json"
        # One transaction: rows that refer to each other are dumped consistently.
        with transaction.atomic():
            call_command(
                "dumpdata",
                exclude=excluded_models(),
                output=str(dump),
                verbosity=0,
            )
            counts = site_counts()
        media = sorted(storage_files())
        manifest = {
            "format": FORMAT_VERSION,
            "created": timezone.now().isoformat(),
            "database_vendor": connection.vendor,
            "counts": counts,
            "media_files": len(media),
        }
        with tarfile.open(path, "w:gz") as archive:
            _add_bytes(
                archive, "manifest.json", json.dumps(manifest, indent=2).encode()
            )
            archive.add(dump, arcname="database.json")
            for name in media:
                with default_storage.open(name, "rb") as source:
                    _add_bytes(archive, f"media/{name}", source.read())
    if stdout:
        stdout.write(
            f"Backup written to {path}: {counts['pages']} pages, "
            f"{counts['revisions']} revisions, {len(media)} media files."
        )
    return manifest


class RestoreError(Exception):
    pass


def database_is_empty():
    """True for a freshly migrated database: Wagtail's two initial pages at most."""
    from django.contrib.auth import get_user_model

    from wagtail.models import Page

    return (
        not Page.objects.filter(depth__gt=2).exists()
        and not get_user_model().objects.exists()
    )


def read_manifest(path):
    """The archive's manifest; RestoreError if the file is not a backup of ours."""
    try:
        with tarfile.open(path, "r:gz") as archive:
            manifest = json.load(archive.extractfile("manifest.json"))
    except FileNotFoundError as error:
        raise RestoreError(f"{path} does not exist.") from error
    except (tarfile.TarError, OSError, EOFError) as error:
        raise RestoreError(f"{path} is not a site backup (not a tar.gz).") from error
    except (KeyError, ValueError) as error:
        raise RestoreError(f"{path} is not a site backup (no manifest).") from error
    if manifest.get("format") != FORMAT_VERSION:
        raise RestoreError(f"Unknown backup format {manifest.get('format')!r}.")
    return manifest


def restore_backup(path, force=False, stdout=None):
    """Restore an archive into the current (migrated) database and media storage."""
    manifest = read_manifest(path)
    with tarfile.open(path, "r:gz") as archive:
        if not force and not database_is_empty():
            raise RestoreError(
                "The database already holds content. Restore into an empty, migrated "
                "database, or pass --force to replace everything in it."
            )
        with tempfile.TemporaryDirectory() as folder:
            dump = Path(folder) / "database.json"
            dump.write_bytes(archive.extractfile("database.json").read())
            with transaction.atomic():
                # Empty every table, content types included (the backup has its own,
                # with the keys its rows use); Wagtail's initial pages go too.
                call_command(
                    "flush", interactive=False, inhibit_post_migrate=True, verbosity=0
                )
                if SQLITE_FTS_TABLE in connection.introspection.table_names():
                    with connection.cursor() as cursor:
                        cursor.execute(f"DELETE FROM {SQLITE_FTS_TABLE}")  # noqa: S608
                call_command("loaddata", str(dump), verbosity=0)
            restored_files = 0
            for member in archive.getmembers():
                if not member.isfile() or not member.name.startswith("media/"):
                    continue
                name = member.name.removeprefix("media/")
                if ".." in Path(name).parts or name.startswith("/"):
                    raise RestoreError(f"Unsafe file name in the backup: {name!r}.")
                if default_storage.exists(name):
                    default_storage.delete(name)
                default_storage.save(
                    name, ContentFile(archive.extractfile(member).read())
                )
                restored_files += 1
    # Content types and permissions of models newer than the backup, then the index.
    call_command("migrate", interactive=False, verbosity=0)
    call_command("update_index", verbosity=0)
    counts = site_counts()
    if counts != manifest["counts"]:
        raise RestoreError(
            f"The restored site differs from the backup: {counts} != {manifest['counts']}."
        )
    if stdout:
        stdout.write(
            f"Restored {counts['pages']} pages, {counts['revisions']} revisions and "
            f"{restored_files} media files from {path}."
        )
    return manifest
