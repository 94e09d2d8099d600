"""Factories for partner profiles (tests and benchmarks)."""

import factory
import wagtail_factories

from .models import PartnerIndexPage, PartnerProfilePage


def partner_index(language="de"):
    """The partner directory of a language (every site has one)."""
    return PartnerIndexPage.objects.get(locale__language_code=language)


class PartnerProfilePageFactory(wagtail_factories.PageFactory):
    """A live network member below the German partner directory."""

    title = factory.Sequence(lambda n: f"Testmitglied {n}")
    slug = factory.Sequence(lambda n: f"testmitglied-{n}")
    short_name = factory.Sequence(lambda n: f"TM{n}")
    code = factory.Sequence(lambda n: f"testmitglied-{n}")
    parent = factory.LazyFunction(partner_index)

    class Meta:
        model = PartnerProfilePage
