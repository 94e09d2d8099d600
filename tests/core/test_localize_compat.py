"""Translatable foreign keys to a specific page type get the translated specific page."""

from wagtail_localize.segments import ingest
from wagtail_localize.segments.types import RelatedObjectSegmentValue

import pytest

from partners.models import PartnerProfilePage

pytestmark = pytest.mark.django_db


def test_related_page_is_mapped_to_the_specific_translation():
    german = PartnerProfilePage.objects.get(locale__language_code="de", code="agv")
    english = PartnerProfilePage.objects.get(locale__language_code="en", code="agv")
    segment = RelatedObjectSegmentValue.from_instance("owner", german)
    mapped = ingest.handle_related_object(
        PartnerProfilePage, german.locale, english.locale, [segment]
    )
    assert type(mapped) is PartnerProfilePage
    assert mapped.pk == english.pk
