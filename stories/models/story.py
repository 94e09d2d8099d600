"""A video story from a regional company: a YouTube or Vimeo video behind a consent
notice, or an uploaded file with captions (video_source.py), with its poster, summary
and transcript."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page, PageManager
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField
from wagtailmedia.edit_handlers import MediaChooserPanel

from modelcluster.fields import ParentalManyToManyField

from partners.models import PartnerSectionContentMixin
from tregks.cache.pages import ancestor_of_type
from tregks.core import renditions
from tregks.core.i18n import localized_choices
from tregks.core.models import BasePage

from .. import structured_data as schema
from ..consent import PROVIDER_RECIPIENTS, privacy_url
from ..listing import StoryQuerySet
from ..video import watch_url
from .editing import ExampleVideoNotePanel, VideoStoryPageForm
from .video_source import (
    VideoProvider,
    captions_language_choices,
    video_source_errors,
)


class VideoStoryPage(PartnerSectionContentMixin, BasePage):
    """A video story about a regional company: video, poster, summary and transcript."""

    parent_page_types = ["partners.PartnerSectionPage"]
    subpage_types = []
    # Only story sections take stories (PartnerSectionContentMixin.can_exist_under).
    index_page_type = "stories.StoryIndexPage"

    base_form_class = VideoStoryPageForm

    date = models.DateField(
        _("Date"),
        default=datetime.date.today,
        help_text=_("Shown on the page; the story list is sorted by it, newest first."),
    )
    company = models.ForeignKey(
        "partners.PartnerProfilePage",
        verbose_name=_("Company"),
        on_delete=models.PROTECT,
        related_name="video_stories",
        limit_choices_to={"role__in": ["company", "member"]},
        help_text=_(
            "The company or network member the story is about. A translation of the "
            "story links to the profile in its own language automatically."
        ),
    )
    summary = models.TextField(
        _("Summary"),
        help_text=_("Two or three sentences on what the video shows (also on cards)."),
    )

    # Source 1: a link to YouTube or Vimeo. Provider and id are derived from it.
    video_url = models.URLField(
        _("YouTube or Vimeo address"),
        max_length=300,
        blank=True,
        help_text=_(
            "For example https://www.youtube.com/watch?v=… or https://vimeo.com/…. "
            "The player only loads after the visitor agrees. Leave empty when you "
            "upload the video file instead."
        ),
    )
    video_provider = models.CharField(
        _("Video host"),
        max_length=20,
        choices=VideoProvider.choices,
        blank=True,
        editable=False,
    )
    video_id = models.CharField(
        _("Video id"), max_length=32, blank=True, editable=False
    )

    # Source 2: a self-hosted file with captions.
    video_file = models.ForeignKey(
        "wagtailmedia.Media",
        verbose_name=_("Video file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"type": "video"},
        help_text=_(
            "A video uploaded to this website (MP4 or WebM). Needs a caption track. "
            "Leave empty when you give a YouTube or Vimeo address."
        ),
    )
    captions = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Captions (WebVTT)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "A .vtt document with the captions of the uploaded video. A translator may "
            "replace it with a track in the other language."
        ),
    )
    captions_language = models.CharField(
        _("Language of the captions"),
        max_length=10,
        choices=captions_language_choices,
        default="de",
    )

    poster = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Poster image"),
        null=True,
        blank=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "A still from the video, 16:9. It is served by this website, so it shows "
            "before any video host is contacted."
        ),
    )
    transcript = RichTextField(
        _("Transcript"),
        features=["bold", "italic", "h3", "ul", "link"],
        help_text=_(
            "Everything that is said in the video, with the speakers' roles. Shown on "
            "the page for everyone who cannot or does not want to watch."
        ),
    )
    topics = ParentalManyToManyField(
        "core.Topic",
        verbose_name=_("Topics"),
        blank=True,
        related_name="+",
        help_text=_("The expert groups the story belongs to."),
    )
    duration = models.CharField(
        _("Duration"),
        max_length=20,
        blank=True,
        help_text=_("Optional, e.g. “3:45 min”."),
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("company"), FieldPanel("date")]),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                ExampleVideoNotePanel(
                    _(
                        "Demo content: this address uses a placeholder id (BEISPIEL-…), "
                        "not a real video. Replace it with the company's real YouTube or "
                        "Vimeo address before publishing."
                    )
                ),
                FieldPanel("video_url"),
            ],
            heading=_("Video on YouTube or Vimeo"),
            help_text=_("Give either an address here or an uploaded file below."),
        ),
        MultiFieldPanel(
            [
                MediaChooserPanel("video_file", media_type="video"),
                FieldRowPanel(
                    [FieldPanel("captions"), FieldPanel("captions_language")]
                ),
            ],
            heading=_("Uploaded video"),
        ),
        FieldPanel("poster"),
        FieldPanel("duration"),
        FieldPanel("transcript"),
        FieldPanel("topics"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary", boost=1.5),
        index.SearchField("transcript"),
        index.RelatedFields(
            "company",
            [index.SearchField("title"), index.SearchField("short_name")],
        ),
        index.FilterField("date"),
    ]

    # For apps and newsletters: the player is theirs to build from provider and id.
    api_fields = [
        APIField("date"),
        APIField("api_company"),
        APIField("summary"),
        APIField("video_provider"),
        APIField("video_id"),
        APIField("video_url"),
        APIField("api_video_file"),
        APIField("api_captions"),
        APIField(
            "poster_rendition",
            serializer=ImageRenditionField(
                renditions.API_STORY_POSTER, source="poster"
            ),
        ),
        APIField("transcript"),
        APIField("api_topics"),
        APIField("duration"),
    ]

    translatable_fields = [
        *BasePage.translatable_fields,
        # Translate: what readers read or hear described.
        TranslatableField("summary"),
        TranslatableField("transcript"),
        TranslatableField("duration"),
        # Synchronise: the video, its id, the poster, dates and topics. The caption
        # track stays overridable, so a translator can swap in an English track.
        SynchronizedField("date"),
        # The company is copied, then mapped to the profile in the page's language by
        # save(): wagtail-localize 1.14 cannot map a foreign key to a specific page type
        # (TranslatableField hands over a plain Page and the assignment fails).
        SynchronizedField("company", overridable=False),
        SynchronizedField("video_url", overridable=False),
        SynchronizedField("video_provider", overridable=False),
        SynchronizedField("video_id", overridable=False),
        SynchronizedField("video_file", overridable=False),
        SynchronizedField("captions"),
        SynchronizedField("captions_language"),
        SynchronizedField("poster"),
        SynchronizedField("topics"),
    ]

    objects = PageManager.from_queryset(StoryQuerySet)()

    class Meta:
        verbose_name = _("Video story")
        verbose_name_plural = _("Video stories")
        # Newest first without sorting every story (see PressReleasePage).
        indexes = [
            models.Index(
                fields=["-date", "-page_ptr"], name="stories_story_newest_first"
            )
        ]

    def save(self, *args, **kwargs):
        self._use_company_in_page_language()
        return super().save(*args, **kwargs)

    def _use_company_in_page_language(self):
        """Point to the company profile in this page's language, where one exists."""
        if not self.company_id or not self.locale_id:
            return
        company = self.company
        if company.locale_id == self.locale_id:
            return
        translated = (
            type(company)
            ._default_manager.filter(
                translation_key=company.translation_key, locale_id=self.locale_id
            )
            .first()
        )
        if translated is not None:
            self.company = translated

    def clean(self):
        super().clean()
        self._use_company_in_page_language()
        errors = video_source_errors(
            self, allow_missing=getattr(self, "_allow_missing_video", False)
        )
        if errors:
            raise ValidationError(errors)

    # What the home page and the partner profiles need (includes/teaser_card.html).
    @property
    def latest_date(self):
        return self.date

    @property
    def listing_image(self):
        return self.poster

    @property
    def kind_label(self):
        return _("Video story")

    @property
    def teaser_text(self):
        return self.summary

    @property
    def is_external(self):
        return bool(self.video_provider and self.video_id)

    @property
    def video_watch_url(self):
        return watch_url(self.video_provider, self.video_id)

    @property
    def video_recipient(self):
        """Who learns the visitor's IP address when the player loads."""
        return PROVIDER_RECIPIENTS.get(self.video_provider, "")

    @cached_property
    def story_index(self):
        """The story list above the partner section, for topic filter links."""
        return ancestor_of_type(self, self.index_page_model())

    @cached_property
    def localized_topics(self):
        return localized_choices(self.topics, self.locale_id)

    @property
    def api_company(self):
        return {
            "id": self.company_id,
            "title": self.company.title,
            "code": self.company.code,
        }

    @property
    def api_video_file(self):
        media = self.video_file
        if media is None:
            return None
        return {
            "url": media.url,
            "type": media.sources[0]["type"],
            "duration": media.duration,
        }

    @property
    def api_captions(self):
        if self.captions is None:
            return None
        return {"url": self.captions.url, "language": self.captions_language}

    @property
    def api_topics(self):
        return [
            {"id": topic.pk, "name": topic.name, "slug": topic.slug}
            for topic in self.localized_topics
        ]

    def structured_data(self, request):
        return [schema.story_node(self, request)]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["privacy_url"] = privacy_url(request)
        context["captions_language_name"] = dict(settings.LANGUAGES).get(
            self.captions_language, self.captions_language
        )
        return context
