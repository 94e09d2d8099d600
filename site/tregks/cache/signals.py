"""What invalidates the page cache: every change that can alter a public page.

Pages: publish, unpublish, move, delete, any save other than a draft revision (this
covers synchronised aliases, which Wagtail updates after page_published), and
wagtail-localize's translation sync (it publishes the translated page). Other models:
translatable snippets such as Topic, site settings, images, documents, media,
redirects, sites, locales and page privacy, plus any model named in
settings.PAGE_CACHE_INVALIDATING_MODELS ("app_label.ModelName").

The generation is incremented at once (so this process's next request sees the
change) and again after the transaction commits (so that no other process can keep a
page it rendered from the old data in between under the new generation). When the
shared cache does not take it, the invalidation is recorded in the database and
applied when the cache answers again (generation.invalidate).
"""

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_delete, post_save

from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, PageViewRestriction, Site, TranslatableMixin
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import generation

DISPATCH_PREFIX = "tregks.cache."

SIGNAL_NAMES = {
    page_published: "publish",
    page_unpublished: "unpublish",
    post_page_move: "move",
    post_delete: "delete",
    post_save: "save",
}


def invalidate(sender, signal=None, instance=None, **kwargs):
    """Signal receiver: every cached page is stale from now on."""
    what = SIGNAL_NAMES.get(signal, "change")
    label = sender._meta.label if hasattr(sender, "_meta") else str(sender)
    generation.invalidate(f"{what} {label} #{getattr(instance, 'pk', '?')}")


# Fields Wagtail saves while an editor works on a draft; the live page stays the same.
DRAFT_BOOKKEEPING_FIELDS = {
    "comments",
    "wagtail_admin_comments",
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "has_unpublished_changes",
    "locked",
    "locked_at",
    "locked_by",
}


def invalidate_after_page_save(sender, instance, update_fields=None, **kwargs):
    """A page saved directly (code, aliases updated after a publish, tree changes).

    Saving a draft revision only touches bookkeeping fields and keeps the cache.
    """
    if update_fields is None or set(update_fields) - DRAFT_BOOKKEEPING_FIELDS:
        invalidate(sender, signal=post_save, instance=instance)


def invalidate_after_setting_save(sender, instance, created=False, **kwargs):
    """Site settings: a change invalidates; their first save does not.

    Wagtail makes a setting's row with its defaults the first time a page or the admin
    reads it (`for_site`/`load` are get_or_create); the page that read it was rendered
    with those very defaults, and the admin saves an editor's values as a second save.
    """
    if not created:
        invalidate(sender, signal=post_save, instance=instance)


def purge_ancestors(sender, instance, **kwargs):
    """CDN: purge the indexes and the home page above a page, not only the page.

    wagtail.contrib.frontend_cache purges the page itself; listings above it would
    otherwise show the old state until their s-maxage ends.
    """
    if not get_backends():
        return
    batch = PurgeBatch()
    batch.add_pages(instance.get_ancestors().filter(depth__gt=1).live().specific())
    batch.purge()


def watched_models():
    """Non-page models whose changes can alter a public page."""
    base_classes = (
        TranslatableMixin,
        BaseSiteSetting,
        BaseGenericSetting,
        AbstractImage,
        AbstractDocument,
        Site,
        Locale,
        PageViewRestriction,  # a page that becomes private must leave the cache
    )
    extra = set(getattr(settings, "PAGE_CACHE_INVALIDATING_MODELS", ()))
    extra |= {"wagtailredirects.Redirect", "wagtailmedia.Media"}
    models = []
    for model in apps.get_models():
        if issubclass(model, Page):
            continue
        if issubclass(model, base_classes) or model._meta.label in extra:
            models.append(model)
    return models


def connect():
    page_published.connect(invalidate, dispatch_uid=DISPATCH_PREFIX + "published")
    page_unpublished.connect(invalidate, dispatch_uid=DISPATCH_PREFIX + "unpublished")
    post_page_move.connect(invalidate, dispatch_uid=DISPATCH_PREFIX + "moved")
    page_published.connect(purge_ancestors, dispatch_uid=DISPATCH_PREFIX + "purge-p")
    page_unpublished.connect(purge_ancestors, dispatch_uid=DISPATCH_PREFIX + "purge-u")
    # post_delete and post_save per model: a receiver without a sender would switch
    # off Django's fast bulk delete for every model.
    for model in apps.get_models():
        if issubclass(model, Page):
            uid = f"{DISPATCH_PREFIX}{model._meta.label}"
            post_delete.connect(invalidate, sender=model, dispatch_uid=uid + ".delete")
            post_save.connect(
                invalidate_after_page_save, sender=model, dispatch_uid=uid + ".save"
            )
    for model in watched_models():
        uid = f"{DISPATCH_PREFIX}{model._meta.label}"
        on_save = (
            invalidate_after_setting_save
            if issubclass(model, (BaseSiteSetting, BaseGenericSetting))
            else invalidate
        )
        post_save.connect(on_save, sender=model, dispatch_uid=uid + ".save")
        post_delete.connect(invalidate, sender=model, dispatch_uid=uid + ".delete")
