"""Production: stateless processes behind a TLS-terminating proxy."""

import os

from django.core.exceptions import ImproperlyConfigured

from tregks.core.error_reporting import admins_from_env, init_sentry

from .base import *  # noqa: F403
from .base import env_bool, env_int

DEBUG = env_bool("DEBUG", False)
if not SECRET_KEY and not DEBUG:  # noqa: F405
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Set the SECRET_KEY environment variable to a long random "
        "string (for example: python -c 'import secrets; print(secrets.token_urlsafe(50))')."
    )

# The proxy terminates TLS and tells Django through this header (e.g. "HTTP_X_FORWARDED_PROTO").
_proxy_header = os.environ.get("SECURE_PROXY_SSL_HEADER", "HTTP_X_FORWARDED_PROTO")
SECURE_PROXY_SSL_HEADER = (_proxy_header, "https") if _proxy_header else None
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz/$", r"^readyz/$"]  # load balancers probe over HTTP
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
USE_X_FORWARDED_HOST = env_bool("USE_X_FORWARDED_HOST", False)

# Error reporting (tregks.core.error_reporting): unhandled errors and the site's own
# error log lines are mailed to ADMINS, and sent to Sentry or GlitchTip if SENTRY_DSN
# is set. The 500 page says the team was notified only when one of them is set up.
ADMINS = admins_from_env(os.environ.get("ADMINS", ""))
LOGGING["filters"] = {  # noqa: F405
    "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}
}
LOGGING["handlers"]["mail_admins"] = {  # noqa: F405
    "class": "django.utils.log.AdminEmailHandler",
    "level": "ERROR",
    "filters": ["require_debug_false"],
}
# "django" replaces Django's own default handlers of that logger (which would mail a
# second copy); django.request and django.security are its children.
for _logger in ("django", "tregks"):
    LOGGING["loggers"][_logger] = {  # noqa: F405
        "handlers": ["mail_admins"],
        "level": LOGGING["root"]["level"],  # noqa: F405
    }
SENTRY_DSN = os.environ.get("SENTRY_DSN", "").strip()
if SENTRY_DSN:
    init_sentry(
        SENTRY_DSN,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        release=os.environ.get("SENTRY_RELEASE", ""),
    )
