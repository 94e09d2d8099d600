from django.apps import AppConfig


class SearchConfig(AppConfig):
    """The public site search for each language."""

    name = "search"
    label = "site_search"
    verbose_name = "Suche"
