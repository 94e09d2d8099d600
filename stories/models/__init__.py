"""Video stories from regional companies, with privacy-friendly video embeds.

Home > StoryIndexPage > PartnerSectionPage > VideoStoryPage. `index` imports `story`
(an index lists its stories), never the reverse; listing querysets live in
stories/listing.py.
"""

from ..consent import PROVIDER_RECIPIENTS
from ..listing import StoryQuerySet
from .editing import ExampleVideoNotePanel, VideoStoryPageForm
from .index import StoryIndexPage
from .story import VideoStoryPage
from .video_source import (
    VideoProvider,
    captions_language_choices,
    validate_captions_document,
)

__all__ = [
    "PROVIDER_RECIPIENTS",
    "ExampleVideoNotePanel",
    "StoryIndexPage",
    "StoryQuerySet",
    "VideoProvider",
    "VideoStoryPage",
    "VideoStoryPageForm",
    "captions_language_choices",
    "validate_captions_document",
]
