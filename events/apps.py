from django.apps import AppConfig


class EventsConfig(AppConfig):
    """Events of the network: workshops, peer groups, conferences and meetings."""

    name = "events"
    verbose_name = "Veranstaltungen"

    def ready(self):
        from . import signals  # noqa: F401  (raises the iCalendar SEQUENCE on publish)
