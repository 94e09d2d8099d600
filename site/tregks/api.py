"""Read-only Wagtail API v2: live pages, images and documents."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page

from tregks.editorial.embargo import public_files


class LivePagesAPIViewSet(PagesAPIViewSet):
    """Live, public pages with their own text.

    Wagtail already leaves out drafts and private pages; synchronised aliases
    (German content under /en/) are left out too, as in the sitemap and hreflang.
    """

    def get_base_queryset(self):
        # By id: the search backends can filter on "id" but not on "alias_of".
        aliases = Page.objects.filter(alias_of__isnull=False).values_list(
            "id", flat=True
        )
        return super().get_base_queryset().exclude(id__in=list(aliases))


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    """Only documents anonymous visitors may download: none under embargo (a file
    that only unreleased pages use) and none in a collection with a privacy setting."""

    def get_queryset(self):
        return public_files(super().get_queryset())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", LivePagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
