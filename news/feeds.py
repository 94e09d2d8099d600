"""RSS 2.0 feed of the press releases of one language (route "feed/" of the index)."""

from django.contrib.syndication.views import Feed
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from tregks.core.i18n import localized_kept

# The newest releases a feed lists.
FEED_SIZE = 20


class PressReleaseFeed(Feed):
    """The newest releases below one press index, with absolute links."""

    def get_object(self, request, index_page):
        self.request = request
        # <language> is the language of the index, not of whatever is active.
        self.language = index_page.locale.language_code
        return index_page

    def title(self, index_page):
        return f"{index_page.title} – tregks"

    def link(self, index_page):
        return index_page.get_full_url(self.request)

    def feed_url(self, index_page):
        return index_page.get_full_url(self.request) + "feed/"

    def description(self, index_page):
        return strip_tags(index_page.intro) or _(
            "Press releases of the Kassel Region Transformation Network."
        )

    def items(self, index_page):
        releases = list(index_page.releases().prefetch_related("topics")[:FEED_SIZE])
        # The topics in the feed's language for all items from the topics' table kept
        # per cache generation (no query once built), not per item.
        pairs = [
            (release, topic) for release in releases for topic in release.topics.all()
        ]
        localized = localized_kept([topic for _r, topic in pairs], index_page.locale_id)
        by_release = {release.pk: [] for release in releases}
        for (release, _topic), topic in zip(pairs, localized, strict=True):
            by_release[release.pk].append(topic)
        for release in releases:
            release.__dict__["topics_for_reader"] = by_release[release.pk]
        return releases

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        """A stable id: a corrected slug or a move must not make readers see it anew."""
        return f"tregks-press:{item.translation_key}:{self.language}"

    def item_guid_is_permalink(self, item):
        return False

    def item_pubdate(self, item):
        return item.pubdate

    def item_categories(self, item):
        return [topic.name for topic in item.topics_for_reader]
