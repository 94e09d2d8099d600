from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """Editorial workflow: partner groups, page permissions, workflows and their tasks."""

    name = "tregks.editorial"
    label = "editorial"
    verbose_name = "Redaktion"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals

        signals.connect()
