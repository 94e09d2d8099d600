from django.db.models import Prefetch

from wagtail import hooks

from tregks.core import renditions
from tregks.core.images import images_with_rendition
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
        # The logos with the row's rendition: kept with the list per cache generation,
        # so a home page render asks neither the database nor the cache for them.
        .prefetch_related(
            Prefetch("logo", queryset=images_with_rendition(renditions.LOGO))
        )
    )
    return sorted(partners, key=lambda p: (p.role != PartnerRole.LEAD, p.path))
