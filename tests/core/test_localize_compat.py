"""Translatable foreign keys to a specific page type get the translated specific page.

The shim in tregks.core.localize_compat works around wagtail-localize issue 430; the
last test here fails once wagtail-localize fixes it, so that the shim is removed.
"""

from wagtail_localize.segments import ingest
from wagtail_localize.segments.types import RelatedObjectSegmentValue

import pytest

from partners.factories import PartnerProfilePageFactory, partner_index
from tregks.core import localize_compat
from tregks.core.translating import get_locale

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner_pair():
    german = PartnerProfilePageFactory()
    partner_index("en")  # the parent the copy goes below
    english = german.copy_for_translation(get_locale("en"))
    english.save_revision().publish()
    return german, english


def lookup(function, german, english):
    segment = RelatedObjectSegmentValue.from_instance("owner", german)
    return function(type(german), german.locale, english.locale, [segment])


def test_related_page_is_mapped_to_the_specific_translation(partner_pair):
    german, english = partner_pair
    mapped = lookup(ingest.handle_related_object, german, english)
    assert type(mapped) is type(german)
    assert mapped.pk == english.pk


def test_upstream_still_returns_a_plain_page(partner_pair):
    """Fails once wagtail-localize returns the specific page itself: then delete
    tregks/core/localize_compat.py and its install() call in CoreConfig.ready()."""
    german, english = partner_pair
    upstream = lookup(localize_compat.upstream_handle_related_object, german, english)
    assert upstream.pk == english.pk
    assert type(upstream) is not type(german), (
        f"wagtail-localize fixed {localize_compat.UPSTREAM_ISSUE}: remove the shim"
    )
