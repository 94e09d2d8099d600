from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """Editorial workflow: partner groups, page permissions, workflows and their tasks."""

    name = "tregks.editorial"
    label = "editorial"
    verbose_name = "Redaktion"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core import checks

        from . import signals
        from .checks import check_admin_base_url

        signals.connect()
        checks.register(check_admin_base_url)
