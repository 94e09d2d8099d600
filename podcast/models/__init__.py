"""The podcast "Kassel fährt voraus": the show page and its episodes.

Home > PodcastShowPage > PodcastEpisodePage. `show` imports `episode` (a show lists its
episodes), never the reverse; listing querysets live in podcast/listing.py.
"""

from ..listing import EpisodeManager, EpisodeQuerySet, teaser_images
from .episode import PodcastEpisodePage
from .language import audio_language_choices, language_name
from .show import PodcastShowPage, artwork_problem

__all__ = [
    "EpisodeManager",
    "EpisodeQuerySet",
    "PodcastEpisodePage",
    "PodcastShowPage",
    "artwork_problem",
    "audio_language_choices",
    "language_name",
    "teaser_images",
]
