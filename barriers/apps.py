from django.apps import AppConfig
from django.db.models.signals import post_migrate


class BarriersConfig(AppConfig):
    """Barrier reports (feedback mechanism of the accessibility statement)."""

    name = "barriers"
    verbose_name = "Barrieremeldungen"

    def ready(self):
        from .permissions import grant_lead_permissions

        post_migrate.connect(grant_lead_permissions, sender=self)
