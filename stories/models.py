"""Video stories from regional companies (models to be completed in the content issue)."""

from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from tregks.core.models import BasePage


class StoryIndexPage(BasePage):
    """The list of all video stories."""

    # One story list per language.
    max_count_per_parent = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["partners.PartnerSectionPage"]

    content_panels = [*Page.content_panels]

    class Meta:
        verbose_name = _("Story index")


class VideoStoryPage(BasePage):
    """A video story about a regional company."""

    parent_page_types = ["partners.PartnerSectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Video story")
        verbose_name_plural = _("Video stories")
