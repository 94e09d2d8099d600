from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    """Full-page cache for anonymous readers and its invalidation (see docs/PERFORMANCE.md)."""

    name = "tregks.cache"
    label = "page_cache"
    verbose_name = "Page cache"

    def ready(self):
        # Imported once the app registry is ready: signals.py uses the models.
        from . import signals

        signals.connect()
