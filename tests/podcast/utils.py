"""Helpers for the podcast tests: a podcast of the test's own, images and audio items."""

import io
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail.test.utils.form_data import nested_form_data, rich_text
from wagtailmedia import get_media_model

from PIL import Image as PILImage

from podcast.factories import PodcastEpisodePageFactory, PodcastShowPageFactory
from podcast.models import PodcastEpisodePage, PodcastShowPage
from tregks.core.factories import topics

DEMO_MEDIA = (
    Path(__file__).resolve().parents[2]
    / "site"
    / "tregks"
    / "demo"
    / "media"
    / "podcast"
)


def show(language_code="de"):
    return PodcastShowPage.objects.get(
        locale__language_code=language_code, alias_of__isnull=True
    )


def episode(number, language_code="de"):
    return PodcastEpisodePage.objects.get(
        locale__language_code=language_code, episode_number=number
    )


def make_image(width, height, title=None):
    """A stored Wagtail image of exactly this size."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "#336699").save(buffer, format="PNG")
    image = get_image_model()(title=title or f"Test {width}x{height}")
    image.file = ImageFile(buffer, name=f"test-{width}x{height}.png")
    image.save()
    return image


def make_audio(content, name, media_type="audio"):
    """A stored wagtailmedia item with these bytes as its file."""
    media = get_media_model()(title=name, type=media_type)
    media.file.save(name, ContentFile(content), save=False)
    media.save()
    return media


def demo_mp3(number):
    return (DEMO_MEDIA / f"folge-{number}.mp3").read_bytes()


def partner_profiles(code):
    """(German, English) live profiles of a partner: the demo's, or new ones."""
    from home.models import HomePage
    from partners.models import PartnerIndexPage, PartnerProfilePage

    german, english = (Locale.objects.get(language_code=c) for c in ("de", "en"))
    profile = PartnerProfilePage.objects.filter(
        locale=german, code=code, alias_of__isnull=True
    ).first()
    if profile is None:
        index = PartnerIndexPage.objects.filter(locale=german).first()
        if index is None:
            index = PartnerIndexPage(title="Partner", slug="partner")
            HomePage.objects.get(locale=german).add_child(instance=index)
            index.save_revision().publish()
        profile = PartnerProfilePage(
            title=f"Partner {code}", slug=code, short_name=code.upper(), code=code
        )
        index.add_child(instance=profile)
        profile.save_revision().publish()
    translated = profile.get_translation_or_none(english)
    if translated is None or translated.alias_of_id:
        if translated is not None:
            translated.delete()
        translated = profile.copy_for_translation(english, copy_parents=True)
        translated.title = f"{profile.title} (EN)"
        translated.save_revision().publish()
    return profile, translated.specific


ARTWORK_ALT = {
    "de": "Schriftzug des Testpodcasts auf blauem Grund",
    "en": "The test podcast's lettering on a blue background",
}


# Topics of the three episodes, as a show's topic filter needs them.
TOPICS = {
    1: ["arbeitsbeziehungen"],
    2: ["qualifizierung"],
    3: ["qualifizierung", "arbeitsbeziehungen"],
}


def make_podcast():
    """A show with three episodes in German and English; the audio is German."""
    show = PodcastShowPageFactory(
        description="Ein Podcast über den Wandel in Betrieben.",
        # As a real show has them: directories list a show by its category.
        apple_category="Business",
        apple_subcategory="Management",
        artwork=make_image(1400, 1400),
        artwork_alt=ARTWORK_ALT["de"],
        english={
            "description": "A podcast about change at work.",
            "artwork_alt": ARTWORK_ALT["en"],
        },
    )
    for number in (1, 2, 3):
        PodcastEpisodePageFactory(
            parent=show,
            title=f"Folge {number}: Wandel im Betrieb",
            episode_number=number,
            season_number=1,
            # Newer than any other episode, so that these lead every list.
            release_date=f"2030-0{number}-01",
            # The expert-group topics (all five made, with English names, when missing).
            topics=topics(*TOPICS[number]),
            audio=make_audio(demo_mp3(number), f"folge-{number}.mp3"),
            transcript=f"<p>Willkommen zu Folge {number}.</p>",
            english={
                "title": f"Episode {number}: Change at work",
                "transcript": f"<p>Welcome to episode {number}.</p>",
            },
        )
    return show


# This test's podcast (tests/podcast/conftest.py empties it before each test).
MADE = {}


def own_show(language="de"):
    """This test's podcast (made on first use) in a language."""
    if "show" not in MADE:
        MADE["show"] = make_podcast().pk
    german = PodcastShowPage.objects.get(pk=MADE["show"])
    if language == "de":
        return german
    return german.get_translation(Locale.objects.get(language_code=language))


def own_episode(number, language="de"):
    return PodcastEpisodePage.objects.child_of(own_show(language)).get(
        episode_number=number
    )


# What the admin's page forms post (tests/podcast/test_pages.py, test_page_rules.py).


def show_form_data(page, **overrides):
    data = {
        "title": page.title,
        "slug": page.slug,
        "description": page.description,
        "artwork": page.artwork_id,
        "owner_partner": page.owner_partner_id or "",
        "author": page.author,
        "owner_name": page.owner_name,
        "owner_email": page.owner_email,
        "apple_category": page.apple_category,
        "apple_subcategory": page.apple_subcategory,
        "explicit": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def episode_form_data(**overrides):
    data = {
        "title": "Folge 4: Wasserstoff im Mittelstand",
        "slug": "folge-4-wasserstoff",
        "episode_number": 4,
        "season_number": 1,
        "release_date": "2024-05-02",
        "audio_language": "de",
        "summary": "Was Wasserstoff für kleine Betriebe bedeutet.",
        "show_notes": rich_text("<h3>Worum es geht</h3><p>Wasserstoff.</p>"),
        "transcript": rich_text("<p>Willkommen zu Folge vier.</p>"),
    }
    data.update(overrides)
    return nested_form_data(data)
