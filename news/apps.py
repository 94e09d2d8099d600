from django.apps import AppConfig


class NewsConfig(AppConfig):
    """Press releases of the consortium partners."""

    name = "news"
    verbose_name = "Presse"
