"""Language helpers for translatable objects.

wagtail-localize copies many-to-many values (ParentalManyToManyField) unchanged into a
translation, so an English press release points to the German topic and partner
objects. Templates and queries therefore match related objects by `translation_key`
(or by a synchronised code/slug) and show the object of the reader's locale.
"""

from django.db.models import BooleanField, Case, Q, QuerySet, Value, When


def localized_many(objects, locale_id):
    """Return the translations of `objects` in `locale_id`, in the same order.

    Objects without a translation in that locale are returned unchanged. A queryset
    not yet evaluated (e.g. `page.topics.all()`) costs one query for the objects and
    their translations together; a list (or a prefetched queryset) costs one query for
    the translations, none if all are in `locale_id` already.
    """
    if isinstance(objects, QuerySet) and objects._result_cache is None:
        return _localized_queryset(objects, locale_id)
    objects = list(objects)
    if not objects:
        return []
    manager = type(objects[0])._default_manager
    keys = {obj.translation_key for obj in objects if obj.locale_id != locale_id}
    if not keys:
        return objects
    translations = {
        obj.translation_key: obj
        for obj in manager.filter(translation_key__in=keys, locale_id=locale_id)
    }
    return _swap(objects, translations, locale_id)


def _localized_queryset(objects, locale_id):
    """One query: the objects (flagged) plus their translations in `locale_id`."""
    wanted = objects.values("pk")
    rows = objects.model._default_manager.filter(
        Q(pk__in=wanted)
        | Q(locale_id=locale_id, translation_key__in=objects.values("translation_key"))
    ).annotate(
        _is_requested=Case(
            When(pk__in=wanted, then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
    )
    if objects.query.order_by:
        rows = rows.order_by(*objects.query.order_by)
    rows = list(rows)
    translations = {
        row.translation_key: row for row in rows if row.locale_id == locale_id
    }
    return _swap([row for row in rows if row._is_requested], translations, locale_id)


def localized_pages(pages, locale_id):
    """Each page's live translation in `locale_id`, else the page (as `Page.localized`).

    One query for all pages instead of two per page.
    """
    from wagtail.models import Page

    pages = list(pages)
    keys = {page.translation_key for page in pages if page.locale_id != locale_id}
    if not keys:
        return pages
    translations = {
        page.translation_key: page
        for page in Page.objects.live().filter(
            translation_key__in=keys, locale_id=locale_id
        )
    }
    return _swap(pages, translations, locale_id)


def _swap(objects, translations, locale_id):
    return [
        obj
        if obj.locale_id == locale_id
        else translations.get(obj.translation_key, obj)
        for obj in objects
    ]
