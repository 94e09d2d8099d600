from wagtail import hooks

from tregks.core.privacy import on_a_private_path
from tregks.editorial.partner_pages import PartnerPageTypes

from .models import PartnerProfilePage, PartnerRole, PartnerSectionPage


@hooks.register("register_partner_page_types")
def partner_page_types():
    """Profiles and sections for the editorial setup (tregks.editorial.partner_pages)."""
    return PartnerPageTypes(profile=PartnerProfilePage, section=PartnerSectionPage)


@hooks.register("home_partner_logos")
def consortium_logos(locale_id):
    """The consortium (lead first) for the home page's logo row."""
    partners = (
        PartnerProfilePage.objects.live()
        .exclude(on_a_private_path())
        .filter(
            locale_id=locale_id,
            alias_of__isnull=True,
            role__in=[PartnerRole.LEAD, PartnerRole.PARTNER],
        )
        .select_related("logo")
    )
    return sorted(partners, key=lambda p: (p.role != PartnerRole.LEAD, p.path))
