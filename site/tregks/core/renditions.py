"""Every image size the site uses, spelled once.

Templates ask for a size by name (`{% rendition page.image "teaser" as thumb %}`,
tregks/core/templatetags/renditions.py), Python code by constant. A listing's
`prefetch_renditions(TEASER)` therefore always fetches what its cards show.
"""

# Cards in every listing: press, stories, episodes, search results, home page.
TEASER = "fill-480x270|format-webp"
# Inline pictures: a press release's lead image and image blocks in body text.
ARTICLE_IMAGE = "width-1200|format-webp"
HERO = "fill-960x540|format-webp"
STORY_POSTER = "fill-1280x720|format-webp"
SHOW_ARTWORK = "fill-400x400|format-webp"
EPISODE_COVER = "fill-320x320|format-webp"
# Partner logos keep their shape and transparency.
LOGO = "max-240x120|format-png"
PROFILE_LOGO = "max-480x240|format-png"
FUNDING_LOGO = "max-360x160|format-png"

# Shared links (Open Graph, Twitter) and structured data.
SHARE = "fill-1200x630"
# Apps reading the API get JPEG, which every client decodes.
API_LANDSCAPE = "fill-1200x675|format-jpeg"
API_STORY_POSTER = "fill-1280x720|format-jpeg"
API_SQUARE = "fill-1400x1400|format-jpeg"
# Podcast directories ask for square JPEG artwork of 1400 to 3000 pixels.
PODCAST_ARTWORK = "max-3000x3000|format-jpeg|jpegquality-85"

# The names templates use.
BY_NAME = {
    "teaser": TEASER,
    "article_image": ARTICLE_IMAGE,
    "hero": HERO,
    "story_poster": STORY_POSTER,
    "show_artwork": SHOW_ARTWORK,
    "episode_cover": EPISODE_COVER,
    "logo": LOGO,
    "profile_logo": PROFILE_LOGO,
    "share": SHARE,
}
