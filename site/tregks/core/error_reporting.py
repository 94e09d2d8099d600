"""Where production errors go: e-mail to ADMINS, and Sentry (or GlitchTip) when set.

Both are configured from the environment by the production settings:
ADMINS="Ops <ops@example.org>, dev@example.org" and SENTRY_DSN. The 500 page asks
error_reports_go_out() before it tells a reader that the team has been notified.
"""

from email.utils import getaddresses

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# Mail backends that deliver to nobody: a report "sent" through them reaches no one.
UNDELIVERED_MAIL_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
}
ADMIN_MAIL_HANDLER = "django.utils.log.AdminEmailHandler"


def admins_from_env(value):
    """[(name, address)] from 'Name <address>, address, ...'; a typo stops startup."""
    if not value or not value.strip():
        return []
    admins = []
    for name, address in getaddresses([value]):
        if "@" not in address or " " in address:
            raise ImproperlyConfigured(
                f"ADMINS must be a comma-separated list of e-mail addresses such as "
                f'"Ops <ops@example.org>, dev@example.org"; {address or name!r} is not one.'
            )
        admins.append((name or address, address))
    return admins


def init_sentry(dsn, environment, release=None):
    """Sentry (or a compatible GlitchTip) with no personal data and short timeouts."""
    # Only with a DSN: the SDK is heavy to import and a site without Sentry needs none.
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration
    from sentry_sdk.transport import HttpTransport

    class BoundedTransport(HttpTransport):
        # Reports are sent from a background thread; an unreachable server must
        # still not hold a connection for the default 30 seconds.
        TIMEOUT = 5

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release or None,
        integrations=[DjangoIntegration()],
        transport=BoundedTransport,
        send_default_pii=False,  # no user, cookies, IP address
        include_local_variables=False,  # locals may hold form input
        max_request_body_size="never",
        shutdown_timeout=2,
    )


def _mail_reaches_admins():
    handlers = settings.LOGGING.get("handlers", {}).values()
    return (
        bool(settings.ADMINS)
        and settings.EMAIL_BACKEND not in UNDELIVERED_MAIL_BACKENDS
        and any(handler.get("class") == ADMIN_MAIL_HANDLER for handler in handlers)
    )


def _sentry_active():
    # Here, not at the top: a site may run without the SDK installed.
    try:
        import sentry_sdk
    except ImportError:
        return False
    return sentry_sdk.get_client().is_active()


def error_reports_go_out():
    """True when an unhandled error reaches a person: by e-mail or through Sentry."""
    return _mail_reaches_admins() or _sentry_active()
