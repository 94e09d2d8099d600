"""Events: one index per language, event pages below the partners' sections."""

from .choices import Accessibility, EventFormat, EventStatus
from .event import EventPage, EventPageQuerySet, EventSpeaker
from .index import EventIndexPage

__all__ = [
    "Accessibility",
    "EventFormat",
    "EventIndexPage",
    "EventPage",
    "EventPageQuerySet",
    "EventSpeaker",
    "EventStatus",
]
