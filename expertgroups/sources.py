"""What each content app contributes to an expert group's page: its items by topic.

Each provider takes (topic slug, locale id, limit) and returns (heading, [pages]) in a
fixed number of queries (one listing query plus image prefetches), whatever the limit.
Topic slugs are the same in every language, and tagged topics are synchronised
unchanged into translations, so every match goes through the slug.

A group's events come from the app that registers itself as their source, through
the `register_expert_group_event_source` hook: `f(topic slug, locale id, limit) ->
(upcoming soonest first, past latest first)` (events/wagtail_hooks.py). Without such
an app (the events app is optional) a group page has no events.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

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


EVENT_SOURCE_HOOK = "register_expert_group_event_source"


def events(slug, locale_id, limit):
    """(upcoming soonest first, past latest first) events about the topic, from the
    first registered event source, or two empty lists where no app registers one."""
    for source in hooks.get_hooks(EVENT_SOURCE_HOOK):
        upcoming, past = source(slug, locale_id, limit)
        return list(upcoming), list(past)
    return [], []
