"""Which press releases a listing, feed or profile shows: live, public, in one locale."""

from django.db.models import Prefetch

from wagtail.models import PageManager

from tregks.core import renditions
from tregks.core.images import images_with_rendition
from tregks.core.listing import ListingQuerySet
from tregks.core.privacy import on_a_private_path


class PressReleaseQuerySet(ListingQuerySet):
    def for_listing(self, locale_id):
        """Live, public releases with their own text in one locale, newest first.

        Synchronised aliases (German text under /en/) are left out: in an English
        listing, feed or profile they would pose as English releases.
        """
        images = images_with_rendition(renditions.TEASER)
        return (
            self.live()
            .exclude(on_a_private_path())
            .filter(locale_id=locale_id, alias_of__isnull=True)
            .order_by("-release_date", "-pk")
            .prefetch_related(Prefetch("image", queryset=images))
        )

    def issued_by(self, code, sections=None):
        """Releases that name the partner `code` as issuer or sit in its sections."""
        return self.by_partner("issuing_partners", code, sections)


PressReleaseManager = PageManager.from_queryset(PressReleaseQuerySet)
