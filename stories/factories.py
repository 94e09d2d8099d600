"""Factories of the video story pages (tests and benchmarks).

`VideoStoryPageFactory()` alone makes a story of a new company in a new partner's
section below the story index (all made when missing), with a YouTube address and a
generated poster.
"""

import datetime

import factory

from home.factories import home_page
from partners.factories import PartnerProfilePageFactory, section_for
from partners.models import PartnerRole
from tregks.core.factories import (
    WEBVTT,
    TranslatablePageFactory,
    first_page,
    make_document,
    make_image,
    make_media,
    topics,
    translate_page,
)

from .models import StoryIndexPage, VideoStoryPage


class StoryIndexPageFactory(TranslatablePageFactory):
    title = "Geschichten"
    slug = "geschichten"
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = StoryIndexPage


def story_index(language_code="de"):
    """The story index of this language, made (and translated) when missing."""
    german = first_page(StoryIndexPage, "de") or StoryIndexPageFactory()
    if language_code == "de":
        return german
    return first_page(StoryIndexPage, language_code) or translate_page(
        german, language_code, title="Stories", slug="stories"
    )


def story_section(partner=None, english=False):
    """A partner's section below the story index (a new partner when None)."""
    if english:
        story_index("en")  # the English index with its own title and slug
    return section_for(story_index("de"), partner, english=english)


class VideoStoryPageFactory(TranslatablePageFactory):
    """A live story; without `parent=` it goes into a new partner's section."""

    title = factory.Sequence(lambda n: f"Testgeschichte {n}")
    slug = factory.Sequence(lambda n: f"testgeschichte-{n}")
    date = factory.Sequence(
        lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n % 300)
    )
    company = factory.SubFactory(PartnerProfilePageFactory, role=PartnerRole.COMPANY)
    summary = "Eine kurze Zusammenfassung."
    transcript = "<p><b>Moderation:</b> Eine Frage.</p>"
    duration = "1:00 Min."
    poster = factory.LazyFunction(lambda: make_image("Standbild", (1280, 720)))
    video_url = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    parent = factory.LazyFunction(story_section)

    class Meta:
        model = VideoStoryPage

    class Params:
        # A video uploaded to the site with its caption track, and topics.
        rich = factory.Trait(
            video_url="",
            video_file=factory.LazyFunction(
                lambda: make_media(b"\x1aE\xdf\xa3", "video.webm", "video")
            ),
            captions=factory.LazyFunction(
                lambda: make_document("Untertitel", "untertitel.vtt", WEBVTT)
            ),
            topics=factory.LazyFunction(lambda: topics("qualifizierung")),
        )
