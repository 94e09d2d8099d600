"""The sections through which each partner owns content below the shared indexes.

Every consortium partner owns one `PartnerSectionPage` below each shared index (press,
stories, events). Its editors and approvers get Wagtail page permissions and a
workflow on their sections, so isolation between partners is Wagtail's own tree-based
permission model (see docs/editorial-workflow.md).
"""

from django.apps import apps
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from tregks.cache.pages import ancestor_of_type
from tregks.core.models import BasePage

from .profile import PartnerProfilePage


class PartnerSectionPage(BasePage):
    """A partner's own section under a shared index; its pages belong to that partner.

    Visiting it shows the parent index filtered by the partner (a page of its own,
    status 200, whose canonical address is the index). Not indexable: it is no
    content of its own, so it stays out of the sitemap, the search, the API listing
    and search engines (`noindex`, docs/seo.md).
    """

    indexable = False

    parent_page_types = [
        "news.NewsIndexPage",
        "stories.StoryIndexPage",
        "events.EventIndexPage",
    ]
    subpage_types = [
        "news.PressReleasePage",
        "stories.VideoStoryPage",
        "events.EventPage",
    ]
    # Not a page of its own for readers (it serves the index): no breadcrumb step.
    breadcrumb_skip = True

    partner = models.ForeignKey(
        PartnerProfilePage,
        verbose_name=_("Partner"),
        on_delete=models.PROTECT,
        related_name="sections",
        help_text=_("The organisation that owns every page in this section."),
    )

    content_panels = [*Page.content_panels, FieldPanel("partner")]

    # Synchronised: wagtail-localize cannot map a foreign key to a specific page type
    # (it assigns a plain Page and fails), so every section points to the German
    # profile. Match sections by `partner.code` and show `partner.localized`.
    translatable_fields = [*BasePage.translatable_fields, SynchronizedField("partner")]

    class Meta:
        verbose_name = _("Partner section")
        verbose_name_plural = _("Partner sections")

    def get_admin_display_title(self):
        # Each partner has a section below the press index and another below the
        # story index, both titled with the partner's long name: the admin shows the
        # index and the short name ("Presse AGV"), which fit the menus.
        # Asked several times per admin page (header, breadcrumbs, title): the two
        # lookups are kept on the instance.
        if self._admin_index_and_partner is None:
            return super().get_admin_display_title()
        index_title, short_name = self._admin_index_and_partner
        return f"{index_title} {short_name}"

    @cached_property
    def _admin_index_and_partner(self):
        index = self.get_parent()
        if index is None:
            return None
        return index.title, self.partner.short_name

    def serve(self, request, *args, **kwargs):
        # The index does the listing; a redirect would leave a live page that never
        # answers 200 (crawlers, link checkers and the site's own page tests).
        # The parent index comes from the pages kept per cache generation (no query);
        # the partner was loaded with the section (tregks.core.routing).
        index = ancestor_of_type(self, *self.clean_parent_page_models())
        if index is None or index.depth != self.depth - 1:
            index = self.get_parent().specific
        query = request.GET.copy()
        query["partner"] = self.partner.code
        request.GET = query
        response = index.serve(request)
        # The filtered index under a second address: search engines skip it.
        response["X-Robots-Tag"] = "noindex"
        if getattr(response, "context_data", None) is not None:
            response.context_data["noindex"] = True
        return response

    def serve_preview(self, request, mode_name):
        # Wagtail previews a page with its own template, which a section has not:
        # the editor sees what readers get, the parent index filtered by the partner.
        query = request.GET.copy()
        query["partner"] = self.partner.code
        request.GET = query
        return self.get_parent().specific.serve_preview(request, mode_name)


def sections_below(index):
    """The live partner sections below a shared index (press, events), with their
    partner, in tree order: what the index's partner filter offers."""
    return (
        PartnerSectionPage.objects.child_of(index)
        .live()
        .select_related("partner")
        .order_by("path")
    )


class PartnerSectionContentMixin:
    """A page type that lives in partner sections below one kind of shared index.

    Partner sections sit below the press, story and events indexes alike. The page
    type names its index in `index_page_type` as an app-qualified string, as Wagtail's
    tree rules do: the index module imports the page type (its listing, feed and
    calendar query those pages), so the page type cannot import the index back.
    """

    index_page_type = None  # e.g. "news.NewsIndexPage"

    @classmethod
    def index_page_model(cls):
        return apps.get_model(cls.index_page_type)

    @classmethod
    def can_exist_under(cls, parent):
        # Only sections of the page type's own index take it, so the "add" menus
        # offer each section its own content type.
        if not super().can_exist_under(parent):
            return False
        index = parent.get_parent()
        return index is not None and issubclass(
            index.specific_class or Page, cls.index_page_model()
        )

    @cached_property
    def section_index(self):
        """The live index above the page's section, or None."""
        return ancestor_of_type(self, self.index_page_model(), live_only=True)
