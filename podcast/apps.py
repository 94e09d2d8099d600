from django.apps import AppConfig
from django.db.models.signals import post_save


class PodcastConfig(AppConfig):
    """The podcast "Kassel fährt voraus": show, episodes and feeds."""

    name = "podcast"
    verbose_name = "Podcast"

    def ready(self):
        # Imported here, not at the top: apps.py is loaded before the app registry is
        # ready, and both need models (Django's documented place for signal wiring).
        from wagtailmedia import get_media_model

        from .signals import media_saved

        # A replaced audio file changes the episodes' duration and byte length.
        post_save.connect(media_saved, sender=get_media_model())
