from django.db import models


class PendingInvalidation(models.Model):
    """A page cache invalidation that could not reach the shared cache.

    Written in the same database transaction as the change that needed it, and
    deleted once a new cache generation has been started (see generation.py), so an
    invalidation survives a cache outage, a crash and a restart.
    """

    created_at = models.DateTimeField(auto_now_add=True)
    reason = models.CharField(max_length=255)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M:%S} {self.reason}"
