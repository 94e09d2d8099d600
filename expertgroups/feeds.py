"""RSS 2.0 feed of one expert group's news (route "feed/" of the group page)."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone

# Items in a group's feed.
FEED_SIZE = 20


class ExpertGroupFeed(Feed):
    """The group's newest press releases, stories and episodes, with absolute links."""

    def get_object(self, request, group_page):
        self.request = request
        self.language = group_page.locale.language_code
        return group_page

    def title(self, group_page):
        return f"{group_page.title} – tregks"

    def link(self, group_page):
        return group_page.get_full_url(self.request)

    def feed_url(self, group_page):
        return group_page.get_full_url(self.request) + group_page.reverse_subpage(
            "feed"
        )

    def description(self, group_page):
        return group_page.lead

    def items(self, group_page):
        return group_page.news_items(FEED_SIZE)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.teaser_text

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        """Stable across slug changes and moves: the kind, the translation key, the
        language."""
        return f"tregks-{item._meta.model_name}:{item.translation_key}:{self.language}"

    def item_guid_is_permalink(self, item):
        return False

    def item_pubdate(self, item):
        # Noon in the site's time zone: the day stays the same in UTC.
        value = item.latest_date
        if isinstance(value, datetime.datetime):
            return value
        return timezone.make_aware(datetime.datetime.combine(value, datetime.time(12)))

    def item_categories(self, item):
        return [str(item.kind_label)]
