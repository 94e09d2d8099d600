"""A press release of one or more partners, in a partner's section below the press index."""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modelcluster.fields import ParentalManyToManyField

from partners.models import PartnerSectionContentMixin
from tregks.core import renditions
from tregks.core import structured_data as jsonld
from tregks.core.blocks import BodyStreamBlock, DocumentLinkBlock
from tregks.core.i18n import localized_choices, localized_pages_by_id
from tregks.core.images import rendition_or_none
from tregks.core.models import BasePage, alt_text_field
from tregks.core.page_mixins import (
    ContactFieldsMixin,
    LeadImageTeaserMixin,
    contact_email_field,
    contact_role_field,
)

from .queryset import PressReleaseManager


class PressReleasePage(
    PartnerSectionContentMixin, ContactFieldsMixin, LeadImageTeaserMixin, BasePage
):
    """A press release of one or more consortium partners."""

    parent_page_types = ["partners.PartnerSectionPage"]
    subpage_types = []
    # Only the partner sections below a press index take releases.
    index_page_type = "news.NewsIndexPage"

    release_date = models.DateField(
        _("Release date"),
        help_text=_(
            "The day the release is issued; the archive sorts and filters by it."
        ),
    )
    lead = models.TextField(
        _("Lead"),
        help_text=_(
            "Two or three sentences with the essentials (also used in listings)."
        ),
    )
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("Text"),
        blank=True,
        help_text=_(
            "The full release below the lead: paragraphs, subheadings, quotes, "
            "pictures. Quote people by their role, e.g. “Project management, WFG”."
        ),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A landscape picture, at least 1200 pixels wide."),
    )
    image_alt = alt_text_field(_("Alt text"))
    image_caption = models.CharField(
        _("Caption"),
        max_length=300,
        blank=True,
        help_text=_("One sentence on what the picture shows."),
    )
    image_credit = models.CharField(
        _("Image credit"),
        max_length=150,
        blank=True,
        help_text=_(
            "Who took or owns the picture, e.g. “WFG”; the page puts “Image:” before it."
        ),
    )
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
    # The press contact (ContactFieldsMixin), worded for journalists.
    contact_role = contact_role_field(
        _("Press contact (role)"),
        _("A role rather than a name, e.g. “Press office, WFG”."),
    )
    contact_email = contact_email_field(
        _("A role address such as presse@…, not a personal one.")
    )
    topics = ParentalManyToManyField(
        "core.Topic",
        verbose_name=_("Topics"),
        blank=True,
        related_name="+",
        help_text=_(
            "The expert groups the release is about; readers filter the archive by them."
        ),
    )
    downloads = StreamField(
        [("document", DocumentLinkBlock())],
        verbose_name=_("Downloads"),
        blank=True,
        help_text=_(
            "Documents for journalists, e.g. the release as PDF or a fact sheet."
        ),
    )
    related_pages = StreamField(
        [
            (
                "page",
                blocks.PageChooserBlock(
                    label=_("Page"), icon="doc-empty-inverse", required=True
                ),
            )
        ],
        verbose_name=_("Related pages"),
        blank=True,
        help_text=_(
            "Other releases, stories or pages on the same subject. Choose the German "
            "page: translations link to their own language automatically."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("release_date"),
        FieldPanel("lead"),
        MultiFieldPanel(
            [
                FieldPanel("image"),
                FieldPanel("image_alt"),
                FieldPanel("image_caption"),
                FieldPanel("image_credit"),
            ],
            heading=_("Lead image"),
        ),
        FieldPanel("body"),
        FieldPanel("issuing_partners"),
        FieldPanel("network_wide"),
        ContactFieldsMixin.contact_panel(_("Press contact")),
        FieldPanel("topics"),
        FieldPanel("downloads"),
        FieldPanel("related_pages"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead", boost=1.5),
        index.SearchField("body"),
        index.FilterField("release_date"),
        index.RelatedFields("issuing_partners", [index.SearchField("title")]),
    ]

    api_fields = [
        APIField("release_date"),
        APIField("lead"),
        APIField("body"),
        APIField(
            "image_thumbnail",
            serializer=ImageRenditionField(renditions.API_LANDSCAPE, source="image"),
        ),
        APIField("image_alt_text"),
        APIField("image_caption"),
        APIField("image_credit"),
        APIField("api_partners"),
        APIField("api_topics"),
        APIField("network_wide"),
        *ContactFieldsMixin.contact_api_fields,
        APIField("downloads"),
        APIField("api_downloads"),
        APIField("api_related_pages"),
    ]

    translatable_fields = [
        *BasePage.translatable_fields,
        # Translate: what readers read, including the download labels.
        TranslatableField("lead"),
        TranslatableField("body"),
        TranslatableField("image_alt"),
        TranslatableField("image_caption"),
        *ContactFieldsMixin.contact_translatable_fields,
        TranslatableField("downloads"),
        # Synchronise: related pages stay the German pages; the template shows each in
        # the reader's language (.localized), and an untranslated page cannot block the
        # translation of the release.
        SynchronizedField("related_pages"),
        # Synchronise: dates, media, partner links, contact data and topics.
        SynchronizedField("release_date"),
        SynchronizedField("image"),
        SynchronizedField("image_credit"),
        SynchronizedField("issuing_partners"),
        SynchronizedField("network_wide"),
        *ContactFieldsMixin.contact_synchronized_fields,
        SynchronizedField("topics"),
    ]

    objects = PressReleaseManager()

    class Meta:
        verbose_name = _("Press release")
        verbose_name_plural = _("Press releases")
        # Newest first (index, feed, home page, partner profiles) reads the first rows
        # of this index instead of sorting the whole archive: 0.2 ms instead of 22 ms
        # for the first index page at 10,000 releases per language.
        indexes = [
            models.Index(
                fields=["-release_date", "-page_ptr"], name="news_release_newest_first"
            )
        ]

    # Teaser card protocol (home page, index, partner profiles); listing_image,
    # teaser_text and image_alt_text come from LeadImageTeaserMixin.
    kind_label = _("Press release")

    @property
    def latest_date(self):
        return self.release_date

    @property
    def pubdate(self):
        """The release date as an aware datetime for feeds.

        Noon in the site's time zone: the date then stays the same when a reader
        converts it to UTC (midnight in Kassel is the previous day in UTC).
        """
        return timezone.make_aware(
            datetime.datetime.combine(self.release_date, datetime.time(12))
        )

    @cached_property
    def partners_for_reader(self):
        """Issuing partners in the page's language (M2M values point to German pages)."""
        partners = localized_choices(self.issuing_partners, self.locale_id)
        return [partner for partner in partners if partner.live]

    @cached_property
    def topics_for_reader(self):
        return localized_choices(self.topics, self.locale_id)

    @property
    def api_partners(self):
        return [
            {
                "id": partner.pk,
                "title": partner.title,
                "short_name": partner.short_name,
                "code": partner.code,
                "url": partner.get_full_url(),
            }
            for partner in self.partners_for_reader
        ]

    @property
    def api_topics(self):
        return [
            {"id": topic.pk, "name": topic.name, "slug": topic.slug}
            for topic in self.topics_for_reader
        ]

    def related_for_reader(self):
        """The live related pages, each in the page's language where it is translated."""
        ids = [
            block["value"] for block in self.related_pages.raw_data if block["value"]
        ]
        return localized_pages_by_id(ids, self.locale_id)

    @property
    def api_downloads(self):
        """Downloads for apps: label, absolute address and format of each document.

        Documents in a private collection are left out, as the documents endpoint does.
        """
        root = self.get_site().root_url if self.get_site() else ""
        items = []
        for block in self.downloads:
            document = block.value.get("document")
            if document is None or document.collection.get_view_restrictions().exists():
                continue
            items.append(
                {
                    "id": document.pk,
                    "label": block.value.get("label") or document.title,
                    "url": root + document.url,
                    "file_extension": document.file_extension,
                }
            )
        return items

    @property
    def api_related_pages(self):
        return [
            {"id": page.pk, "title": page.title, "url": page.get_full_url()}
            for page in self.related_for_reader()
        ]

    def structured_data(self, request):
        """A NewsArticle issued by its partners and published by the network."""
        node = {
            "@type": "NewsArticle",
            "headline": jsonld.shortened(self.title, 110),
            "description": jsonld.shortened(self.lead, 300),
            "url": jsonld.absolute(request, self.get_url(request)),
            "mainEntityOfPage": jsonld.absolute(request, self.get_url(request)),
            "inLanguage": jsonld.page_language(self),
            "datePublished": jsonld.iso_date(self.release_date),
            "dateModified": jsonld.iso_date(
                self.last_published_at or self.first_published_at
            ),
            "author": [
                {
                    "@type": "Organization",
                    "name": partner.title,
                    "url": jsonld.absolute(request, partner.get_url(request)),
                }
                for partner in self.partners_for_reader
            ]
            or [jsonld.network_reference(request, self.locale_id)],
            "publisher": jsonld.network_reference(request, self.locale_id),
        }
        # The rendition the page's Open Graph image uses: no query of its own.
        rendition = rendition_or_none(self.image, renditions.SHARE)
        if rendition:
            node["image"] = [jsonld.absolute(request, rendition.url)]
        return [node]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["news_index"] = self.section_index
        context["related"] = self.related_for_reader()
        return context
