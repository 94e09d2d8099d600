"""The podcast "Kassel fährt voraus": the show page, its episodes and the feed.

Home > PodcastShowPage > PodcastEpisodePage. The show belongs to a partner (AGV runs
the podcast); page permissions for the partner's groups attach to the show page, so
its episodes must stay below it.
"""

import datetime
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Prefetch, Q
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page, PageManager, PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField
from wagtailmedia.edit_handlers import MediaChooserPanel

from modelcluster.fields import ParentalManyToManyField

from tregks.cache.generation import cached_for_generation
from tregks.cache.pages import ancestor_of_type
from tregks.core import renditions
from tregks.core import structured_data as jsonld
from tregks.core.i18n import language_code, localized_choices, localized_many
from tregks.core.images import rendition_or_none
from tregks.core.models import BasePage, Topic, alt_text_field
from tregks.core.privacy import on_a_private_path

from . import api, audio, directory
from .categories import APPLE_CATEGORIES, CATEGORY_CHOICES, SUBCATEGORY_CHOICES
from .listing import filtered_episodes
from .panels import DirectoryWarningPanel

logger = logging.getLogger(__name__)


def audio_language_choices():
    return list(settings.LANGUAGES)


def language_name(code):
    """The language's name in the reader's language ("German" on English pages)."""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


class PodcastShowPage(RoutablePageMixin, BasePage):
    """A podcast show: description, artwork, feed settings and its list of episodes."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["podcast.PodcastEpisodePage"]
    search_kind_label = _("Podcast")

    description = models.TextField(
        _("Description"),
        validators=[MaxLengthValidator(4000)],
        help_text=_(
            "What the show is about, in plain text (up to 4,000 characters). Podcast "
            "apps show it next to the artwork."
        ),
    )
    artwork = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Artwork"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Square JPEG or PNG between 1400 × 1400 and 3000 × 3000 pixels, as "
            "Apple Podcasts and Spotify require. Its alt text describes the picture."
        ),
    )
    artwork_alt = alt_text_field(_("Alt text of the artwork"), what="artwork")
    author = models.CharField(
        _("Author"),
        max_length=150,
        help_text=_("Shown as the show's author in podcast apps (an organisation)."),
    )
    owner_name = models.CharField(
        _("Owner name"),
        max_length=150,
        help_text=_(
            "Who Apple and Spotify contact about the feed; not shown on the site."
        ),
    )
    owner_email = models.EmailField(
        _("Owner email"),
        help_text=_("Apple and Spotify send ownership checks to this address."),
    )
    apple_category = models.CharField(
        _("Apple Podcasts category"),
        max_length=50,
        choices=CATEGORY_CHOICES,
        default="Business",
    )
    apple_subcategory = models.CharField(
        _("Apple Podcasts subcategory"),
        max_length=50,
        choices=SUBCATEGORY_CHOICES,
        blank=True,
        help_text=_("Optional; must belong to the category above."),
    )
    explicit = models.BooleanField(
        _("Explicit content"),
        default=False,
        help_text=_("Tick only if episodes contain language unsuitable for children."),
    )
    owner_partner = models.ForeignKey(
        "partners.PartnerProfilePage",
        verbose_name=_("Run by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The partner that runs the show."),
    )
    copyright = models.CharField(
        _("Copyright"),
        max_length=200,
        blank=True,
        help_text=_(
            "The copyright line of the feed, e.g. “© 2023 Arbeitgeberverband "
            "HESSENMETALL Nordhessen”. Empty: © the year of the first episode and the "
            "author."
        ),
    )
    # The show's identity for the Podcast Index (podcast:guid): derived from the feed
    # address when the page is first saved, then never changed (a moved feed stays the
    # same show). Each translation gets its own: it is a show of its own language.
    feed_guid = models.UUIDField(_("Podcast GUID"), null=True, editable=False)

    # Duplicates and translations are other shows: they derive a guid of their own.
    exclude_fields_in_copy = ["feed_guid"]

    content_panels = [
        *Page.content_panels,
        FieldPanel("description"),
        FieldPanel("artwork"),
        FieldPanel("artwork_alt"),
        FieldPanel("owner_partner"),
        MultiFieldPanel(
            [
                DirectoryWarningPanel(),
                FieldPanel("author"),
                FieldRowPanel([FieldPanel("owner_name"), FieldPanel("owner_email")]),
                FieldRowPanel(
                    [FieldPanel("apple_category"), FieldPanel("apple_subcategory")]
                ),
                FieldPanel("explicit"),
                FieldPanel("copyright"),
            ],
            heading=_("Podcast directories (feed)"),
        ),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.SearchField("author"),
    ]

    api_fields = [
        APIField("description"),
        APIField(
            "artwork_rendition",
            serializer=ImageRenditionField(renditions.API_SQUARE, source="artwork"),
        ),
        APIField("artwork_alt_text"),
        APIField("author"),
        APIField("apple_category"),
        APIField("apple_subcategory"),
        APIField("explicit"),
        APIField("language"),
        APIField("feed_url", serializer=api.ShowFeedField(source="*")),
    ]

    translatable_fields = [
        *BasePage.translatable_fields,
        # Translate: the text readers and podcast apps show.
        TranslatableField("description"),
        TranslatableField("artwork_alt"),
        # Synchronise: the partner (a page foreign key cannot be translated, see
        # docs/engineering.md; readers see `owner_partner_for_reader`), artwork,
        # directory settings and the owner's contact.
        SynchronizedField("owner_partner"),
        SynchronizedField("artwork"),
        SynchronizedField("author"),
        SynchronizedField("owner_name"),
        SynchronizedField("owner_email"),
        SynchronizedField("apple_category"),
        SynchronizedField("apple_subcategory"),
        SynchronizedField("explicit"),
        SynchronizedField("copyright"),
    ]

    class Meta:
        verbose_name = _("Podcast show")
        verbose_name_plural = _("Podcast shows")

    @property
    def language(self):
        """The feed's language is the page's language."""
        return language_code(self.locale_id)

    @property
    def feed_available(self):
        """A feed lists only episodes whose audio is in the show's language.

        So a show has a feed only where it has its own text (an alias would pose as
        English) and at least one live episode with audio in its language: German
        audio under an English title would be a mislabelled second show in the
        directories (docs/podcast.md, "Languages").
        """
        if not self.pk or self.alias_of_id is not None:
            return False
        return self.language in self.feeds_by_language()

    def feed_episodes(self):
        """The episodes the feed lists: with audio in the show's language."""
        return self.episodes().filter(audio__isnull=False, audio_language=self.language)

    def feeds_by_language(self):
        """{language code: absolute feed URL} of this show and its translations that
        have a feed. Kept per cache generation: every show and episode page asks."""

        def build():
            shows = (
                PodcastShowPage.objects.live()
                .exclude(on_a_private_path())
                .filter(translation_key=self.translation_key, alias_of__isnull=True)
                .order_by("path")
            )
            return {
                show.language: show.get_full_feed_url()
                for show in shows
                if show.feed_episodes().exists()
            }

        return cached_for_generation(f"podcast-feeds:{self.translation_key}", build)

    def feed_for_listeners(self, request):
        """(language code, absolute URL) of the feed this page offers, or None.

        The show's own feed, else the feed of a translation (the German one where the
        audio is German), which the page names with its language.
        """
        if self.feed_available:
            return self.language, self.get_full_feed_url(request)
        if self.alias_of_id is not None:
            return None
        return next(iter(self.feeds_by_language().items()), None)

    def get_feed_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("feed")

    def get_full_feed_url(self, request=None):
        return self.get_full_url(request) + self.reverse_subpage("feed")

    def get_meta_description(self):
        return self.search_description or self.description

    @cached_property
    def owner_partner_for_reader(self):
        """The running partner's profile in the page's language (the key is synchronised)."""
        if self.owner_partner is None:
            return None
        return localized_many([self.owner_partner], self.locale_id)[0]

    def get_owning_partner(self):
        """The partner that runs the show (search results and filters)."""
        return self.owner_partner_for_reader

    def get_meta_image(self):
        return self.social_image or self.artwork

    @property
    def artwork_alt_text(self):
        """The artwork's alt text in the page's language where an editor gave one."""
        if self.artwork is None:
            return ""
        return self.artwork_alt or self.artwork.default_alt_text

    def save(self, *args, **kwargs):
        if self.feed_guid is None and self.pk:
            # A revision saved before the show had a guid carries none: keep the
            # stored one, or publishing it would give the show a new identity.
            self.feed_guid = self.stored_feed_guid()
        result = super().save(*args, **kwargs)
        if self.feed_guid is None:
            self.assign_feed_guid()
        return result

    def stored_feed_guid(self):
        return (
            PodcastShowPage.objects.filter(pk=self.pk)
            .values_list("feed_guid", flat=True)
            .first()
        )

    def assign_feed_guid(self):
        """Give the show its podcast:guid once; an existing one is never replaced."""
        shows = PodcastShowPage.objects.filter(pk=self.pk)
        stored = self.stored_feed_guid()
        if stored is None and self.get_url_parts() is not None:
            stored = directory.podcast_guid(self.get_full_feed_url())
            shows.filter(feed_guid__isnull=True).update(feed_guid=stored)
        self.feed_guid = stored
        return stored

    def clean(self):
        super().clean()
        errors = {}
        if self.artwork_id:
            message = artwork_problem(self.artwork)
            if message:
                errors["artwork"] = message
        if self.apple_subcategory and self.apple_subcategory not in (
            APPLE_CATEGORIES.get(self.apple_category, [])
        ):
            errors["apple_subcategory"] = _(
                "“%(sub)s” is not a subcategory of “%(cat)s”. Choose one listed under "
                "“%(cat)s” or leave the field empty."
            ) % {"sub": self.apple_subcategory, "cat": self.apple_category}
        if errors:
            raise ValidationError(errors)

    def episodes(self):
        """Live, public episodes of this show, newest first."""
        return PodcastEpisodePage.objects.for_listing(self.locale_id).child_of(self)

    def filter_topics(self):
        """The expert groups in the show's language, offered as a topic filter.

        Kept per cache generation (docs/PERFORMANCE.md): they change only on publishing.
        """
        return cached_for_generation(
            f"podcast-topics:{self.locale_id}",
            lambda: list(Topic.objects.filter(locale_id=self.locale_id)),
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(filtered_episodes(self, request))
        context.update(self.feed_context(request))
        return context

    def series_reference(self, request):
        """The show as other pages name it (an episode's partOfSeries)."""
        node = {
            "@type": "PodcastSeries",
            "name": self.title,
            "url": jsonld.absolute(request, self.get_url(request)),
        }
        if self.language in self.feeds_by_language():
            node["webFeed"] = self.get_full_feed_url(request)
        return node

    def structured_data(self, request):
        """A PodcastSeries: what it is about, who runs it, its artwork and feed."""
        node = {
            **self.series_reference(request),
            "description": jsonld.shortened(self.description, 300),
            "inLanguage": self.language,
            "author": {"@type": "Organization", "name": self.author},
            "publisher": jsonld.network_reference(request, self.locale_id),
        }
        # The rendition the page shows: no query of its own.
        artwork = rendition_or_none(self.artwork, renditions.SHOW_ARTWORK)
        if artwork:
            node["image"] = jsonld.absolute(request, artwork.url)
        return [node]

    def feed_context(self, request):
        """The feed the page links (head and subscribe box), and its language if it is
        another one than the page's."""
        feed = self.feed_for_listeners(request)
        if feed is None:
            return {"feed_url": "", "feed_language": ""}
        language, url = feed
        other = language != self.language
        return {
            "feed_url": url,
            "feed_language": language if other else "",
            "feed_language_name": language_name(language),
        }

    def feed_url_for(self, request):
        """The absolute feed address, or "" where the show has no feed of its own."""
        return self.get_full_feed_url(request) if self.feed_available else ""

    @path("")
    def index_route(self, request, *args, **kwargs):
        return super().index_route(request, *args, **kwargs)

    @path("feed/", name="feed")
    def feed(self, request):
        """The podcast RSS feed of this show in its language."""
        from .feeds import podcast_feed_response

        if not self.feed_available:
            raise Http404
        return podcast_feed_response(self, request)


def artwork_problem(image):
    """Why this image cannot be podcast artwork (its size), or "" if it can."""
    return directory.artwork_size_problem(image.width, image.height)


def teaser_images():
    """Images with the teaser cards' rendition prefetched (no query per card)."""
    return get_image_model().objects.prefetch_renditions(renditions.TEASER)


class EpisodeQuerySet(PageQuerySet):
    def for_listing(self, locale_id):
        """Live, public episodes with their own text in a locale, newest first."""
        return (
            self.live()
            .exclude(on_a_private_path())
            .filter(locale_id=locale_id, alias_of__isnull=True)
            .select_related("audio")
            .prefetch_related(Prefetch("episode_image", queryset=teaser_images()))
            .order_by("-release_date", "-episode_number", "-pk")
        )

    def about_topic(self, slug):
        """Episodes tagged with the topic `slug` (topics are synchronised unchanged into
        translations, so the match goes through the slug, the same in every locale)."""
        through = PodcastEpisodePage.topics.through
        return self.filter(
            pk__in=through.objects.filter(topic__slug=slug).values(
                "podcastepisodepage_id"
            )
        )

    def with_partner(self, partner_page):
        """Episodes where the partner is a guest or runs the show (its language's copy).

        Guests and the show's partner are synchronised unchanged into translations
        (they point to the German profile), so they are matched by translation key.
        """
        show_paths = list(
            PodcastShowPage.objects.filter(
                locale_id=partner_page.locale_id,
                owner_partner__translation_key=partner_page.translation_key,
            ).values_list("path", flat=True)
        )
        condition = Q(guests__translation_key=partner_page.translation_key)
        for show_path in show_paths:
            condition |= Q(path__startswith=show_path)
        return self.filter(condition).distinct()


EpisodeManager = PageManager.from_queryset(EpisodeQuerySet)


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
        """
        return ancestor_of_type(self, PodcastShowPage)

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
        """A PodcastEpisode of its series, with the audio (in its own language)."""
        url = jsonld.absolute(request, self.get_url(request))
        node = {
            "@type": "PodcastEpisode",
            "name": self.title,
            "description": jsonld.shortened(self.summary, 300),
            "url": url,
            "mainEntityOfPage": url,
            "inLanguage": language_code(self.locale_id),
            "datePublished": jsonld.iso_date(self.release_date),
            "episodeNumber": self.episode_number,
        }
        if self.show:
            node["partOfSeries"] = self.show.series_reference(request)
        if self.audio:
            node["associatedMedia"] = {
                "@type": "AudioObject",
                "contentUrl": jsonld.absolute(request, self.audio.url),
                "encodingFormat": self.audio_type,
                "duration": self.duration_iso,
                "inLanguage": self.audio_language,
            }
            if self.transcript:
                node["associatedMedia"]["transcript"] = jsonld.plain_text(
                    self.transcript
                )
        image = self.episode_image or (self.show.artwork if self.show else None)
        # The rendition the page shows: no query of its own.
        cover = rendition_or_none(image, renditions.EPISODE_COVER)
        if cover:
            node["image"] = jsonld.absolute(request, cover.url)
        return [node]

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


def refresh_episodes_for_media(media):
    """Measure again every episode that uses this media item (its file was replaced)."""
    episodes = PodcastEpisodePage.objects.filter(audio=media).exclude(
        measured_file=media.file.name
    )
    if media.type != "audio" or not episodes.exists():
        return
    try:
        duration, size = audio.measure(media)
    except ValidationError:
        logger.warning("The audio file of %r cannot be measured.", media)
        return
    episodes.update(duration=duration, file_size=size, measured_file=media.file.name)
