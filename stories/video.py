"""Recognise YouTube and Vimeo addresses and turn them into a provider and a video id.

Only exact host names are accepted: a look-alike such as ``youtube.com.evil.example``
or ``evil-youtube.com`` is rejected, and so is every scheme but http and https.
The player itself is built from the id alone (see stories/static/stories/js/
video-consent.js), so nothing of the editor's address reaches the page but the id.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.utils.translation import gettext_lazy as _

YOUTUBE = "youtube"
VIMEO = "vimeo"

YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "youtube-nocookie.com",
    "www.youtube-nocookie.com",
}
YOUTU_BE_HOSTS = {"youtu.be", "www.youtu.be"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com"}
VIMEO_PLAYER_HOSTS = {"player.vimeo.com"}

YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
VIMEO_ID = re.compile(r"[0-9]{1,12}")

# Placeholder ids of the demo stories (tregks/demo/data/stories.yaml), recognisably not
# real videos ("BEISPIEL" is German for "example"): no request is made with them unless a
# visitor presses "Video laden", and then YouTube reports that the video does not exist.
# The editor sees a hint to replace them (stories/models/editing.py).
EXAMPLE_YOUTUBE_IDS = ("BEISPIEL-01", "BEISPIEL-02")

# Paths of youtube.com that carry the id as their second segment.
YOUTUBE_ID_PATHS = {"embed", "shorts", "live", "v"}

MESSAGE_HOST = _(
    "Enter the address of a YouTube or Vimeo video, for example "
    "https://www.youtube.com/watch?v=… or https://vimeo.com/123456789. "
    "Other websites cannot be embedded."
)
MESSAGE_YOUTUBE_ID = _(
    "This YouTube address contains no valid video id. Copy the address from the "
    "video's “Share” button."
)
MESSAGE_VIMEO_UNLISTED = _(
    "This is the link of an unlisted Vimeo video, which cannot be embedded without "
    "its private key. Make the video public on Vimeo, or upload the video file instead."
)
MESSAGE_VIMEO_ID = _(
    "This Vimeo address contains no valid video number. Copy the address from the "
    "video's “Share” button."
)


class VideoURLError(ValueError):
    """The address is not a YouTube or Vimeo video; the message says what to do."""


@dataclass(frozen=True)
class VideoRef:
    provider: str
    video_id: str


def parse_video_url(url):
    """Return the VideoRef of a YouTube or Vimeo address, or raise VideoURLError."""
    try:
        parts = urlsplit((url or "").strip())
        host = (parts.hostname or "").lower()
    except ValueError as error:  # e.g. a malformed IPv6 host
        raise VideoURLError(MESSAGE_HOST) from error
    if (
        parts.scheme.lower() not in {"http", "https"}
        or parts.username
        or parts.password
    ):
        raise VideoURLError(MESSAGE_HOST)
    segments = [segment for segment in parts.path.split("/") if segment]

    if host in YOUTU_BE_HOSTS:
        return _youtube(segments[0] if len(segments) == 1 else "")
    if host in YOUTUBE_HOSTS:
        if segments == ["watch"]:
            return _youtube(parse_qs(parts.query).get("v", [""])[0])
        if len(segments) == 2 and segments[0] in YOUTUBE_ID_PATHS:
            return _youtube(segments[1])
        return _youtube("")
    if host in VIMEO_HOSTS:
        return _vimeo(_vimeo_page_id(segments))
    if host in VIMEO_PLAYER_HOSTS:
        if "h" in parse_qs(parts.query):
            raise VideoURLError(MESSAGE_VIMEO_UNLISTED)
        return _vimeo(
            segments[1] if len(segments) == 2 and segments[0] == "video" else ""
        )
    raise VideoURLError(MESSAGE_HOST)


def _vimeo_page_id(segments):
    """The id in a vimeo.com address: /<id>, /channels/<name>/<id> or
    /groups/<name>/videos/<id>. /<id>/<key> is an unlisted video, which needs its key."""
    if len(segments) == 2 and VIMEO_ID.fullmatch(segments[0]):
        raise VideoURLError(MESSAGE_VIMEO_UNLISTED)
    if len(segments) == 1:
        return segments[0]
    if len(segments) == 3 and segments[0] == "channels":
        return segments[2]
    if len(segments) == 4 and segments[0] == "groups" and segments[2] == "videos":
        return segments[3]
    return ""


def _youtube(candidate):
    if not YOUTUBE_ID.fullmatch(candidate):
        raise VideoURLError(MESSAGE_YOUTUBE_ID)
    return VideoRef(YOUTUBE, candidate)


def _vimeo(candidate):
    if not VIMEO_ID.fullmatch(candidate):
        raise VideoURLError(MESSAGE_VIMEO_ID)
    return VideoRef(VIMEO, candidate)


def watch_url(provider, video_id):
    """The video's own page at the host: a plain link, which requests nothing by itself."""
    if provider == YOUTUBE:
        return f"https://www.youtube.com/watch?v={video_id}"
    if provider == VIMEO:
        return f"https://vimeo.com/{video_id}"
    return ""


def embed_url(provider, video_id):
    """The player's address (privacy-enhanced for YouTube), for structured data only:
    the page itself loads it after the visitor's consent."""
    if provider == YOUTUBE:
        return f"https://www.youtube-nocookie.com/embed/{video_id}"
    if provider == VIMEO:
        return f"https://player.vimeo.com/video/{video_id}"
    return ""
