"""Checks that a backup archive can be restored, before anyone relies on it.

A dump whose rows come from different moments (a page pointing at a revision the dump
lacks) loads with an IntegrityError, or on a database without enforced constraints
loads into a broken site. These checks find that in the archive itself: every foreign
key the database enforces and every many-to-many value must point at a row that is in
the dump.
"""

import hashlib
import json
import tarfile
from collections import defaultdict

from django.apps import apps


class BrokenBackup(Exception):
    pass


def _key(value):
    return str(value)


def _is_excluded(model, excluded):
    return model._meta.app_label in excluded or model._meta.label_lower in excluded


def check_dump(dump, excluded=()):
    """Raise BrokenBackup when a row of the dump refers to a row it does not hold.

    dump: a path or an open binary file of Django's JSON fixtures (dumpdata);
    excluded: app labels and app.model labels left out of backups on purpose.
    """
    if hasattr(dump, "read"):
        rows = json.load(dump)
    else:
        with open(dump, "rb") as source:
            rows = json.load(source)
    if not isinstance(rows, list):
        raise BrokenBackup("database.json is not a list of rows.")

    # Values a reference may point at, per (model, field): primary keys, plus the
    # values of other fields for references that do not point at a primary key.
    present = defaultdict(set)
    parsed = []
    for row in rows:
        try:
            model = apps.get_model(row["model"])
        except (KeyError, LookupError, ValueError):
            continue  # a model this code no longer has: loaddata says so clearly
        parsed.append((model, row))
        concrete = model._meta.concrete_model
        present[(concrete, "pk")].add(_key(row.get("pk")))
        for name, value in row.get("fields", {}).items():
            present[(concrete, name)].add(_key(value))

    missing = []
    for model, row in parsed:
        fields = row.get("fields", {})
        for field in model._meta.local_fields:
            # Only references the database enforces; a log entry (db_constraint=False)
            # may name a page that has since been deleted.
            if not (field.many_to_one or field.one_to_one) or not field.db_constraint:
                continue
            target = field.related_model._meta.concrete_model
            if _is_excluded(target, excluded):
                continue
            # A child page's primary key is its link to the parent row.
            value = row.get("pk") if field.primary_key else fields.get(field.name)
            if value is None:
                continue
            column = "pk" if field.target_field.primary_key else field.target_field.name
            if _key(value) not in present[(target, column)]:
                missing.append(f"{row['model']} {row.get('pk')}: {field.name}={value}")
        for field in model._meta.local_many_to_many:
            target = field.related_model._meta.concrete_model
            if _is_excluded(target, excluded):
                continue
            missing.extend(
                f"{row['model']} {row.get('pk')}: {field.name}={value}"
                for value in fields.get(field.name) or []
                if _key(value) not in present[(target, "pk")]
            )
    if missing:
        shown = "; ".join(missing[:5])
        more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
        raise BrokenBackup(
            f"{len(missing)} rows refer to rows the backup does not hold: {shown}{more}."
        )
    return len(parsed)


def verify_archive(path, manifest, excluded=()):
    """Read every member to its end (gzip checks each block) and compare the dump.

    A truncated archive (disk full while writing, a broken copy) fails here rather
    than half-way through a restore.
    """
    try:
        with tarfile.open(path, "r:gz") as archive:
            seen = set()
            for member in archive:
                seen.add(member.name)
                if not member.isfile():
                    continue
                source = archive.extractfile(member)
                if member.name != "database.json":
                    while source.read(1 << 20):
                        pass
                    continue
                digest = hashlib.sha256()
                while block := source.read(1 << 20):
                    digest.update(block)
                expected = manifest.get("database_sha256")
                if expected and digest.hexdigest() != expected:
                    raise BrokenBackup(
                        "database.json does not match the checksum in the manifest."
                    )
            if "database.json" not in seen:
                raise BrokenBackup("the archive holds no database.json.")
            check_dump(archive.extractfile("database.json"), excluded)
    except (tarfile.TarError, EOFError, OSError, ValueError) as error:
        raise BrokenBackup(
            f"the archive is damaged or incomplete ({error})."
        ) from error
