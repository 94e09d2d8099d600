"""Privacy by design: no request to a video host before the visitor agrees."""

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Locale

import pytest

from stories.factories import VideoStoryPageFactory, story_section
from tests.utils import soup
from tregks.core.factories import make_media

YOUTUBE_ID = "dQw4w9WgXcQ"

VIDEO_HOSTS = re.compile(
    r"(^|\.)(youtube\.com|youtube-nocookie\.com|youtu\.be|ytimg\.com|googlevideo\.com"
    r"|google\.com|gstatic\.com|googleapis\.com|doubleclick\.net|vimeo\.com"
    r"|vimeocdn\.com)$",
    re.IGNORECASE,
)
# Absolute or protocol-relative addresses anywhere in an attribute or inline style.
URL = re.compile(r"(?:[a-z][a-z0-9+.-]*:)?//[^\s\"'<>,()]+", re.IGNORECASE)
WATCH_HOSTS = {"www.youtube.com", "vimeo.com"}

pytestmark = pytest.mark.django_db


def video_hosts_in(text):
    return [
        url
        for url in URL.findall(str(text))
        if VIDEO_HOSTS.search(urlsplit(url).hostname or "")
    ]


CONSENT_JS = (
    Path(__file__).resolve().parents[2] / "stories/static/stories/js/video-consent.js"
)


def assert_no_request_to_a_video_host(html):
    """Only a plain <a href> may name a video host; nothing that the browser fetches."""
    assert not html.find_all(["iframe", "embed", "object", "frame", "portal"])
    for tag in html.find_all(True):
        for name, value in tag.attrs.items():
            values = value if isinstance(value, list) else [value]
            for text in values:
                hosts = video_hosts_in(text)
                if not hosts:
                    continue
                # The only exception: a link the visitor may follow to the host's page.
                assert tag.name == "a" and name == "href", (
                    f"<{tag.name} {name}={text!r}> would contact a video host"
                )
                assert urlsplit(text).hostname in WATCH_HOSTS
    for script in html.find_all("script"):
        if script.get("type") == "application/ld+json":
            assert_structured_data_only_names_the_player(script.string)
            continue
        assert script.get("src"), "inline script found"
        assert not video_hosts_in(script["src"])
    for link in html.find_all("link"):
        assert not {"preconnect", "dns-prefetch", "preload", "prefetch"} & set(
            link.get("rel", [])
        ) or not video_hosts_in(link.get("href", ""))
    for style in html.find_all("style"):
        assert not video_hosts_in(style.get_text())


def assert_structured_data_only_names_the_player(text):
    """JSON-LD is data the browser never runs or fetches; search engines read the
    player's address from the VideoObject's embedUrl, and nothing else names a host."""
    data = json.loads(text)
    for node in data["@graph"]:
        named = [
            key for key, value in node.items() if video_hosts_in(json.dumps(value))
        ]
        assert named in ([], ["embedUrl"]), named
        if named:
            assert node["@type"] == "VideoObject"
            assert urlsplit(node["embedUrl"]).hostname in {
                "www.youtube-nocookie.com",
                "player.vimeo.com",
            }


def in_language(page, language):
    return page.get_translation(Locale.objects.get(language_code=language))


@pytest.fixture
def youtube_story(db):
    return VideoStoryPageFactory(
        parent=story_section(english=True),
        video_url=f"https://www.youtube.com/watch?v={YOUTUBE_ID}",
        english=True,
    )


@pytest.fixture
def uploaded_story(db):
    """A story with a self-hosted video, German captions and a transcript."""
    captions = get_document_model()(title="Untertitel")
    captions.file.save(
        "film.de.vtt",
        ContentFile(b"WEBVTT\n\n00:00.000 --> 00:02.000\nHallo\n"),
        save=False,
    )
    captions.save()
    return VideoStoryPageFactory(
        parent=story_section(english=True),
        video_url="",
        video_file=make_media(b"\x1aE\xdf\xa3", "film.webm", "video"),
        captions=captions,
        captions_language="de",
        transcript="<p><b>Produktion:</b> Jedes Kilo weniger spart Energie.</p>",
        english={
            "transcript": "<p><b>Production:</b> Every kilo less saves energy.</p>"
        },
    )


@pytest.fixture
def vimeo_story(db):
    return VideoStoryPageFactory(
        video_url="https://player.vimeo.com/video/76979871",
    )


@pytest.mark.parametrize("language", ["de", "en"])
def test_youtube_story_contacts_nobody_before_consent(client, youtube_story, language):
    page = in_language(youtube_story, language)
    response = client.get(page.url)
    assert response.status_code == 200
    html = soup(response)
    assert_no_request_to_a_video_host(html)
    box = html.select_one("[data-video-consent]")
    assert box["data-provider"] == "youtube"
    assert box["data-video-id"] == YOUTUBE_ID
    # Without JavaScript: a plain link to the video's page at the host.
    link = box.select_one(".video-consent__link a")
    assert link["href"] == f"https://www.youtube.com/watch?v={YOUTUBE_ID}"
    # The poster is served by this site.
    poster = box.select_one("img")
    assert poster["src"].startswith("/media/")
    # The consent script is a static file, loaded from this site.
    assert any(
        s.get("src", "").endswith("stories/js/video-consent.js")
        for s in html.find_all("script")
    )
    # An anonymous reader gets no cookie.
    assert not response.cookies


def test_consent_button_and_sentence_in_german(client, youtube_story):
    html = soup(client.get(youtube_story.url))
    box = html.select_one("[data-video-consent]")
    button = box.select_one("button[data-video-load]")
    assert button.get_text(strip=True) == "Video laden"
    note = html.find(id=button["aria-describedby"])
    assert (
        "Beim Laden stellt Ihr Browser eine Verbindung zu YouTube (Google) her und "
        "übermittelt dabei Ihre IP-Adresse." in note.get_text(" ", strip=True)
    )
    remember = box.select_one("input[type=checkbox][data-video-remember]")
    assert remember is not None and not remember.has_attr("checked")
    assert remember.find_parent("label") is not None
    assert box.select_one("button[data-video-revoke]")


def test_consent_button_and_sentence_in_english(client, youtube_story):
    english = in_language(youtube_story, "en")
    html = soup(client.get(english.url))
    button = html.select_one("[data-video-consent] button[data-video-load]")
    assert button.get_text(strip=True) == "Load video"
    note = html.find(id=button["aria-describedby"]).get_text(" ", strip=True)
    assert "your browser connects to YouTube (Google)" in note
    assert "IP address" in note
    assert html.select_one(".video-consent__link a").get_text(strip=True) == (
        "Watch the video on YouTube"
    )


def test_vimeo_story_contacts_nobody_before_consent(client, vimeo_story):
    response = client.get(vimeo_story.url)
    assert response.status_code == 200
    html = soup(response)
    assert_no_request_to_a_video_host(html)
    box = html.select_one("[data-video-consent]")
    assert (box["data-provider"], box["data-video-id"]) == ("vimeo", "76979871")
    assert (
        html.select_one(".video-consent__link a")["href"]
        == "https://vimeo.com/76979871"
    )
    assert "Vimeo" in html.find(id=f"video-note-{vimeo_story.pk}").get_text()


def test_consent_script_builds_privacy_friendly_players():
    script = CONSENT_JS.read_text()
    assert "https://www.youtube-nocookie.com/embed/" in script
    assert "https://player.vimeo.com/video/" in script and "dnt=1" in script
    assert "www.youtube.com/embed" not in script
    # The choice is kept in localStorage, never in a cookie, and can be deleted.
    assert "localStorage" in script and "removeItem" in script
    assert "document.cookie" not in script
    # The id must match the host's format before it goes into a URL.
    assert "idPattern.test(videoId)" in script
    # Keyboard users land on the player; the frame has a title.
    assert "frame.focus()" in script and "frame.title" in script


def test_uploaded_video_plays_natively_with_captions(client, uploaded_story):
    response = client.get(uploaded_story.url)
    html = soup(response)
    assert_no_request_to_a_video_host(html)
    video = html.find("video")
    assert video.has_attr("controls")
    assert video["preload"] == "none"
    assert video["poster"].startswith("/media/")
    assert video.find("source")["type"] == "video/webm"
    track = video.find("track")
    assert track["kind"] == "captions"
    assert track["srclang"] == "de"
    assert track.has_attr("default")
    captions = client.get(track["src"])
    assert captions.status_code == 200
    assert captions["Content-Type"].startswith("text/vtt")
    assert b"".join(captions.streaming_content).startswith(b"WEBVTT")
    # No consent needed: no button, no external script.
    assert not html.select("[data-video-consent]")


@pytest.mark.parametrize("language", ["de", "en"])
def test_transcript_is_on_the_page(client, uploaded_story, language):
    page = in_language(uploaded_story, language)
    html = soup(client.get(page.url))
    section_ = html.select_one("section.transcript")
    heading = section_.find("h2").get_text(strip=True)
    assert heading == {"de": "Transkript", "en": "Transcript"}[language]
    text = section_.get_text(" ", strip=True)
    expected = {
        "de": "Jedes Kilo weniger spart Energie",
        "en": "Every kilo less saves energy",
    }[language]
    assert expected in text
    assert len(html.find_all("h1")) == 1
