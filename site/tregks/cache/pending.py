"""The database's list of page cache invalidations that did not reach the cache.

Only the database side: generation.py decides when to record one and applies them.
"""

import logging

from django.db.models import Max, Min

from .models import PendingInvalidation

logger = logging.getLogger("tregks.cache")


def record(reason):
    """Record an invalidation; inside the caller's transaction when it has one."""
    entry = PendingInvalidation.objects.create(reason=reason[:255])
    logger.error(
        "Page cache invalidation (%s) could not reach the cache: recorded as pending "
        "#%s, applied as soon as the cache answers.",
        reason,
        entry.pk,
    )
    return entry.pk


def outstanding():
    """(newest id, oldest time) of the pending invalidations, or None."""
    found = PendingInvalidation.objects.aggregate(
        newest=Max("id"), oldest=Min("created_at")
    )
    if found["newest"] is None:
        return None
    return found["newest"], found["oldest"]


def count():
    return PendingInvalidation.objects.count()


def forget(up_to=None, ids=()):
    """Delete applied entries: all up to an id, or the given ids."""
    entries = PendingInvalidation.objects.all()
    if up_to is not None:
        return entries.filter(id__lte=up_to).delete()[0]
    return entries.filter(id__in=ids).delete()[0]
