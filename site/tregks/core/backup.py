"""Backup and restore of the whole site: database content and media files in one archive.

The archive (tar.gz) holds
- manifest.json: when, from which database, and counts to check a restore against;
- database.json: every row as Django fixtures (dumpdata), so a backup restores into
  SQLite or PostgreSQL alike;
- media/...: every file of the media storage (local folder or S3), via the storage API.

Content types and permissions travel with their primary keys (every row refers to them
by key). Sessions, login-attempt logs and the search index are left out; the index is
rebuilt after a restore.

Editors may save while a backup runs. Every row is read in one snapshot (on PostgreSQL
a REPEATABLE READ, READ ONLY transaction; a SQLite read transaction is one anyway), so a
page never points at a revision the dump lacks. The archive is checked (every reference
resolves, every member reads back to its end) before the backup reports success, and
again before a restore touches the database (tregks.core.backup_checks).
See docs/operations.md.
"""

import contextlib
import hashlib
import io
import json
import os
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from .backup_checks import BrokenBackup, check_dump, verify_archive

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


@contextlib.contextmanager
def snapshot():
    """One transaction in which every query sees the database at the same moment.

    PostgreSQL's default, READ COMMITTED, gives each query its own moment: a revision
    table read before an editor publishes and a page table read after it do not fit
    together. REPEATABLE READ fixes the moment at the first query. Inside an outer
    transaction (tests) the level can no longer be changed; the outer one decides.
    """
    connection.ensure_connection()
    outer = connection.in_atomic_block
    with transaction.atomic():
        if connection.vendor == "postgresql" and not outer:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"
                )
        yield


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        while block := source.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


class BackupError(Exception):
    pass


def create_backup(path, stdout=None):
    """Write the archive to path; returns the manifest.

    The archive is written under a temporary name beside path and renamed only after
    it has been read back and checked: a failed backup (disk full, inconsistent dump)
    never leaves a file that looks like a good one.
    """
    path = Path(path)
    partial = path.with_name(f".{path.name}.partial")
    excluded = excluded_models()
    with tempfile.TemporaryDirectory() as folder:
        dump = Path(folder) / "database.json"
        with snapshot():
            call_command("dumpdata", exclude=excluded, output=str(dump), verbosity=0)
            counts = site_counts()
        try:
            check_dump(dump, excluded)
        except BrokenBackup as error:
            raise BackupError(f"The database dump is inconsistent: {error}") from error
        manifest = {
            "format": FORMAT_VERSION,
            "created": timezone.now().isoformat(),
            "database_vendor": connection.vendor,
            "database_sha256": sha256_of(dump),
            "counts": counts,
        }
        try:
            vanished = write_archive(partial, manifest, dump)
            verify_archive(partial, manifest, excluded)
        except BrokenBackup as error:
            partial.unlink(missing_ok=True)
            raise BackupError(f"The archive failed its check: {error}") from error
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    os.replace(partial, path)
    if stdout:
        stdout.write(
            f"Backup written to {path}: {counts['pages']} pages, "
            f"{counts['revisions']} revisions, {manifest['media_files']} media files."
        )
        if vanished:
            stdout.write(
                f"{len(vanished)} media files were deleted while the backup ran and "
                f"are not in it: {', '.join(vanished[:10])}"
            )
    return manifest


def write_archive(path, manifest, dump):
    """Manifest, database dump and media files; returns the names that vanished.

    A file deleted between listing and reading (an editor deleting a document during
    the backup) is left out and reported rather than failing the whole backup.
    """
    files = []
    vanished = []
    for name in sorted(storage_files()):
        try:
            with default_storage.open(name, "rb") as source:
                files.append((name, source.read()))
        except FileNotFoundError:
            vanished.append(name)
    manifest["media_files"] = len(files)
    with tarfile.open(path, "w:gz") as archive:
        _add_bytes(archive, "manifest.json", json.dumps(manifest, indent=2).encode())
        archive.add(dump, arcname="database.json")
        for name, data in files:
            _add_bytes(archive, f"media/{name}", data)
    return vanished


class RestoreError(Exception):
    pass


def database_is_empty():
    """True for a freshly migrated database: Wagtail's two initial pages at most."""
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
        raise RestoreError(
            f"{path} is not a site backup, or it is damaged or incomplete (not a "
            f"readable tar.gz: {error})."
        ) from error
    except (KeyError, ValueError) as error:
        raise RestoreError(f"{path} is not a site backup (no manifest).") from error
    if manifest.get("format") != FORMAT_VERSION:
        raise RestoreError(f"Unknown backup format {manifest.get('format')!r}.")
    return manifest


def load_rows(dump):
    """Replace every row by the dump's, in one transaction: all or nothing."""
    # Content types first. A page type's row is built before its Page row exists, and
    # Wagtail then looks up (and, if missing, creates) its content type: a type the
    # backup lists later would clash with the one made under a new key.
    rows = json.loads(dump.read_text(encoding="utf-8"))
    rows.sort(key=lambda row: row.get("model") != "contenttypes.contenttype")
    dump.write_text(json.dumps(rows), encoding="utf-8")
    with transaction.atomic():
        # Empty every table, content types included (the backup has its own, with
        # the keys its rows use); Wagtail's initial pages go too.
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        # Keys cached from before the flush would point at the emptied table.
        ContentType.objects.clear_cache()
        if SQLITE_FTS_TABLE in connection.introspection.table_names():
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {SQLITE_FTS_TABLE}")  # noqa: S608
        call_command("loaddata", str(dump), verbosity=0)


def check_archive(path):
    """The manifest of a complete, consistent backup; RestoreError otherwise."""
    manifest = read_manifest(path)
    try:
        verify_archive(path, manifest, excluded_models())
    except BrokenBackup as error:
        raise RestoreError(f"{path} cannot be restored: {error}") from error
    return manifest


def restore_backup(path, force=False, stdout=None, manifest=None):
    """Restore an archive into the current (migrated) database and media storage.

    manifest: what check_archive(path) returned, when the caller has checked already.
    """
    manifest = manifest or check_archive(path)
    with tarfile.open(path, "r:gz") as archive:
        if not force and not database_is_empty():
            raise RestoreError(
                "The database already holds content. Restore into an empty, migrated "
                "database, or pass --force to replace everything in it."
            )
        with tempfile.TemporaryDirectory() as folder:
            dump = Path(folder) / "database.json"
            dump.write_bytes(archive.extractfile("database.json").read())
            try:
                load_rows(dump)
            except DatabaseError as error:
                raise RestoreError(
                    f"The rows of {path} could not be loaded ({error}). The database "
                    "was left as it was; no media files were written."
                ) from error
            restored_files = 0
            for member in archive.getmembers():
                if not member.isfile() or not member.name.startswith("media/"):
                    continue
                name = member.name.removeprefix("media/")
                if ".." in Path(name).parts or name.startswith("/"):
                    raise RestoreError(f"Unsafe file name in the backup: {name!r}.")
                try:
                    if default_storage.exists(name):
                        default_storage.delete(name)
                    default_storage.save(
                        name, ContentFile(archive.extractfile(member).read())
                    )
                except OSError as error:  # media disk full, read-only, S3 refusing
                    raise RestoreError(
                        f"The database rows are restored, but media file {name} "
                        f"could not be written ({error}). Fix the media storage, then "
                        "run restore_site again with --force."
                    ) from error
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
