from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Shared core: abstract page, blocks, topics, site-wide views and template tags."""

    name = "tregks.core"
    label = "core"
    verbose_name = "Kern"

    def ready(self):
        # Imported once the app registry is ready: both modules use the models.
        from . import checks, localize_compat  # noqa: F401 (checks register)

        localize_compat.install()
