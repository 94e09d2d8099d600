"""Factories of the partner pages (tests and benchmarks).

A profile is made below the German partner directory (made when missing); a partner
section below a shared index (press, stories) with `section_for(index, partner)`.
"""

import factory

from home.factories import home_page
from tregks.core.factories import (
    TranslatablePageFactory,
    first_page,
    get_locale,
    make_image,
    topics,
    translate_page,
)
from tregks.editorial.setup import setup_partner

from .models import (
    PartnerIndexPage,
    PartnerProfilePage,
    PartnerRole,
    PartnerSectionPage,
)


class PartnerIndexPageFactory(TranslatablePageFactory):
    title = "Partner"
    slug = "partner"
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = PartnerIndexPage


def partner_index(language_code="de"):
    """The partner directory of this language, made (and translated) when missing."""
    german = first_page(PartnerIndexPage, "de") or PartnerIndexPageFactory()
    if language_code == "de":
        return german
    return first_page(PartnerIndexPage, language_code) or translate_page(
        german, language_code, title="Partners", slug="partners"
    )


class PartnerProfilePageFactory(TranslatablePageFactory):
    """A network member's profile; `role=PartnerRole.COMPANY` for a company. A
    consortium partner (`role=PartnerRole.PARTNER` or `LEAD`, or `consortium_partner()`)
    also gets its sections below every index, groups and workflow when it is published,
    which costs seconds: ask for one only where a test is about that."""

    title = factory.Sequence(lambda n: f"Testpartner {n}")
    slug = factory.Sequence(lambda n: f"testpartner-{n}")
    short_name = factory.Sequence(lambda n: f"TP{n}")
    code = factory.Sequence(lambda n: f"testpartner-{n}")
    role = PartnerRole.MEMBER
    description = "<p>Was der Partner tut und was er in das Netzwerk einbringt.</p>"
    parent = factory.LazyFunction(partner_index)

    class Meta:
        model = PartnerProfilePage

    class Params:
        # A profile with its logo, public contact, website and an expert group led.
        rich = factory.Trait(
            logo=factory.LazyFunction(lambda: make_image("Logo", (600, 300))),
            website="https://example.org/",
            street="Teststraße 1",
            postcode="12345",
            city="Musterstadt",
            contact_email="kontakt@example.org",
            expert_groups=factory.LazyFunction(lambda: topics("digitalisierung")),
        )


class PartnerSectionPageFactory(TranslatablePageFactory):
    """A partner's section below a shared index: pass `parent=<index>` and `partner=`."""

    title = factory.LazyAttribute(lambda o: o.partner.title)
    slug = factory.LazyAttribute(lambda o: o.partner.code)
    partner = factory.SubFactory(PartnerProfilePageFactory)

    class Meta:
        model = PartnerSectionPage


def section_for(index, partner=None, english=False):
    """The section of a German `partner` (a new one when None) below the German `index`,
    made when missing; `english=True` also translates it (and the index, if needed)."""
    partner = partner or PartnerProfilePageFactory()
    section = (
        PartnerSectionPage.objects.child_of(index)
        .filter(partner__code=partner.code)
        .first()
    )
    if section is None:
        section = PartnerSectionPageFactory(parent=index, partner=partner)
    section = section.specific
    if english:
        translation = section.get_translation_or_none(get_locale("en"))
        if translation is None or translation.alias_of_id:
            translate_page(section, "en")
    return section


def consortium_partner(role=PartnerRole.PARTNER, **fields):
    """A consortium partner as an administrator adds one: its profile in German and
    English, then its sections below every shared index that exists, its editor and
    approver groups, collection and workflow (tregks.editorial.setup)."""
    profile = PartnerProfilePageFactory(role=role, english=True, **fields)
    setup_partner(profile)
    return profile
