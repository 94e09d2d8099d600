from django.apps import AppConfig


class RegistrationsConfig(AppConfig):
    """Registrations for events: double opt-in, places, waiting list, retention."""

    name = "registrations"
    verbose_name = "Anmeldungen"

    def ready(self):
        from . import signals  # noqa: F401  (more places: the waiting list moves up)
