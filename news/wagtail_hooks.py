"""News feeds the home page, partner profiles and the demo through hooks."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from partners.models import PartnerSectionPage

from .models import NewsIndexPage, PressReleasePage


@hooks.register("register_partner_section_index")
def press_index():
    """Every consortium partner has a section of the press index (editorial setup)."""
    return NewsIndexPage


@hooks.register("home_latest_items")
def latest_press_releases(locale_id, limit):
    return list(PressReleasePage.objects.for_listing(locale_id)[:limit])


@hooks.register("partner_profile_items")
def press_releases_of_partner(partner_page, limit):
    """The partner's latest releases: issued by it, or published in its own sections."""
    section_paths = PartnerSectionPage.objects.filter(
        locale_id=partner_page.locale_id, partner__code=partner_page.code
    ).values_list("path", flat=True)
    releases = PressReleasePage.objects.for_listing(partner_page.locale_id).issued_by(
        partner_page.code, list(section_paths)
    )
    return _("Press releases"), list(releases[:limit])


@hooks.register("topic_listings")
def press_by_topic(locale_id):
    """The press index filters by topic (partner profiles link each expert group)."""
    index = NewsIndexPage.objects.live().filter(locale_id=locale_id).first()
    return (_("Press releases"), index.url) if index else None
