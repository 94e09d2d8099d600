from django.apps import AppConfig


class ContactConfig(AppConfig):
    """The contact page and the messages visitors send to the consortium partners."""

    name = "contact"
    verbose_name = "Kontakt"
