"""An event of one or more partners, below the owning partner's section."""

from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modelcluster.fields import ParentalManyToManyField

from partners.models import PartnerSectionContentMixin
from tregks.cache.generation import cached_for_generation
from tregks.core.blocks import DocumentLinkBlock
from tregks.core.i18n import localized_choices, localized_pages_by_id
from tregks.core.models import BasePage, alt_text_field
from tregks.core.page_mixins import LeadImageTeaserMixin

from ..blocks import ProgrammeStreamBlock
from ..calendar import event_ics_response
from ..choices import Accessibility, EventFormat, EventStatus
from ..structured_data import event_node
from .fields import AccessibilityField
from .queryset import EventPageManager, start_of_today
from .registration import RegistrationSettingsMixin

# Page types an event can link as follow-up reading (press, stories, episodes).
RELATED_PAGE_TYPES = [
    "news.PressReleasePage",
    "stories.VideoStoryPage",
    "podcast.PodcastEpisodePage",
]


class EventPage(
    PartnerSectionContentMixin,
    RegistrationSettingsMixin,
    LeadImageTeaserMixin,
    RoutablePageMixin,
    BasePage,
):
    """An event: when, where, who, the programme and, afterwards, a short review."""

    parent_page_types = ["partners.PartnerSectionPage"]
    subpage_types = []
    # Only the partner sections below an events index take events.
    index_page_type = "events.EventIndexPage"

    event_format = models.CharField(
        _("Format"), max_length=30, choices=EventFormat.choices
    )
    lead = models.TextField(
        _("Lead"),
        help_text=_(
            "Two or three sentences on what the event is about (listings too)."
        ),
    )
    topics = ParentalManyToManyField(
        "core.Topic",
        verbose_name=_("Expert groups"),
        blank=True,
        related_name="+",
        help_text=_("The expert groups the event belongs to; readers filter by them."),
    )
    start = models.DateTimeField(
        _("Start"), help_text=_("Date and time in Kassel (Europe/Berlin).")
    )
    end = models.DateTimeField(
        _("End"),
        null=True,
        blank=True,
        help_text=_("Leave empty when the end is open; several days are possible."),
    )
    all_day = models.BooleanField(
        _("All day"),
        default=False,
        help_text=_("Only the dates count; the times are not shown."),
    )
    status = models.CharField(
        _("Status"),
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.PLANNED,
    )
    venue_name = models.CharField(_("Venue"), max_length=200, blank=True)
    street = models.CharField(_("Street and number"), max_length=150, blank=True)
    postcode = models.CharField(_("Postcode"), max_length=10, blank=True)
    city = models.CharField(_("City"), max_length=100, blank=True)
    online_url = models.URLField(
        _("Online link"),
        blank=True,
        help_text=_("The video conference address for online or hybrid events."),
    )
    online_link_for_registered_only = models.BooleanField(
        _("Online link only for registered people"),
        default=False,
        help_text=_("The page hides the link; registered people get it by e-mail."),
    )
    accessibility = AccessibilityField(
        _("Accessibility of the venue"),
        help_text=_("Tick everything the venue offers."),
    )
    accessibility_notes = models.TextField(
        _("More about accessibility"),
        blank=True,
        help_text=_("E.g. where the step-free entrance is or whom to ask for help."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = alt_text_field(_("Alt text"))
    organisers = ParentalManyToManyField(
        "partners.PartnerProfilePage",
        verbose_name=_("Organising partners"),
        blank=True,
        related_name="events",
        help_text=_("Every organisation that hosts the event."),
    )
    network_wide = models.BooleanField(
        _("Event of the whole network"),
        default=False,
        help_text=_(
            "Events of the whole network also need the consortium lead's sign-off."
        ),
    )
    programme = StreamField(
        ProgrammeStreamBlock(), verbose_name=_("Programme"), blank=True
    )
    documents = StreamField(
        [("document", DocumentLinkBlock())],
        verbose_name=_("Documents"),
        blank=True,
        help_text=_("Slides, handouts or the programme as PDF."),
    )
    related_pages = StreamField(
        [
            (
                "page",
                blocks.PageChooserBlock(
                    label=_("Page"), page_type=RELATED_PAGE_TYPES, required=True
                ),
            )
        ],
        verbose_name=_("Press releases, stories and episodes"),
        blank=True,
        help_text=_(
            "What came of the event. Choose the German page: translations link to "
            "their own language automatically."
        ),
    )
    review = models.TextField(
        _("Rückblick"),
        blank=True,
        help_text=_("A short review after the event: what happened, what came of it."),
    )
    # iCalendar SEQUENCE: raised on every publish (signals.py); kept out of the edit
    # form and out of revisions (with_content_json), so only publishing changes it.
    sequence = models.PositiveIntegerField(_("Calendar revision"), default=0)
    # Registration settings: RegistrationSettingsMixin.

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("event_format"), FieldPanel("status")]),
        FieldPanel("lead"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
            ],
            heading=_("Date and time"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                FieldPanel("online_url"),
                FieldPanel("online_link_for_registered_only"),
            ],
            heading=_("Place"),
        ),
        MultiFieldPanel(
            [FieldPanel("accessibility"), FieldPanel("accessibility_notes")],
            heading=_("Accessibility"),
        ),
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")
        ),
        FieldPanel("organisers"),
        FieldPanel("network_wide"),
        FieldPanel("topics"),
        InlinePanel("speakers", heading=_("Speakers"), label=_("Speaker")),
        FieldPanel("programme"),
        FieldPanel("documents"),
        FieldPanel("review"),
        FieldPanel("related_pages"),
        RegistrationSettingsMixin.registration_panel,
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead", boost=1.5),
        index.SearchField("programme"),
        index.SearchField("review"),
        index.SearchField("venue_name"),
        index.SearchField("city"),
        index.FilterField("start"),
        index.RelatedFields("organisers", [index.SearchField("title")]),
    ]

    translatable_fields = [
        *BasePage.translatable_fields,
        # Translate: what readers read.
        TranslatableField("lead"),
        TranslatableField("programme"),
        TranslatableField("documents"),
        TranslatableField("review"),
        TranslatableField("venue_name"),
        TranslatableField("accessibility_notes"),
        TranslatableField("image_alt"),
        TranslatableField("speakers"),
        # Synchronise: dates, places, links, partners, topics and registration rules
        # are the same event in every language.
        SynchronizedField("event_format"),
        SynchronizedField("status"),
        SynchronizedField("start"),
        SynchronizedField("end"),
        SynchronizedField("all_day"),
        SynchronizedField("street"),
        SynchronizedField("postcode"),
        SynchronizedField("city"),
        SynchronizedField("online_url"),
        SynchronizedField("online_link_for_registered_only"),
        SynchronizedField("accessibility"),
        SynchronizedField("image"),
        SynchronizedField("organisers"),
        SynchronizedField("network_wide"),
        SynchronizedField("topics"),
        SynchronizedField("related_pages"),
        *RegistrationSettingsMixin.registration_synchronized_fields,
    ]

    objects = EventPageManager()

    class Meta:
        verbose_name = _("Event")
        verbose_name_plural = _("Events")
        indexes = [models.Index(fields=["start"], name="events_event_start")]

    # Teaser card protocol (home page, partner profiles); listing_image, teaser_text
    # and image_alt_text come from LeadImageTeaserMixin.
    kind_label = _("Event")
    search_kind_label = _("Event")

    def with_content_json(self, content):
        # The calendar revision belongs to what is live, not to a draft: a revision
        # saved earlier must not lower it when published or reverted.
        # Read from the database: `self` may be an object held since before the last
        # publish (a revision keeps the page it was saved from).
        obj = super().with_content_json(content)
        stored = (
            EventPage.objects.filter(pk=self.pk)
            .values_list("sequence", flat=True)
            .first()
        )
        obj.sequence = self.sequence if stored is None else stored
        return obj

    @property
    def latest_date(self):
        return self.start

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    @property
    def is_online(self):
        return bool(self.online_url) and not (self.street or self.city)

    @property
    def has_venue(self):
        return bool(self.venue_name or self.street or self.city)

    @property
    def show_online_link(self):
        return bool(self.online_url) and not self.online_link_for_registered_only

    @property
    def ends_at(self):
        return self.end or self.start

    @property
    def is_past(self):
        if self.all_day:
            return self.ends_at < start_of_today()
        return self.ends_at < timezone.now()

    @property
    def several_days(self):
        if self.end is None:
            return False
        return (
            timezone.localtime(self.start).date() != timezone.localtime(self.end).date()
        )

    @property
    def start_date(self):
        return timezone.localtime(self.start).date()

    @property
    def end_date(self):
        return timezone.localtime(self.ends_at).date()

    @property
    def accessibility_labels(self):
        labels = dict(Accessibility.choices)
        return [labels[value] for value in self.accessibility or [] if value in labels]

    @cached_property
    def organisers_for_reader(self):
        """Organising partners in the page's language (values point to German pages)."""
        partners = localized_choices(self.organisers, self.locale_id)
        return [partner for partner in partners if partner.live]

    @cached_property
    def topics_for_reader(self):
        return localized_choices(self.topics, self.locale_id)

    def related_for_reader(self):
        ids = [
            block["value"] for block in self.related_pages.raw_data if block["value"]
        ]
        return localized_pages_by_id(ids, self.locale_id)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if not getattr(request, "is_preview", False):
            # Organisers and topics in the reader's language change only when something
            # is published: kept per cache generation, two queries fewer per render.
            # (A preview shows the draft's own choices.)
            organisers, topics = cached_for_generation(
                f"event-meta:{self.pk}",
                lambda: (self.organisers_for_reader, self.topics_for_reader),
            )
            self.__dict__["organisers_for_reader"] = organisers
            self.__dict__["topics_for_reader"] = topics
        context["events_index"] = self.section_index
        context["related"] = self.related_for_reader()
        context["speakers"] = list(self.speakers.all())
        return context

    def structured_data(self, request):
        return [event_node(self, request)]

    @path("ics/", name="ics")
    def ics(self, request):
        return event_ics_response(self, request)

    @property
    def ics_url(self):
        return f"{self.url}ics/"
