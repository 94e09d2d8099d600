from django import template
from django.utils import translation

from tregks.core.funding import notice_for
from tregks.core.i18n import locale_id_for

register = template.Library()


@register.inclusion_tag("includes/funding_notice.html", takes_context=True)
def funding_notice(context):
    """The funder's notice valid on the page's date (today where it has none)."""
    page = context.get("page")
    if getattr(page, "pk", None) is None:
        page = None  # search, error pages: today's notice in the reader's language
    locale_id = page.locale_id if page else locale_id_for(translation.get_language())
    return {"notice": notice_for(page, locale_id)}
