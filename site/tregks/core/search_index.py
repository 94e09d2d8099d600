"""When a page's search index entry is rewritten: on a save that can change what the
index holds, not on the bookkeeping save of an editor's draft.

modelsearch rewrites an object's index entry after every save (its own signal
handlers), also when Wagtail saves a draft revision, which changes only the page's
revision bookkeeping (latest revision, draft title, unpublished changes). The live
text is the same, yet each such save rewrote the entry and, on PostgreSQL, let
modelsearch recompute its title norms over the whole index table. BasePage switches
modelsearch's handlers off (`search_auto_update = False`, modelsearch's own switch)
and these take over: every other save goes to modelsearch's own indexing task, every
deletion to its `remove_object`.

What the index holds: the text of SearchField, AutocompleteField and RelatedFields on
the database backend (it filters on the page table itself); a search engine
(SEARCH_BACKEND elasticsearch…/opensearch…) keeps the FilterFields too.
"""

import functools

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db.models.signals import post_delete, post_save

from modelsearch import index
from modelsearch.tasks import insert_or_update_object_task

# Any save, whatever it changed, rewrites the entry.
EVERY_SAVE = None


def fields_in_the_index(model):
    """Names (and column names) of the model's fields whose values the index keeps,
    or EVERY_SAVE when one of them is not a model field (a method may read any)."""
    return _fields_in_the_index(model, settings.SEARCH_BACKEND != "database")


@functools.cache
def _fields_in_the_index(model, with_filter_fields):
    kinds = (index.SearchField, index.AutocompleteField, index.RelatedFields)
    if with_filter_fields:
        kinds += (index.FilterField,)
    names = set()
    for search_field in model.get_search_fields():
        if not isinstance(search_field, kinds):
            continue
        try:
            field = model._meta.get_field(search_field.field_name)
        except FieldDoesNotExist:
            return EVERY_SAVE
        names |= {field.name, getattr(field, "attname", field.name)}
    return frozenset(names)


@functools.cache
def many_to_many_in_the_index(model):
    """Names of the many-to-many fields the index reads (RelatedFields), which
    `BasePage.get_indexed_instance` prefetches."""
    return [
        search_field.field_name
        for search_field in model.get_search_fields()
        if isinstance(search_field, index.RelatedFields)
        and model._meta.get_field(search_field.field_name).many_to_many
    ]


def changes_the_index(model, update_fields):
    if update_fields is None:  # a plain save() may have changed anything
        return True
    indexed = fields_in_the_index(model)
    return indexed is EVERY_SAVE or not indexed.isdisjoint(update_fields)


def update_index_after_save(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or not changes_the_index(sender, update_fields):
        return
    insert_or_update_object_task.enqueue(
        sender._meta.app_label, sender._meta.model_name, str(instance.pk)
    )


def remove_from_index(sender, instance, **kwargs):
    index.remove_object(instance)


def connect(base_class):
    """Keep the index of every indexed model below `base_class` that has switched
    modelsearch's own handlers off."""
    for model in index.get_indexed_models():
        if issubclass(model, base_class) and not model.search_auto_update:
            uid = f"tregks.search_index.{model._meta.label}"
            post_save.connect(
                update_index_after_save, sender=model, dispatch_uid=uid + ".save"
            )
            post_delete.connect(
                remove_from_index, sender=model, dispatch_uid=uid + ".delete"
            )
