"""Structured data (schema.org as JSON-LD) for search engines and link previews.

A page type answers `structured_data(request)` with the schema.org objects it stands
for (a press release: a NewsArticle, and so on), or only names its type in
`schema_type` (BasePage: a WebPage, an index: a CollectionPage); this module adds what every page shares (the breadcrumb trail, the network's Organization
on the home page) and renders one `<script type="application/ld+json">` through the
template tag `{% structured_data %}` (templatetags/jsonld_tags.py). Nothing is loaded
from a third party.

Only live pages with their own text get it: an untranslated alias (German text under
/en/) must not pose as an English page. Shared parts are built once per cache
generation, so a render adds no query for them.
"""

import json
from html import unescape
from urllib.parse import urljoin

from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from wagtail import hooks
from wagtail.models import Page, Site

from tregks.cache.generation import cached_for_generation

from . import funding
from .i18n import language_code
from .navigation import site_chrome

CONTEXT = "https://schema.org"
NETWORK_NAME = "Transformationsnetzwerk Region Kassel"
NETWORK_SHORT_NAME = "tregks"

# Characters that could end the script element or open markup inside it, escaped as
# in Django's json_script: the JSON stays valid and "</script>" cannot appear.
JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def render(data):
    """The JSON-LD script element for `data`, safe to put into HTML."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return mark_safe(  # noqa: S308 (escaped above, as json_script does)
        f'<script type="application/ld+json">{text.translate(JSON_ESCAPES)}</script>'
    )


def graph_for(page, request):
    """The JSON-LD document of a page, or None where it must have none."""
    if page is None or not getattr(page, "pk", None) or not page.live:
        return None
    if getattr(page, "alias_of_id", None) is not None:
        return None
    producer = getattr(page, "structured_data", None)
    if producer is not None:
        nodes = list(producer(request))
    elif getattr(page, "schema_type", None):
        # Every page type is at least a web page (BasePage.schema_type).
        nodes = [web_page(page, request, page.schema_type)]
    else:
        return None
    trail = breadcrumb_list(page, request)
    if trail:
        nodes.append(trail)
    return {"@context": CONTEXT, "@graph": nodes}


# Shared building blocks -----------------------------------------------------------


def absolute(request, url):
    """An absolute URL on the site's public address, as canonical links and feeds use
    it (the Wagtail site's root URL, from BASE_URL), for root-relative page, media
    and static URLs."""
    if not url or url.startswith(("http://", "https://")):
        return url
    site = Site.find_for_request(request) if request is not None else None
    if site is not None:
        return urljoin(site.root_url, url)
    return request.build_absolute_uri(url) if request is not None else url


def page_language(page):
    return language_code(page.locale_id) or translation.get_language()


def shortened(text, limit):
    """Plain text (a title, a lead) cut at a word boundary to `limit` characters."""
    return Truncator(" ".join(str(text or "").split())).chars(limit)


def plain_text(html, limit=None):
    """Rich text as plain text (for descriptions and transcripts)."""
    text = " ".join(unescape(strip_tags(str(html or ""))).split())
    return Truncator(text).chars(limit) if limit else text


def iso_date(value):
    return value.isoformat() if value else None


def home_url(request, locale_id):
    """The absolute address of the home page in the page's language."""
    homes = site_chrome(request)["homes"]
    home = homes.get(language_code(locale_id))
    return absolute(request, home.get_url(request)) if home else ""


def network_id(request, locale_id):
    """The @id the network's Organization has on every page of one language."""
    return f"{home_url(request, locale_id)}#organization"


def network_reference(request, locale_id):
    """The network as publisher: name, address and logo (no query)."""
    return {
        "@type": "Organization",
        "@id": network_id(request, locale_id),
        "name": NETWORK_NAME,
        "alternateName": NETWORK_SHORT_NAME,
        "url": home_url(request, locale_id),
        "logo": absolute(request, static("img/favicon.svg")),
    }


def network_organization(request, locale_id):
    """The network with its consortium partners as members and its funder."""
    node = network_reference(request, locale_id)
    members = cached_for_generation(
        f"jsonld-members:{locale_id}", lambda: _members(locale_id)
    )
    node["member"] = [
        {"@type": "Organization", "name": name, "url": absolute(request, url)}
        for name, url in members
    ]
    notice = funding.notice_for(None, locale_id)
    if notice:
        node["funder"] = {"@type": "GovernmentOrganization", "name": notice["ministry"]}
    return node


def _members(locale_id):
    """(name, URL) of the consortium partners, from the partners app's hook."""
    members = []
    for provider in hooks.get_hooks("home_partner_logos"):
        members.extend((partner.title, partner.url) for partner in provider(locale_id))
    return members


def website(page, request):
    """The site in one language, with the search as a SearchAction."""
    with translation.override(page_language(page)):
        search = absolute(request, reverse("search"))
    return {
        "@type": "WebSite",
        "@id": f"{absolute(request, page.get_url(request))}#website",
        "name": NETWORK_SHORT_NAME,
        "alternateName": NETWORK_NAME,
        "url": absolute(request, page.get_url(request)),
        "inLanguage": page_language(page),
        "publisher": {"@id": network_id(request, page.locale_id)},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": f"{search}?q={{search_term_string}}",
            },
            "query-input": "required name=search_term_string",
        },
    }


def web_page(page, request, schema_type="WebPage"):
    """What every page is at least: a web page with a name, address and language."""
    node = {
        "@type": schema_type,
        "name": page.seo_title or page.title,
        "url": absolute(request, page.get_url(request)),
        "inLanguage": page_language(page),
    }
    description = page.get_meta_description() if page else ""
    if description:
        node["description"] = shortened(description, 300)
    return node


# Breadcrumbs -----------------------------------------------------------------------


def breadcrumb_list(page, request):
    """Home › index › … › page, for every page below the home page.

    Partner sections are left out: they are the index filtered, not pages of their
    own. The ancestors come from a table of every page with children, kept per cache
    generation (a handful of homes, indexes, sections and shows).
    """
    if page.depth <= 2:
        return None
    table = cached_for_generation("jsonld-parents", _parent_table)
    trail = []
    for depth in range(2, page.depth):
        parent = table.get(page.path[: depth * 4])
        if parent is None:
            return None  # not below a home page (or the table is out of date)
        if parent["skip"]:
            continue
        trail.append((parent["title"], absolute(request, parent["url"])))
    trail.append((page.title, absolute(request, page.get_url(request))))
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def _parent_table():
    parents = Page.objects.filter(depth__gte=2, numchild__gt=0)
    return {
        parent.path: {
            "title": parent.title,
            "url": parent.get_url(),
            "skip": bool(getattr(parent.specific_class, "breadcrumb_skip", False)),
        }
        for parent in parents
    }
