"""The press archive of one language: filters, pagination and the RSS feed."""

from django.utils.translation import gettext_lazy as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from partners.models import sections_below
from tregks.core.models import IndexPage

from ..feeds import PressReleaseFeed
from ..listing import filtered_releases
from .release import PressReleasePage


class NewsIndexPage(RoutablePageMixin, IndexPage):
    """The list of all press releases, newest first, with filters and an RSS feed."""

    subpage_types = ["partners.PartnerSectionPage"]

    class Meta:
        verbose_name = _("Press index")

    @property
    def feed_url(self):
        return f"{self.url}feed/"

    def releases(self):
        """Every live release below this index, in its locale, newest first."""
        return PressReleasePage.objects.descendant_of(self).for_listing(self.locale_id)

    def sections(self):
        """The partner sections below this index, with their partner."""
        return sections_below(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(filtered_releases(self, request))
        return context

    @path("feed/", name="feed")
    def feed(self, request):
        return PressReleaseFeed()(request, index_page=self)
