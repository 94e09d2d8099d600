from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    """Shared core: abstract page, blocks, topics, site-wide views and template tags."""

    name = "tregks.core"
    label = "core"
    verbose_name = "Kern"

    def ready(self):
        # Imported once the app registry is ready: these modules use the models.
        from . import checks, localize_compat, search_index  # noqa: F401 (checks)
        from .i18n import create_content_locales
        from .models import BasePage

        localize_compat.install()
        search_index.connect(BasePage)
        post_migrate.connect(create_content_locales, sender=self)
