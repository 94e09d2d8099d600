"""The read-only API gives live stories with what an app needs to show them."""

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

import pytest

from partners.factories import PartnerProfilePageFactory
from partners.models import PartnerRole
from stories.factories import VideoStoryPageFactory, story_index, story_section
from tregks.core.factories import make_media, topics

pytestmark = pytest.mark.django_db

URL = "/api/v2/pages/"
FIELDS = "video_provider,video_id,api_video_file,api_captions,api_topics,api_company"


def captions():
    document = get_document_model()(title="Untertitel")
    document.file.save("film.de.vtt", ContentFile(b"WEBVTT\n\n"), save=False)
    document.save()
    return document


def company(code):
    return PartnerProfilePageFactory(code=code, role=PartnerRole.COMPANY, english=True)


def test_api_lists_live_stories_with_video_and_topics(client):
    section = story_section(english=True)
    VideoStoryPageFactory(
        parent=section,
        company=company("linkbau"),
        video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        english=True,
    )
    VideoStoryPageFactory(
        parent=section,
        company=company("filmbau"),
        video_url="",
        video_file=make_media(b"\x1aE\xdf\xa3", "film.webm", "video"),
        captions=captions(),
        topics=topics("dekarbonisierung", "qualifizierung"),
        english=True,
    )
    response = client.get(
        URL,
        {
            "type": "stories.VideoStoryPage",
            "fields": FIELDS,
            "locale": "en",
            "descendant_of": story_index("en").pk,
        },
    )
    assert response.status_code == 200
    items = {item["api_company"]["code"]: item for item in response.json()["items"]}
    youtube = items["linkbau"]
    assert (youtube["video_provider"], youtube["video_id"]) == (
        "youtube",
        "dQw4w9WgXcQ",
    )
    uploaded = items["filmbau"]
    assert uploaded["api_video_file"]["type"] == "video/webm"
    assert uploaded["api_captions"]["url"].endswith(".vtt")
    # Topics in the reader's language, although the page points to German topics.
    assert {t["name"] for t in uploaded["api_topics"]} == {
        "Decarbonisation",
        "Qualification",
    }


def test_api_leaves_out_drafts(client):
    section = story_section()
    live = VideoStoryPageFactory(parent=section)
    draft = VideoStoryPageFactory(parent=section)
    draft.unpublish()
    response = client.get(
        URL,
        {
            "type": "stories.VideoStoryPage",
            "limit": 50,
            "descendant_of": story_index("de").pk,
        },
    )
    ids = {item["id"] for item in response.json()["items"]}
    assert live.pk in ids
    assert draft.pk not in ids
