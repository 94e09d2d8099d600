"""What search engines and link previews read in a page's head.

One place decides a page's title, description, robots rule, canonical address,
hreflang set and OpenGraph/Twitter tags; `base.html` renders what `page_meta` returns,
and the sitemap (`tregks.core.sitemaps`) lists exactly the pages `is_indexable` admits,
with the same hreflang sets (docs/seo.md).
"""

import html
import re

from django.conf import settings
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from wagtail.models import Page, get_page_models

from tregks.core import navigation
from tregks.core.privacy import on_a_private_path

# Search engines show about 155 to 160 characters of a description.
DESCRIPTION_LENGTH = 155
SITE_NAME = "tregks"
BLOCK_END = re.compile(r"<(?:/p|/li|/h[1-6]|/blockquote|br\s*/?)>", re.IGNORECASE)
# OpenGraph locale of each site language.
OG_LOCALES = {"de": "de_DE", "en": "en_GB"}


def is_indexable(page):
    """True for a page that search engines should list under its own address.

    Left out: synchronised aliases (German text under /en/ poses as no translation)
    and page types that declare `indexable = False` (partner sections, which show
    their index filtered by the partner).
    """
    if page is None or not getattr(page, "pk", None):
        return False
    if getattr(page, "alias_of_id", None) is not None:
        return False
    model = page.specific_class if hasattr(page, "specific_class") else type(page)
    return getattr(model, "indexable", True)


def non_indexable_models():
    """Page models whose pages never appear in the sitemap, search or API listing."""
    return [model for model in get_page_models() if not getattr(model, "indexable", 1)]


def hreflang_alternates(request, page):
    """(language code, absolute URL) pairs for hreflang, plus x-default (German).

    The same set for every translation of a page, in the page's head and in the
    sitemap, so the pairs are reciprocal; empty for a page that is not indexable.
    """
    if not is_indexable(page):
        return []
    return _with_default(
        [
            (p.locale.language_code, p.get_full_url(request))
            for p in navigation.real_translations(page)
        ]
    )


def hreflang_sets(request, pages):
    """{absolute URL: hreflang pairs} for indexable `pages`, in one query (sitemap).

    The same rule as `hreflang_alternates`: live, public translations with their own
    text (`navigation.real_translations`).
    """
    pages = [page for page in pages if is_indexable(page)]
    keys = {page.translation_key for page in pages}
    translations = Page.objects.filter(
        translation_key__in=keys, live=True, alias_of__isnull=True
    ).exclude(on_a_private_path())
    groups = {}
    for other in translations.select_related("locale").order_by("locale_id"):
        groups.setdefault(other.translation_key, []).append(
            (other.locale.language_code, other.get_full_url(request))
        )
    return {
        page.get_full_url(request): _with_default(groups.get(page.translation_key, []))
        for page in pages
    }


def hreflang_sets_by_key(keys, address):
    """{translation key: hreflang pairs} of pages read as rows (sitemap), in one query.

    The rule of `hreflang_sets`; `address(url_path)` gives a translation's absolute
    URL (`tregks.core.page_urls.UrlsBelow.below`), so no page object is made.
    """
    translations = (
        Page.objects.filter(translation_key__in=keys, live=True, alias_of__isnull=True)
        .exclude(on_a_private_path())
        .order_by("locale_id")
        .values_list("translation_key", "locale__language_code", "url_path")
    )
    groups = {}
    for key, code, url_path in translations:
        groups.setdefault(key, []).append((code, address(url_path)))
    return {key: _with_default(pairs) for key, pairs in groups.items()}


def _with_default(alternates):
    """The pairs in the order of LANGUAGES, and x-default (German) where there are two
    or more."""
    order = [code for code, _name in settings.LANGUAGES]
    alternates = sorted(
        alternates, key=lambda pair: order.index(pair[0]) if pair[0] in order else 99
    )
    if len(alternates) < 2:
        return alternates
    default = dict(alternates).get(settings.LANGUAGE_CODE)
    if default:
        alternates.append(("x-default", default))
    return alternates


def plain_text(value):
    """Text of a plain or rich-text field on one line, without tags or entities."""
    # A space where a block ends, or "…Netzwerk.</p><p>Die…" runs two words together.
    text = BLOCK_END.sub(" ", str(value or ""))
    return " ".join(html.unescape(strip_tags(text)).split())


def trim_description(text, limit=DESCRIPTION_LENGTH):
    """`text` cut at the last word boundary before `limit` characters, with "…"."""
    text = plain_text(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut and not text[limit - 1].isspace():
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:–-") + "…"


def meta_description(page):
    """The editor's search description, else the page's own summary, trimmed.

    Pages name their summary through `get_meta_description()` (lead, introduction,
    summary or description, see `BasePage`); a page with none of them is described by
    its title and the network's name, so no indexable page goes without one.
    """
    own = plain_text(getattr(page, "search_description", ""))
    if own:
        return own
    getter = getattr(page, "get_meta_description", None)
    derived = trim_description(getter() if getter else "")
    if derived:
        return derived
    return _("%(title)s – a page of the Kassel Region Transformation Network.") % {
        "title": page_title(page)
    }


def page_title(page):
    return plain_text(getattr(page, "seo_title", "") or page.title)


def canonical_url(request, page):
    """The page's own address; for an alias, the original's (its text is there)."""
    if getattr(page, "alias_of_id", None) is not None:
        original = Page.objects.live().filter(pk=page.alias_of_id).first()
        if original is not None:
            return original.get_full_url(request)
    return page.get_full_url(request)


def page_meta(request, page, noindex=False):
    """Everything `base.html` puts in the head for `page` (None: a non-page view).

    `noindex` comes from the view: search results and responses that stand for
    another page (a partner section serves its filtered index).
    """
    language = translation.get_language() or settings.LANGUAGE_CODE
    meta = {
        "robots": "",
        "title": "",
        "description": "",
        "canonical": "",
        "alternates": [],
        "og_locale": OG_LOCALES.get(language, language),
        "og_locale_alternates": [],
        "image": None,
    }
    if page is None:
        meta["robots"] = "noindex" if noindex else ""
        return meta
    indexable = is_indexable(page) and not noindex
    meta["robots"] = "" if indexable else "noindex"
    meta["title"] = page_title(page)
    meta["description"] = meta_description(page)
    if not page.pk:  # the preview of a page not saved yet
        return meta
    meta["canonical"] = canonical_url(request, page)
    if indexable:
        meta["alternates"] = hreflang_alternates(request, page)
        meta["og_locale_alternates"] = [
            OG_LOCALES.get(code, code)
            for code, _url in meta["alternates"]
            if code not in ("x-default", language)
        ]
    getter = getattr(page, "get_meta_image", None)
    meta["image"] = getter() if getter else None
    return meta
