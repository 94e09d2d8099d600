import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import index as sitemap_index
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from tregks.cache.views import bench_ping
from tregks.core import media, views
from tregks.core.sitemaps import AllLocalesSitemap
from tregks.editorial import reviews as editorial_reviews
from tregks.editorial import views as editorial_views
from tregks.editorial.reports import PartnerPageTypesUsageReportView

from .api import api_router

# Served by Wagtail's sitemap views, which give the sitemap the request: Django's own
# made it look up the site root paths in the cache once per page (1,000 a part).
sitemaps = {"pages": AllLocalesSitemap}

urlpatterns = [
    # Wagtail 8.0.1 serves this dialog for any page id; the editorial app checks the
    # publish permission first (docs/editorial-workflow.md). Must precede "admin/".
    path(
        "admin/pages/workflow/confirm_cancellation/<int:page_id>/",
        editorial_views.confirm_workflow_cancellation,
        name="editorial_confirm_workflow_cancellation",
    ),
    # Wagtail's review buttons outside the editor (dashboard, listings), followed by a
    # message that says what the review did (editorial.reviews). Must precede "admin/".
    path(
        "admin/pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        editorial_reviews.workflow_action,
        name="editorial_workflow_action",
    ),
    # The page types report names no page of another partner (editorial.reports).
    path(
        "admin/reports/page-types-usage/",
        PartnerPageTypesUsageReportView.as_view(),
        name="editorial_page_types_usage",
    ),
    path(
        "admin/reports/page-types-usage/results/",
        PartnerPageTypesUsageReportView.as_view(results_only=True),
        name="editorial_page_types_usage_results",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("healthz/", views.health, name="health"),
    path("readyz/", views.readiness, name="readiness"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
    path(
        "sitemap.xml",
        sitemap_index,
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap_section"
    ),
]

# Local media (audio, video, images) with HEAD and byte ranges, with DEBUG on or off;
# with MEDIA_STORAGE=s3 the object store serves media itself, audio and video after
# the embargo check here (tregks.core.storage_s3).
if settings.MEDIA_STORAGE == "local" and settings.MEDIA_URL.startswith("/"):
    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.+)$",
            media.serve_media,
            name="media",
        )
    ]
elif settings.MEDIA_STORAGE == "s3":
    urlpatterns += [
        re_path(
            r"^media/(?P<path>media/.+)$", media.redirect_to_object_store, name="media"
        )
    ]

if settings.BENCH_PING:
    # Benchmarks only (bench/run.py): the cheapest view through the whole middleware.
    urlpatterns.append(path("bench/ping", bench_ping))

urlpatterns += i18n_patterns(
    path("", include("search.urls")),
    # Public forms post outside the page tree: no cookie before sending (issues 14, 15).
    path("", include("registrations.urls")),
    path("", include("contact.urls")),
    path("", include("expertgroups.urls")),
    path("newsletter/", include("newsletter.urls")),
    path("barriers/", include("barriers.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler500 = "tregks.core.views.server_error"
