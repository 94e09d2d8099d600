"""Files in the admin: the embargo on serving, choosing shared media, honest counts.

Registered in editorial.wagtail_hooks; the rule itself is editorial.embargo.
"""

import contextlib

from django.http import Http404
from django.shortcuts import get_object_or_404

from wagtail.admin.auth import permission_denied
from wagtail.admin.modal_workflow import render_modal_workflow
from wagtail.admin.navigation import get_site_for_user
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.documents import get_document_model
from wagtail.documents.wagtail_hooks import DocumentsSummaryItem
from wagtail.images import get_image_model
from wagtail.images.wagtail_hooks import ImagesSummaryItem
from wagtail.models import Site
from wagtail.permissions import policy_registry
from wagtailmedia import get_permission_policy as media_permission_policy
from wagtailmedia.models import get_media_model
from wagtailmedia.views.chooser import get_media_json
from wagtailmedia.wagtail_hooks import MediaSummaryItem

from . import embargo, isolation

# What the admin's image, document and media lists show (Wagtail's index views).
LISTED_ACTIONS = ("change", "delete")
# wagtailmedia's chooser lists only what the user may change; "choose" adds the rest.
CHOOSABLE_ACTIONS = ("change", "delete", "choose")
# Where wagtailmedia stores uploaded audio and video (its upload_to).
MEDIA_FOLDER = "media/"
# Where Wagtail stores original images and their renditions.
ORIGINAL_IMAGES_FOLDER = "original_images/"
IMAGE_FOLDERS = (ORIGINAL_IMAGES_FOLDER, "images/")


def refuse_embargoed_document(document, request):
    """before_serve_document: 404 for a document under embargo."""
    policy = policy_registry.get_by_type(get_document_model())
    if not embargo.may_serve(request, document, policy):
        raise Http404


def _image_of_file(name):
    """The image whose original or rendition is stored under `name`, or None."""
    image_model = get_image_model()
    if name.startswith(ORIGINAL_IMAGES_FOLDER):
        return image_model.objects.filter(file=name).first()
    rendition = (
        image_model.get_rendition_model()
        .objects.filter(file=name)
        .select_related("image")
        .first()
    )
    return rendition.image if rendition is not None else None


def refuse_embargoed_image(request, name):
    """before_serve_media_file: the embargo for pictures of drafts (originals and
    renditions; the admin's own thumbnails go to insiders only)."""
    image = _image_of_file(name)
    if image is None:
        return None
    if embargo.view_restriction_refuses(request, image.collection):
        raise Http404
    if embargo.released_images(type(image).objects.filter(pk=image.pk)).exists():
        return None
    policy = policy_registry.get_by_type(type(image))
    if embargo.is_insider(request.user, image, policy):
        return "private"
    raise Http404


def refuse_embargoed_media(request, name):
    """before_serve_media_file (tregks.core.media): the same rule for audio and video,
    and for images.

    Returns None to serve the file to everyone, "private" to serve it to this user
    only, or raises Http404.
    """
    if name.startswith(IMAGE_FOLDERS):
        return refuse_embargoed_image(request, name)
    if not name.startswith(MEDIA_FOLDER):
        return None
    media = get_media_model().objects.filter(file=name).first()
    if media is None:
        return None
    if embargo.view_restriction_refuses(request, media.collection):
        raise Http404
    policy = media_permission_policy()
    if embargo.released_files(type(media).objects.filter(pk=media.pk)).exists():
        return None
    if embargo.is_insider(request.user, media, policy):
        return "private"
    raise Http404


def add_choosable_media(media_files, request):
    """construct_media_chooser_queryset: also what the user may only choose."""
    choosable = media_permission_policy().instances_user_has_any_permission_for(
        request.user, ["choose"]
    )
    return media_files | choosable


def media_chosen(request, media_id):
    """wagtailmedia's "media chosen" step, which also accepts the "choose" permission
    (its own checks change or delete only). Registered at the same admin URL first."""
    media = get_object_or_404(get_media_model(), id=media_id)
    policy = media_permission_policy()
    if not policy.user_has_any_permission_for_instance(
        request.user, CHOOSABLE_ACTIONS, media
    ):
        return permission_denied(request)
    return render_modal_workflow(
        request,
        None,
        None,
        None,
        json_data={"step": "media_chosen", "result": get_media_json(media)},
    )


def _listed_count(policy, user):
    return policy.instances_user_has_any_permission_for(user, LISTED_ACTIONS).count()


class ListedImagesSummaryItem(ImagesSummaryItem):
    """The dashboard's image count: the images the user's image list shows."""

    def get_context_data(self, parent_context):
        policy = policy_registry.get_by_type(get_image_model())
        return {
            "total_images": _listed_count(policy, self.request.user),
            "site_name": get_site_for_user(self.request.user)["site_name"],
        }


class ListedDocumentsSummaryItem(DocumentsSummaryItem):
    def get_context_data(self, parent_context):
        policy = policy_registry.get_by_type(get_document_model())
        return {
            "total_docs": _listed_count(policy, self.request.user),
            "site_name": get_site_for_user(self.request.user)["site_name"],
        }


class ListedMediaSummaryItem(MediaSummaryItem):
    template_name = "editorial/homepage/site_summary_media.html"

    def get_context_data(self, parent_context):
        return {
            "total_media": _listed_count(media_permission_policy(), self.request.user),
            "site_name": get_site_for_user(self.request.user)["site_name"],
        }


class OpenablePagesSummaryItem(PagesSummaryItem):
    """The dashboard's page count: the pages the user may open in the admin.

    Wagtail counts every page below the user's common ancestor, which for a partner
    with pages in both language trees is the whole site; the isolation rule
    (editorial.isolation) opens only the partner's own pages, their ancestors and
    the pages waiting for the user's review.
    """

    def get_context_data(self, parent_context):
        user = self.request.user
        site_details = get_site_for_user(user)
        root_page = site_details["root_page"]
        total = isolation.openable_page_count(user)
        if root_page is not None and root_page.is_root():
            # As Wagtail does: with one site, link to its home page, not the tree root.
            with contextlib.suppress(Site.DoesNotExist, Site.MultipleObjectsReturned):
                root_page = Site.objects.get().root_page
        return {
            "root_page": root_page,
            "total_pages": total if root_page is not None else 0,
            "site_name": site_details["site_name"],
        }


LISTED_SUMMARY_ITEMS = {
    PagesSummaryItem: OpenablePagesSummaryItem,
    ImagesSummaryItem: ListedImagesSummaryItem,
    DocumentsSummaryItem: ListedDocumentsSummaryItem,
    MediaSummaryItem: ListedMediaSummaryItem,
}


def count_what_the_lists_show(request, items):
    """construct_homepage_summary_items: Wagtail counts files the user may only choose,
    its lists show those the user may change, and pages of the whole tree; count what
    the lists show and what the user may open."""
    for position, item in enumerate(items):
        replacement = LISTED_SUMMARY_ITEMS.get(type(item))
        if replacement is not None:
            items[position] = replacement(request)
