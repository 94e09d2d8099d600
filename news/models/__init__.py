"""The press archive: one index per language and the press releases below partner
sections (the index imports the release page, never the other way round)."""

from .index import NewsIndexPage
from .queryset import PressReleaseManager, PressReleaseQuerySet
from .release import PressReleasePage

__all__ = [
    "NewsIndexPage",
    "PressReleaseManager",
    "PressReleaseQuerySet",
    "PressReleasePage",
]
