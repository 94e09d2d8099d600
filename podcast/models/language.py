"""The languages of a show's feed and of an episode's audio."""

from django.conf import settings
from django.utils.translation import get_language_info


def audio_language_choices():
    return list(settings.LANGUAGES)


def language_name(code):
    """The language's name in the reader's language ("German" on English pages)."""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code
