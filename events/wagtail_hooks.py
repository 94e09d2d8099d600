"""Events feed the home page, partner profiles, expert groups and topic links through
hooks."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from partners.models import PartnerSectionPage

from .models import EventIndexPage, EventPage


@hooks.register("register_partner_section_index")
def events_index():
    """Every consortium partner has a section of the events index (editorial setup)."""
    return EventIndexPage


@hooks.register("home_upcoming_events")
def next_events(locale_id, limit):
    """The next events of one language, soonest first (one query)."""
    return list(EventPage.objects.for_listing(locale_id).upcoming()[:limit])


@hooks.register("partner_profile_items")
def upcoming_events_of_partner(partner_page, limit):
    """The partner's next events: organised by it, or in its own sections."""
    section_paths = PartnerSectionPage.objects.filter(
        locale_id=partner_page.locale_id, partner__code=partner_page.code
    ).values_list("path", flat=True)
    events = (
        EventPage.objects.for_listing(partner_page.locale_id)
        .organised_by(partner_page.code, list(section_paths))
        .upcoming()
    )
    return _("Upcoming events"), list(events[:limit])


@hooks.register("topic_listings")
def events_by_topic(locale_id):
    """The events index filters by expert group (partner profiles link each one)."""
    index = EventIndexPage.objects.live().filter(locale_id=locale_id).first()
    return (_("Events"), index.url) if index else None


@hooks.register("register_expert_group_event_source")
def events_of_expert_group(slug, locale_id, limit):
    """An expert group's events (its topic's slug): upcoming soonest first, past
    latest first, `limit` of each (expertgroups/sources.py)."""
    listing = EventPage.objects.for_listing(locale_id).about_topic(slug)
    return list(listing.upcoming()[:limit]), list(listing.past()[:limit])
