"""Language helpers for translatable objects.

wagtail-localize copies many-to-many values (ParentalManyToManyField) unchanged into a
translation, so an English press release points to the German topic and partner
objects. Templates and queries therefore match related objects by `translation_key`
(or by a synchronised code/slug) and show the object of the reader's locale.
"""


def localized_many(objects, locale_id):
    """Return the translations of `objects` in `locale_id`, in the same order, in one query.

    Objects without a translation in that locale are returned unchanged.
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
    return [
        obj
        if obj.locale_id == locale_id
        else translations.get(obj.translation_key, obj)
        for obj in objects
    ]
