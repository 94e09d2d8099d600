"""Facts about an episode's audio file, read from the file itself.

Podcast feeds must state the exact byte length of the enclosure and should state the
duration; both are taken from the stored file so that editors never type them.
"""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

import mutagen

from tregks.core.media import content_type_for

# What Apple Podcasts and Spotify accept as an enclosure.
PODCAST_AUDIO_EXTENSIONS = {".mp3", ".m4a"}


def audio_format(name):
    """The short name of the format for a download link, e.g. "MP3"."""
    return Path(name).suffix.lstrip(".").upper()


def audio_content_type(name):
    return content_type_for(name)


def measure(media):
    """(duration in whole seconds, size in bytes) of a wagtailmedia item's file.

    Raises ValidationError with a message for editors when the file is not an MP3 or
    M4A file that mutagen can read.
    """
    name = media.file.name
    if Path(name).suffix.lower() not in PODCAST_AUDIO_EXTENSIONS:
        raise ValidationError(
            _("Podcast apps need an MP3 or M4A file; this file is “%(name)s”."),
            params={"name": Path(name).name},
            code="audio_format",
        )
    storage = media.file.storage
    try:
        size = storage.size(name)
        with storage.open(name, "rb") as handle:
            info = mutagen.File(handle)
    except (OSError, mutagen.MutagenError) as error:
        raise ValidationError(
            _("The audio file could not be read. Upload it again."),
            code="audio_unreadable",
        ) from error
    if info is None or not getattr(info.info, "length", 0):
        raise ValidationError(
            _(
                "The audio file's length could not be read. Is it a valid MP3 or M4A file?"
            ),
            code="audio_unreadable",
        )
    return round(info.info.length), size
