"""Demo builder of the podcast: the show "Kassel fährt voraus" and its episodes.

The texts are in data/podcast.yaml. The episodes' audio is committed in media/podcast/
(spoken by espeak-ng from the German transcripts in folge-N.txt, encoded by lame; see
make_audio.sh); the builder only copies the MP3 files into media storage.
"""

from pathlib import Path

from django.core.files import File

from wagtail.models import Locale
from wagtailmedia import get_media_model

import mutagen

from partners.models import PartnerProfilePage
from podcast.models import PodcastEpisodePage, PodcastShowPage
from tregks.core.models import Topic

from .data import load, pair
from .pages import (
    Phrasebook,
    demo_image,
    get_or_create_child,
    translate,
    translate_tree,
)

MEDIA_DIR = Path(__file__).resolve().parent / "media" / "podcast"


def build(context, options=None, stdout=None):
    data = load("podcast")
    home = context["home_de"]
    german = Locale.objects.get(language_code="de")
    partners = _partners(german)
    show = _show(home, data["show"], partners)
    for episode in data["episodes"]:
        _episode(show, episode, data, partners, german)
    if stdout is not None and (options or {}).get("verbosity", 1) > 1:
        stdout.write(
            f"Podcast: show and {len(data['episodes'])} episodes in German and English."
        )


def _partners(locale):
    """German partner profiles by code; missing ones are skipped."""
    return {
        page.code: page
        for page in PartnerProfilePage.objects.filter(locale=locale).filter(
            alias_of__isnull=True
        )
    }


def _show(home, spec, partners):
    t = Phrasebook()
    art = spec["artwork"]
    artwork = demo_image(
        art["title"],
        art["text"],
        colour=art["colour"],
        size=tuple(art["size"]),
        alt_text=art["alt_text"],
    )
    show = get_or_create_child(
        home,
        PodcastShowPage,
        spec["slug"]["de"],
        title=pair(t, spec["title"]),
        description=pair(t, spec["description"]),
        artwork=artwork,
        artwork_alt=pair(t, spec["artwork_alt"]),
        author=spec["author"],
        owner_name=spec["owner_name"],
        owner_email=spec["owner_email"],
        apple_category=spec["apple_category"],
        apple_subcategory=spec["apple_subcategory"],
        explicit=spec["explicit"],
        owner_partner=partners.get(spec["owner_partner"]),
        show_in_menus=True,
        search_description=pair(t, spec["search_description"]),
    )
    pair(t, spec["slug"])
    translate_tree(show, t)
    return show


def _audio(number, spec):
    """The committed MP3 of an episode as a wagtailmedia item (stored once)."""
    media_model = get_media_model()
    title = spec["title"].format(number=number)
    existing = media_model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    source = MEDIA_DIR / spec["source"].format(number=number)
    media = media_model(title=title, type="audio")
    media.duration = mutagen.File(source).info.length
    with source.open("rb") as handle:
        media.file.save(
            spec["file_name"].format(number=number), File(handle), save=False
        )
    media.save()
    return media


def _episode(show, spec, data, partners, locale):
    t = Phrasebook()
    number = spec["number"]
    transcript_file = data["audio"]["transcript_de"].format(number=number)
    transcript_de = (MEDIA_DIR / transcript_file).read_text("utf-8").strip()
    t(transcript_de, spec["transcript_en"])
    notes = "".join(f"<li>{pair(t, note)}</li>" for note in spec["notes"])
    heading = pair(t, data["notes_heading"])
    episode = get_or_create_child(
        show,
        PodcastEpisodePage,
        spec["slug"]["de"],
        title=pair(t, spec["title"]),
        episode_number=number,
        season_number=data["season"],
        release_date=spec["date"],
        summary=pair(t, spec["summary"]),
        audio=_audio(number, data["audio"]),
        show_notes=f"<h3>{heading}</h3><ul>{notes}</ul>",
        transcript=f"<p>{transcript_de}</p>",
        guests=[partners[code] for code in spec["guests"] if code in partners],
        topics=list(Topic.objects.filter(locale=locale, slug__in=spec["topics"])),
    )
    pair(t, spec["slug"])
    translate(episode, t)
    return episode
