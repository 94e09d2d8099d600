"""The shared cache's state for the readiness view (tregks.core.views.readiness)."""

from django.db import DatabaseError

from . import pending
from .generation import page_cache


def cache_status():
    """{"status": "ok" | "degraded", ...}: degraded while Redis does not answer, its
    breaker waits, or invalidations from an outage are still owed."""
    cache = page_cache()
    breaker = getattr(cache, "breaker", None)
    if breaker is None:
        return {"status": "ok", "backend": "local memory of each process"}
    # During a cooldown Redis is not asked: a hanging one would hold this request.
    answering = False if breaker.waiting() else cache.ping()
    try:
        owed = pending.count()
    except DatabaseError:
        owed = None
    return {
        "status": "ok" if answering and not owed else "degraded",
        "server": breaker.name,
        "answering": answering,
        "breaker": breaker.state(),
        "pending_invalidations": owed,
    }
