"""Demo content of the stories app: the story index and the four company video stories.

Two stories point to YouTube (placeholder ids, see demo_texts.py) so that the consent
flow is visible; two play self-hosted WebM files with WebVTT captions from
stories/demo_media/ (made by demo_media/make_media.py; load_demo needs no ffmpeg).
"""

import datetime
from pathlib import Path

from django.core.files import File

from wagtail.documents import get_document_model
from wagtailmedia.models import get_media_model

from partners.models import PartnerProfilePage
from tregks.core.demo import (
    Phrasebook,
    demo_image,
    get_locale,
    get_or_create_child,
    rich_text,
    translate,
)
from tregks.core.models import Topic
from tregks.demo.partners import ensure_sections

from .demo_texts import STORIES
from .models import StoryIndexPage, VideoStoryPage

MEDIA_DIR = Path(__file__).resolve().parent / "demo_media"

# The consortium partner whose section publishes each story (codes of partners.demo).
PUBLISHERS = {
    "herkules-resotec": "wfg",
    "hanomag": "agv",
    "smart-railway": "wfg",
    "bode": "dgb",
}
POSTER_COLOURS = {
    "herkules-resotec": "#44546a",
    "hanomag": "#5b5b5b",
    "smart-railway": "#1d5c63",
    "bode": "#6b4e16",
}


def build(context, options=None, stdout=None):
    """The story index with one section per consortium partner, and the four stories."""
    index = _story_index(context["home_de"])
    context["story_index"] = index
    sections = ensure_sections(index)
    german = get_locale("de")
    topics = {topic.slug: topic for topic in Topic.objects.filter(locale=german)}
    companies = {
        profile.code: profile
        for profile in PartnerProfilePage.objects.filter(
            locale=german, code__in=PUBLISHERS
        )
    }
    for story in STORIES:
        section = sections[PUBLISHERS[story["company"]]]
        _story(section, story, companies[story["company"]], topics)


def _story_index(home):
    t = Phrasebook()
    index = get_or_create_child(
        home,
        StoryIndexPage,
        "geschichten",
        title=t("Geschichten", "Stories"),
        intro=rich_text(
            t,
            (
                "Unternehmen aus der Region erzählen im Video, wie sie den Wandel angehen: "
                "neue Produkte, neue Berufe, neue Wege der Zusammenarbeit. Zu jedem Video "
                "gibt es das vollständige Transkript.",
                "Companies from the region tell on video how they tackle the change: new "
                "products, new jobs, new ways of working together. Every video comes with "
                "its full transcript.",
            ),
        ),
        show_in_menus=True,
    )
    t("geschichten", "stories")
    translate(index, t)
    return index


def _story(section, story, company, topics):
    t = Phrasebook()
    slug_de, slug_en = story["slug"]
    title = t(*story["title"])
    transcript = "".join(
        f"<p><b>{t(role_de, role_en)}:</b> {t(text_de, text_en)}</p>"
        for role_de, role_en, text_de, text_en in story["transcript"]
    )
    fields = {
        "title": title,
        "company": company,
        "date": datetime.date(*story["date"]),
        "summary": t(*story["summary"]),
        "transcript": transcript,
        "duration": t(*story["duration"]),
        "poster": demo_image(
            f"Standbild {company.short_name}",
            company.short_name,
            colour=POSTER_COLOURS[story["company"]],
            size=(1280, 720),
            alt_text=f"Standbild aus dem Video über {company.title}",
        ),
        "topics": [topics[slug] for slug in story["topics"] if slug in topics],
    }
    video = story["video"]
    if "url" in video:
        fields["video_url"] = video["url"]
    else:
        fields["video_file"] = _video_file(video["file"], video["seconds"], title)
        fields["captions"] = _captions(video["captions"], title)
        fields["captions_language"] = "de"
    page = get_or_create_child(section, VideoStoryPage, slug_de, **fields)
    # Record the strings of a page made by an earlier run, then translate.
    t(slug_de, slug_en)
    for role_de, role_en, text_de, text_en in story["transcript"]:
        t(f"<b>{role_de}:</b> {text_de}", f"<b>{role_en}:</b> {text_en}")
    translate(page, t)
    return page


def _video_file(filename, seconds, title):
    media_model = get_media_model()
    existing = media_model.objects.filter(title=title, type="video").first()
    if existing is not None:
        return existing
    with (MEDIA_DIR / filename).open("rb") as handle:
        media = media_model(
            title=title, type="video", width=426, height=240, duration=seconds
        )
        media.file = File(handle, name=filename)
        media.save()
    return media


def _captions(filename, title):
    document_model = get_document_model()
    caption_title = f"Untertitel: {title}"
    existing = document_model.objects.filter(title=caption_title).first()
    if existing is not None:
        return existing
    with (MEDIA_DIR / filename).open("rb") as handle:
        document = document_model(title=caption_title)
        document.file = File(handle, name=filename)
        document.save()
    return document
