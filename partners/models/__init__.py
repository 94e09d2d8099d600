"""Partner and member profiles, the partner directory, and the sections through which
each partner owns content below the shared indexes (press, stories, events)."""

from .index import PartnerIndexPage
from .profile import PROFILE_ITEMS_LIMIT, PartnerProfilePage
from .roles import ROLE_HEADINGS, ROLE_ORDER, PartnerRole
from .section import PartnerSectionContentMixin, PartnerSectionPage, sections_below

__all__ = [
    "PROFILE_ITEMS_LIMIT",
    "ROLE_HEADINGS",
    "ROLE_ORDER",
    "PartnerIndexPage",
    "PartnerProfilePage",
    "PartnerRole",
    "PartnerSectionContentMixin",
    "PartnerSectionPage",
    "sections_below",
]
