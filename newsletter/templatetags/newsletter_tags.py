import functools

from django import template
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from tregks.core.form_protection import (
    fresh_tokens,
    joined_with_tokens,
    split_at_form_tokens,
)

from ..forms import SubscribeForm

register = template.Library()


@register.simple_tag
def newsletter_box(place):
    """The sign-up box; `place` ("footer", "home") keeps its field ids unique on a page
    that shows two boxes. No CSRF token: the page stays cacheable and cookie-free.

    The box is the same on every page of a language but for its form token, and its
    form took one to two milliseconds of every page render: it is rendered once per
    process, place and language, and each render gets a fresh token.
    """
    pieces, scopes = _rendered_box(place, translation.get_language())
    return mark_safe(joined_with_tokens(pieces, fresh_tokens(scopes)).decode())  # noqa: S308 - rendered by the template engine


@functools.lru_cache(maxsize=16)
def _rendered_box(place, language):
    """The box cut around its form token (`split_at_form_tokens`); it depends only on
    the code and the language, so it is kept for the life of the process."""
    with translation.override(language):
        form = SubscribeForm(auto_id=f"newsletter-{place}-%s")
        html = render_to_string(
            "newsletter/includes/signup_box.html", {"form": form, "place": place}
        )
    return split_at_form_tokens(html.encode())
