"""Demo: each partner's files go into that partner's collection, the rest to "Gemeinsam".

The content builders make their pictures, documents and audio before the editorial
builder (order 90) has made the collections, so they land in the root collection. This
step files them by use: a file that a page of the partner uses (its sections, profile
and shows, in every language; Wagtail's reference index) moves to the partner's
collection; anything left in the root collection is network material. Only files in the
root collection are moved, so a second run changes nothing.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, ReferenceIndex
from wagtailmedia.models import get_media_model

from tregks.editorial.setup import owned_pages, partner_collection, shared_collection


def _file_models():
    return [get_image_model(), get_document_model(), get_media_model()]


def _pages_below(pages):
    paths = Q()
    for page in pages:
        paths |= Q(path__startswith=page.path)
    return Page.objects.filter(paths) if paths else Page.objects.none()


def _move(model, ids, collection):
    root = Collection.get_first_root_node()
    return model.objects.filter(pk__in=ids, collection=root).update(
        collection=collection
    )


def file_demo_files(partners):
    """Move the demo's files out of the root collection; returns how many moved."""
    moved = 0
    page_type = ContentType.objects.get_for_model(Page)
    for profile in partners:
        collection = partner_collection(profile)
        page_ids = [
            str(pk)
            for pk in _pages_below(owned_pages(profile)).values_list("pk", flat=True)
        ]
        for model in _file_models():
            used = ReferenceIndex.objects.filter(
                base_content_type=page_type,
                object_id__in=page_ids,
                to_content_type=ContentType.objects.get_for_model(model),
            ).values_list("to_object_id", flat=True)
            moved += _move(model, [int(pk) for pk in used], collection)
    shared = shared_collection()
    root = Collection.get_first_root_node()
    for model in _file_models():
        moved += model.objects.filter(collection=root).update(collection=shared)
    return moved
