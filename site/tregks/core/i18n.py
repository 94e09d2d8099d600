"""Language helpers for translatable objects.

wagtail-localize copies many-to-many values (ParentalManyToManyField) unchanged into a
translation, so an English press release points to the German topic and partner
objects. Templates and queries therefore match related objects by `translation_key`
(or by a synchronised code/slug) and show the object of the reader's locale.
"""

from django.db.models import Q, QuerySet

from wagtail.models import Locale, Page

from tregks.cache.generation import cached_for_generation


def localized_many(objects, locale_id):
    """Return the translations of `objects` in `locale_id`, in the same order.

    Objects without a translation in that locale are returned unchanged. One query for
    the translations, none when every object is in `locale_id` already (a German page's
    topics): cheaper than fetching objects and translations in one combined query,
    whose SQL costs more to build than a second simple query.
    """
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


def localized_choices(related_manager, locale_id):
    """The objects of a many-to-many field in `locale_id`, in the field's order.

    For the few, often shown objects of small models (topics, consortium partners):
    one query for the chosen ids, then a table of every object of the model in the
    reader's language, built once per cache generation and shared by every render
    (`cached_for_generation`). A press release, story or episode rendered after a
    publish then no longer loads its partners and topics with their translations.
    Treat the objects as read-only.
    """
    model = related_manager.model
    chosen = related_manager.all()
    if isinstance(chosen, QuerySet):
        ids = list(chosen.values_list("pk", flat=True))
    else:  # a preview's unsaved choices (modelcluster keeps them in memory)
        ids = [obj.pk for obj in chosen]
    table = _kept_table(model, locale_id) if ids else {}
    return [table[pk] for pk in ids if pk in table]


def localized_kept(objects, locale_id):
    """The translations of `objects` (of one small model, as for `localized_choices`)
    in `locale_id`, in the same order, from the table kept per cache generation: no
    query once the table is built. For objects already at hand (a show's partner
    loaded with the page, the topics prefetched for a feed's items). Treat the
    objects as read-only."""
    objects = list(objects)
    if not objects:
        return []
    table = _kept_table(type(objects[0]), locale_id)
    return [table.get(obj.pk, obj) for obj in objects]


def _kept_table(model, locale_id):
    return cached_for_generation(
        f"localized-table:{model._meta.label_lower}:{locale_id}",
        lambda: _localized_table(model, locale_id),
    )


def _localized_table(model, locale_id):
    objects = list(model._default_manager.all())
    own = {obj.translation_key: obj for obj in objects if obj.locale_id == locale_id}
    return {obj.pk: own.get(obj.translation_key, obj) for obj in objects}


def localized_pages_by_id(ids, locale_id):
    """The live pages with these ids (a page chooser's stored values), in that order,
    each as its live translation in `locale_id` where there is one (as
    `Page.localized`), in one query for all of them."""
    ids = list(ids)
    if not ids:
        return []
    keys = Page.objects.filter(pk__in=ids).values("translation_key")
    found = list(
        Page.objects.live().filter(
            Q(pk__in=ids) | Q(locale_id=locale_id, translation_key__in=keys)
        )
    )
    chosen = {page.pk: page for page in found if page.pk in ids}
    translations = {
        page.translation_key: page for page in found if page.locale_id == locale_id
    }
    return [
        translations.get(chosen[pk].translation_key, chosen[pk])
        for pk in ids
        if pk in chosen
    ]


def _swap(objects, translations, locale_id):
    return [
        obj
        if obj.locale_id == locale_id
        else translations.get(obj.translation_key, obj)
        for obj in objects
    ]


def _locale_codes():
    return cached_for_generation(
        "locale-codes", lambda: dict(Locale.objects.values_list("pk", "language_code"))
    )


def language_code(locale_id):
    """The language code of a locale from the kept list of locales (no query)."""
    return _locale_codes().get(locale_id, "")


def locale_id_for(code):
    """The id of the locale of a language code, from the same kept list."""
    return next((pk for pk, value in _locale_codes().items() if value == code), None)


def create_content_locales(using="default", **kwargs):
    """post_migrate: a locale for every language of WAGTAIL_CONTENT_LANGUAGES.

    Wagtail's migrations make the default language's locale only; without the English
    one a fresh site (no demo) offers translators no language to translate into until
    an administrator adds it under Settings → Locales.
    """
    from django.conf import settings

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.using(using).get_or_create(language_code=code)
