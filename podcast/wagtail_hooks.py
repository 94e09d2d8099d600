"""The podcast feeds the home page, partner profiles and the demo through hooks."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from .listing import teaser_images
from .models import PodcastEpisodePage, PodcastShowPage

# The partner that produces the podcast: its editors and approvers own the show.
PODCAST_PRODUCER = "agv"


@hooks.register("register_partner_owned_pages")
def shows_of_producer(profile):
    """The podcast's producer owns every show page, in every language (editorial setup)."""
    if profile.code != PODCAST_PRODUCER:
        return []
    return list(PodcastShowPage.objects.all())


def _with_show_artwork(episodes, locale_id):
    """Give episodes without an image their show's artwork, in one query for all shows."""
    shows = list(
        PodcastShowPage.objects.filter(locale_id=locale_id).prefetch_related(
            Prefetch("artwork", queryset=teaser_images())
        )
    )
    for episode in episodes:
        if episode.listing_image is None:
            show = next((s for s in shows if episode.path.startswith(s.path)), None)
            episode.show_artwork = show.artwork if show else None
    return episodes


def _paths_of_shows_run_by(partner_page):
    """Tree paths of the shows a partner runs, in the partner page's language.

    The show's partner is synchronised unchanged into translations (it points to the
    German profile), so it is matched by translation key.
    """
    return list(
        PodcastShowPage.objects.filter(
            locale_id=partner_page.locale_id,
            owner_partner__translation_key=partner_page.translation_key,
        ).values_list("path", flat=True)
    )


@hooks.register("home_latest_items")
def latest_episodes(locale_id, limit):
    episodes = list(PodcastEpisodePage.objects.for_listing(locale_id)[:limit])
    return _with_show_artwork(episodes, locale_id)


@hooks.register("partner_profile_items")
def episodes_with_partner(partner_page, limit):
    """Episodes in which the partner is a guest, or of the show the partner runs."""
    show_paths = _paths_of_shows_run_by(partner_page)
    episodes = list(
        PodcastEpisodePage.objects.for_listing(partner_page.locale_id).with_partner(
            partner_page, show_paths
        )[:limit]
    )
    return _("Podcast episodes"), _with_show_artwork(episodes, partner_page.locale_id)


@hooks.register("topic_listings")
def episodes_by_topic(locale_id):
    """The show page filters its episodes by topic (partner profiles link each group)."""
    show = (
        PodcastShowPage.objects.live()
        .filter(locale_id=locale_id, alias_of__isnull=True)
        .first()
    )
    return (_("Podcast episodes"), show.url) if show else None


@hooks.register("release_steps")
def podcast_guids(stdout):
    """Shows saved before podcast:guid existed get theirs (idempotent)."""
    for show in PodcastShowPage.objects.filter(feed_guid__isnull=True):
        show.assign_feed_guid()
