"""The one shim for an upstream bug: wagtail-localize's lookup of related pages.

wagtail-localize 1.14 finds the translation of a related object through the *base*
content type, so a translatable ForeignKey to a specific page type (here
`partners.PartnerProfilePage`) receives a plain `Page`, and saving the translation
fails ("must be a "PartnerProfilePage" instance"). Upstream issue, open:
https://github.com/wagtail/wagtail-localize/issues/430

wagtail-localize offers no hook for this, so the module function
`wagtail_localize.segments.ingest.handle_related_object` is wrapped; the wrapper returns
the specific page. Installed in CoreConfig.ready(). tests/core/test_localize_compat.py
has a test that fails as soon as upstream returns the specific page itself: then
delete this module and its `install()` call.
"""

from wagtail.models import Page
from wagtail_localize.segments import ingest

UPSTREAM_ISSUE = "https://github.com/wagtail/wagtail-localize/issues/430"

# wagtail-localize's own function, kept for the wrapper and for the test that notices
# the upstream fix.
upstream_handle_related_object = ingest.handle_related_object


def handle_related_object(related_model, src_locale, tgt_locale, segments):
    instance = upstream_handle_related_object(
        related_model, src_locale, tgt_locale, segments
    )
    if isinstance(instance, Page) and not isinstance(instance, related_model):
        return instance.specific
    return instance


def install():
    """Replace the lookup in wagtail-localize's ingest module (idempotent)."""
    ingest.handle_related_object = handle_related_object
