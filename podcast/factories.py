"""Factories of the podcast pages (tests and benchmarks).

`PodcastEpisodePageFactory()` alone makes an episode of the German show (made below the
home page when missing) with a stand-in audio item.
"""

import datetime

import factory

from home.factories import home_page
from partners.factories import PartnerProfilePageFactory
from tregks.core.factories import (
    TranslatablePageFactory,
    first_page,
    make_image,
    make_media,
    topics,
    translate_page,
)

from .models import PodcastEpisodePage, PodcastShowPage


class PodcastShowPageFactory(TranslatablePageFactory):
    title = factory.Sequence(lambda n: f"Testpodcast {n}")
    slug = factory.Sequence(lambda n: f"testpodcast-{n}")
    description = "Ein Podcast für Tests."
    artwork = factory.LazyFunction(lambda: make_image("Cover", (1400, 1400)))
    artwork_alt = "Schriftzug des Podcasts"
    author = "Testredaktion"
    owner_name = "Testredaktion"
    owner_email = "podcast@example.org"
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = PodcastShowPage


def podcast_show(language_code="de"):
    """The podcast show of this language, made (and translated) when missing."""
    german = first_page(PodcastShowPage, "de") or PodcastShowPageFactory(
        title="Testpodcast", slug="podcast"
    )
    if language_code == "de":
        return german
    return first_page(PodcastShowPage, language_code) or translate_page(
        german, language_code
    )


class PodcastEpisodePageFactory(TranslatablePageFactory):
    """A live episode; without `parent=` it belongs to the German show."""

    title = factory.Sequence(lambda n: f"Testfolge {n}")
    slug = factory.Sequence(lambda n: f"testfolge-{n}")
    episode_number = factory.Sequence(lambda n: 100 + n)
    release_date = factory.Sequence(
        lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n % 300)
    )
    summary = "Worum es in der Folge geht."
    transcript = "<p>Was in der Folge gesagt wird.</p>"
    audio = factory.LazyFunction(make_media)
    parent = factory.LazyFunction(podcast_show)

    class Meta:
        model = PodcastEpisodePage

    class Params:
        # An episode with a guest, topics, show notes and an image of its own.
        rich = factory.Trait(
            guests=factory.LazyFunction(lambda: [PartnerProfilePageFactory()]),
            topics=factory.LazyFunction(
                lambda: topics("qualifizierung", "arbeitsbeziehungen")
            ),
            show_notes='<h3>Links</h3><ul><li><a href="https://example.org/">'
            "Mehr dazu</a></li></ul>",
            episode_image=factory.LazyFunction(
                lambda: make_image("Folgenbild", (1400, 1400))
            ),
        )
