"""Template tag of the translation editor's footer and notices (translation_editor.py)."""

from django import template
from django.utils.translation import get_language_info

from wagtail.models import Page

from ..translation_editor import editor_context

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_editor_state(context, translation, instance):
    """The editorial footer's actions and notices; None for snippets."""
    if not isinstance(instance, Page):
        return None
    return editor_context(context["request"], translation, instance)


@register.filter
def admin_language_name(locale):
    """The locale's language named in the admin's language ("Englisch"): Wagtail's
    display name is the native one from LANGUAGES ("English"), right for the public
    language switch, wrong inside a German sentence."""
    try:
        return get_language_info(locale.language_code)["name_translated"]
    except (KeyError, AttributeError):
        return locale.get_display_name() if locale is not None else ""
