"""Factories for press releases (tests and benchmarks)."""

import datetime

import factory
import wagtail_factories

from .models import PressReleasePage


class PressReleasePageFactory(wagtail_factories.PageFactory):
    """A live release; pass `parent=<PartnerSectionPage>` and set M2M values afterwards."""

    title = factory.Sequence(lambda n: f"Testmitteilung {n}")
    slug = factory.Sequence(lambda n: f"testmitteilung-{n}")
    release_date = factory.Sequence(
        lambda n: datetime.date(2022, 1, 1) + datetime.timedelta(days=n % 300)
    )
    lead = "Eine kurze Zusammenfassung der Mitteilung."

    class Meta:
        model = PressReleasePage
