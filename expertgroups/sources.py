"""What each content app contributes to an expert group's page: its items by topic.

Each provider takes (topic slug, locale id, limit) and returns (heading, [pages]) in a
fixed number of queries (one listing query plus image prefetches), whatever the limit.
Topic slugs are the same in every language, and tagged topics are synchronised
unchanged into translations, so every match goes through the slug.
"""

from django.apps import apps
from django.utils.translation import gettext_lazy as _

from news.models import PressReleasePage
from podcast.models import PodcastEpisodePage
from stories.models import VideoStoryPage


def press_releases(slug, locale_id, limit):
    releases = PressReleasePage.objects.for_listing(locale_id).about_topic(slug)
    return _("Press releases"), list(releases[:limit])


def stories(slug, locale_id, limit):
    found = VideoStoryPage.objects.for_listing().filter(locale_id=locale_id)
    found = found.about_topic(slug)
    return _("Video stories"), list(found[:limit])


def episodes(slug, locale_id, limit):
    found = PodcastEpisodePage.objects.for_listing(locale_id).about_topic(slug)
    return _("Podcast episodes"), list(found[:limit])


def events(slug, locale_id, limit):
    """(upcoming soonest first, past latest first) events about the topic, or two
    empty lists where the events app is not installed."""
    if not apps.is_installed("events"):
        return [], []
    listing = (
        apps.get_model("events", "EventPage")
        .objects.for_listing(locale_id)
        .about_topic(slug)
    )
    return list(listing.upcoming()[:limit]), list(listing.past()[:limit])
