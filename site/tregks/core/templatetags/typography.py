"""Typography filters for text that sits inside the site's own quotation marks."""

from django import template
from django.utils.translation import get_language

register = template.Library()

# Double quotes a title may bring along, and the single quotes that replace them when
# the sentence around it already quotes the title: „Anmeldung für ‚tregks im Dialog‘“.
DOUBLE_QUOTES = '“”„"«»'
SINGLE_QUOTES = {"de": ("‚", "‘"), "en": ("‘", "’")}


@register.filter
def nested_quotes(text):
    """Turn the double quotes inside `text` into the language's single quotes."""
    opening, closing = SINGLE_QUOTES.get((get_language() or "de")[:2], ("‘", "’"))
    result, inside = [], False
    for character in str(text):
        if character in DOUBLE_QUOTES:
            result.append(closing if inside else opening)
            inside = not inside
        else:
            result.append(character)
    return "".join(result)
