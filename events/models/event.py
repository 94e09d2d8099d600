"""An event of one or more partners, below the owning partner's section."""

import datetime

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.db.models.functions import Coalesce
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
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modelcluster.fields import ParentalKey, ParentalManyToManyField

from tregks.cache.generation import cached_for_generation
from tregks.cache.pages import ancestor_of_type
from tregks.core.blocks import DocumentLinkBlock
from tregks.core.i18n import localized_choices, localized_pages
from tregks.core.models import BasePage, alt_text_field

from ..blocks import ProgrammeStreamBlock
from .choices import Accessibility, EventFormat, EventStatus
from .fields import AccessibilityField
from .index import EventIndexPage

# Page types an event can link as follow-up reading (press, stories, episodes).
RELATED_PAGE_TYPES = [
    "news.PressReleasePage",
    "stories.VideoStoryPage",
    "podcast.PodcastEpisodePage",
]


def start_of_today():
    """Midnight in the site's time zone (Europe/Berlin) as an aware datetime."""
    now = timezone.localtime()
    return now.replace(hour=0, minute=0, second=0, microsecond=0)


class EventPageQuerySet(PageQuerySet):
    def for_listing(self, locale_id):
        """Live, public events with their own text in one locale (unordered).

        Synchronised aliases (German text under /en/) are left out, as in the press
        archive: in an English listing they would pose as English events.
        """
        return self.live().public().filter(locale_id=locale_id, alias_of__isnull=True)

    @staticmethod
    def _upcoming_condition(now=None):
        """Events not over yet: timed ones until their end (or start), all-day ones
        until the end of their last day."""
        now = now or timezone.now()
        return Q(all_day=False, ends_value__gte=now) | Q(
            all_day=True, ends_value__gte=start_of_today()
        )

    def with_timing(self, now=None):
        """Annotated with `past_flag` (0 upcoming, 1 past) for grouping and sorting."""
        return self.annotate(ends_value=Coalesce("end", "start")).annotate(
            past_flag=Case(
                When(self._upcoming_condition(now), then=Value(0)),
                default=Value(1),
                output_field=models.IntegerField(),
            )
        )

    def upcoming(self, now=None):
        """Events not over yet, soonest first."""
        return self.with_timing(now).filter(past_flag=0).order_by("start", "pk")

    def past(self, now=None):
        """Events that are over, latest first (the Rückblick)."""
        return self.with_timing(now).filter(past_flag=1).order_by("-start", "-pk")

    def upcoming_then_past(self, now=None):
        """Upcoming events soonest first, then past ones latest first: one ordering,
        so that the database paginates the whole list."""
        return self.with_timing(now).order_by(
            "past_flag",
            Case(When(past_flag=0, then=F("start"))).asc(nulls_last=True),
            F("start").desc(),
            "pk",
        )

    def of_format(self, event_format):
        return self.filter(event_format=event_format)

    def about_topic(self, slug):
        """Events of the expert group `slug` (slugs are the same in every locale)."""
        through = EventPage.topics.through
        return self.filter(
            pk__in=through.objects.filter(topic__slug=slug).values("eventpage_id")
        )

    def organised_by(self, code, sections=None):
        """Events that name the partner `code` as organiser or sit in its sections."""
        through = EventPage.organisers.through
        condition = Q(
            pk__in=through.objects.filter(partnerprofilepage__code=code).values(
                "eventpage_id"
            )
        )
        for section_path in sections or []:
            condition |= Q(path__startswith=section_path)
        return self.filter(condition)

    def in_year(self, year):
        return self.filter(start__year=year)


EventPageManager = PageManager.from_queryset(EventPageQuerySet)


class EventSpeaker(TranslatableMixin, Orderable):
    """A speaker or host of the event: a name and a role or organisation."""

    page = ParentalKey("events.EventPage", related_name="speakers")
    name = models.CharField(_("Name"), max_length=150)
    role = models.CharField(
        _("Role or organisation"),
        max_length=200,
        blank=True,
        help_text=_("E.g. “Works council, Example GmbH”."),
    )

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("role")])]

    translatable_fields = [SynchronizedField("name"), TranslatableField("role")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("Speaker")
        verbose_name_plural = _("Speakers")


class EventPage(RoutablePageMixin, BasePage):
    """An event: when, where, who, the programme and, afterwards, a short review."""

    parent_page_types = ["partners.PartnerSectionPage"]
    subpage_types = []

    @classmethod
    def can_exist_under(cls, parent):
        # Partner sections sit below the press and story indexes too: only sections
        # of an events index take events.
        if not super().can_exist_under(parent):
            return False
        index = parent.get_parent()
        return index is not None and issubclass(
            index.specific_class or Page, EventIndexPage
        )

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

    # Registration settings, used by the registrations app.
    registration_open = models.BooleanField(_("Registration open"), default=False)
    capacity = models.PositiveIntegerField(
        _("Places"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty for no limit."),
    )
    registration_deadline = models.DateTimeField(
        _("Registration deadline"), null=True, blank=True
    )
    ask_organisation = models.BooleanField(_("Ask for the organisation"), default=False)
    ask_role = models.BooleanField(_("Ask for the role"), default=False)
    ask_needs = models.BooleanField(
        _("Ask for dietary or accessibility needs"), default=False
    )
    waitlist_enabled = models.BooleanField(_("Waiting list"), default=False)

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
        MultiFieldPanel(
            [
                FieldPanel("registration_open"),
                FieldRowPanel(
                    [FieldPanel("capacity"), FieldPanel("registration_deadline")]
                ),
                FieldPanel("ask_organisation"),
                FieldPanel("ask_role"),
                FieldPanel("ask_needs"),
                FieldPanel("waitlist_enabled"),
            ],
            heading=_("Anmeldung"),
        ),
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
        SynchronizedField("registration_open"),
        SynchronizedField("capacity"),
        SynchronizedField("registration_deadline"),
        SynchronizedField("ask_organisation"),
        SynchronizedField("ask_role"),
        SynchronizedField("ask_needs"),
        SynchronizedField("waitlist_enabled"),
    ]

    objects = EventPageManager()

    class Meta:
        verbose_name = _("Event")
        verbose_name_plural = _("Events")
        indexes = [models.Index(fields=["start"], name="events_event_start")]

    # Teaser card protocol (home page, partner profiles).
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
    def listing_image(self):
        return self.image

    @property
    def teaser_text(self):
        return self.lead

    @property
    def image_alt_text(self):
        if self.image is None:
            return ""
        return self.image_alt or self.image.default_alt_text

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
    def events_index(self):
        return ancestor_of_type(self, EventIndexPage, live_only=True)

    @cached_property
    def organisers_for_reader(self):
        """Organising partners in the page's language (values point to German pages)."""
        partners = localized_choices(self.organisers, self.locale_id)
        return [partner for partner in partners if partner.live]

    @cached_property
    def topics_for_reader(self):
        return localized_choices(self.topics, self.locale_id)

    def related_for_reader(self):
        return localized_pages(
            [
                block.value
                for block in self.related_pages
                if block.value is not None and block.value.live
            ],
            self.locale_id,
        )

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
        context["events_index"] = self.events_index
        context["related"] = self.related_for_reader()
        context["speakers"] = list(self.speakers.all())
        return context

    def structured_data(self, request):
        from ..structured_data import event_node

        return [event_node(self, request)]

    @path("ics/", name="ics")
    def ics(self, request):
        from ..calendar import event_ics_response

        return event_ics_response(self, request)

    @property
    def ics_url(self):
        return f"{self.url}ics/"


def combine_local(day, time=datetime.time(0)):
    """An aware datetime in Europe/Berlin from a date and a time."""
    return timezone.make_aware(datetime.datetime.combine(day, time))
