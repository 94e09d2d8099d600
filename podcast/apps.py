from django.apps import AppConfig


class PodcastConfig(AppConfig):
    """The podcast "Kassel fährt voraus": show, episodes and feeds."""

    name = "podcast"
    verbose_name = "Podcast"
