"""The partner directory: every partner, member and company as a logo grid."""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from tregks.core import renditions
from tregks.core.images import images_with_rendition
from tregks.core.models import IndexPage
from tregks.core.page_urls import UrlsBelow, plain_page_urls, with_listing_urls
from tregks.core.privacy import on_a_private_path

from .profile import PartnerProfilePage
from .roles import ROLE_HEADINGS, ROLE_ORDER


@dataclass
class DirectoryEntry:
    """What the logo grid shows of a profile: its name, address and logo."""

    title: str
    url: str
    logo: object = None


class PartnerIndexPage(IndexPage):
    """The list of all partners, members and companies as a logo grid."""

    subpage_types = ["partners.PartnerProfilePage"]

    class Meta:
        verbose_name = _("Partner index")

    def profiles(self):
        """The live, public profiles below this index, in the editors' order."""
        return (
            PartnerProfilePage.objects.child_of(self)
            .live()
            .exclude(on_a_private_path())
            .filter(alias_of__isnull=True)  # German profiles under /en/ are no partners
            .order_by("path")
        )

    def role_groups(self, request=None):
        """[(role, heading, [DirectoryEntry])] in ROLE_ORDER; empty groups left out."""
        by_role = {}
        for role, entry in self._entries(request):
            by_role.setdefault(role, []).append(entry)
        return [
            (role, ROLE_HEADINGS[role], by_role[role])
            for role in ROLE_ORDER
            if role in by_role
        ]

    def _entries(self, request):
        """(role, entry) of every profile. The grid needs four columns of each and
        the logos: read as rows, with addresses from this page's own (hundreds of
        members made hundreds of page objects and Wagtail address look-ups)."""
        logos = images_with_rendition(renditions.LOGO)
        if not plain_page_urls():  # a page type with addresses of its own
            profiles = self.profiles().prefetch_related(
                Prefetch("logo", queryset=logos)
            )
            for profile in with_listing_urls(list(profiles), self, request):
                yield (
                    profile.role,
                    DirectoryEntry(profile.title, profile.listing_url, profile.logo),
                )
            return
        rows = list(self.profiles().values_list("title", "url_path", "role", "logo"))
        images = logos.in_bulk({logo for *_rest, logo in rows if logo is not None})
        urls = UrlsBelow([self], request)
        for title, url_path, role, logo in rows:
            yield role, DirectoryEntry(title, urls.below(url_path), images.get(logo))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["role_groups"] = self.role_groups(request)
        return context
