"""Pages kept in this process's memory, served only while the shared cache does not answer.

Rendering every page afresh costs 10 to 20 times the CPU of a cached one, so a Redis
outage would otherwise turn into slow pages for everyone, most of all in its first
seconds, when every worker would render every page. So each process keeps the pages it
recently served or stored through the shared cache (`remember`, a bounded LRU of the
middleware's stored entries, under the same keys) and, while its breaker waits, the
pages it renders (`put`). While the shared cache answers it stays the only source:
nothing here is served then (`get` is called only when it does not answer).

Kept pages are dropped as soon as anything may have changed:

- when this process invalidates (generation.invalidate calls `clear`);
- when the shared cache's generation is a new one (another process's change, seen on
  the next page this process serves from the shared cache);
- when the newest entry of the database's invalidation log (pending.py, written with
  every change in every process) is a new one: while the shared cache answers, its
  regular check (generation.settle, at most every CACHE_INVALIDATION_CHECK_SECONDS)
  passes the newest id on (`observe`); while it does not, this module looks itself,
  as often.

The shared cache answering again is no reason to drop them: pages still current stay
for the next outage. A page is remembered only after this process has seen the log
(`observe`), and the id it saw covers every change whose generation the shared cache
had taken, so a change the kept pages do not show always has a newer id.
"""

import logging
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.db import DatabaseError

from . import pending

logger = logging.getLogger("tregks.cache")

MAX_ENTRIES = 300  # pages of ~50 KB: some 15 MB per process at most

UNSEEN = object()  # the log's newest id before this process has looked

_lock = threading.Lock()
_entries = OrderedDict()  # key: entry, least recently used first
_generation = None  # the shared cache's generation of the remembered pages
_newest_seen = UNSEEN
_next_check = 0.0


def clear():
    global _generation, _newest_seen, _next_check
    with _lock:
        _entries.clear()
        _generation = None
        _newest_seen = UNSEEN
        _next_check = 0.0


def _keep(key, entry):
    """Insert as most recently used; the lock is held."""
    _entries[key] = entry
    _entries.move_to_end(key)
    if len(_entries) > MAX_ENTRIES:
        _entries.popitem(last=False)


def observe(newest):
    """The log's newest id, read while every change up to it is in the shared cache."""
    global _newest_seen
    if newest == _newest_seen:
        return  # the usual case: nothing changed
    with _lock:
        _entries.clear()
        _newest_seen = newest


def remember(key, entry):
    """A page served or stored through the shared cache: entry[0] is its generation."""
    global _generation
    with _lock:
        if _newest_seen is UNSEEN:
            return  # not known to be current: since a local change, until the next look
        if entry[0] != _generation:
            if _generation is not None:
                _entries.clear()  # a new generation: the kept pages may be out of date
            # (None: only pages rendered during an outage, current as of the log.)
            _generation = entry[0]
        _keep(key, entry)


def _current(every_time=False):
    """Drop the kept pages when an invalidation was logged since the last look.

    every_time: look now, whatever the interval (before a kept page is served: a
    page withdrawn in another process must not be served once its change returned;
    one indexed query per request, only while the shared cache does not answer).
    """
    global _newest_seen, _next_check
    now = time.monotonic()
    if now < _next_check and not every_time:
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
    """A kept page, for when the shared cache does not answer."""
    _current(every_time=True)
    with _lock:
        entry = _entries.get(key)
        if entry is not None:
            _entries.move_to_end(key)
        return entry


def put(key, entry, marker):
    """A page rendered while the shared cache does not answer."""
    _current()
    with _lock:
        if marker is UNSEEN or marker != _newest_seen:
            return  # an invalidation was logged while the page was rendered
        _keep(key, entry)
