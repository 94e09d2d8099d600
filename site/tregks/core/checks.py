"""System checks of the core: settings a production site must not leave empty."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def security_contact_check(app_configs, **kwargs):
    if settings.SECURITY_CONTACT:
        return []
    return [
        Warning(
            "SECURITY_CONTACT is not set, so /.well-known/security.txt answers 404.",
            hint="Set SECURITY_CONTACT to a mailto: address or an https form.",
            id="core.W001",
        )
    ]
