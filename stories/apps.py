from django.apps import AppConfig


class StoriesConfig(AppConfig):
    """Video stories from regional companies."""

    name = "stories"
    verbose_name = "Geschichten"
