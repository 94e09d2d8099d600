"""schema.org `VideoObject` of a video story (tregks.core.structured_data builds the
graph)."""

from tregks.core import renditions
from tregks.core import structured_data as jsonld
from tregks.core.images import rendition_or_none

from .video import embed_url


def story_node(story, request):
    """A VideoObject: the video, its poster and its full transcript.

    Only addresses: the page itself never contacts the video host before consent.
    """
    url = jsonld.absolute(request, story.get_url(request))
    node = {
        "@type": "VideoObject",
        "name": story.title,
        "description": jsonld.shortened(story.summary, 300),
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": jsonld.page_language(story),
        "uploadDate": jsonld.iso_date(story.date),
        "transcript": jsonld.plain_text(story.transcript),
        "about": {"@type": "Organization", "name": story.company.title},
        "publisher": jsonld.network_reference(request, story.locale_id),
    }
    # The rendition the page shows: no query of its own.
    poster = rendition_or_none(story.poster, renditions.STORY_POSTER)
    if poster:
        node["thumbnailUrl"] = [jsonld.absolute(request, poster.url)]
    if story.video_file:
        node["contentUrl"] = jsonld.absolute(request, story.video_file.url)
    elif story.is_external:
        node["embedUrl"] = embed_url(story.video_provider, story.video_id)
    return node
