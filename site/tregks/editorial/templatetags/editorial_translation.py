"""Template tag of the translation editor's footer and notices (translation_editor.py)."""

from django import template

from wagtail.models import Page

from ..translation_editor import editor_context

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_editor_state(context, translation, instance):
    """The editorial footer's actions and notices; None for snippets."""
    if not isinstance(instance, Page):
        return None
    return editor_context(context["request"], translation, instance)
