"""Partner and member profiles, and the sections through which each partner owns content.

Every consortium partner owns one `PartnerSectionPage` below each shared index (press,
stories). Its editors and approvers get Wagtail page permissions and a workflow on their
sections and on their profile, so isolation between partners is Wagtail's own tree-based
permission model (see docs/editorial-workflow.md).
"""

from django.db import models
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modelcluster.fields import ParentalManyToManyField

from tregks.core.models import BasePage


class PartnerRole(models.TextChoices):
    LEAD = "lead", _("Consortium lead")
    PARTNER = "partner", _("Consortium partner")
    MEMBER = "member", _("Network member")
    COMPANY = "company", _("Company")


# Listing order of the partner index: lead first, then partners, members, companies.
ROLE_ORDER = [
    PartnerRole.LEAD,
    PartnerRole.PARTNER,
    PartnerRole.MEMBER,
    PartnerRole.COMPANY,
]


class PartnerIndexPage(BasePage):
    """The list of all partners, members and companies as a logo grid."""

    # One partner directory per language.
    max_count_per_parent = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["partners.PartnerProfilePage"]

    intro = RichTextField(
        _("Introduction"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    translatable_fields = [*BasePage.translatable_fields, TranslatableField("intro")]

    class Meta:
        verbose_name = _("Partner index")


class PartnerProfilePage(BasePage):
    """The public profile of a consortium partner, network member or company."""

    parent_page_types = ["partners.PartnerIndexPage"]
    subpage_types = []

    short_name = models.CharField(
        _("Short name"),
        max_length=40,
        help_text=_(
            "Short form such as “WFG” or “AGV”; also names the editorial groups."
        ),
    )
    code = models.SlugField(
        _("Code"),
        max_length=40,
        help_text=_(
            "Technical code in lower case, e.g. “agv”. Used for groups, workflows and "
            "filters; do not change it once set."
        ),
    )
    role = models.CharField(
        _("Role in the network"),
        max_length=20,
        choices=PartnerRole.choices,
        default=PartnerRole.MEMBER,
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The logo's alt text is the organisation's name."),
    )
    description = RichTextField(
        _("Description"), blank=True, features=["bold", "italic", "link", "ul"]
    )
    website = models.URLField(_("Website"), blank=True)
    street = models.CharField(_("Street and number"), max_length=150, blank=True)
    postcode = models.CharField(_("Postcode"), max_length=10, blank=True)
    city = models.CharField(_("City"), max_length=100, blank=True)
    contact_role = models.CharField(
        _("Contact person (role)"),
        max_length=150,
        blank=True,
        help_text=_("A role rather than a name, e.g. “Project management”."),
    )
    contact_phone = models.CharField(_("Phone"), max_length=40, blank=True)
    contact_email = models.EmailField(_("Email"), blank=True)
    expert_groups = ParentalManyToManyField(
        "core.Topic",
        verbose_name=_("Expert groups led"),
        blank=True,
        related_name="+",
        help_text=_("Expert groups this organisation leads."),
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("short_name"), FieldPanel("code")]),
        FieldPanel("role"),
        FieldPanel("logo"),
        FieldPanel("description"),
        FieldPanel("website"),
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
            ],
            heading=_("Address"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_role"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_email"),
            ],
            heading=_("Public contact"),
        ),
        FieldPanel("expert_groups"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("short_name", boost=3),
        index.SearchField("description"),
        index.SearchField("city"),
        index.FilterField("role"),
        index.FilterField("code"),
    ]

    translatable_fields = [
        *BasePage.translatable_fields,
        # Translate: description and the contact's role.
        TranslatableField("description"),
        TranslatableField("contact_role"),
        # Synchronise: names, codes, logo, address, contact data and expert groups.
        SynchronizedField("short_name"),
        SynchronizedField("code"),
        SynchronizedField("role"),
        SynchronizedField("logo"),
        SynchronizedField("website"),
        SynchronizedField("street"),
        SynchronizedField("postcode"),
        SynchronizedField("city"),
        SynchronizedField("contact_phone"),
        SynchronizedField("contact_email"),
        SynchronizedField("expert_groups"),
    ]

    class Meta:
        verbose_name = _("Partner profile")
        verbose_name_plural = _("Partner profiles")

    @property
    def is_consortium_member(self):
        return self.role in (PartnerRole.LEAD, PartnerRole.PARTNER)


class PartnerSectionPage(BasePage):
    """A partner's own section under a shared index; its pages belong to that partner.

    Readers never need it: visiting it leads to the index filtered by the partner.
    """

    parent_page_types = ["news.NewsIndexPage", "stories.StoryIndexPage"]
    subpage_types = ["news.PressReleasePage", "stories.VideoStoryPage"]

    partner = models.ForeignKey(
        PartnerProfilePage,
        verbose_name=_("Partner"),
        on_delete=models.PROTECT,
        related_name="sections",
        help_text=_("The organisation that owns every page in this section."),
    )

    content_panels = [*Page.content_panels, FieldPanel("partner")]

    # The partner link follows the language: the English section points to the English profile.
    translatable_fields = [*BasePage.translatable_fields, TranslatableField("partner")]

    class Meta:
        verbose_name = _("Partner section")
        verbose_name_plural = _("Partner sections")

    def serve(self, request, *args, **kwargs):
        parent = self.get_parent()
        return redirect(f"{parent.url}?partner={self.partner.code}")
