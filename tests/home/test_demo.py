from django.core.management import call_command

from wagtail.models import Page

import pytest


@pytest.mark.django_db
def test_load_demo_twice_adds_nothing():
    pages_before = Page.objects.count()
    call_command("load_demo", verbosity=0)
    assert Page.objects.count() == pages_before


@pytest.mark.django_db
def test_every_german_page_has_a_real_english_translation():
    german = Page.objects.live().filter(locale__language_code="de", depth__gt=1)
    for page in german:
        translation = page.get_translations().filter(locale__language_code="en").first()
        assert translation is not None, f"{page} has no English translation"
        assert translation.alias_of_id is None, f"{page} is only an alias in English"
