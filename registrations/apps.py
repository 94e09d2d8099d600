from django.apps import AppConfig


class RegistrationsConfig(AppConfig):
    """Registrations for events: double opt-in, places, waiting list, retention."""

    name = "registrations"
    verbose_name = "Anmeldungen"
