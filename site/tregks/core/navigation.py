"""Where a visitor can go: the home page of a locale, the menu, the other language."""

from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from wagtail.models import Locale, Page, Site


def get_home_page(request, language_code=None):
    """The live home page of the site in the given (default: active) language."""
    site = Site.find_for_request(request) if request else None
    if site is None:
        site = (
            Site.objects.select_related("root_page")
            .filter(is_default_site=True)
            .first()
        )
    if site is None:
        return None
    language_code = language_code or translation.get_language()
    root = site.root_page
    if root.locale.language_code == language_code:
        return root
    return (
        Page.objects.filter(
            translation_key=root.translation_key, locale__language_code=language_code
        )
        .live()
        .first()
    )


def real_translations(page):
    """Live translations of a page, including itself, that carry their own text.

    Synchronised aliases (German content under /en/) are left out: they must not pose
    as a translation in hreflang, the switcher or the sitemap.
    """
    return (
        page.get_translations(inclusive=True)
        .live()
        .public()
        .filter(alias_of__isnull=True)
        .select_related("locale")
    )


def language_links(request, page=None):
    """One entry per language: where the switcher sends a reader of this page."""
    current = translation.get_language()
    translations = {}
    if page is not None and getattr(page, "pk", None):
        translations = {p.locale.language_code: p for p in real_translations(page)}
    links = []
    for code, name in settings.LANGUAGES:
        if code in translations:
            url, translated = translations[code].url, True
        elif page is None and request is not None:
            # Non-page views (search) exist in every language under the same path.
            url, translated = translate_url(request.get_full_path(), code), True
        else:
            home = get_home_page(request, code)
            url, translated = (home.url if home else f"/{code}/"), False
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "is_current": code == current,
                "is_translation": translated,
            }
        )
    return links


def hreflang_alternates(request, page):
    """(language code, absolute URL) pairs for <link rel=alternate>, plus x-default."""
    if page is None or getattr(page, "alias_of_id", None):
        return []
    alternates = [
        (p.locale.language_code, p.get_full_url(request))
        for p in real_translations(page)
    ]
    if len(alternates) < 2:
        return alternates
    default = dict(alternates).get(settings.LANGUAGE_CODE)
    if default:
        alternates.append(("x-default", default))
    return alternates


def active_locale():
    return Locale.get_active()
