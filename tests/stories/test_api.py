"""The read-only API gives live stories with what an app needs to show them."""

import pytest

from .utils import company, make_story, section

pytestmark = pytest.mark.django_db

URL = "/api/v2/pages/"
FIELDS = "video_provider,video_id,api_video_file,api_captions,api_topics,api_company"


def test_api_lists_live_stories_with_video_and_topics(client):
    response = client.get(
        URL, {"type": "stories.VideoStoryPage", "fields": FIELDS, "locale": "en"}
    )
    assert response.status_code == 200
    items = {item["api_company"]["code"]: item for item in response.json()["items"]}
    assert set(items) == {"herkules-resotec", "hanomag", "smart-railway", "bode"}
    youtube = items["herkules-resotec"]
    assert (youtube["video_provider"], youtube["video_id"]) == (
        "youtube",
        "BEISPIEL-01",
    )
    uploaded = items["hanomag"]
    assert uploaded["api_video_file"]["type"] == "video/webm"
    assert uploaded["api_captions"]["url"].endswith(".vtt")
    # Topics in the reader's language, although the page points to German topics.
    assert {t["name"] for t in uploaded["api_topics"]} == {
        "Decarbonisation",
        "Qualification",
    }


def test_api_leaves_out_drafts(client):
    draft = make_story(section("wfg"), "entwurf", company("bode"))
    draft.unpublish()
    response = client.get(URL, {"type": "stories.VideoStoryPage", "limit": 50})
    ids = {item["id"] for item in response.json()["items"]}
    assert draft.pk not in ids
    assert len(ids) == 8
