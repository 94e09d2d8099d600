"""Events: one index per language, event pages below the partners' sections.

Dependencies go one way: the choices (events.choices) → the calendar, listing and
structured-data builders, which work on the pages handed to them → the event page →
the index page, whose listing and calendar query the event pages.
"""

from ..choices import Accessibility, EventFormat, EventStatus
from .event import EventPage
from .index import EventIndexPage
from .queryset import EventPageManager, EventPageQuerySet
from .registration import RegistrationSettingsMixin
from .speaker import EventSpeaker

__all__ = [
    "Accessibility",
    "EventFormat",
    "EventIndexPage",
    "EventPage",
    "EventPageManager",
    "EventPageQuerySet",
    "EventSpeaker",
    "EventStatus",
    "RegistrationSettingsMixin",
]
