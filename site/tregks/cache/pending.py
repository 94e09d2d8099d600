"""The database's log of page cache invalidations: the database side only.

generation.py writes an entry with every change (in its transaction) when the cache is
shared, marks it applied once the shared cache has taken the new generation, and
applies what is still pending when the cache answers again. fallback.py watches the
newest id (given by the same query while the cache answers, see `log_state`).
"""

from datetime import timedelta

from django.db.models import Max, Min, Q
from django.utils import timezone

from .models import PendingInvalidation

# Applied entries are kept this long, then deleted.
KEEP_APPLIED = timedelta(hours=1)


def record(reason):
    """A new pending entry; inside the caller's transaction when it has one."""
    return PendingInvalidation.objects.create(reason=reason[:255]).pk


def outstanding():
    """(newest id, oldest time) of the entries still pending, or None."""
    return log_state()[1]


def log_state():
    """(newest id of all entries, `outstanding()`), in one query."""
    unapplied = Q(applied_at__isnull=True)
    found = PendingInvalidation.objects.aggregate(
        newest=Max("id"),
        newest_pending=Max("id", filter=unapplied),
        oldest_pending=Min("created_at", filter=unapplied),
    )
    if found["newest_pending"] is None:
        return found["newest"], None
    return found["newest"], (found["newest_pending"], found["oldest_pending"])


def newest_id():
    """The newest entry's id, applied or not (ids are never reused)."""
    return PendingInvalidation.objects.aggregate(newest=Max("id"))["newest"]


def count():
    return PendingInvalidation.objects.unapplied().count()


def mark_applied(up_to=None, ids=()):
    """Mark entries applied (all up to an id, or the given ids); drop old ones."""
    now = timezone.now()
    entries = PendingInvalidation.objects.unapplied()
    if up_to is not None:
        entries = entries.filter(id__lte=up_to)
    else:
        entries = entries.filter(id__in=ids)
    applied = entries.update(applied_at=now)
    PendingInvalidation.objects.filter(applied_at__lt=now - KEEP_APPLIED).delete()
    return applied
