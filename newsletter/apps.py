from django.apps import AppConfig
from django.db.models.signals import post_migrate


class NewsletterConfig(AppConfig):
    """Newsletter sign-up with double opt-in; sending stays with an external tool."""

    name = "newsletter"
    verbose_name = "Newsletter"

    def ready(self):
        from .permissions import grant_lead_permissions

        post_migrate.connect(grant_lead_permissions, sender=self)
