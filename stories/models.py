"""Video stories from regional companies, with privacy-friendly video embeds.

A story's video is either a YouTube or Vimeo link (the page shows the self-hosted poster
and loads the player only after the visitor agrees, see templates/stories/
video_story_page.html and static/stories/js/video-consent.js) or a file uploaded through
wagtailmedia, played by the browser's own player with a WebVTT caption track.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page, PageManager, PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField
from wagtailmedia.edit_handlers import MediaChooserPanel

from modelcluster.fields import ParentalManyToManyField

from tregks.cache.pages import ancestor_of_type
from tregks.core import renditions
from tregks.core import structured_data as jsonld
from tregks.core.i18n import localized_choices
from tregks.core.images import rendition_or_none
from tregks.core.models import BasePage, IndexPage
from tregks.core.picklists import LocalePicklistPageForm
from tregks.core.privacy import on_a_private_path

from .listing import filtered_stories
from .video import (
    EXAMPLE_YOUTUBE_IDS,
    VIMEO,
    YOUTUBE,
    VideoURLError,
    embed_url,
    parse_video_url,
    watch_url,
)


class VideoProvider(models.TextChoices):
    YOUTUBE = YOUTUBE, "YouTube"
    VIMEO = VIMEO, "Vimeo"


# Who receives the visitor's IP address when an external player loads.
PROVIDER_RECIPIENTS = {YOUTUBE: "YouTube (Google)", VIMEO: "Vimeo"}


class StoryQuerySet(PageQuerySet):
    def for_listing(self):
        """Live, public stories with their own text, newest first, ready for cards.

        Synchronised aliases (German text under /en/) are left out: they must not pose
        as English stories in listings.
        """
        images = get_image_model().objects.prefetch_renditions(renditions.TEASER)
        return (
            self.live()
            .exclude(on_a_private_path())
            .filter(alias_of__isnull=True)
            .select_related("company")
            .prefetch_related(Prefetch("poster", queryset=images))
            .order_by("-date", "-pk")
        )

    def about_topic(self, slug):
        """Stories tagged with the topic `slug` (slugs are the same in every locale)."""
        through = VideoStoryPage.topics.through
        return self.filter(
            pk__in=through.objects.filter(topic__slug=slug).values("videostorypage_id")
        )

    def in_sections(self, paths):
        """Stories below any of the section paths (none when there is no path)."""
        condition = models.Q()
        for path in paths:
            condition |= models.Q(path__startswith=path)
        return self.filter(condition) if condition else self.none()


class StoryIndexPage(IndexPage):
    """The list of all video stories of one language, newest first, with filters."""

    subpage_types = ["partners.PartnerSectionPage"]

    class Meta:
        verbose_name = _("Story index")

    def stories(self):
        """Every live story below this index, newest first, ready for cards."""
        return VideoStoryPage.objects.descendant_of(self).for_listing()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(filtered_stories(self, request))
        return context


def captions_language_choices():
    return list(settings.LANGUAGES)


def validate_captions_document(document):
    """A caption track must be a WebVTT file: named .vtt and starting with WEBVTT."""
    if not document.file.name.lower().endswith(".vtt"):
        raise ValidationError(
            _("The caption track must be a WebVTT file ending in .vtt."),
            code="captions_extension",
        )
    try:
        with document.file.open("rb") as handle:
            head = handle.read(10)
    except OSError as error:
        raise ValidationError(
            _("The caption file could not be read. Please upload it again."),
            code="captions_unreadable",
        ) from error
    head = head.removeprefix(b"\xef\xbb\xbf")  # a byte-order mark is allowed
    if not head.startswith(b"WEBVTT") or head[6:7] not in (
        b"",
        b" ",
        b"\t",
        b"\n",
        b"\r",
    ):
        raise ValidationError(
            _(
                "The caption file is not WebVTT: its first line must be “WEBVTT”. "
                "Convert SRT subtitles to WebVTT before uploading them."
            ),
            code="captions_format",
        )


class ExampleVideoNotePanel(HelpPanel):
    """Warns editors that a demo story still uses a placeholder video id."""

    class BoundPanel(HelpPanel.BoundPanel):
        def is_shown(self):
            return getattr(self.instance, "video_id", "") in EXAMPLE_YOUTUBE_IDS


class VideoStoryPageForm(LocalePicklistPageForm):
    """Lets an editor save a draft before the video is chosen (publishing still needs one)."""

    def _post_clean(self):
        # Saving a draft defers required fields; the "one video source" rule follows suit.
        self.instance._allow_missing_video = self.is_deferred_validation
        super()._post_clean()


class VideoStoryPage(BasePage):
    """A video story about a regional company: video, poster, summary and transcript."""

    parent_page_types = ["partners.PartnerSectionPage"]
    subpage_types = []

    @classmethod
    def can_exist_under(cls, parent):
        # Partner sections sit below the press index too: only story sections take
        # stories, so the "add" menus offer each section its own content type.
        if not super().can_exist_under(parent):
            return False
        index = parent.get_parent()
        return index is not None and issubclass(
            index.specific_class or Page, StoryIndexPage
        )

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
        errors = {}
        if self.video_url:
            try:
                ref = parse_video_url(self.video_url)
            except VideoURLError as error:
                errors["video_url"] = str(error)
                self.video_provider, self.video_id = "", ""
            else:
                self.video_provider, self.video_id = ref.provider, ref.video_id
        else:
            self.video_provider, self.video_id = "", ""

        if self.video_url and self.video_file_id:
            errors.setdefault(
                "video_url",
                _(
                    "Give either a YouTube/Vimeo address or an uploaded video file, "
                    "not both."
                ),
            )
        elif not (
            self.video_url
            or self.video_file_id
            or getattr(self, "_allow_missing_video", False)
        ):
            errors["video_url"] = _(
                "Give a YouTube or Vimeo address, or choose an uploaded video file."
            )
        if self.video_file_id:
            if self.video_file.type != "video":
                errors["video_file"] = _("Choose a video, not an audio file.")
            if not self.captions_id:
                errors["captions"] = _(
                    "An uploaded video needs a WebVTT caption track (.vtt)."
                )
        if self.captions_id:
            try:
                validate_captions_document(self.captions)
            except ValidationError as error:
                errors["captions"] = error.messages[0]
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
        return ancestor_of_type(self, StoryIndexPage)

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
        """A VideoObject: the video, its poster and its full transcript.

        Only addresses: the page itself never contacts the video host before consent.
        """
        url = jsonld.absolute(request, self.get_url(request))
        node = {
            "@type": "VideoObject",
            "name": self.title,
            "description": jsonld.shortened(self.summary, 300),
            "url": url,
            "mainEntityOfPage": url,
            "inLanguage": jsonld.page_language(self),
            "uploadDate": jsonld.iso_date(self.date),
            "transcript": jsonld.plain_text(self.transcript),
            "about": {"@type": "Organization", "name": self.company.title},
            "publisher": jsonld.network_reference(request, self.locale_id),
        }
        # The rendition the page shows: no query of its own.
        poster = rendition_or_none(self.poster, renditions.STORY_POSTER)
        if poster:
            node["thumbnailUrl"] = [jsonld.absolute(request, poster.url)]
        if self.video_file:
            node["contentUrl"] = jsonld.absolute(request, self.video_file.url)
        elif self.is_external:
            node["embedUrl"] = embed_url(self.video_provider, self.video_id)
        return [node]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["privacy_url"] = _privacy_url(request)
        context["captions_language_name"] = dict(settings.LANGUAGES).get(
            self.captions_language, self.captions_language
        )
        return context


def _privacy_url(request):
    """The privacy page in the reader's language, if the footer settings name one.

    Read from the footer links every page shows (built once per generation), so the
    story needs no query of its own for it.
    """
    from tregks.core.navigation import site_chrome

    return next(
        (
            link["url"]
            for link in site_chrome(request)["footer"]
            if link.get("field") == "privacy_page"
        ),
        None,
    )
