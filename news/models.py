"""The press archive: one index per language and the press releases below partner sections."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modelcluster.fields import ParentalManyToManyField

from tregks.core.blocks import BodyStreamBlock
from tregks.core.models import BasePage


class NewsIndexPage(BasePage):
    """The list of all press releases, newest first, with filters."""

    # One press archive per language.
    max_count_per_parent = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["partners.PartnerSectionPage"]

    intro = RichTextField(
        _("Introduction"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    translatable_fields = [*BasePage.translatable_fields, TranslatableField("intro")]

    class Meta:
        verbose_name = _("Press index")


class PressReleasePage(BasePage):
    """A press release of one or more consortium partners."""

    parent_page_types = ["partners.PartnerSectionPage"]
    subpage_types = []

    release_date = models.DateField(_("Release date"))
    lead = models.TextField(
        _("Lead"),
        help_text=_(
            "Two or three sentences with the essentials (also used in listings)."
        ),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("Text"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_caption = models.CharField(_("Caption"), max_length=300, blank=True)
    image_credit = models.CharField(_("Image credit"), max_length=150, blank=True)
    issuing_partners = ParentalManyToManyField(
        "partners.PartnerProfilePage",
        verbose_name=_("Issuing partners"),
        blank=True,
        related_name="press_releases",
        help_text=_("Every organisation that issues the release jointly."),
    )
    network_wide = models.BooleanField(
        _("Speaks for the whole network"),
        default=False,
        help_text=_(
            "Releases on behalf of the whole network also need the consortium lead's "
            "sign-off."
        ),
    )
    contact_role = models.CharField(
        _("Press contact (role)"), max_length=150, blank=True
    )
    contact_phone = models.CharField(_("Phone"), max_length=40, blank=True)
    contact_email = models.EmailField(_("Email"), blank=True)
    topics = ParentalManyToManyField(
        "core.Topic", verbose_name=_("Topics"), blank=True, related_name="+"
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("release_date"),
        FieldPanel("lead"),
        MultiFieldPanel(
            [
                FieldPanel("image"),
                FieldPanel("image_caption"),
                FieldPanel("image_credit"),
            ],
            heading=_("Lead image"),
        ),
        FieldPanel("body"),
        FieldPanel("issuing_partners"),
        FieldPanel("network_wide"),
        MultiFieldPanel(
            [
                FieldPanel("contact_role"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_email"),
            ],
            heading=_("Press contact"),
        ),
        FieldPanel("topics"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead", boost=1.5),
        index.SearchField("body"),
        index.FilterField("release_date"),
        index.RelatedFields("issuing_partners", [index.SearchField("title")]),
    ]

    translatable_fields = [
        *BasePage.translatable_fields,
        # Translate: what readers read.
        TranslatableField("lead"),
        TranslatableField("body"),
        TranslatableField("image_caption"),
        TranslatableField("contact_role"),
        # Synchronise: dates, media, partner links, contact data and topics.
        SynchronizedField("release_date"),
        SynchronizedField("image"),
        SynchronizedField("image_credit"),
        SynchronizedField("issuing_partners"),
        SynchronizedField("network_wide"),
        SynchronizedField("contact_phone"),
        SynchronizedField("contact_email"),
        SynchronizedField("topics"),
    ]

    class Meta:
        verbose_name = _("Press release")
        verbose_name_plural = _("Press releases")
