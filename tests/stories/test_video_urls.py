"""Which video addresses editors may enter, and the provider and id stored for them."""

from django.utils import translation

import pytest

from stories.video import VideoRef, VideoURLError, parse_video_url, watch_url

ID = "dQw4w9WgXcQ"


@pytest.fixture(autouse=True)
def english_messages():
    with translation.override("en"):
        yield


@pytest.mark.parametrize(
    ("url", "provider", "video_id"),
    [
        (f"https://www.youtube.com/watch?v={ID}", "youtube", ID),
        (f"https://youtube.com/watch?v={ID}&t=42s", "youtube", ID),
        (f"https://m.youtube.com/watch?feature=share&v={ID}", "youtube", ID),
        (f"http://www.youtube.com/watch?v={ID}", "youtube", ID),
        (f"https://youtu.be/{ID}", "youtube", ID),
        (f"https://youtu.be/{ID}?si=abc", "youtube", ID),
        (f"https://www.youtube.com/embed/{ID}", "youtube", ID),
        (f"https://www.youtube.com/shorts/{ID}", "youtube", ID),
        (f"https://www.youtube-nocookie.com/embed/{ID}", "youtube", ID),
        (f"  https://WWW.YouTube.com/watch?v={ID}  ", "youtube", ID),
        ("https://vimeo.com/76979871", "vimeo", "76979871"),
        ("https://vimeo.com/76979871/", "vimeo", "76979871"),
        ("https://player.vimeo.com/video/76979871", "vimeo", "76979871"),
    ],
)
def test_youtube_and_vimeo_addresses_give_provider_and_id(url, provider, video_id):
    ref = parse_video_url(url)
    assert (ref.provider, ref.video_id) == (provider, video_id)


@pytest.mark.parametrize(
    "url",
    [
        f"https://youtube.com.evil.example/watch?v={ID}",
        f"https://evil-youtube.com/watch?v={ID}",
        f"https://www.youtube.co/watch?v={ID}",
        f"https://youtu.be.evil.example/{ID}",
        f"https://youtube.com@evil.example/watch?v={ID}",
        f"https://user:pass@www.youtube.com/watch?v={ID}",  # pragma: allowlist secret
        "https://notvimeo.com/76979871",
        "https://vimeo.com.evil.example/76979871",
        f"javascript:alert('{ID}')",
        f"javascript://www.youtube.com/watch?v={ID}",
        f"ftp://www.youtube.com/watch?v={ID}",
        f"data:text/html,{ID}",
        f"//www.youtube.com/watch?v={ID}",
        "https://example.com/video.mp4",
        "",
        "not a url",
    ],
)
def test_other_hosts_and_schemes_are_rejected(url):
    with pytest.raises(VideoURLError, match="YouTube or Vimeo"):
        parse_video_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/watch",
        "https://www.youtube.com/watch?v=",
        "https://www.youtube.com/watch?v=short",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ<script>",
        "https://www.youtube.com/",
        "https://www.youtube.com/channel/UC1234567890",
        "https://youtu.be/",
        "https://www.youtube.com/embed/",
        f"https://www.youtube.com/embed/{ID}/extra",
    ],
)
def test_youtube_addresses_without_a_video_id_are_rejected(url):
    with pytest.raises(VideoURLError, match="no valid video id"):
        parse_video_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://vimeo.com/",
        "https://vimeo.com/channels/staffpicks",
        "https://vimeo.com/abc",
        "https://player.vimeo.com/video/",
        "https://player.vimeo.com/76979871",
    ],
)
def test_vimeo_addresses_without_a_video_number_are_rejected(url):
    with pytest.raises(VideoURLError, match="no valid video number"):
        parse_video_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://vimeo.com/channels/staffpicks/76979871",
        "https://vimeo.com/groups/motion/videos/76979871",
    ],
)
def test_vimeo_channel_and_group_addresses_give_the_video_number(url):
    assert parse_video_url(url) == VideoRef("vimeo", "76979871")


@pytest.mark.parametrize(
    "url",
    [
        "https://vimeo.com/76979871/3b4f9c2d1e",
        "https://player.vimeo.com/video/76979871?h=3b4f9c2d1e",
    ],
)
def test_unlisted_vimeo_links_are_refused_with_a_reason(url):
    with pytest.raises(VideoURLError, match="unlisted Vimeo video"):
        parse_video_url(url)


def test_watch_links_point_to_the_video_page_at_the_host():
    assert watch_url("youtube", ID) == f"https://www.youtube.com/watch?v={ID}"
    assert watch_url("vimeo", "76979871") == "https://vimeo.com/76979871"


def test_messages_are_german_for_german_editors():
    with pytest.raises(VideoURLError) as error:
        parse_video_url("https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ")
    with translation.override("de"):
        assert "Andere Websites lassen sich nicht einbinden." in str(error.value)
