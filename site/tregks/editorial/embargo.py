"""Embargo: a file that only unreleased pages use is not served to the public.

A document, a wagtailmedia audio/video file or an image (original and renditions,
where the site serves /media/ itself) is served to a visitor when

- it lies in the shared collection ("Gemeinsam", network material, public by design), or
- a live, public page uses it (Wagtail's reference index,
  `wagtail.models.ReferenceIndex`), or
- the visitor is signed in and may choose or change it in its collection (the partner's
  own editors and approvers, the lead, administrators: for previews and review).

Images also count as released when a snippet or a setting uses them (the public site
shows those outside pages). Everything else answers 404, so neither the file nor its
existence leaks. Wagtail's
reference index records the page row, not draft revisions: a live page's references are
those of its live content, a never-published page's row holds its first draft and is
not live. A file added in a draft revision of a live page is therefore found by
nobody (embargoed) until that revision is published. Collection privacy
(`CollectionViewRestriction`) is applied on top: Wagtail's own `before_serve_document`
hook enforces it for documents, `view_restriction_refuses()` for media.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast

from wagtail.models import Collection, Page, ReferenceIndex

from .setup import SHARED_COLLECTION

# Actions that make a signed-in user one of the file's own people.
INSIDER_ACTIONS = ("change", "delete", "choose")


def shared_collections():
    """The shared collection and every collection below it."""
    shared = Collection.objects.filter(depth=2, name=SHARED_COLLECTION).first()
    if shared is None:
        return Collection.objects.none()
    return Collection.objects.descendant_of(shared, inclusive=True)


def restricted_collections():
    """Collections with a privacy setting of their own or of a parent."""
    restricted = Collection.objects.filter(view_restrictions__isnull=False)
    paths = Q()
    for collection in restricted:
        paths |= Q(path__startswith=collection.path)
    return Collection.objects.filter(paths) if paths else Collection.objects.none()


def _ids_used_by_public_pages(model):
    live_page_ids = (
        Page.objects.live()
        .public()
        .annotate(text_id=Cast("pk", output_field=CharField()))
        .values("text_id")
    )
    return ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(model),
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=live_page_ids,
    ).values("to_object_id")


def released_files(queryset):
    """The files of `queryset` out of embargo: shared, or used by a live public page."""
    used = queryset.annotate(text_id=Cast("pk", output_field=CharField())).filter(
        text_id__in=_ids_used_by_public_pages(queryset.model)
    )
    return queryset.filter(
        Q(collection__in=shared_collections()) | Q(pk__in=used.values("pk"))
    )


def _ids_used_outside_pages(model):
    """Files a snippet or setting uses (logos, topic pictures): public by design."""
    return ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(model)
    ).exclude(base_content_type=ContentType.objects.get_for_model(Page))


def released_images(queryset):
    """Images out of embargo: as files (`released_files`), and also those a snippet or
    a setting uses, which the public site shows outside pages."""
    outside = queryset.annotate(text_id=Cast("pk", output_field=CharField())).filter(
        text_id__in=_ids_used_outside_pages(queryset.model).values("to_object_id")
    )
    return queryset.filter(
        Q(pk__in=released_files(queryset).values("pk")) | Q(pk__in=outside.values("pk"))
    )


def public_files(queryset):
    """The files of `queryset` anonymous visitors may download: released and in no
    collection with a privacy setting (for the API)."""
    return released_files(queryset).exclude(collection__in=restricted_collections())


def is_insider(user, obj, permission_policy):
    if not user.is_authenticated:
        return False
    return permission_policy.user_has_any_permission_for_instance(
        user, INSIDER_ACTIONS, obj
    )


def may_serve(request, obj, permission_policy):
    """Whether this request may download the document or media file `obj`.

    Collection privacy is checked separately (Wagtail's hook for documents,
    `view_restriction_refuses()` for media): a signed-in insider passes the embargo but
    not a password the collection asks for.
    """
    if is_insider(request.user, obj, permission_policy):
        return True
    return released_files(type(obj)._default_manager.filter(pk=obj.pk)).exists()


def view_restriction_refuses(request, collection):
    """True when a privacy setting of the collection (or a parent) refuses the request."""
    return any(
        not restriction.accept_request(request)
        for restriction in collection.get_view_restrictions()
    )
