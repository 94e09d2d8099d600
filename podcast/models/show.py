"""The podcast show: description, artwork, directory settings, its episode list and feed.

Home > PodcastShowPage > PodcastEpisodePage. The show belongs to a partner (AGV runs
the podcast); page permissions for the partner's groups attach to the show page, so
its episodes must stay below it. The show imports the episode (it lists them); an
episode finds its show through its tree rules.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from tregks.cache.generation import cached_for_generation
from tregks.core import renditions
from tregks.core.i18n import language_code, localized_kept
from tregks.core.models import BasePage, Topic, alt_text_field
from tregks.core.privacy import on_a_private_path

from .. import api, directory
from .. import structured_data as schema
from ..categories import APPLE_CATEGORIES, CATEGORY_CHOICES, SUBCATEGORY_CHOICES
from ..feeds import podcast_feed_response
from ..listing import filtered_episodes
from ..panels import DirectoryWarningPanel
from .episode import PodcastEpisodePage
from .language import language_name


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
        """The running partner's profile in the page's language (the key is synchronised).

        From the partners' table kept per cache generation, which the episodes' guests
        use too: an English show would otherwise look the translation up on every view.
        """
        if self.owner_partner is None:
            return None
        return localized_kept([self.owner_partner], self.locale_id)[0]

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

    def episode_translations(self, episodes):
        """The live, public translations of `episodes` in the other languages, with
        their own text (the feed links their transcripts)."""
        return (
            PodcastEpisodePage.objects.live()
            .exclude(on_a_private_path())
            .filter(
                translation_key__in=[episode.translation_key for episode in episodes],
                alias_of__isnull=True,
            )
            .exclude(locale_id=self.locale_id)
        )

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
        return schema.series_reference(self, request)

    def structured_data(self, request):
        return [schema.series_node(self, request)]

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
        if not self.feed_available:
            raise Http404
        return podcast_feed_response(self, request)


def artwork_problem(image):
    """Why this image cannot be podcast artwork (its size), or "" if it can."""
    return directory.artwork_size_problem(image.width, image.height)
