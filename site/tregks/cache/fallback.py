"""Pages kept in this process's memory while the shared cache does not answer.

Rendering every page afresh costs 10 to 20 times the CPU of a cached one, so a Redis
outage would otherwise turn into slow pages for everyone. While this process's breaker
waits, the page cache middleware keeps the pages it renders here and serves them again.

They are dropped as soon as anything may have changed: when this process invalidates,
when the newest entry of the database's invalidation log (pending.py, written with
every change in every process) is a new one, checked at most every
CACHE_INVALIDATION_CHECK_SECONDS, and when the shared cache answers again.
"""

import logging
import threading
import time

from django.conf import settings
from django.db import DatabaseError

from . import pending

logger = logging.getLogger("tregks.cache")

MAX_ENTRIES = 300  # pages of ~50 KB: some 15 MB per process at most

_lock = threading.Lock()
_entries = {}
_newest_seen = None
_next_check = 0.0


def clear():
    global _newest_seen, _next_check
    if not _entries and _newest_seen is None:
        return  # the usual case: the shared cache answers
    with _lock:
        _entries.clear()
        _newest_seen = None
        _next_check = 0.0


def _current():
    """Drop the kept pages when an invalidation was logged since the last check."""
    global _newest_seen, _next_check
    now = time.monotonic()
    if now < _next_check:
        return
    try:
        newest = pending.newest_id()
    except DatabaseError:
        # Without the database nothing can be published: the kept pages stay valid.
        newest = _newest_seen
    with _lock:
        if newest != _newest_seen:
            _entries.clear()
            _newest_seen = newest
        _next_check = now + getattr(settings, "CACHE_INVALIDATION_CHECK_SECONDS", 1)


def marker():
    """Taken before a render: put() keeps the page only if nothing changed since."""
    _current()
    return _newest_seen


def get(key):
    _current()
    return _entries.get(key)


def put(key, entry, marker):
    _current()
    with _lock:
        if marker != _newest_seen:
            return  # an invalidation was logged while the page was rendered
        if len(_entries) >= MAX_ENTRIES:
            _entries.clear()
        _entries[key] = entry
