"""The public profile of a consortium partner, network member or company."""

from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modelcluster.fields import ParentalManyToManyField

from tregks.cache.generation import cached_for_generation
from tregks.core import renditions
from tregks.core import structured_data as jsonld
from tregks.core.i18n import localized_many
from tregks.core.images import rendition_or_none
from tregks.core.models import BasePage
from tregks.core.page_mixins import ContactFieldsMixin

from .roles import PartnerRole

# How many items of each kind a profile lists.
PROFILE_ITEMS_LIMIT = 4


class PartnerProfilePage(ContactFieldsMixin, BasePage):
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
        help_text=_(
            "Sets the place in the partner directory: consortium lead first, then "
            "consortium partners, network members and companies."
        ),
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
        _("Description"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_(
            "What the organisation does and what it brings to the network, in two or "
            "three short paragraphs."
        ),
    )
    website = models.URLField(
        _("Website"),
        blank=True,
        help_text=_("The full address, e.g. https://www.example.org."),
    )
    street = models.CharField(
        _("Street and number"),
        max_length=150,
        blank=True,
        help_text=_("The public postal address; leave it empty if there is none."),
    )
    postcode = models.CharField(_("Postcode"), max_length=10, blank=True)
    city = models.CharField(_("City"), max_length=100, blank=True)
    # contact_role, contact_phone, contact_email: ContactFieldsMixin.
    contact_form_email = models.EmailField(
        _("Address for form messages"),
        blank=True,
        help_text=_(
            "Where messages from the contact form and the expert groups' forms go; "
            "never shown on the site. Empty: the public e-mail address above."
        ),
    )
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
        ContactFieldsMixin.contact_panel(_("Public contact")),
        FieldPanel("contact_form_email"),
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

    api_fields = [
        APIField("short_name"),
        APIField("code"),
        APIField("role"),
        APIField(
            "logo_rendition",
            serializer=ImageRenditionField(renditions.PROFILE_LOGO, source="logo"),
        ),
        APIField("description"),
        APIField("website"),
        APIField("street"),
        APIField("postcode"),
        APIField("city"),
        *ContactFieldsMixin.contact_api_fields,
        APIField("api_expert_groups"),
    ]

    translatable_fields = [
        *BasePage.translatable_fields,
        # Translate: description and the contact's role.
        TranslatableField("description"),
        *ContactFieldsMixin.contact_translatable_fields,
        # Synchronise: names, codes, logo, address, contact data and expert groups.
        SynchronizedField("short_name"),
        SynchronizedField("code"),
        SynchronizedField("role"),
        SynchronizedField("logo"),
        SynchronizedField("website"),
        SynchronizedField("street"),
        SynchronizedField("postcode"),
        SynchronizedField("city"),
        *ContactFieldsMixin.contact_synchronized_fields,
        SynchronizedField("contact_form_email"),
        SynchronizedField("expert_groups"),
    ]

    class Meta:
        verbose_name = _("Partner profile")
        verbose_name_plural = _("Partner profiles")

    @property
    def picklist_label(self):
        """The name in the admin's picklists, with the short name editors search for."""
        if self.short_name and self.short_name not in self.title:
            return f"{self.title} ({self.short_name})"
        return self.title

    @property
    def is_consortium_member(self):
        return self.role in (PartnerRole.LEAD, PartnerRole.PARTNER)

    @property
    def expert_groups_for_reader(self):
        """Expert groups in the page's language (M2M values point to German topics)."""
        return localized_many(self.expert_groups.all(), self.locale_id)

    @property
    def api_expert_groups(self):
        return [
            {"id": topic.pk, "name": topic.name, "slug": topic.slug}
            for topic in self.expert_groups_for_reader
        ]

    def latest_items(self, limit=PROFILE_ITEMS_LIMIT):
        """[(heading, [pages])] from every content app's "partner_profile_items" hook.

        Content apps register `f(partner_page, limit) -> (heading, [pages])`, so this
        app imports none of them. Each provider must use a fixed number of queries.
        """
        # Kept per cache generation and hour: the lists change when something is
        # published, and an event drops off "upcoming" once it is over.
        hour = timezone.localtime().strftime("%Y%m%d%H")
        return cached_for_generation(
            f"partner-items:{self.pk}:{limit}:{get_language()}:{hour}",
            lambda: self._latest_items(limit),
        )

    def _latest_items(self, limit):
        groups = []
        for provider in hooks.get_hooks("partner_profile_items"):
            heading, pages = provider(self, limit)
            if pages:
                groups.append((str(heading), list(pages)))
        return groups

    def topic_listings(self):
        """[(label, url)] of the listings that filter by topic with `?topic=<slug>`.

        Content apps register `f(locale_id) -> (label, url) or None` as the
        "topic_listings" hook; kept per cache generation (no query on most renders).
        """
        return cached_for_generation(
            f"topic-listings:{self.locale_id}:{get_language()}",
            lambda: [
                (str(label), url)
                for label, url in filter(
                    None,
                    (f(self.locale_id) for f in hooks.get_hooks("topic_listings")),
                )
            ],
        )

    def structured_data(self, request):
        """The organisation itself; consortium partners as members of the network."""
        node = {
            "@type": "Organization",
            "name": self.title,
            "alternateName": self.short_name,
            "url": jsonld.absolute(request, self.get_url(request)),
            "mainEntityOfPage": jsonld.absolute(request, self.get_url(request)),
            "inLanguage": jsonld.page_language(self),
        }
        description = jsonld.plain_text(self.description, 300)
        if description:
            node["description"] = description
        if self.website:
            node["sameAs"] = [self.website]
        # The rendition the profile shows: no query of its own.
        logo = rendition_or_none(self.logo, renditions.PROFILE_LOGO)
        if logo:
            node["logo"] = jsonld.absolute(request, logo.url)
        if self.street or self.city:
            node["address"] = {
                "@type": "PostalAddress",
                "streetAddress": self.street,
                "postalCode": self.postcode,
                "addressLocality": self.city,
                "addressCountry": "DE",
            }
        if self.contact_email:
            node["email"] = self.contact_email
        if self.contact_phone:
            node["telephone"] = self.contact_phone
        if self.is_consortium_member:
            node["memberOf"] = {"@id": jsonld.network_id(request, self.locale_id)}
        return [node]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["item_groups"] = self.latest_items()
        context["topic_listings"] = self.topic_listings()
        return context
