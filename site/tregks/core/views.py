"""Site-wide views that are not pages: health checks, robots.txt, favicon, security.txt,
sitemap, error pages."""

import datetime
import functools
import ipaddress
import sys
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse, JsonResponse
from django.template import loader
from django.utils import timezone
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_safe

from tregks.cache.health import cache_status

from .error_reporting import error_reports_go_out
from .middleware import database_unavailable_response, is_database_down


def database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return False
    return True


@never_cache
@require_safe
def health(request):
    """Liveness for load balancers: 200 when the database answers, 503 when it does not."""
    if not database_answers():
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@never_cache
@require_safe
def readiness(request):
    """Readiness with details: the database and the shared cache.

    `status` is "ok", "degraded" (the shared cache does not answer or still owes
    invalidations: pages are served, rendered without it) or "unavailable" (database
    down, 503). A degraded cache keeps 200, so that a load balancer does not take
    every server out at once for a cache outage. Everyone sees the status; the
    details only staff and requests from this machine that came through no proxy.
    """
    database = database_answers()
    cache = cache_status()
    if not database:
        status = "unavailable"
    else:
        status = "ok" if cache["status"] == "ok" else "degraded"
    body = {"status": status}
    if may_see_details(request):
        body["database"] = "ok" if database else "down"
        body["cache"] = cache
    return JsonResponse(body, status=200 if database else 503)


def may_see_details(request):
    proxied = "HTTP_X_FORWARDED_FOR" in request.META or "HTTP_FORWARDED" in request.META
    try:
        loopback = ipaddress.ip_address(request.META.get("REMOTE_ADDR", "")).is_loopback
    except ValueError:
        loopback = False
    if loopback and not proxied:
        return True
    try:
        return request.user.is_staff
    except DatabaseError:  # the session cannot be read while the database is down
        return False


@require_safe
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        "Disallow: /de/suche/",
        "Disallow: /en/search/",
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@functools.cache
def _favicon_bytes():
    return Path(finders.find("img/favicon.ico")).read_bytes()


@require_safe
@cache_control(max_age=86400, public=True)
def favicon(request):
    """/favicon.ico for feed readers and clients that ignore <link rel="icon">."""
    return HttpResponse(_favicon_bytes(), content_type="image/x-icon")


# RFC 9116 asks for an expiry less than a year ahead; the file is rebuilt on request,
# so it never runs out.
SECURITY_TXT_VALID_DAYS = 180


@require_safe
@cache_control(max_age=86400, public=True)
def security_txt(request):
    """/.well-known/security.txt (RFC 9116): where to report a vulnerability.

    The contact is the SECURITY_CONTACT setting; without one the file does not exist
    (`manage.py check --deploy` warns).
    """
    contact = settings.SECURITY_CONTACT
    if not contact:
        raise Http404("No security contact is configured.")
    if "@" in contact and ":" not in contact:
        contact = f"mailto:{contact}"
    today = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
    expires = today + datetime.timedelta(days=SECURITY_TXT_VALID_DAYS)
    lines = [
        f"Contact: {contact}",
        f"Expires: {expires.astimezone(datetime.UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: de, en",
        f"Canonical: {settings.BASE_URL}/.well-known/security.txt",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def server_error(request, *args, **kwargs):
    """The 500 page is a static template: it must render while the database is down.

    A database outage raised outside a view (where DatabaseUnavailableMiddleware
    does not see it) still gets the 503 page. The page says the team was notified
    only when error reports really go out (ADMINS with a mail server, or Sentry).
    """
    if is_database_down(sys.exc_info()[1]):
        return database_unavailable_response()
    template = loader.get_template("500.html")
    context = {"STATIC_URL": settings.STATIC_URL, "notified": error_reports_go_out()}
    return HttpResponse(template.render(context), status=500)
