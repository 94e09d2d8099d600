from django import template
from django.utils.http import urlencode
from django.utils.translation import get_language

from tregks.cache.pages import pages_of_type

from ..models import BarrierReportPage

register = template.Library()


@register.simple_tag(takes_context=True)
def barrier_report_url(context):
    """The form in the reader's language, with the current page to prefill it ("" when
    there is no live form page). Kept per cache generation: no query per render."""
    language = get_language()
    request = context.get("request")
    for page in pages_of_type(BarrierReportPage):
        url = page.get_url(request) if page.live else None
        if url and url.startswith(f"/{language}/"):
            if request is None or request.path == url:
                return url
            return f"{url}?{urlencode({'page': request.path})}"
    return ""
