"""A fix for wagtail-localize 1.14: foreign keys to a specific page type.

wagtail-localize finds the translation of a related object through the *base* content
type, so a translatable ForeignKey to e.g. `partners.PartnerProfilePage` receives a
plain `Page` and saving the translation fails ("must be a "PartnerProfilePage"
instance"). The patched lookup returns the specific page. Installed in CoreConfig.ready().
"""

from wagtail.models import Page
from wagtail_localize.segments import ingest

_original_handle_related_object = ingest.handle_related_object


def handle_related_object(related_model, src_locale, tgt_locale, segments):
    instance = _original_handle_related_object(
        related_model, src_locale, tgt_locale, segments
    )
    if isinstance(instance, Page) and not isinstance(instance, related_model):
        return instance.specific
    return instance


def install():
    """Replace the lookup in wagtail-localize's ingest module (idempotent)."""
    ingest.handle_related_object = handle_related_object
