"""The cache generation: one counter in the shared cache that every cache key includes.

Any change that can alter a public page (publish, unpublish, move, delete, translation
sync, snippets, settings, images) increments it, so every process stops serving the
pages it rendered before, at once, without knowing which pages changed. The counter
lives only in the shared cache: a second gunicorn worker or server sees the new value
on its next request.

Within one request the counter is read once (`request_scope`, opened by the page cache
middleware). Values built for a generation never change, so besides the shared cache
each process keeps the ones it used last in memory for a minute
(`cached_for_generation`): a render then needs one round trip to the shared cache for
the counter, not two per value.

No invalidation is lost to a cache outage. With a shared cache every invalidation is
logged in the database, in the transaction of the change (pending.py), and marked
applied once the cache has taken the new generation; one the cache did not take
(Redis down or hanging, or its breaker waiting, see breaker.py) stays pending.
Before anything is read from the shared cache, `settle` starts the owed generation:
at once when this process has seen the cache fail or come back, and otherwise at most
every CACHE_INVALIDATION_CHECK_SECONDS, because another process may have recorded one
while this process's own connection kept working.
"""

import contextlib
import contextvars
import functools
import logging
import time

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, transaction

from . import fallback, pending
from .breaker import CacheUnavailable
from .code_version import code_version

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"


def page_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def _fresh_value():
    # A time-based start value: if the counter is ever evicted, a restart can never
    # reuse a number that stale entries were stored under.
    return time.time_ns()


class _Scope:
    generation = None


_scope = contextvars.ContextVar("tregks_generation_scope", default=None)


@contextlib.contextmanager
def request_scope(generation=None):
    """Read the counter at most once until the block ends (one request).

    `generation`: the value the caller has already read, if any.
    """
    scope = _Scope()
    scope.generation = generation
    token = _scope.set(scope)
    try:
        yield
    finally:
        _scope.reset(token)


def current_generation(cache=None):
    scope = _scope.get()
    if scope is not None and scope.generation is not None:
        return scope.generation
    cache = cache or page_cache()
    if not settle(cache):
        return None  # the shared cache is not used now
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, _fresh_value(), timeout=None)
        value = cache.get(GENERATION_KEY)
    if scope is not None:
        scope.generation = value
    return value


def bump_generation(cache=None):
    """Make every cached page stale. Returns the new generation, or None when the
    shared cache did not take it (use `invalidate`, which records that)."""
    scope = _scope.get()
    if scope is not None:
        scope.generation = None  # this request reads the new value from now on
    cache = cache or page_cache()
    try:
        return cache.incr(GENERATION_KEY)
    except ValueError:
        # No counter yet (first start or evicted): a fresh time-based value is larger
        # than any earlier one.
        cache.set(GENERATION_KEY, _fresh_value(), timeout=None)
        return cache.get(GENERATION_KEY)  # None if the cache failed in between
    except CacheUnavailable:
        return None
    except Exception:  # another backend's failure must not break publishing either
        logger.exception("Could not invalidate the page cache.")
        return None


def invalidate(reason):
    """Every cached page is stale from now on, also if the shared cache is down.

    With a shared cache the invalidation is first logged in the database, in the
    transaction of the change (pending.py), and marked applied once the cache has
    taken it; when the cache does not take it, `settle` applies it later. The
    generation moves at once (this request sees the change) and again after the
    transaction commits, so that no other process can keep a page it rendered from
    the old data in between.
    """
    cache = page_cache()
    logged = pending.record(reason) if hasattr(cache, "breaker") else None
    fallback.clear()
    if bump_generation(cache) is None:
        if logged is None:  # a cache without a breaker failed: log it now
            logged = pending.record(reason)
        _log_pending(reason, logged)
    transaction.on_commit(functools.partial(_after_commit, reason, logged))


def _after_commit(reason, logged):
    try:
        if bump_generation() is not None:
            if logged is not None:
                pending.mark_applied(ids=[logged])
        elif logged is None:
            _log_pending(reason, pending.record(f"{reason}, after commit"))
    except DatabaseError:
        logger.exception("Could not log the page cache invalidation (%s).", reason)


def _log_pending(reason, logged):
    logger.error(
        "Page cache invalidation (%s) could not reach the cache: recorded as pending "
        "#%s, applied as soon as the cache answers.",
        reason,
        logged,
    )


class _Settled:
    """What this process last checked, per cache server."""

    recoveries = None
    next_check = 0.0


_settled = {}


def settled(cache):
    """True when the shared cache may be read now without a look at the invalidation
    log: it answers and was checked less than CACHE_INVALIDATION_CHECK_SECONDS ago.
    The WSGI fast path (wsgi.py), which runs no database query, asks this instead of
    `settle` and leaves the check to the next request through Django."""
    breaker = getattr(cache, "breaker", None)
    if breaker is None:
        return True
    state = _settled.get(breaker.name)
    return (
        state is not None
        and breaker.healthy
        and state.recoveries == breaker.recoveries
        and time.monotonic() < state.next_check
    )


def settle(cache=None):
    """Apply recorded invalidations before anything is read from the shared cache.

    False: the shared cache must not be read now (its breaker waits, or an owed
    invalidation could not be applied). A cache of this process alone (local memory)
    cannot miss an invalidation and needs no check.
    """
    cache = cache or page_cache()
    if settled(cache):
        return True
    breaker = cache.breaker
    if breaker.waiting():
        return False
    state = _settled.setdefault(breaker.name, _Settled())
    now = time.monotonic()
    interval = getattr(settings, "CACHE_INVALIDATION_CHECK_SECONDS", 1)
    try:
        newest, owed = pending.log_state()
    except DatabaseError:
        # Without the database nothing can be published either: keep serving cached
        # pages (docs/RELIABILITY.md, "Database down") and look again later.
        state.next_check = now + interval
        return True
    if owed is not None:
        newest_owed, oldest = owed
        if bump_generation(cache) is None:
            return False
        try:
            applied = pending.mark_applied(up_to=newest_owed)
        except DatabaseError:  # applied all the same; marked on a later check
            applied = "the"
        logger.warning(
            "Applied %s pending page cache invalidation(s), the oldest from %s.",
            applied,
            oldest.isoformat(timespec="seconds"),
        )
    # Every logged change up to `newest` is in the generation read from now on: the
    # pages this process keeps in memory are current as of it (fallback.py).
    fallback.observe(newest)
    state.recoveries = breaker.recoveries
    state.next_check = now + interval
    return True


# Values of the current generation this process has used: {full key: (until, value)}.
_memory = {}
_memory_generation = None
MEMORY_SECONDS = 60
MEMORY_ENTRIES = 1000


def cached_for_generation(key, build, timeout=None, remember=True):
    """A value built at most once per cache generation, shared by every process.

    For data every page shows (menu, footer, home pages): it changes only when content
    changes, and every such change starts a new generation. The value is shared by
    every render in this process: treat it as read-only. `remember=False` keeps it
    out of the process's memory, for values too many to keep there (one per search).
    """
    cache = page_cache()
    generation = current_generation(cache)
    if generation is None:  # the shared cache is not used now: nothing says when
        return build()  # the value changes, so it is not kept either
    # The code's fingerprint: a release may change the shape of the value.
    full_key = f"pagecache:{key}:{code_version()}:{generation}"
    now = time.monotonic()
    kept = _memory.get(full_key)
    if kept is not None and kept[0] > now:
        return kept[1]
    value = cache.get(full_key)
    if value is None:
        value = build()
        cache.set(full_key, value, timeout or settings.PAGE_CACHE_TIMEOUT)
    if remember:
        _remember(full_key, value, now + min(MEMORY_SECONDS, timeout or MEMORY_SECONDS))
    return value


def _remember(full_key, value, until):
    global _memory_generation
    generation = full_key.rsplit(":", 1)[1]
    if generation != _memory_generation or len(_memory) >= MEMORY_ENTRIES:
        _memory.clear()  # older generations are never asked for again
        _memory_generation = generation
    _memory[full_key] = (until, value)
