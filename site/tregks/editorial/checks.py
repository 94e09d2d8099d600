"""System check: workflow e-mails link to WAGTAILADMIN_BASE_URL.

Wagtail's notification e-mails (a page waits for approval, was approved or rejected)
carry links built from WAGTAILADMIN_BASE_URL. In production a forgotten BASE_URL leaves
the default 127.0.0.1, and every approver gets links that lead nowhere.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Warning

LOCAL_HOSTS = {"127.0.0.1", "localhost", "0.0.0.0", "::1", ""}  # noqa: S104


def check_admin_base_url(app_configs=None, **kwargs):
    if settings.DEBUG:
        return []
    base_url = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or ""
    if urlsplit(base_url).hostname not in LOCAL_HOSTS and base_url:
        return []
    return [
        Warning(
            f"WAGTAILADMIN_BASE_URL is {base_url!r}: workflow e-mails would link "
            "to this machine, not to the site.",
            hint="Set BASE_URL to the site's public address, e.g. https://tregks.de.",
            id="editorial.W001",
        )
    ]
