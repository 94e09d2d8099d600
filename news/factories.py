"""Factories of the press pages (tests and benchmarks).

`PressReleasePageFactory()` alone makes a release in a new partner's section below the
press index (both made when missing); pass `parent=<PartnerSectionPage>` to choose, and
`english={...}` for its translation.
"""

import datetime

from wagtail.rich_text import RichText

import factory

from home.factories import home_page
from partners.factories import section_for
from tregks.core.factories import (
    TranslatablePageFactory,
    first_page,
    make_document,
    make_image,
    topics,
    translate_page,
)

from .models import NewsIndexPage, PressReleasePage


class NewsIndexPageFactory(TranslatablePageFactory):
    title = "Presse"
    slug = "presse"
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = NewsIndexPage


def news_index(language_code="de"):
    """The press index of this language, made (and translated) when missing."""
    german = first_page(NewsIndexPage, "de") or NewsIndexPageFactory()
    if language_code == "de":
        return german
    return first_page(NewsIndexPage, language_code) or translate_page(
        german, language_code, title="Press", slug="press"
    )


def news_section(partner=None, english=False):
    """A partner's press section (a new partner when None), made when missing."""
    if english:
        news_index("en")  # the English index with its own title and slug
    return section_for(news_index("de"), partner, english=english)


class PressReleasePageFactory(TranslatablePageFactory):
    """A live release; without `parent=` it goes into a new partner's section."""

    title = factory.Sequence(lambda n: f"Testmitteilung {n}")
    slug = factory.Sequence(lambda n: f"testmitteilung-{n}")
    release_date = factory.Sequence(
        lambda n: datetime.date(2022, 1, 1) + datetime.timedelta(days=n % 300)
    )
    lead = "Eine kurze Zusammenfassung der Mitteilung."
    parent = factory.LazyFunction(news_section)

    class Meta:
        model = PressReleasePage

    class Params:
        # A release as readers see most: picture, topics, its issuing partner (the
        # section's), a body with a quote, a download and a related release.
        rich = factory.Trait(
            image=factory.LazyFunction(lambda: make_image("Pressebild", (1200, 675))),
            image_caption="Bildunterschrift",
            image_credit="Testfoto",
            topics=factory.LazyFunction(
                lambda: topics("digitalisierung", "arbeitsbeziehungen")
            ),
            issuing_partners=factory.LazyAttribute(
                lambda o: [o.parent.specific.partner]
            ),
            body=factory.LazyFunction(
                lambda: [
                    ("heading", {"text": "Zwischentitel", "level": "h2"}),
                    ("paragraph", RichText("<p>Ein Absatz mit <b>Text</b>.</p>")),
                    ("quote", {"quote": "Ein Zitat.", "source": "Eine Person"}),
                ]
            ),
            downloads=factory.LazyFunction(
                lambda: [("document", {"document": make_document(), "label": ""})]
            ),
            related_pages=factory.LazyAttribute(
                lambda o: [("page", PressReleasePageFactory(parent=o.parent))]
            ),
            contact_role="Pressestelle",
            contact_email="presse@example.org",
        )
