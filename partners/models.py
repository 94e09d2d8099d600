"""Partner and member profiles, and the sections through which each partner owns content.

Every consortium partner owns one `PartnerSectionPage` below each shared index (press,
stories). Its editors and approvers get Wagtail page permissions and a workflow on their
sections and on their profile, so isolation between partners is Wagtail's own tree-based
permission model (see docs/editorial-workflow.md).
"""

from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modelcluster.fields import ParentalManyToManyField

from tregks.cache.generation import cached_for_generation
from tregks.cache.pages import ancestor_of_type
from tregks.core import renditions
from tregks.core import structured_data as jsonld
from tregks.core.i18n import localized_many
from tregks.core.images import rendition_or_none
from tregks.core.models import BasePage, IndexPage
from tregks.core.privacy import on_a_private_path

# How many items of each kind a profile lists.
PROFILE_ITEMS_LIMIT = 4


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


# Headings of the groups on the partner index.
ROLE_HEADINGS = {
    PartnerRole.LEAD: _("Consortium lead"),
    PartnerRole.PARTNER: _("Consortium partners"),
    PartnerRole.MEMBER: _("Network members"),
    PartnerRole.COMPANY: _("Companies"),
}


class PartnerIndexPage(IndexPage):
    """The list of all partners, members and companies as a logo grid."""

    subpage_types = ["partners.PartnerProfilePage"]

    class Meta:
        verbose_name = _("Partner index")

    def role_groups(self):
        """[(role, heading, [profiles])] in ROLE_ORDER; empty groups are left out."""
        logos = get_image_model().objects.prefetch_renditions(renditions.LOGO)
        profiles = (
            PartnerProfilePage.objects.child_of(self)
            .live()
            .exclude(on_a_private_path())
            .filter(alias_of__isnull=True)  # German profiles under /en/ are no partners
            .order_by("path")
            .prefetch_related(Prefetch("logo", queryset=logos))
        )
        by_role = {}
        for profile in profiles:
            by_role.setdefault(profile.role, []).append(profile)
        return [
            (role, ROLE_HEADINGS[role], by_role[role])
            for role in ROLE_ORDER
            if role in by_role
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["role_groups"] = self.role_groups()
        return context


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
    contact_role = models.CharField(
        _("Contact person (role)"),
        max_length=150,
        blank=True,
        help_text=_("A role rather than a name, e.g. “Project management”."),
    )
    contact_phone = models.CharField(
        _("Phone"),
        max_length=40,
        blank=True,
        help_text=_("With the country code, e.g. +49 561 70733-50."),
    )
    contact_email = models.EmailField(
        _("Email"),
        blank=True,
        help_text=_("A public role address, not a personal one."),
    )
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
        MultiFieldPanel(
            [
                FieldPanel("contact_role"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_email"),
            ],
            heading=_("Public contact"),
        ),
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
        APIField("contact_role"),
        APIField("contact_phone"),
        APIField("contact_email"),
        APIField("api_expert_groups"),
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
        SynchronizedField("contact_form_email"),
        SynchronizedField("expert_groups"),
    ]

    class Meta:
        verbose_name = _("Partner profile")
        verbose_name_plural = _("Partner profiles")

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
