"""One episode of a podcast show: audio, guests, show notes and transcript.

Lives below its show (Home > PodcastShowPage > PodcastEpisodePage) and finds it through
its tree rules; the show module imports this one to list its episodes.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField
from wagtailmedia.edit_handlers import MediaChooserPanel

from modelcluster.fields import ParentalManyToManyField

from tregks.cache.pages import ancestor_of_type
from tregks.core import renditions
from tregks.core.i18n import language_code, localized_choices
from tregks.core.models import BasePage

from .. import api, audio
from .. import structured_data as schema
from ..listing import EpisodeManager
from .language import audio_language_choices, language_name


class PodcastEpisodePage(RoutablePageMixin, BasePage):
    """One episode of a podcast show: audio, guests, show notes and transcript."""

    parent_page_types = ["podcast.PodcastShowPage"]
    subpage_types = []
    search_kind_label = _("Podcast episode")

    episode_number = models.PositiveIntegerField(
        _("Episode number"), help_text=_("Counts from 1 within the show.")
    )
    season_number = models.PositiveIntegerField(
        _("Season number"),
        null=True,
        blank=True,
        help_text=_("Leave empty if the show has no seasons."),
    )
    release_date = models.DateField(
        _("Release date"),
        default=datetime.date.today,
        help_text=_(
            "The date podcast apps show. To publish later, also set the page's "
            "“Go-live date” (Settings tab)."
        ),
    )
    summary = models.TextField(
        _("Summary"),
        max_length=600,
        help_text=_(
            "Two or three sentences on what the episode is about (listings, feed)."
        ),
    )
    audio = models.ForeignKey(
        "wagtailmedia.Media",
        verbose_name=_("Audio file"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"type": "audio"},
        help_text=_(
            "An MP3 or M4A file. Its length and size are read from the file when the "
            "page is saved."
        ),
    )
    audio_language = models.CharField(
        _("Language of the audio"),
        max_length=10,
        choices=audio_language_choices,
        default="de",
        help_text=_(
            "What listeners hear. A feed lists only episodes whose audio is in its "
            "language; a translated page says that the audio is in another language."
        ),
    )
    duration = models.PositiveIntegerField(
        _("Duration (seconds)"), default=0, editable=False
    )
    file_size = models.PositiveBigIntegerField(
        _("File size (bytes)"), default=0, editable=False
    )
    # The file these numbers were read from; a different file means measuring again.
    measured_file = models.CharField(max_length=255, blank=True, editable=False)
    guests = ParentalManyToManyField(
        "partners.PartnerProfilePage",
        verbose_name=_("Guests"),
        blank=True,
        related_name="podcast_episodes",
        help_text=_("Organisations whose people speak in this episode."),
    )
    show_notes = RichTextField(
        _("Show notes"),
        blank=True,
        features=["h3", "bold", "italic", "link", "ul", "ol"],
        help_text=_("Links and background to the episode; headings start at H3."),
    )
    transcript = RichTextField(
        _("Transcript"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_(
            "Everything that is said, for people who cannot or do not want to listen. "
            "Start each speaker's turn with a new paragraph."
        ),
    )
    topics = ParentalManyToManyField(
        "core.Topic", verbose_name=_("Topics"), blank=True, related_name="+"
    )
    episode_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Episode image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Optional; otherwise the show's artwork is used. For podcast apps: square, "
            "1400 to 3000 pixels."
        ),
    )

    objects = EpisodeManager()

    content_panels = [
        *Page.content_panels,
        FieldRowPanel(
            [
                FieldPanel("episode_number"),
                FieldPanel("season_number"),
                FieldPanel("release_date"),
            ]
        ),
        FieldPanel("summary"),
        FieldRowPanel(
            [
                MediaChooserPanel("audio", media_type="audio"),
                FieldPanel("audio_language"),
            ]
        ),
        FieldPanel("guests"),
        FieldPanel("show_notes"),
        FieldPanel("transcript"),
        FieldPanel("topics"),
        FieldPanel("episode_image"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary", boost=1.5),
        index.SearchField("show_notes"),
        index.SearchField("transcript"),
        index.RelatedFields(
            "guests",
            [index.SearchField("title"), index.SearchField("short_name")],
        ),
        index.FilterField("release_date"),
        index.FilterField("episode_number"),
    ]

    api_fields = [
        APIField("episode_number"),
        APIField("season_number"),
        APIField("release_date"),
        APIField("summary"),
        APIField("audio_file", serializer=api.EpisodeAudioField(source="*")),
        APIField("audio_language"),
        APIField("guests", serializer=api.PartnerListField(source="guests_for_reader")),
        APIField("show_notes", serializer=api.RichTextHTMLField()),
        APIField("transcript", serializer=api.RichTextHTMLField()),
        APIField("topics", serializer=api.TopicListField(source="topics_for_reader")),
        APIField(
            "image_rendition",
            serializer=ImageRenditionField(
                renditions.API_SQUARE, source="episode_image"
            ),
        ),
    ]

    translatable_fields = [
        *BasePage.translatable_fields,
        # Translate: what readers and listeners read.
        TranslatableField("summary"),
        TranslatableField("show_notes"),
        TranslatableField("transcript"),
        # Synchronise: the same recording, numbers, dates, guests and topics.
        SynchronizedField("episode_number"),
        SynchronizedField("season_number"),
        SynchronizedField("release_date"),
        SynchronizedField("audio"),
        SynchronizedField("audio_language"),
        SynchronizedField("duration"),
        SynchronizedField("file_size"),
        SynchronizedField("measured_file"),
        SynchronizedField("guests"),
        SynchronizedField("topics"),
        SynchronizedField("episode_image"),
    ]

    class Meta:
        verbose_name = _("Podcast episode")
        verbose_name_plural = _("Podcast episodes")
        # Newest first without sorting every episode (see PressReleasePage).
        indexes = [
            models.Index(
                fields=["-release_date", "-episode_number", "-page_ptr"],
                name="podcast_episode_newest_first",
            )
        ]

    # Listings (home page teaser cards, partner profiles).
    kind_label = _("Podcast episode")

    @property
    def latest_date(self):
        return self.release_date

    @property
    def teaser_text(self):
        return self.summary

    @property
    def listing_image(self):
        # Listings set `show_artwork` in bulk (wagtail_hooks.py) to spare a query each.
        return self.episode_image or getattr(self, "show_artwork", None)

    @cached_property
    def show(self):
        """The show this episode belongs to (its parent), with its artwork.

        From the shows kept per cache generation: every episode render asks for it.
        The show's type comes from the tree rules (`parent_page_types`), as a partner
        section finds its index: the show module imports this one, not the reverse.
        """
        return ancestor_of_type(self, *self.clean_parent_page_models())

    @property
    def guests_for_reader(self):
        """Guests' profiles in the page's language (M2M values point to German pages)."""
        return localized_choices(self.guests, self.locale_id)

    @property
    def topics_for_reader(self):
        return localized_choices(self.topics, self.locale_id)

    @property
    def audio_type(self):
        return audio.audio_content_type(self.audio.file.name) if self.audio else ""

    @property
    def audio_format(self):
        return audio.audio_format(self.audio.file.name) if self.audio else ""

    @property
    def duration_text(self):
        """The duration in short units, e.g. “1 h 12 min 5 s”."""
        minutes, seconds = divmod(self.duration, 60)
        hours, minutes = divmod(minutes, 60)
        parts = []
        if hours:
            parts.append(_("%d h") % hours)
        if minutes:
            parts.append(_("%d min") % minutes)
        if seconds or not parts:
            parts.append(_("%d s") % seconds)
        return " ".join(parts)

    @property
    def duration_iso(self):
        """ISO 8601 duration for <time datetime>, e.g. PT12M5S."""
        minutes, seconds = divmod(self.duration, 60)
        hours, minutes = divmod(minutes, 60)
        return f"PT{hours}H{minutes}M{seconds}S"

    @property
    def publication_datetime(self):
        """The release date as a moment: midnight in the site's time zone."""
        return timezone.make_aware(
            datetime.datetime.combine(self.release_date, datetime.time.min),
            timezone.get_default_timezone(),
        )

    def get_meta_description(self):
        return self.search_description or self.summary

    def get_owning_partner(self):
        return self.show.owner_partner_for_reader if self.show else None

    def get_meta_image(self):
        return self.social_image or self.episode_image

    def update_audio_facts(self):
        """Read duration and byte size from the audio file when it has changed."""
        if self.audio is None:
            self.duration, self.file_size, self.measured_file = 0, 0, ""
            return
        if self.measured_file == self.audio.file.name and self.file_size:
            return
        self.duration, self.file_size = audio.measure(self.audio)
        self.measured_file = self.audio.file.name

    def clean(self):
        super().clean()
        # A missing file is the form's "required" error (drafts may lack it).
        if self.audio_id is not None and self.audio.type != "audio":
            raise ValidationError({"audio": _("Choose an audio file, not a video.")})
        try:
            self.update_audio_facts()
        except ValidationError as error:
            raise ValidationError({"audio": error.messages}) from error

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "audio" in update_fields:
            self.update_audio_facts()
        return super().save(*args, **kwargs)

    @property
    def audio_in_other_language(self):
        """The audio's language where it differs from the page's, else ""."""
        if self.audio_language == language_code(self.locale_id):
            return ""
        return self.audio_language

    @property
    def audio_language_name(self):
        return language_name(self.audio_language)

    def structured_data(self, request):
        return [schema.episode_node(self, request)]

    def get_transcript_url(self, request=None):
        return self.get_full_url(request) + self.reverse_subpage("transcript")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["show"] = self.show
        if self.show:
            context.update(self.show.feed_context(request))
        else:
            context["feed_url"] = ""
        return context

    @path("")
    def index_route(self, request, *args, **kwargs):
        return super().index_route(request, *args, **kwargs)

    @path("transcript/", name="transcript")
    def transcript_view(self, request):
        """The transcript alone as an HTML document (podcast:transcript in the feed).

        Not for an alias: its German text would be served as the alias's language.
        """
        if not self.transcript or self.alias_of_id is not None:
            raise Http404
        return TemplateResponse(
            request,
            "podcast/episode_transcript.html",
            {"page": self, "self": self, "request": request},
            content_type="text/html; charset=utf-8",
        )
