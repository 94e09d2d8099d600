from django.db import models


class InvalidationQuerySet(models.QuerySet):
    def unapplied(self):
        return self.filter(applied_at__isnull=True)


class PendingInvalidation(models.Model):
    """A page cache invalidation, written in the transaction of the change.

    Pending until a new cache generation has been started for it (`applied_at`), so
    that an invalidation survives a cache outage, a crash and a restart. Applied
    entries are kept for an hour: processes that cannot reach the shared cache watch
    the newest id to drop the pages they keep in memory meanwhile (fallback.py).
    """

    created_at = models.DateTimeField(auto_now_add=True)
    applied_at = models.DateTimeField(null=True, blank=True, db_index=True)
    reason = models.CharField(max_length=255)

    objects = InvalidationQuerySet.as_manager()

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M:%S} {self.reason}"
