"""Demo builder of the video stories: the index, a section per partner, four stories.

The texts are in data/stories.yaml; the self-hosted videos and their captions are
committed in media/stories/ (made by media/stories/make_media.py; load_demo needs no
ffmpeg).
"""

from pathlib import Path

from django.core.files import File

from wagtail.documents import get_document_model
from wagtailmedia.models import get_media_model

from partners.models import PartnerProfilePage
from stories.models import StoryIndexPage, VideoStoryPage
from tregks.core.models import Topic

from .data import load, pair, pairs
from .pages import (
    Phrasebook,
    demo_image,
    get_locale,
    get_or_create_child,
    rich_text,
    translate,
)
from .partners import partner_sections_below

MEDIA_DIR = Path(__file__).resolve().parent / "media" / "stories"


def build(context, options=None, stdout=None):
    """The story index with one section per consortium partner, and the four stories."""
    data = load("stories")
    index = _story_index(context["home_de"], data["index"])
    context["story_index"] = index
    sections = partner_sections_below(index)
    german = get_locale("de")
    topics = {topic.slug: topic for topic in Topic.objects.filter(locale=german)}
    companies = {
        profile.code: profile
        for profile in PartnerProfilePage.objects.filter(
            locale=german, code__in=[story["company"] for story in data["stories"]]
        )
    }
    for story in data["stories"]:
        section = sections[story["publisher"]]
        _story(section, story, companies[story["company"]], topics, data["posters"])


def _story_index(home, spec):
    t = Phrasebook()
    index = get_or_create_child(
        home,
        StoryIndexPage,
        spec["slug"]["de"],
        title=pair(t, spec["title"]),
        intro=rich_text(t, *(pairs(text) for text in spec["intro"])),
        show_in_menus=True,
    )
    pair(t, spec["slug"])
    translate(index, t)
    return index


def _story(section, story, company, topics, posters):
    t = Phrasebook()
    title = pair(t, story["title"])
    transcript = "".join(
        f"<p><b>{pair(t, line['role'])}:</b> {pair(t, line['text'])}</p>"
        for line in story["transcript"]
    )
    fields = {
        "title": title,
        "company": company,
        "date": story["date"],
        "summary": pair(t, story["summary"]),
        "transcript": transcript,
        "duration": pair(t, story["duration"]),
        "poster": demo_image(
            posters["title"].format(short_name=company.short_name),
            company.short_name,
            colour=story["poster_colour"],
            size=tuple(posters["size"]),
            alt_text=posters["alt_text"].format(company=company.title),
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
    page = get_or_create_child(section, VideoStoryPage, story["slug"]["de"], **fields)
    # Record the strings of a page made by an earlier run, then translate.
    pair(t, story["slug"])
    for line in story["transcript"]:
        role, text = line["role"], line["text"]
        t(f"<b>{role['de']}:</b> {text['de']}", f"<b>{role['en']}:</b> {text['en']}")
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
