"""Demo content of the podcast: the show "Kassel fährt voraus" and three episodes.

The episodes' audio is committed in demo_media/ (spoken by espeak-ng from the German
transcripts in folge-N.txt, encoded by lame; see make_audio.sh). load_demo only copies
the MP3 files into media storage. All text is written for this project, German first.
"""

import datetime
from pathlib import Path

from django.core.files import File

from wagtail.models import Locale
from wagtailmedia import get_media_model

import mutagen

from tregks.core.demo import (
    Phrasebook,
    demo_image,
    get_or_create_child,
    translate,
    translate_tree,
)
from tregks.core.models import Topic

from .models import PodcastEpisodePage, PodcastShowPage

DEMO_MEDIA = Path(__file__).resolve().parent / "demo_media"

SHOW_SLUG = "podcast"

EPISODES = [
    {
        "number": 1,
        "date": datetime.date(2023, 6, 20),
        "slug": (
            "folge-1-warum-die-region-ein-netzwerk-braucht",
            "episode-1-why-the-region-needs-a-network",
        ),
        "title": (
            "Folge 1: Warum die Region ein Netzwerk braucht",
            "Episode 1: Why the region needs a network",
        ),
        "summary": (
            "Zum Auftakt geht es um die Frage, warum die Region Kassel ein "
            "Transformationsnetzwerk braucht und wer darin zusammenarbeitet.",
            "The first episode asks why the Kassel region needs a transformation network "
            "and who works together in it.",
        ),
        "guests": ["wfg", "agv"],
        "topics": ["arbeitsbeziehungen"],
        "notes": [
            (
                "Fast die Hälfte der sozialversicherungspflichtig Beschäftigten der Region "
                "arbeitet in der Fahrzeugindustrie.",
                "Almost half of the region's employees subject to social insurance work in "
                "the vehicle industry.",
            ),
            (
                "Sechs Partner bilden das Konsortium, die Teilnahme am Netzwerk ist "
                "kostenfrei.",
                "Six partners form the consortium; taking part in the network is free of "
                "charge.",
            ),
        ],
        "transcript_en": (
            "Welcome to Kassel fährt voraus, the podcast of the Kassel Region "
            "Transformation Network. In this first episode we ask why the region needs a "
            "network. Almost half of the employees here work in the vehicle industry. We "
            "talk about how companies, employees and education shape the change together."
        ),
    },
    {
        "number": 2,
        "date": datetime.date(2023, 10, 12),
        "slug": (
            "folge-2-fachkraefte-finden-wo-keiner-sucht",
            "episode-2-finding-skilled-workers-where-nobody-looks",
        ),
        "title": (
            "Folge 2: Fachkräfte finden, wo keiner sucht",
            "Episode 2: Finding skilled workers where nobody looks",
        ),
        "summary": (
            "Kleine und mittlere Betriebe suchen Personal. Die Folge zeigt Wege über "
            "Ausbildungsverbünde, Weiterbildung und Bewerbungen aus dem Ausland.",
            "Small and medium-sized companies are looking for staff. The episode shows "
            "routes through training alliances, further education and applications from "
            "abroad.",
        ),
        "guests": ["vsb", "dgb-bildungswerk"],
        "topics": ["qualifizierung"],
        "notes": [
            (
                "Ausbildungsverbünde: Mehrere Betriebe bilden gemeinsam aus.",
                "Training alliances: several companies train apprentices together.",
            ),
            (
                "Internationale Fachkräfte gewinnen Betriebe leichter im Verbund als allein.",
                "Companies attract international skilled workers more easily in an alliance "
                "than on their own.",
            ),
        ],
        "transcript_en": (
            "Kassel fährt voraus, episode two. This time it is about skilled workers. Many "
            "small and medium-sized companies are looking for staff and find them where "
            "nobody looks at first: in training alliances, in further education and in "
            "applications from abroad. We hear what works in practice."
        ),
    },
    {
        "number": 3,
        "date": datetime.date(2024, 3, 14),
        "slug": (
            "folge-3-generation-z-in-der-produktion",
            "episode-3-generation-z-in-production",
        ),
        "title": (
            "Folge 3: Generation Z in der Produktion",
            "Episode 3: Generation Z in production",
        ),
        "summary": (
            "Wie wollen junge Menschen arbeiten? Die Folge fragt, was Betriebe von der "
            "Generation Z lernen können und wie sich Berufsbilder verändern.",
            "How do young people want to work? The episode asks what companies can learn "
            "from Generation Z and how job profiles are changing.",
        ),
        "guests": ["agv", "dgb"],
        "topics": ["qualifizierung", "arbeitsbeziehungen"],
        "notes": [
            (
                "Viele Auszubildende möchten in der Region bleiben.",
                "Many apprentices want to stay in the region.",
            ),
            (
                "Sinnvolle Arbeit und ein gutes Team zählen mehr als ein Obstkorb.",
                "Meaningful work and a good team count for more than a fruit basket.",
            ),
        ],
        "transcript_en": (
            "Kassel fährt voraus, episode three. How do young people want to work? Many "
            "apprentices want to stay in the region if the work makes sense and the team is "
            "right. We ask what companies can learn from Generation Z and how job profiles "
            "are changing."
        ),
    },
]


def build(context, options=None, stdout=None):
    home = context["home_de"]
    german = Locale.objects.get(language_code="de")
    partners = _partners(german)
    show = _show(home, partners.get("agv"))
    for data in EPISODES:
        _episode(show, data, partners, german)
    if stdout is not None and (options or {}).get("verbosity", 1) > 1:
        stdout.write("Podcast: show and 3 episodes in German and English.")


def _partners(locale):
    """German partner profiles by code; missing ones are skipped."""
    from partners.models import PartnerProfilePage

    return {
        page.code: page
        for page in PartnerProfilePage.objects.filter(locale=locale).filter(
            alias_of__isnull=True
        )
    }


def _show(home, agv):
    t = Phrasebook()
    artwork = demo_image(
        "Podcast-Cover „Kassel fährt voraus“",
        "Kassel\nfährt\nvoraus",
        colour="#7a2e0e",
        size=(3000, 3000),
        alt_text="Schriftzug „Kassel fährt voraus“ auf rotbraunem Grund",
    )
    show = get_or_create_child(
        home,
        PodcastShowPage,
        SHOW_SLUG,
        title=t("Kassel fährt voraus", "Kassel fährt voraus"),
        description=t(
            "Der Podcast des Transformationsnetzwerks Region Kassel: Stimmen aus "
            "Wirtschaft, Bildung, Politik und Gesellschaft über Fachkräfte, "
            "Unternehmenskultur, Mobilität und Innovation in Nordhessen.",
            "The podcast of the Kassel Region Transformation Network: voices from "
            "business, education, politics and society on skilled workers, company "
            "culture, mobility and innovation in North Hesse.",
        ),
        artwork=artwork,
        artwork_alt=t(
            "Schriftzug „Kassel fährt voraus“ auf rotbraunem Grund",
            "The lettering “Kassel fährt voraus” on a rust-brown background",
        ),
        author="Arbeitgeberverband HESSENMETALL Nordhessen",
        owner_name="Arbeitgeberverband HESSENMETALL Nordhessen",
        owner_email="podcast@example.org",
        apple_category="Business",
        apple_subcategory="Management",
        explicit=False,
        owner_partner=agv,
        show_in_menus=True,
        search_description=t(
            "„Kassel fährt voraus“, der Podcast des Transformationsnetzwerks Region "
            "Kassel, mit allen Folgen und Transkripten.",
            "“Kassel fährt voraus”, the podcast of the Kassel Region Transformation "
            "Network, with every episode and transcript.",
        ),
    )
    t(SHOW_SLUG, SHOW_SLUG)
    translate_tree(show, t)
    return show


def _audio(number):
    """The committed MP3 of an episode as a wagtailmedia item (stored once)."""
    media_model = get_media_model()
    title = f"Kassel fährt voraus – Folge {number}"
    existing = media_model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    source = DEMO_MEDIA / f"folge-{number}.mp3"
    media = media_model(title=title, type="audio")
    media.duration = mutagen.File(source).info.length
    with source.open("rb") as handle:
        media.file.save(
            f"kassel-faehrt-voraus-folge-{number}.mp3", File(handle), save=False
        )
    media.save()
    return media


def _episode(show, data, partners, locale):
    t = Phrasebook()
    transcript_de = (
        (DEMO_MEDIA / f"folge-{data['number']}.txt").read_text("utf-8").strip()
    )
    t(transcript_de, data["transcript_en"])
    notes = "".join(f"<li>{t(*note)}</li>" for note in data["notes"])
    episode = get_or_create_child(
        show,
        PodcastEpisodePage,
        data["slug"][0],
        title=t(*data["title"]),
        episode_number=data["number"],
        season_number=1,
        release_date=data["date"],
        summary=t(*data["summary"]),
        audio=_audio(data["number"]),
        show_notes=f"<h3>{t('Worum es geht', 'What it is about')}</h3><ul>{notes}</ul>",
        transcript=f"<p>{transcript_de}</p>",
        guests=[partners[code] for code in data["guests"] if code in partners],
        topics=list(Topic.objects.filter(locale=locale, slug__in=data["topics"])),
    )
    t(data["slug"][0], data["slug"][1])
    translate(episode, t)
    return episode
