"""The events page of one language: upcoming events, then the Rückblick."""

from django.utils.translation import gettext_lazy as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from partners.models import sections_below
from tregks.core.models import IndexPage

from ..calendar import calendar_feed_response
from ..listing import filtered_events
from .event import EventPage


class EventIndexPage(RoutablePageMixin, IndexPage):
    """All events of one language with filters and a subscribable calendar feed."""

    subpage_types = ["partners.PartnerSectionPage"]

    class Meta:
        verbose_name = _("Events index")

    @property
    def calendar_url(self):
        return f"{self.url}calendar/"

    def events(self):
        """Every live event below this index in its locale (not yet ordered)."""
        return EventPage.objects.descendant_of(self).for_listing(self.locale_id)

    def sections(self):
        """The partner sections below this index, with their partner."""
        return sections_below(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(filtered_events(self, request))
        return context

    @path("calendar/", name="calendar")
    def calendar(self, request):
        return calendar_feed_response(self, request)
