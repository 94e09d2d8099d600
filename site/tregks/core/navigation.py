"""Where a visitor can go: the home page of a locale, the menu, the other language."""

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page, Site

from tregks.cache.generation import cached_for_generation
from tregks.core.models import FooterLinks
from tregks.core.privacy import on_a_private_path


def site_chrome(request):
    """What every page shows around its content: home pages, menu and footer links.

    Built once per site, language and cache generation (any publish or settings change
    starts a new one) and kept in the shared cache, so a page render needs no query for
    it; also kept on the request for the several template tags that use it.
    """
    if request is not None and hasattr(request, "_tregks_chrome"):
        return request._tregks_chrome
    site = Site.find_for_request(request) if request else None
    language = translation.get_language()
    site_id = site.pk if site else "default"
    chrome = cached_for_generation(
        f"chrome:{site_id}:{language}", lambda: _build_chrome(request, language)
    )
    if request is not None:
        request._tregks_chrome = chrome
    return chrome


def _build_chrome(request, language):
    homes = {code: _find_home_page(request, code) for code, _name in settings.LANGUAGES}
    home = homes.get(language)
    return {
        "homes": homes,
        "menu": build_menu(home),
        "footer": build_footer_links(request),
    }


def build_menu(home):
    """The home page's children shown in menus (cached in site_chrome)."""
    if home is None:
        return []
    return list(
        home.get_children()
        .live()
        .exclude(on_a_private_path())
        .in_menu()
        .only("id", "title", "url_path", "locale_id")
    )


def build_footer_links(request):
    """Legal and contact pages of the site's footer settings (cached in site_chrome)."""
    links = []
    if request is not None:
        settings_obj = FooterLinks.for_request(request)
        for field, label in (
            ("imprint_page", _("Legal notice")),
            ("privacy_page", _("Privacy")),
            ("accessibility_page", _("Accessibility statement")),
            ("contact_page", _("Contact")),
        ):
            target = getattr(settings_obj, field)
            if target is not None and target.live:
                links.append(
                    {"field": field, "label": label, "url": target.localized.url}
                )
    return links


def get_home_page(request, language_code=None):
    """The live home page of the site in the given (default: active) language."""
    language_code = language_code or translation.get_language()
    return site_chrome(request)["homes"].get(language_code)


def _find_home_page(request, language_code):
    site = Site.find_for_request(request) if request else None
    if site is None:
        site = (
            Site.objects.select_related("root_page")
            .filter(is_default_site=True)
            .first()
        )
    if site is None:
        return None
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
    as a translation in hreflang, the switcher or the sitemap. Kept on the page object:
    the switcher and the hreflang links of one render ask for the same list. Plain
    Page rows (links need no more), their locales from the kept list of locales.
    Privacy is Wagtail's rule (`public()`: no restricted page on the path), read from
    the database every time, as a subquery of the same query (`tregks.core.privacy`).
    """
    if "_real_translations" not in page.__dict__:
        # Links need only the path; fewer columns make a cheaper query to build.
        pages = Page.objects.filter(
            translation_key=page.translation_key, live=True, alias_of__isnull=True
        ).only("id", "path", "depth", "url_path", "locale_id", "translation_key")
        pages = pages.exclude(on_a_private_path())
        locales = cached_for_generation(
            "locales", lambda: {locale.pk: locale for locale in Locale.objects.all()}
        )
        found = list(pages)
        for translation in found:
            if translation.locale_id in locales:
                translation.locale = locales[translation.locale_id]
        page.__dict__["_real_translations"] = found
    return page.__dict__["_real_translations"]


# Listing filters whose values are the same in every language (topic slugs, partner and
# company codes, years, page numbers): switching the language keeps them.
LANGUAGE_NEUTRAL_PARAMETERS = ("partner", "topic", "company", "year", "page")


def language_neutral_query(request):
    """ "?topic=…&page=…" of the request's language-neutral filters, or ""."""
    if request is None:
        return ""
    kept = [
        (name, request.GET[name])
        for name in LANGUAGE_NEUTRAL_PARAMETERS
        if request.GET.get(name)
    ]
    return f"?{urlencode(kept)}" if kept else ""


def language_links(request, page=None):
    """One entry per language: where the switcher sends a reader of this page."""
    current = translation.get_language()
    translations = {}
    if page is not None and getattr(page, "pk", None):
        translations = {p.locale.language_code: p for p in real_translations(page)}
    links = []
    for code, name in settings.LANGUAGES:
        if code in translations:
            url = translations[code].get_url(request) + language_neutral_query(request)
            translated = True
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


def active_locale():
    return Locale.get_active()
