"""Where a story's video comes from, and the rules for it.

Either a YouTube or Vimeo address (provider and id are derived from it; the player
loads only after the visitor agrees) or a file uploaded through wagtailmedia, played by
the browser's own player with a WebVTT caption track.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..video import VIMEO, YOUTUBE, VideoURLError, parse_video_url


class VideoProvider(models.TextChoices):
    YOUTUBE = YOUTUBE, "YouTube"
    VIMEO = VIMEO, "Vimeo"


def captions_language_choices():
    return list(settings.LANGUAGES)


def validate_captions_document(document):
    """A caption track must be a WebVTT file: named .vtt and starting with WEBVTT."""
    if not document.file.name.lower().endswith(".vtt"):
        raise ValidationError(
            _("The caption track must be a WebVTT file ending in .vtt."),
            code="captions_extension",
        )
    try:
        with document.file.open("rb") as handle:
            head = handle.read(10)
    except OSError as error:
        raise ValidationError(
            _("The caption file could not be read. Please upload it again."),
            code="captions_unreadable",
        ) from error
    head = head.removeprefix(b"\xef\xbb\xbf")  # a byte-order mark is allowed
    if not head.startswith(b"WEBVTT") or head[6:7] not in (
        b"",
        b" ",
        b"\t",
        b"\n",
        b"\r",
    ):
        raise ValidationError(
            _(
                "The caption file is not WebVTT: its first line must be “WEBVTT”. "
                "Convert SRT subtitles to WebVTT before uploading them."
            ),
            code="captions_format",
        )


def video_source_errors(story, *, allow_missing=False):
    """{field: message} for a story's video source; empty when it is fine.

    Derives the story's provider and id from its address on the way. A story needs
    exactly one source (none is allowed while `allow_missing`, for drafts), and an
    uploaded video needs its caption track.
    """
    errors = {}
    if story.video_url:
        try:
            ref = parse_video_url(story.video_url)
        except VideoURLError as error:
            errors["video_url"] = str(error)
            story.video_provider, story.video_id = "", ""
        else:
            story.video_provider, story.video_id = ref.provider, ref.video_id
    else:
        story.video_provider, story.video_id = "", ""

    if story.video_url and story.video_file_id:
        errors.setdefault(
            "video_url",
            _(
                "Give either a YouTube/Vimeo address or an uploaded video file, "
                "not both."
            ),
        )
    elif not (story.video_url or story.video_file_id or allow_missing):
        errors["video_url"] = _(
            "Give a YouTube or Vimeo address, or choose an uploaded video file."
        )
    if story.video_file_id:
        if story.video_file.type != "video":
            errors["video_file"] = _("Choose a video, not an audio file.")
        if not story.captions_id:
            errors["captions"] = _(
                "An uploaded video needs a WebVTT caption track (.vtt)."
            )
    if story.captions_id:
        try:
            validate_captions_document(story.captions)
        except ValidationError as error:
            errors["captions"] = error.messages[0]
    return errors
