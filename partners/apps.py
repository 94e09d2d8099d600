from django.apps import AppConfig


class PartnersConfig(AppConfig):
    """Partner and member profiles, and the per-partner sections that own content."""

    name = "partners"
    verbose_name = "Partner"
