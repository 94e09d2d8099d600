"""`{% rendition image "name" as var %}`: an image in one of the site's named sizes."""

from django import template

from wagtail.images.shortcuts import get_rendition_or_not_found

from tregks.core.renditions import BY_NAME

register = template.Library()


@register.simple_tag
def rendition(image, name):
    """The rendition of `image` in the size called `name` (tregks.core.renditions).

    Like Wagtail's `{% image %}`, an image whose file is missing gives a placeholder
    rather than an error. An unknown name is a mistake in the template: it raises.
    """
    if image is None:
        return None
    return get_rendition_or_not_found(image, BY_NAME[name])
