"""The home page of each language and the generic content page (Impressum, Kontakt, ...)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from tregks.core import renditions
from tregks.core import structured_data as jsonld
from tregks.core.blocks import BodyStreamBlock
from tregks.core.models import BasePage, alt_text_field
from tregks.core.routing import PathRoutingMixin

from .blocks import TimelineBlock
from .latest import latest_items, partner_logos, upcoming_events


class HomePage(PathRoutingMixin, BasePage):
    """The start page of one language: hero, introduction, latest items, partners, timeline."""

    # One home page per language: the site root and its translation.
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    hero_title = models.CharField(
        _("Hero title"),
        max_length=150,
        help_text=_("Large heading at the top of the home page (its only H1)."),
    )
    hero_text = models.TextField(_("Hero text"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = alt_text_field(_("Hero image alt text"))
    intro = RichTextField(
        _("Introduction"), blank=True, features=["bold", "italic", "link"]
    )
    timeline_title = models.CharField(_("Timeline heading"), max_length=150, blank=True)
    timeline = StreamField(TimelineBlock(), verbose_name=_("Timeline"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("hero_title"),
        FieldPanel("hero_text"),
        FieldPanel("hero_image"),
        FieldPanel("hero_image_alt"),
        FieldPanel("intro"),
        FieldPanel("timeline_title"),
        FieldPanel("timeline"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("hero_title", boost=2),
        index.SearchField("hero_text"),
        index.SearchField("intro"),
    ]

    api_fields = [
        APIField("hero_title"),
        APIField("hero_text"),
        APIField(
            "hero_image_rendition",
            serializer=ImageRenditionField(
                renditions.API_LANDSCAPE, source="hero_image"
            ),
        ),
        APIField("hero_image_alt_text"),
        APIField("intro"),
        APIField("timeline_title"),
        APIField("timeline"),
    ]

    translatable_fields = [
        *BasePage.translatable_fields,
        # Translate: text in the hero, introduction and timeline.
        TranslatableField("hero_title"),
        TranslatableField("hero_text"),
        TranslatableField("hero_image_alt"),
        TranslatableField("intro"),
        TranslatableField("timeline_title"),
        TranslatableField("timeline"),
        # Synchronise: the image is the same in both languages.
        SynchronizedField("hero_image"),
    ]

    class Meta:
        verbose_name = _("Home page")

    @property
    def hero_image_alt_text(self):
        """The hero image's alt text in the page's language where an editor gave one."""
        if self.hero_image is None:
            return ""
        return self.hero_image_alt or self.hero_image.default_alt_text

    def structured_data(self, request):
        """The site with its search, and the network behind it."""
        return [
            jsonld.website(self, request),
            jsonld.network_organization(request, self.locale_id),
            jsonld.web_page(self, request),
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_items"] = latest_items(self.locale_id)
        context["partner_logos"] = partner_logos(self.locale_id)
        context["upcoming_events"] = upcoming_events(self.locale_id)
        return context


class ContentPage(BasePage):
    """A page of free content: Impressum, Datenschutz, Barrierefreiheit, Über uns, Kontakt."""

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

    lead = models.TextField(
        _("Lead"),
        blank=True,
        help_text=_("One or two sentences that sum up the content."),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("Content"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("body")]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
    ]

    api_fields = [APIField("lead"), APIField("body")]

    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("lead"),
        TranslatableField("body"),
    ]

    class Meta:
        verbose_name = _("Content page")
