"""Which pages the consortium partners own, as the apps that own those pages say.

The core imports no app. The partners app and the content apps register their page
types through Wagtail hooks in their own `wagtail_hooks.py`; the editorial setup
(`tregks.editorial.setup`) reads them here with `wagtail.hooks.get_hooks`:

- `register_partner_page_types`: `f() -> PartnerPageTypes(profile=..., section=...)`,
  the partner's profile page and the section page it owns below a shared index
  (registered by the partners app; without it there are no partners to set up).
- `register_partner_section_index`: `f() -> index page model`. Every consortium
  partner owns one section below each page of that type, in every language
  (registered by news, stories and events). Sections are made in the order the
  hooks run: the apps' order in INSTALLED_APPS.
- `register_partner_owned_pages`: `f(profile) -> pages` the partner owns outright
  besides its sections and its profile, in every language (registered by the
  podcast: the show belongs to the partner that produces it).

Example, in `news/wagtail_hooks.py`:

    @hooks.register("register_partner_section_index")
    def press_index():
        return NewsIndexPage
"""

from dataclasses import dataclass

from wagtail import hooks

PAGE_TYPES_HOOK = "register_partner_page_types"
SECTION_INDEX_HOOK = "register_partner_section_index"
OWNED_PAGES_HOOK = "register_partner_owned_pages"


@dataclass(frozen=True)
class PartnerPageTypes:
    """The partners app's page types the editorial setup works with."""

    profile: type  # one page per partner and language; has `code` and `role`
    section: type  # a partner's part of a shared index; has `partner`


def partner_page_types():
    """The registered partner page types, or None where no app registers them."""
    for hook in hooks.get_hooks(PAGE_TYPES_HOOK):
        return hook()
    return None


def section_index_models():
    """Index page types below which every consortium partner owns a section."""
    return [hook() for hook in hooks.get_hooks(SECTION_INDEX_HOOK)]


def pages_owned_outright(profile):
    """Pages the partner owns besides its sections and profile, in every language."""
    return [
        page for hook in hooks.get_hooks(OWNED_PAGES_HOOK) for page in hook(profile)
    ]
