"""The test databases: the migrated site for every test, the demo site for some.

Every test database starts as `migrate` leaves it (Wagtail's root page, no content);
tests build what they check with the apps' factories. The demo site (migrate +
load_demo) is built only for the tests that serve it to a browser or another process
and for the tests of the demo itself. Both are built once and kept in `.test-cache/`
under a key made from everything that can change them (the code and data outside
tests/ and docs/, the installed Django, Wagtail and wagtail-localize, the Python
version), so a changed migration, model or demo file builds them anew and an unchanged
tree reuses them across runs:

- SQLite: `.test-cache/migrated-<key>.sqlite3`, copied into the in-memory test database
  and into restore targets; `demo-<key>.sqlite3` (made from a copy of it), copied into
  each test server's own file.
- PostgreSQL: databases `<test database>_migrated_<key>` (the TEMPLATE of each test
  database, one per xdist worker) and `<test database>_demo_<key>` (made from it).

The media files the demo made (images, audio) live in MEDIA_ROOT; a list of them is kept
beside the database, and the demo is built again when one is missing. A file lock makes
parallel workers and passes wait for one build. `pytest --create-db` builds anew.
"""

import contextlib
import fcntl
import hashlib
import importlib.metadata
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / ".test-cache"
# Folders whose files cannot change the demo database.
NOT_IN_KEY = {
    ".git",
    ".ci",
    ".venv",
    "node_modules",
    "tests",
    "docs",
    "bench",
    "staticfiles",
    "media",
    ".test-media",
    ".test-cache",
    ".hypothesis",
    ".ruff_cache",
    "__pycache__",
}
KEY_SUFFIXES = {".py", ".yaml", ".yml", ".json", ".po", ".mo"}
KEY_SUFFIXES |= {".png", ".jpg", ".jpeg", ".svg", ".mp3", ".webp", ".pdf"}
# Files of these names in the top folder do not shape the database either.
NOT_IN_KEY_AT_TOP = {"package.json", "package-lock.json", "requirements-dev.txt"}
PACKAGES = ("django", "wagtail", "wagtail-localize", "wagtailmedia", "modelsearch")

# Prints the media files the demo database points at (every FileField of every model).
MEDIA_LIST = """
import json
from django.apps import apps
from django.db.models import FileField
names = set()
for model in apps.get_models():
    for field in model._meta.get_fields():
        if isinstance(field, FileField) and field.concrete:
            names.update(model._base_manager.exclude(**{field.attname: ""})
                         .values_list(field.attname, flat=True))
print(json.dumps(sorted(name for name in names if name)))
"""

LOAD_DEMO = """
from django.core.management import call_command
call_command("load_demo")
"""

# Opens every live page once, so that the image renditions its templates ask for are in
# the database: otherwise each test makes them again (its transaction is rolled back).
WARM_UP = """
from django.test import Client
from wagtail.models import Page
client = Client(raise_request_exception=False)
for page in Page.objects.live().filter(depth__gt=1).specific().iterator():
    url = page.get_url()
    if url:
        client.get(url)
"""


def demo_key():
    """A short hash of everything that shapes the demo database."""
    digest = hashlib.sha256()
    for folder, subfolders, files in os.walk(ROOT):
        subfolders[:] = sorted(name for name in subfolders if name not in NOT_IN_KEY)
        for name in sorted(files):
            path = Path(folder, name)
            if Path(folder) == ROOT and name in NOT_IN_KEY_AT_TOP:
                continue
            if path.suffix in KEY_SUFFIXES or name == "requirements.txt":
                digest.update(str(path.relative_to(ROOT)).encode())
                digest.update(path.read_bytes())
    for package in PACKAGES:
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            digest.update(f"{package}={importlib.metadata.version(package)}".encode())
    digest.update((LOAD_DEMO + WARM_UP + MEDIA_LIST).encode())  # how the demo is built
    digest.update(sys.version.encode())
    return digest.hexdigest()[:12]


@contextlib.contextmanager
def build_lock(name):
    """One build of a kind at a time across processes (xdist workers, passes)."""
    CACHE.mkdir(exist_ok=True)
    with open(CACHE / f"{name}.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def media_root():
    return ROOT / ".test-media"


def _media_complete(listing):
    if not listing.exists():
        return False
    names = json.loads(listing.read_text())
    return all((media_root() / name).exists() for name in names)


def _load_demo(database_url, listing, warm_up=True):
    """load_demo into a migrated database (a subprocess), then list its media.
    `warm_up` opens every page once, for copies that are served page by page."""
    from tests.serving import manage, site_env

    env = site_env(DATABASE_URL=database_url)
    # One process for all three: each start of Django costs seconds of CPU.
    script = LOAD_DEMO + (WARM_UP if warm_up else "") + MEDIA_LIST
    output = manage("shell", "-c", script, env=env)
    listing.write_text(output.strip().splitlines()[-1])


def _migrate(database_url):
    from tests.serving import manage, site_env

    manage("migrate", "--noinput", env=site_env(DATABASE_URL=database_url))


# SQLite --------------------------------------------------------------------------------


def migrated_sqlite_file(rebuild=False):
    """Path of the SQLite file of the site as `migrate` leaves it (built when missing)."""
    path = CACHE / f"migrated-{demo_key()}.sqlite3"
    if not rebuild and path.exists():
        return path
    with build_lock("migrated"):
        if rebuild or not path.exists():
            for old in CACHE.glob("migrated-*"):
                old.unlink()
            with tempfile.TemporaryDirectory(dir=CACHE) as folder:
                building = Path(folder, "migrated.sqlite3")
                _migrate(f"sqlite:///{building}")
                os.replace(building, path)
    return path


def sqlite_file(rebuild=False):
    """Path of the SQLite file holding the demo site (built when missing or stale)."""
    key = demo_key()
    path = CACHE / f"demo-{key}.sqlite3"
    listing = CACHE / f"demo-{key}.media.json"
    if not rebuild and path.exists() and _media_complete(listing):
        return path
    with build_lock("sqlite"):
        if rebuild or not path.exists() or not _media_complete(listing):
            for old in CACHE.glob("demo-*"):
                old.unlink()
            with tempfile.TemporaryDirectory(dir=CACHE) as folder:
                building = Path(folder, "demo.sqlite3")
                shutil.copy(migrated_sqlite_file(), building)
                _load_demo(f"sqlite:///{building}", listing)
                os.replace(building, path)
    return path


def copy_of_sqlite_file():
    """A private copy of the demo file, for a server that may break its database."""
    folder = Path(tempfile.mkdtemp(prefix="tregks-site-"))
    path = folder / "site.sqlite3"
    shutil.copy(sqlite_file(), path)
    return path


def copy_of_migrated_sqlite_file(folder):
    """A copy of an empty site as `migrate` leaves it (tables, Wagtail's root page):
    for restores that need not migrate from zero."""
    path = Path(folder) / "migrated.sqlite3"
    shutil.copy(migrated_sqlite_file(), path)
    return path


def load_sqlite_file_into(connection, path):
    """Copy a SQLite file into an open sqlite3 connection (the in-memory test DB)."""
    import sqlite3

    source = sqlite3.connect(path)
    try:
        source.backup(connection)
    finally:
        source.close()


def load_migrated_sqlite_into(connection, rebuild=False):
    """Copy the migrated site into an open sqlite3 connection (the in-memory test DB)."""
    load_sqlite_file_into(connection, migrated_sqlite_file(rebuild=rebuild))


# PostgreSQL ----------------------------------------------------------------------------


def _postgres_admin(settings_dict):
    """An autocommit connection to the server's maintenance database."""
    import psycopg

    return psycopg.connect(
        dbname="postgres",
        host=settings_dict.get("HOST") or None,
        port=settings_dict.get("PORT") or None,
        user=settings_dict.get("USER") or None,
        password=settings_dict.get("PASSWORD") or None,
        autocommit=True,
        connect_timeout=10,
    )


def _url(settings_dict, name):
    from urllib.parse import quote

    user = quote(settings_dict.get("USER") or "")
    password = settings_dict.get("PASSWORD")
    auth = f"{user}:{quote(password)}@" if password else (f"{user}@" if user else "")
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{auth}{host}:{port}/{name}"


def _drop_other_keys(admin, prefix, kind, keep):
    """Drop the databases of older keys of this kind ("demo", "migrated")."""
    old = admin.execute(
        "SELECT datname FROM pg_database WHERE datname LIKE %s AND datname <> %s",
        [prefix.replace("_", "\\_") + f"\\_{kind}\\_%", keep],
    ).fetchall()
    for (stale,) in old:
        with contextlib.suppress(Exception):
            _drop(admin, stale)


def _drop(admin, *names):
    from psycopg import sql

    for name in names:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name)
            )
        )


def _exists(admin, name):
    return bool(
        admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    )


def migrated_postgres_template(settings_dict, prefix, rebuild=False):
    """Name of a PostgreSQL database of the site as `migrate` leaves it (built when
    missing): the template of each test database, of the demo and of restore targets."""
    from psycopg import sql

    name = f"{prefix}_migrated_{demo_key()}"
    with build_lock(f"pg-{prefix}-migrated"), _postgres_admin(settings_dict) as admin:
        if _exists(admin, name) and not rebuild:
            return name
        building = f"{prefix}_migrated_building"
        _drop(admin, name, building)
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(building)))
        _migrate(_url(settings_dict, building))
        admin.execute(
            sql.SQL("ALTER DATABASE {} RENAME TO {}").format(
                sql.Identifier(building), sql.Identifier(name)
            )
        )
        _drop_other_keys(admin, prefix, "migrated", name)
    return name


def postgres_template(settings_dict, prefix, rebuild=False):
    """Name of a PostgreSQL database holding the demo site (built when missing)."""
    from psycopg import sql

    key = demo_key()
    name = f"{prefix}_demo_{key}"
    listing = CACHE / f"pgdemo-{prefix}-{key}.media.json"
    migrated = migrated_postgres_template(settings_dict, prefix)
    with build_lock(f"pg-{prefix}"), _postgres_admin(settings_dict) as admin:
        if (
            not rebuild
            and _built_for_this_checkout(admin, name)
            and _media_complete(listing)
        ):
            return name
        building = f"{prefix}_demo_building"
        _drop(admin, name)
        create_postgres_from_template(settings_dict, building, migrated)
        # No warm-up: the PostgreSQL pass serves no browser; its few served pages (the
        # outage test) make their renditions themselves.
        _load_demo(_url(settings_dict, building), listing, warm_up=False)
        admin.execute(
            sql.SQL("ALTER DATABASE {} RENAME TO {}").format(
                sql.Identifier(building), sql.Identifier(name)
            )
        )
        admin.execute(
            sql.SQL("COMMENT ON DATABASE {} IS {}").format(
                sql.Identifier(name), sql.Literal(str(media_root()))
            )
        )
        _drop_other_keys(admin, prefix, "demo", name)
    return name


def _built_for_this_checkout(admin, name):
    """Whether the demo database exists and its files are in this checkout's media.

    Two checkouts of the same code (a working copy and a fresh clone) share the server
    and the database name, but each builds its demo files under its own random names:
    a demo built by the other checkout points at files this one lacks."""
    row = admin.execute(
        "SELECT shobj_description(oid, 'pg_database') FROM pg_database"
        " WHERE datname = %s",
        [name],
    ).fetchone()
    return row is not None and row[0] == str(media_root())


def create_postgres_from_template(settings_dict, name, template):
    from psycopg import sql

    with build_lock(f"pg-{template}"), _postgres_admin(settings_dict) as admin:
        _drop(admin, name)
        admin.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(template)
            )
        )


def drop_postgres(settings_dict, name):
    with _postgres_admin(settings_dict) as admin:
        _drop(admin, name)
