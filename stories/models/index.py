"""The list of all video stories of one language (Home > StoryIndexPage >
PartnerSectionPage > VideoStoryPage). It imports the story module to list the stories;
a story names its index by label, so the dependency goes one way."""

from django.utils.translation import gettext_lazy as _

from tregks.core.models import IndexPage

from ..listing import filtered_stories
from .story import VideoStoryPage


class StoryIndexPage(IndexPage):
    """The list of all video stories of one language, newest first, with filters."""

    subpage_types = ["partners.PartnerSectionPage"]

    class Meta:
        verbose_name = _("Story index")

    def stories(self):
        """Every live story below this index, newest first, ready for cards."""
        return VideoStoryPage.objects.descendant_of(self).for_listing()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(filtered_stories(self, request))
        return context
