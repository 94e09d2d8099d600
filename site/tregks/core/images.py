"""Renditions made in Python (structured data, feeds, the funding notice).

Wagtail's `{% image %}` tag shows nothing for an image whose source file cannot be
read (a database restored without its media, an object store that does not answer);
`Image.get_rendition` raises instead. Code outside templates asks here, so that a
missing file costs the picture, not the page.
"""

import logging

from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError

logger = logging.getLogger(__name__)


def images_with_rendition(spec):
    """Images with the rendition `spec` prefetched, for a Prefetch of listed objects'
    images: no query or cache look-up per image when the rendition is asked for."""
    return get_image_model().objects.prefetch_renditions(spec)


def rendition_or_none(image, spec):
    """The image's rendition for `spec`, or None without an image or its source file."""
    if image is None:
        return None
    try:
        return image.get_rendition(spec)
    except SourceImageIOError as error:
        logger.warning("No rendition of image %s (%s): %s", image.pk, spec, error)
        return None
