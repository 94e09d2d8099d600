import datetime

from django import template
from django.utils import timezone

from wagtail.templatetags.wagtailcore_tags import pageurl

from tregks.core import navigation, seo

register = template.Library()


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    request = context.get("request")
    page = context.get("page")
    chrome = navigation.site_chrome(request)
    current_path = getattr(page, "url_path", "") or ""
    return {
        "home": navigation.get_home_page(request),
        "items": [
            {"page": item, "is_current": current_path.startswith(item.url_path)}
            for item in chrome["menu"]
        ],
        "request": request,
    }


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    return {
        "links": navigation.language_links(context.get("request"), context.get("page"))
    }


@register.simple_tag(takes_context=True)
def page_meta(context):
    """Title, description, robots, canonical, hreflang and OpenGraph data (core.seo)."""
    return seo.page_meta(
        context.get("request"), context.get("page"), noindex=context.get("noindex")
    )


@register.simple_tag(takes_context=True)
def home_page(context):
    return navigation.get_home_page(context.get("request"))


@register.inclusion_tag("includes/footer_links.html", takes_context=True)
def footer_links(context):
    """Legal pages in the reader's language (the German page where no translation is live)."""
    return {"links": navigation.site_chrome(context.get("request"))["footer"]}


@register.simple_tag(takes_context=True)
def item_url(context, page):
    """The address of a listed page: the one its listing worked out for all items at
    once (`tregks.core.page_urls.with_listing_urls`), else Wagtail's `{% pageurl %}`."""
    url = getattr(page, "listing_url", None)
    return url if url is not None else pageurl(context, page)


@register.filter
def elided_page_range(page_obj):
    """Page numbers to link for a listing page: the ends and two either side of it."""
    return page_obj.paginator.get_elided_page_range(
        page_obj.number, on_each_side=2, on_ends=1
    )


@register.filter
def machine_datetime(value):
    """A valid HTML `datetime` value: a date as YYYY-MM-DD, a moment to the second.

    Django's "c" format keeps microseconds, which the HTML standard does not allow.
    """
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return ""
