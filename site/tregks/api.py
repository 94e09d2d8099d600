"""Read-only Wagtail API v2: live pages, images and documents."""

from django.contrib.contenttypes.models import ContentType

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page

from tregks.core import seo
from tregks.editorial.embargo import public_files


class LivePagesAPIViewSet(PagesAPIViewSet):
    """Live, public pages with their own text.

    Wagtail already leaves out drafts and private pages; synchronised aliases
    (German content under /en/) are left out too, as in the sitemap and hreflang.
    The listing also leaves out page types that are not indexable (partner sections,
    tregks.core.seo); their detail stays, so `?child_of=<section>` keeps working.
    """

    def get_base_queryset(self):
        # By id: the search backends can filter on "id" but not on "alias_of".
        aliases = Page.objects.filter(alias_of__isnull=False).values_list(
            "id", flat=True
        )
        queryset = super().get_base_queryset().exclude(id__in=list(aliases))
        if self.action == "listing_view":
            models = seo.non_indexable_models()
            if models:
                types = ContentType.objects.get_for_models(*models).values()
                queryset = queryset.exclude(content_type__in=list(types))
        return queryset


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    """Only documents anonymous visitors may download: none under embargo (a file
    that only unreleased pages use) and none in a collection with a privacy setting."""

    def get_queryset(self):
        return public_files(super().get_queryset())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", LivePagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
