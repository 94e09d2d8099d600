"""Keep episodes' audio facts in step with their media items."""

import logging

from django.core.exceptions import ValidationError

from . import audio
from .models import PodcastEpisodePage

logger = logging.getLogger(__name__)


def media_saved(sender, instance, **kwargs):
    refresh_episodes_for_media(instance)


def refresh_episodes_for_media(media):
    """Measure again every episode that uses this media item (its file was replaced)."""
    episodes = PodcastEpisodePage.objects.filter(audio=media).exclude(
        measured_file=media.file.name
    )
    if media.type != "audio" or not episodes.exists():
        return
    try:
        duration, size = audio.measure(media)
    except ValidationError:
        logger.warning("The audio file of %r cannot be measured.", media)
        return
    episodes.update(duration=duration, file_size=size, measured_file=media.file.name)
