"""Which press releases a listing, feed or profile shows: live, public, in one locale."""

from django.db.models import Prefetch, Q

from wagtail.images import get_image_model
from wagtail.models import PageManager
from wagtail.query import PageQuerySet

from tregks.core import renditions
from tregks.core.privacy import on_a_private_path


class PressReleaseQuerySet(PageQuerySet):
    def for_listing(self, locale_id):
        """Live, public releases with their own text in one locale, newest first.

        Synchronised aliases (German text under /en/) are left out: in an English
        listing, feed or profile they would pose as English releases.
        """
        images = get_image_model().objects.prefetch_renditions(renditions.TEASER)
        return (
            self.live()
            .exclude(on_a_private_path())
            .filter(locale_id=locale_id, alias_of__isnull=True)
            .order_by("-release_date", "-pk")
            .prefetch_related(Prefetch("image", queryset=images))
        )

    def issued_by(self, code, sections=None):
        """Releases that name the partner `code` as issuer or sit in its sections.

        Issuing partners are copied unchanged into translations (German objects on
        English pages), so the match goes through the synchronised partner code.
        """
        through = self.model.issuing_partners.through
        condition = Q(
            pk__in=through.objects.filter(partnerprofilepage__code=code).values(
                "pressreleasepage_id"
            )
        )
        for section_path in sections or []:
            condition |= Q(path__startswith=section_path)
        return self.filter(condition)

    def about_topic(self, slug):
        """Releases tagged with the topic `slug` (slugs are the same in every locale)."""
        through = self.model.topics.through
        return self.filter(
            pk__in=through.objects.filter(topic__slug=slug).values(
                "pressreleasepage_id"
            )
        )


PressReleaseManager = PageManager.from_queryset(PressReleaseQuerySet)
