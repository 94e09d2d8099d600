"""The partner directory: every partner, member and company as a logo grid."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from wagtail.images import get_image_model

from tregks.core import renditions
from tregks.core.models import IndexPage
from tregks.core.page_urls import with_listing_urls
from tregks.core.privacy import on_a_private_path

from .profile import PartnerProfilePage
from .roles import ROLE_HEADINGS, ROLE_ORDER


class PartnerIndexPage(IndexPage):
    """The list of all partners, members and companies as a logo grid."""

    subpage_types = ["partners.PartnerProfilePage"]

    class Meta:
        verbose_name = _("Partner index")

    def role_groups(self, request=None):
        """[(role, heading, [profiles])] in ROLE_ORDER; empty groups are left out.

        Each profile carries its address (`listing_url`), worked out from this page's
        own address for all of them at once (tregks.core.page_urls)."""
        logos = get_image_model().objects.prefetch_renditions(renditions.LOGO)
        profiles = (
            PartnerProfilePage.objects.child_of(self)
            .live()
            .exclude(on_a_private_path())
            .filter(alias_of__isnull=True)  # German profiles under /en/ are no partners
            .order_by("path")
            # Only what the logo grid shows: the profiles' texts and contact data
            # are not read here.
            .only("title", "url_path", "role", "logo", "locale")
            .prefetch_related(Prefetch("logo", queryset=logos))
        )
        by_role = {}
        for profile in with_listing_urls(list(profiles), self, request):
            by_role.setdefault(profile.role, []).append(profile)
        return [
            (role, ROLE_HEADINGS[role], by_role[role])
            for role in ROLE_ORDER
            if role in by_role
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["role_groups"] = self.role_groups(request)
        return context
