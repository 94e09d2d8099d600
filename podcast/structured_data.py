"""schema.org `PodcastSeries` and `PodcastEpisode` of the podcast pages
(tregks.core.structured_data builds the graph)."""

from tregks.core import renditions
from tregks.core import structured_data as jsonld
from tregks.core.i18n import language_code
from tregks.core.images import rendition_or_none


def series_reference(show, request):
    """The show as other pages name it (an episode's partOfSeries)."""
    node = {
        "@type": "PodcastSeries",
        "name": show.title,
        "url": jsonld.absolute(request, show.get_url(request)),
    }
    if show.language in show.feeds_by_language():
        node["webFeed"] = show.get_full_feed_url(request)
    return node


def series_node(show, request):
    """A PodcastSeries: what it is about, who runs it, its artwork and feed."""
    node = {
        **series_reference(show, request),
        "description": jsonld.shortened(show.description, 300),
        "inLanguage": show.language,
        "author": {"@type": "Organization", "name": show.author},
        "publisher": jsonld.network_reference(request, show.locale_id),
    }
    # The rendition the page shows: no query of its own.
    artwork = rendition_or_none(show.artwork, renditions.SHOW_ARTWORK)
    if artwork:
        node["image"] = jsonld.absolute(request, artwork.url)
    return node


def episode_node(episode, request):
    """A PodcastEpisode of its series, with the audio (in its own language)."""
    url = jsonld.absolute(request, episode.get_url(request))
    show = episode.show
    node = {
        "@type": "PodcastEpisode",
        "name": episode.title,
        "description": jsonld.shortened(episode.summary, 300),
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": language_code(episode.locale_id),
        "datePublished": jsonld.iso_date(episode.release_date),
        "episodeNumber": episode.episode_number,
    }
    if show:
        node["partOfSeries"] = series_reference(show, request)
    if episode.audio:
        node["associatedMedia"] = {
            "@type": "AudioObject",
            "contentUrl": jsonld.absolute(request, episode.audio.url),
            "encodingFormat": episode.audio_type,
            "duration": episode.duration_iso,
            "inLanguage": episode.audio_language,
        }
        if episode.transcript:
            node["associatedMedia"]["transcript"] = jsonld.plain_text(
                episode.transcript
            )
    image = episode.episode_image or (show.artwork if show else None)
    # The rendition the page shows: no query of its own.
    cover = rendition_or_none(image, renditions.EPISODE_COVER)
    if cover:
        node["image"] = jsonld.absolute(request, cover.url)
    return node
