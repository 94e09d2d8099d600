"""What the home page shows from other apps, gathered through Wagtail hooks.

Content apps register a function under "home_latest_items" that takes a locale id and a
limit and returns a list of live pages (newest first), each with a `latest_date`
attribute. The partners app registers "home_partner_logos". Home imports no content app.

Both lists are kept per cache generation (tregks.cache): they change only when
something is published, and each provider costs a few queries (pages, images,
renditions) that the most visited page would otherwise run on every render.
"""

from django.utils import timezone

from wagtail import hooks

from tregks.cache.generation import cached_for_generation

LATEST_LIMIT = 6


def latest_items(locale_id, limit=LATEST_LIMIT):
    return cached_for_generation(
        f"home-latest:{locale_id}:{limit}", lambda: _latest_items(locale_id, limit)
    )


def _latest_items(locale_id, limit):
    items = []
    for provider in hooks.get_hooks("home_latest_items"):
        items.extend(provider(locale_id, limit))
    items.sort(key=lambda page: page.latest_date, reverse=True)
    return items[:limit]


UPCOMING_LIMIT = 3


def upcoming_events(locale_id, limit=UPCOMING_LIMIT):
    """The next events from the "home_upcoming_events" hook (the events app).

    Kept per cache generation and hour: an event drops off once it is over, even
    when nothing is published in between.
    """
    hour = timezone.localtime().strftime("%Y%m%d%H")
    return cached_for_generation(
        f"home-upcoming:{locale_id}:{limit}:{hour}",
        lambda: [
            event
            for provider in hooks.get_hooks("home_upcoming_events")
            for event in provider(locale_id, limit)
        ][:limit],
    )


def partner_logos(locale_id):
    return cached_for_generation(
        f"home-partner-logos:{locale_id}", lambda: _partner_logos(locale_id)
    )


def _partner_logos(locale_id):
    for provider in hooks.get_hooks("home_partner_logos"):
        return list(provider(locale_id))
    return []
