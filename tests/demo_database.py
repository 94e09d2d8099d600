"""The demo site, built once and copied into every test database and test server.

Building it (migrate + load_demo) takes about a minute; copying it takes under a second.
The built database is kept in `.test-cache/` under a key made from everything that can
change it (the code and data outside tests/ and docs/, the installed Django, Wagtail and
wagtail-localize, the Python version), so a changed migration, model or demo file builds it
anew and an unchanged tree reuses it across runs:

- SQLite: a file `.test-cache/demo-<key>.sqlite3`, copied into the in-memory test
  database and into each test server's own file; beside it, when a test asks for one,
  `migrated-<key>.sqlite3`: an empty migrated site to restore backups into.
- PostgreSQL: a database `<test database>_demo_<key>` on the test server, used as the
  TEMPLATE of each test database (one per xdist worker).

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


def _build(database_url, listing, keep_migrated):
    """migrate + load_demo into database_url (a subprocess), then list its media.

    keep_migrated() is called between the two, while the database is as `migrate`
    leaves it: it keeps a copy for the restore tests, which would otherwise run a
    second `migrate` from zero (a minute of CPU on a cold cache).
    """
    from tests.serving import manage, site_env

    env = site_env(DATABASE_URL=database_url)
    manage("migrate", "--noinput", env=env)
    keep_migrated()
    # One process for the rest: each start of Django costs seconds of CPU.
    output = manage("shell", "-c", LOAD_DEMO + WARM_UP + MEDIA_LIST, env=env)
    listing.write_text(output.strip().splitlines()[-1])


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
                _build(
                    f"sqlite:///{building}",
                    listing,
                    keep_migrated=lambda: _keep_migrated_sqlite_file(building),
                )
                os.replace(building, path)
    return path


def _migrated_sqlite_path():
    return CACHE / f"migrated-{demo_key()}.sqlite3"


def _keep_migrated_sqlite_file(source):
    """Store a copy of a freshly migrated SQLite file as this key's migrated site."""
    migrated = _migrated_sqlite_path()
    with build_lock("migrated"):
        if migrated.exists():
            return
        for old in CACHE.glob("migrated-*"):
            old.unlink()
        partial = migrated.with_suffix(".partial")
        shutil.copy(source, partial)
        os.replace(partial, migrated)


def copy_of_sqlite_file():
    """A private copy of the demo file, for a server that may break its database."""
    folder = Path(tempfile.mkdtemp(prefix="tregks-site-"))
    path = folder / "site.sqlite3"
    shutil.copy(sqlite_file(), path)
    return path


def copy_of_migrated_sqlite_file(folder):
    """A copy of an empty site as `migrate` leaves it (tables, Wagtail's root page),
    made once per key like the demo: for restores that need not migrate from zero."""
    from tests.serving import manage, site_env

    migrated = _migrated_sqlite_path()
    if not migrated.exists():
        # A demo build keeps one on its way (_build): wait for one in progress.
        with build_lock("sqlite"):
            pass
    if not migrated.exists():
        with build_lock("migrated"):
            if not migrated.exists():
                for old in CACHE.glob("migrated-*"):
                    old.unlink()
                with tempfile.TemporaryDirectory(dir=CACHE) as building:
                    path = Path(building, "migrated.sqlite3")
                    env = site_env(DATABASE_URL=f"sqlite:///{path}")
                    manage("migrate", "--noinput", env=env)
                    os.replace(path, migrated)
    path = Path(folder) / "migrated.sqlite3"
    shutil.copy(migrated, path)
    return path


def load_sqlite_into(connection, rebuild=False):
    """Copy the demo file into an open sqlite3 connection (the in-memory test DB)."""
    import sqlite3

    source = sqlite3.connect(sqlite_file(rebuild=rebuild))
    try:
        source.backup(connection)
    finally:
        source.close()


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


def postgres_template(settings_dict, prefix, rebuild=False):
    """Name of a PostgreSQL database holding the demo site (built when missing)."""
    from psycopg import sql

    key = demo_key()
    name = f"{prefix}_demo_{key}"
    listing = CACHE / f"pgdemo-{prefix}-{key}.media.json"
    with build_lock(f"pg-{prefix}"), _postgres_admin(settings_dict) as admin:
        exists = admin.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if exists and not rebuild and _media_complete(listing):
            return name
        building = f"{prefix}_demo_building"
        for stale in (name, building):
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                    sql.Identifier(stale)
                )
            )
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(building)))
        _build(
            _url(settings_dict, building),
            listing,
            keep_migrated=lambda: _keep_migrated_postgres(
                settings_dict, prefix, building
            ),
        )
        admin.execute(
            sql.SQL("ALTER DATABASE {} RENAME TO {}").format(
                sql.Identifier(building), sql.Identifier(name)
            )
        )
        # Older builds of this test database's demo are not needed any more.
        old = admin.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s AND datname <> %s",
            [prefix.replace("_", "\\_") + "\\_demo\\_%", name],
        ).fetchall()
        for (stale,) in old:
            with contextlib.suppress(Exception):
                admin.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(stale))
                )
    return name


def _migrated_postgres_name(prefix):
    return f"{prefix}_migrated_{demo_key()}"


def _drop_old_migrated_postgres(admin, prefix):
    from psycopg import sql

    old = admin.execute(
        "SELECT datname FROM pg_database WHERE datname LIKE %s",
        [prefix.replace("_", "\\_") + "\\_migrated\\_%"],
    ).fetchall()
    for (stale,) in old:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(stale)
            )
        )


def _keep_migrated_postgres(settings_dict, prefix, source):
    """Copy a freshly migrated database (no one connected) as this key's migrated
    template: the PostgreSQL twin of _keep_migrated_sqlite_file."""
    from psycopg import sql

    name = _migrated_postgres_name(prefix)
    with build_lock(f"pg-{prefix}-migrated"), _postgres_admin(settings_dict) as admin:
        exists = admin.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if exists:
            return
        _drop_old_migrated_postgres(admin, prefix)
        admin.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(source)
            )
        )


def migrated_postgres_template(settings_dict, prefix):
    """Name of a PostgreSQL database of an empty site as `migrate` leaves it, made once
    per key like the demo (the demo build keeps one on its way): the template of
    restore targets that need not migrate from zero (the PostgreSQL twin of
    copy_of_migrated_sqlite_file)."""
    from psycopg import sql

    from tests.serving import manage, site_env

    name = _migrated_postgres_name(prefix)
    with build_lock(f"pg-{prefix}"):
        pass  # a demo build in progress keeps one on its way: wait for it
    with build_lock(f"pg-{prefix}-migrated"), _postgres_admin(settings_dict) as admin:
        exists = admin.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if exists:
            return name
        building = f"{prefix}_migrated_building"
        _drop_old_migrated_postgres(admin, prefix)
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(building)))
        env = site_env(DATABASE_URL=_url(settings_dict, building))
        manage("migrate", "--noinput", env=env)
        admin.execute(
            sql.SQL("ALTER DATABASE {} RENAME TO {}").format(
                sql.Identifier(building), sql.Identifier(name)
            )
        )
    return name


def create_postgres_from_template(settings_dict, name, template):
    from psycopg import sql

    with build_lock(f"pg-{template}"), _postgres_admin(settings_dict) as admin:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name)
            )
        )
        admin.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(template)
            )
        )


def drop_postgres(settings_dict, name):
    from psycopg import sql

    with _postgres_admin(settings_dict) as admin:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name)
            )
        )
