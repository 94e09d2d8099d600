from django.apps import AppConfig


class ExpertGroupsConfig(AppConfig):
    """One page per expert group: its aim, its leads and what it publishes."""

    name = "expertgroups"
    verbose_name = "Fachgruppen"
