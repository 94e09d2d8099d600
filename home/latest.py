"""What the home page shows from other apps, gathered through Wagtail hooks.

Content apps register a function under "home_latest_items" that takes a locale id and a
limit and returns a list of live pages (newest first), each with a `latest_date`
attribute. The partners app registers "home_partner_logos". Home imports no content app.
"""

from wagtail import hooks

LATEST_LIMIT = 6


def latest_items(locale_id, limit=LATEST_LIMIT):
    items = []
    for provider in hooks.get_hooks("home_latest_items"):
        items.extend(provider(locale_id, limit))
    items.sort(key=lambda page: page.latest_date, reverse=True)
    return items[:limit]


def partner_logos(locale_id):
    for provider in hooks.get_hooks("home_partner_logos"):
        return provider(locale_id)
    return []
