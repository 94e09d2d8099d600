"""Factories for partner pages (tests). Pass `parent=` (an index, a home page)."""

import factory
import wagtail_factories

from .models import (
    PartnerIndexPage,
    PartnerProfilePage,
    PartnerRole,
    PartnerSectionPage,
)


class PartnerIndexPageFactory(wagtail_factories.PageFactory):
    title = "Partner"
    slug = factory.Sequence(lambda n: f"partner-test-{n}")

    class Meta:
        model = PartnerIndexPage


class PartnerProfilePageFactory(wagtail_factories.PageFactory):
    """A live consortium partner; `short_name` names its editorial groups."""

    title = factory.Sequence(lambda n: f"Testpartner {n}")
    slug = factory.Sequence(lambda n: f"testpartner-{n}")
    short_name = factory.Sequence(lambda n: f"TP{n}")
    code = factory.Sequence(lambda n: f"testpartner-{n}")
    role = PartnerRole.PARTNER

    class Meta:
        model = PartnerProfilePage


class PartnerSectionPageFactory(wagtail_factories.PageFactory):
    title = factory.LazyAttribute(lambda o: o.partner.title)
    slug = factory.LazyAttribute(lambda o: o.partner.code)

    class Meta:
        model = PartnerSectionPage
