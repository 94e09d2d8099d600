"""The podcast RSS feed in the form Apple Podcasts and Spotify accept.

RSS 2.0 with the iTunes namespace (https://help.apple.com/itc/podcasts_connect/#/itcb54353390),
content:encoded for the show notes and the Podcast Index namespace
(https://podcastindex.org/namespace/1.0: guid, locked, transcript). Every URL is absolute and starts like the show's
own address (the Wagtail site's root URL, which `sync_site` sets from BASE_URL), so
media from S3 keep their own absolute URLs; the guid is the episode's
translation key plus its language, which survives re-publishing and slug changes.
"""

import re
from functools import partial
from urllib.parse import urljoin

from django.http import HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed

from wagtail.rich_text import expand_db_html

from tregks.core import renditions
from tregks.core.images import rendition_or_none
from tregks.core.navigation import site_chrome
from tregks.core.page_urls import UrlsBelow, plain_page_urls

from .directory import PODCAST_NS, title_without_number

ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"

# The newest episodes a feed lists: more than eight years of a monthly show. Podcast
# apps read the back catalogue from the feed, but the whole archive would make the feed
# grow without bound: 200 episodes (143 KB) took some 45 ms of CPU to render after
# every publish, which at 16 concurrent readers is more than issue 13's 300 ms p99.
FEED_MAX_EPISODES = 100

# The columns an item is made of (with its address and rendition): an episode's other
# fields, its page's SEO and workflow columns and the audio's own, stay in the database.
FEED_FIELDS = (
    "title",
    "path",
    "depth",
    "url_path",
    "translation_key",
    "locale__language_code",
    "summary",
    "release_date",
    "episode_number",
    "season_number",
    "audio__file",
    "audio_language",
    "duration",
    "file_size",
    "show_notes",
    "transcript",
    "episode_image",
)

ROOT_RELATIVE = re.compile(r'(\s(?:href|src)=")/(?!/)')


class PodcastFeed(Rss201rev2Feed):
    """RSS 2.0 plus the iTunes tags on the channel and on each item."""

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:itunes": ITUNES_NS,
            "xmlns:content": CONTENT_NS,
            "xmlns:podcast": PODCAST_NS,
        }

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        feed = self.feed
        handler.addQuickElement("itunes:author", feed["itunes_author"])
        handler.startElement("itunes:owner", {})
        handler.addQuickElement("itunes:name", feed["itunes_owner_name"])
        handler.addQuickElement("itunes:email", feed["itunes_owner_email"])
        handler.endElement("itunes:owner")
        if feed["itunes_image"]:
            handler.addQuickElement("itunes:image", "", {"href": feed["itunes_image"]})
            # The plain RSS image, for readers that do not know the iTunes tags.
            handler.startElement("image", {})
            handler.addQuickElement("url", feed["itunes_image"])
            handler.addQuickElement("title", feed["title"])
            handler.addQuickElement("link", feed["link"])
            handler.endElement("image")
        category, subcategory = feed["itunes_category"]
        handler.startElement("itunes:category", {"text": category})
        if subcategory:
            handler.addQuickElement("itunes:category", "", {"text": subcategory})
        handler.endElement("itunes:category")
        handler.addQuickElement("itunes:explicit", feed["itunes_explicit"])
        handler.addQuickElement("itunes:type", "episodic")
        handler.addQuickElement("podcast:guid", feed["podcast_guid"])
        # Other platforms must not import the show without the owner's consent.
        handler.addQuickElement(
            "podcast:locked", "yes", {"owner": feed["itunes_owner_email"]}
        )

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("itunes:title", item["itunes_title"])
        handler.addQuickElement("itunes:duration", str(item["itunes_duration"]))
        handler.addQuickElement("itunes:episode", str(item["itunes_episode"]))
        if item["itunes_season"]:
            handler.addQuickElement("itunes:season", str(item["itunes_season"]))
        handler.addQuickElement("itunes:episodeType", "full")
        handler.addQuickElement("itunes:explicit", item["itunes_explicit"])
        if item["itunes_image"]:
            handler.addQuickElement("itunes:image", "", {"href": item["itunes_image"]})
        if item["content_encoded"]:
            handler.addQuickElement("content:encoded", item["content_encoded"])
        for url, language in item["transcripts"]:
            handler.addQuickElement(
                "podcast:transcript",
                "",
                {"url": url, "type": "text/html", "language": language},
            )


def absolute_html(html, base):
    """Rich text with internal links expanded and root-relative URLs made absolute."""
    origin = urljoin(base, "/")
    return ROOT_RELATIVE.sub(lambda m: f"{m.group(1)}{origin}", expand_db_html(html))


def episode_guid(episode):
    """Stable across re-publishing, slug changes and moves; differs per language."""
    return f"tregks-podcast:{episode.translation_key}:{episode.locale.language_code}"


def show_guid(show, request):
    """The stored podcast:guid; a show saved before guids existed gets one now."""
    return str(show.feed_guid or show.assign_feed_guid())


def copyright_line(show, episodes):
    """The show's own line, else © the years of the listed episodes and the author."""
    if show.copyright:
        return show.copyright
    years = sorted({episode.release_date.year for episode in episodes})
    years = years or [timezone.localdate().year]
    span = str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}"
    return f"© {span} {show.author}"


def translated_transcripts(episodes, show, request, transcript_path):
    """{translation key: [(URL, language)]} of the live translations of the listed
    episodes that have a transcript, in one query: a listener who does not understand
    the audio finds the translated transcript next to the original. `transcript_path`
    is the transcript's address below an episode's (the same for every episode)."""
    found = {}
    translations = (
        show.episode_translations(episodes).exclude(transcript="").order_by("path")
    )
    # Their addresses from the home pages' (kept per cache generation), as the
    # episodes' own from the show's (tregks.core.page_urls).
    homes = [home for home in site_chrome(request)["homes"].values() if home]
    addresses = UrlsBelow(homes, request, full=True)
    if plain_page_urls():
        # Read as rows: a page object each cost more than the rest of its item.
        rows = translations.values_list(
            "url_path", "translation_key", "locale__language_code"
        )
        for url_path, translation_key, language in rows:
            url = addresses.below(url_path)
            if url is not None:  # None: below no home page, not on this site
                found.setdefault(translation_key, []).append(
                    (url + transcript_path, language)
                )
        return found
    translations = translations.select_related("locale").only(
        "id", "path", "depth", "url_path", "locale", "translation_key"
    )
    for translation in translations:
        found.setdefault(translation.translation_key, []).append(
            (addresses(translation) + transcript_path, translation.locale.language_code)
        )
    return found


def build_feed(show, request):
    show_url = show.get_full_url(request)
    absolute = partial(urljoin, show_url)
    # A square JPEG inside Apple's 1400–3000 px range, as large as the original
    # (checked square and 1400–3000 px when the show is saved).
    artwork = rendition_or_none(show.artwork, renditions.PODCAST_ARTWORK)
    artwork_url = absolute(artwork.url) if artwork else ""
    explicit = "true" if show.explicit else "false"
    episodes = list(
        show.feed_episodes()
        .with_image_rendition(renditions.PODCAST_ARTWORK)
        .select_related("locale")
        .only(*FEED_FIELDS)[:FEED_MAX_EPISODES]
    )
    feed = PodcastFeed(
        title=show.title,
        link=show_url,
        description=show.description,
        language=show.language,
        feed_url=show.get_full_feed_url(request),
        feed_copyright=copyright_line(show, episodes),
        itunes_author=show.author,
        itunes_owner_name=show.owner_name,
        itunes_owner_email=show.owner_email,
        itunes_image=artwork_url,
        itunes_category=(show.apple_category, show.apple_subcategory),
        itunes_explicit=explicit,
        podcast_guid=show_guid(show, request),
    )
    # The transcript's address below an episode's, the same route for every episode
    # (get_transcript_url would work each episode's address out again).
    transcript_path = episodes[0].reverse_subpage("transcript") if episodes else ""
    translated = translated_transcripts(episodes, show, request, transcript_path)
    # The episodes' addresses from the show's (tregks.core.page_urls): Wagtail would
    # work out each from the site's root paths.
    addresses = UrlsBelow([show], request, full=True)
    for episode in episodes:
        image = rendition_or_none(episode.episode_image, renditions.PODCAST_ARTWORK)
        image_url = absolute(image.url) if image else ""
        link = addresses(episode)
        # The transcript in the audio's language first, then its translations.
        transcripts = []
        if episode.transcript:
            transcripts = [(link + transcript_path, episode.audio_language)]
        transcripts += translated.get(episode.translation_key, [])
        feed.add_item(
            title=episode.title,
            link=link,
            description=episode.summary,
            unique_id=episode_guid(episode),
            unique_id_is_permalink=False,
            pubdate=episode.publication_datetime,
            enclosures=[
                Enclosure(
                    absolute(episode.audio.url),
                    str(episode.file_size),
                    episode.audio_type,
                )
            ],
            itunes_title=title_without_number(episode.title, episode.episode_number),
            itunes_duration=episode.duration,
            itunes_episode=episode.episode_number,
            itunes_season=episode.season_number,
            itunes_explicit=explicit,
            itunes_image=image_url,
            content_encoded=absolute_html(episode.show_notes, show_url)
            if episode.show_notes
            else "",
            transcripts=transcripts,
        )
    return feed


def podcast_feed_response(show, request):
    feed = build_feed(show, request)
    # Written to a string first: written to the response, every element went through
    # its own unbuffered write (some 60 per episode).
    return HttpResponse(feed.writeString("utf-8"), content_type=feed.content_type)
