from django.apps import AppConfig
from django.core import checks


class EditorialConfig(AppConfig):
    """Editorial workflow: partner groups, page permissions, workflows and their tasks."""

    name = "tregks.editorial"
    label = "editorial"
    verbose_name = "Redaktion"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported once the app registry is ready: these modules use the models.
        from . import signals
        from .checks import check_admin_base_url

        signals.connect()
        checks.register(check_admin_base_url)
