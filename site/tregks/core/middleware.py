"""Cross-cutting middleware: security headers, the admin's CSP and the database-down page.

Order in settings.MIDDLEWARE matters; see docs/security.md.
"""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.template import loader

from csp.middleware import CSPMiddleware

logger = logging.getLogger(__name__)

# Errors that may mean "the database cannot be reached", not "the query is wrong".
DATABASE_DOWN_ERRORS = (OperationalError, InterfaceError)
# SQLite raises OperationalError for bad SQL too (e.g. a full-text query it cannot
# parse); only these messages mean that the database itself is unavailable.
SQLITE_DOWN_MESSAGES = (
    "unable to open database",
    "database is locked",
    "disk i/o error",
    "no such table",
    "file is not a database",
)


def is_database_down(exception):
    """True for errors that mean the database is unavailable, not a bug in a query."""
    if isinstance(exception, InterfaceError):
        return True
    if not isinstance(exception, OperationalError):
        return False
    if connection.vendor == "sqlite":
        message = str(exception).lower()
        return any(text in message for text in SQLITE_DOWN_MESSAGES)
    return True


def database_unavailable_response():
    """A static 503 page: no database, no context processors, no stack trace."""
    template = loader.get_template("503.html")
    response = HttpResponse(
        template.render({"STATIC_URL": settings.STATIC_URL}), status=503
    )
    response["Retry-After"] = str(getattr(settings, "DATABASE_DOWN_RETRY_AFTER", 30))
    # Proxies and the page cache must not keep the outage page.
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """Answers 503 instead of 500 while the database cannot be reached.

    Django reconnects on the next request (CONN_HEALTH_CHECKS and the closing of
    connections that raised errors), so the site recovers by itself.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_database_down(exception):
            # One line, no traceback: an outage would otherwise flood the log.
            logger.error("Database unavailable: %s", exception)
            return database_unavailable_response()
        return None


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp with a second, relaxed policy for the Wagtail admin.

    The public site has no inline scripts and gets the strict policy from
    CONTENT_SECURITY_POLICY. Wagtail's admin renders inline scripts (widgets,
    panels) and shows page previews in a same-origin frame, so paths below
    CSP_ADMIN_PATH_PREFIXES get CSP_ADMIN_DIRECTIVES instead.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.replace is None
            and request.path_info.startswith(tuple(settings.CSP_ADMIN_PATH_PREFIXES))
        ):
            parts.replace = settings.CSP_ADMIN_DIRECTIVES
        return parts
