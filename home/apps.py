from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The home page, generic content pages and the demo content loader."""

    name = "home"
    verbose_name = "Startseite und Inhaltsseiten"
