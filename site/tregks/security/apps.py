from django.apps import AppConfig


class SecurityConfig(AppConfig):
    """Upload checks and their German messages (security measures: docs/security.md)."""

    name = "tregks.security"
    label = "security"
    verbose_name = "Sicherheit"
