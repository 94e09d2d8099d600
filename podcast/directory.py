"""What podcast directories (Apple Podcasts, Spotify, Podcast Index) refuse or need.

The show page's admin form warns about these (wagtail_hooks.py, `DirectoryWarningPanel`)
without blocking a save: a draft may still lack the real owner address.
"""

import re
import uuid

from django.utils.translation import gettext as _

from PIL import Image as PILImage

# Apple Podcasts: square artwork from 1400 × 1400 to 3000 × 3000 pixels, JPEG or PNG, RGB.
ARTWORK_MIN = 1400
ARTWORK_MAX = 3000
ARTWORK_FORMATS = {"JPEG", "PNG"}

# The Podcast Index namespace and the UUID namespace its podcast:guid is derived in
# (https://podcastindex.org/namespace/1.0#guid).
PODCAST_NS = "https://podcastindex.org/namespace/1.0"
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")

# Domains reserved for examples and tests (RFC 2606, RFC 6761): mail sent there is lost.
PLACEHOLDER_DOMAIN = re.compile(
    r"(^|\.)(example\.(org|com|net)|[^.]+\.(invalid|example|test|localhost))$"
    r"|^(invalid|example|test|localhost)$",
    re.IGNORECASE,
)

# "Folge 3: …", "Episode 12 – …", "#4 | …", "3. …": an episode number in front.
NUMBER_PREFIX = re.compile(
    r"^\s*(?:(?:folge|episode|ep\.?|nr\.?|no\.?)\s*)?#?\s*(?P<number>\d+)\s*"
    r"(?:[:.|\-–—]\s*)+",
    re.IGNORECASE,
)


def podcast_guid(feed_url):
    """The show's podcast:guid as the namespace defines it: a UUIDv5 of the feed URL
    without its scheme and trailing slashes. Computed once and then stored, so a new
    domain or slug keeps the show's identity."""
    address = re.sub(r"^[a-z][a-z0-9+.-]*://", "", feed_url, flags=re.IGNORECASE)
    return uuid.uuid5(PODCAST_GUID_NAMESPACE, address.rstrip("/"))


def title_without_number(title, number):
    """The title without a leading episode number (Apple: no numbers in itunes:title
    next to itunes:episode). Only the episode's own number is removed."""
    match = NUMBER_PREFIX.match(title)
    if match and int(match.group("number")) == number and title[match.end() :].strip():
        return title[match.end() :].strip()
    return title


def owner_email_problem(email):
    """Why directories cannot reach this owner address, or ""."""
    if not email:
        return _(
            "The owner e-mail is empty. Apple and Spotify send the ownership check "
            "to it; enter an address the show's team reads."
        )
    domain = email.rpartition("@")[2]
    if PLACEHOLDER_DOMAIN.search(domain):
        return _(
            "The owner e-mail “%(email)s” is a placeholder (%(domain)s cannot receive "
            "mail). Apple and Spotify send the ownership check to it, and the feed "
            "locks the show to it (podcast:locked); enter an address the show's team "
            "reads."
        ) % {"email": email, "domain": domain}
    return ""


def artwork_size_problem(width, height):
    """Why an image of this size cannot be podcast artwork, or ""."""
    if width != height:
        return _(
            "The artwork must be square; this image is %(width)d × %(height)d pixels."
        ) % {"width": width, "height": height}
    if width < ARTWORK_MIN:
        return _(
            "The artwork is too small (%(width)d × %(height)d pixels); podcast apps "
            "need at least %(min)d × %(min)d."
        ) % {"width": width, "height": height, "min": ARTWORK_MIN}
    if width > ARTWORK_MAX:
        return _(
            "The artwork is too large (%(width)d × %(height)d pixels); podcast apps "
            "accept at most %(max)d × %(max)d."
        ) % {"width": width, "height": height, "max": ARTWORK_MAX}
    return ""


def artwork_file_problem(image):
    """Why the artwork's file would be refused (format, colour space), or ""."""
    try:
        with image.open_file() as handle, PILImage.open(handle) as picture:
            file_format, mode = picture.format, picture.mode
    except (OSError, ValueError):
        return _("The artwork's file cannot be read. Upload it again.")
    if file_format not in ARTWORK_FORMATS:
        return _(
            "The artwork is a %(format)s file; podcast directories accept JPEG or PNG."
        ) % {"format": file_format or "?"}
    if mode not in ("RGB", "RGBA", "P"):
        return _(
            "The artwork uses the colour space %(mode)s; podcast directories need RGB. "
            "Export it as an RGB JPEG or PNG."
        ) % {"mode": mode}
    return ""


def directory_warnings(show):
    """Every reason a directory would refuse the show's feed as it is, as sentences."""
    warnings = []
    problem = owner_email_problem(show.owner_email)
    if problem:
        warnings.append(problem)
    if show.artwork is None:
        warnings.append(
            _("The show has no artwork; podcast directories refuse a feed without it.")
        )
    else:
        for problem in (
            artwork_size_problem(show.artwork.width, show.artwork.height),
            artwork_file_problem(show.artwork),
        ):
            if problem:
                warnings.append(problem)
    return warnings
