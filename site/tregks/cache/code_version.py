"""A fingerprint of the deployed code, part of every page cache key.

A deploy that changes a template, a view or a translation must show its pages at once,
and no process may read a cached value in the shape an older release stored it. The
counter in generation.py only moves when content changes, so the keys also carry this
fingerprint: processes of the old and the new release never share entries, also while
both run during a rolling deploy. The same files give the same fingerprint on every
server, so all processes of one release share one set of entries.
"""

import functools
import hashlib
import os
from pathlib import Path

from django.conf import settings

# What the rendered pages are made of: code, templates, translations, static sources
# and the pinned requirements.
SOURCE_SUFFIXES = (".py", ".html", ".txt", ".xml", ".mo", ".css", ".js", ".svg")
# Folders that do not shape a page (hidden folders such as .venv and .git are skipped too).
SKIPPED_FOLDERS = {"tests", "bench", "docs", "media", "staticfiles", "node_modules"}


@functools.cache
def code_version():
    root = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(
            name
            for name in subfolders
            if name not in SKIPPED_FOLDERS and not name.startswith((".", "__"))
        )
        for name in sorted(files):
            if name.endswith(SOURCE_SUFFIXES):
                path = Path(folder) / name
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
