"""Site-wide views that are not pages: health check, robots.txt, sitemap, error pages."""

import sys

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.template import loader
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


def server_error(request, *args, **kwargs):
    """The 500 page is a static template: it must render while the database is down.

    A database outage raised outside a view (where DatabaseUnavailableMiddleware
    does not see it) still gets the 503 page. The page says the team was notified
    only when error reports really go out (ADMINS with a mail server, or Sentry).
    """
    from .middleware import database_unavailable_response, is_database_down

    if is_database_down(sys.exc_info()[1]):
        return database_unavailable_response()
    from .error_reporting import error_reports_go_out

    template = loader.get_template("500.html")
    context = {"STATIC_URL": settings.STATIC_URL, "notified": error_reports_go_out()}
    return HttpResponse(template.render(context), status=500)
