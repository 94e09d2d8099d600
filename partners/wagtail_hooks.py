from wagtail import hooks

from tregks.core.privacy import on_a_private_path

from .models import PartnerProfilePage, PartnerRole


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
