"""Site-wide views that are not pages: health check, robots.txt, favicon, security.txt,
error pages."""

import datetime
import functools
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


@never_cache
@require_safe
def health(request):
    """For load balancers: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


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
    does not see it) still gets the 503 page.
    """
    from .middleware import database_unavailable_response, is_database_down

    if is_database_down(sys.exc_info()[1]):
        return database_unavailable_response()
    template = loader.get_template("500.html")
    return HttpResponse(
        template.render({"STATIC_URL": settings.STATIC_URL}), status=500
    )
