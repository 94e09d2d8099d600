"""Shared models: the abstract page every page type extends, the topic taxonomy, the
footer settings and the funding notices."""

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.db.models import prefetch_related_objects
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page, PageViewRestriction, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from . import search_index
from .page_permissions import PagePermissions
from .picklists import LocalePicklistPageForm


def alt_text_field(verbose_name, what="picture"):
    """A page's own alt text for an image it shows, translated with the page.

    Image descriptions live on the image and are usually German; this field lets the
    English page describe the same picture in English.
    """
    help_texts = {
        "picture": _(
            "What the picture shows, for readers who cannot see it; translated with "
            "the page. Empty: the image's own description (usually German)."
        ),
        "artwork": _(
            "What the artwork shows, for readers who cannot see it; translated with "
            "the page. Empty: the image's own description (usually German)."
        ),
    }
    return models.CharField(
        verbose_name, max_length=250, blank=True, help_text=help_texts[what]
    )


class BasePage(Page):
    """Common fields and behaviour of every public page type."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Social media image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown when the page is shared (Open Graph). Ideal: 1200 × 630 pixels."
        ),
    )

    promote_panels = [*Page.promote_panels, FieldPanel("social_image")]

    # Topics and partners as checkboxes in the page's own language (core.picklists).
    base_form_class = LocalePicklistPageForm

    search_fields = [*Page.search_fields, index.FilterField("locale_id")]
    # The index is kept by tregks.core.search_index, which skips the bookkeeping
    # saves of a draft; modelsearch's own handlers would rewrite it on every save.
    search_auto_update = False

    def get_indexed_instance(self):
        """The page as the search index reads it on a save, with its many-valued
        related fields (issuing partners, guests, organisers) read once: modelsearch
        reads a RelatedFields value again for each column it writes (title, body,
        autocomplete, …). `update_index` prefetches them itself (get_indexed_objects)."""
        instance = super().get_indexed_instance()
        if instance is not None:
            prefetch_related_objects(
                [instance], *search_index.many_to_many_in_the_index(type(instance))
            )
        return instance

    # How the public search (search/views.py) labels and filters this page type.
    # Page types override these class attributes; the defaults need nothing.
    search_kind = None  # value of the kind filter; None: the model's label
    search_kind_label = None  # e.g. _("Press release"); None: the verbose name
    search_exclude = False  # True for helper pages readers never open directly

    # Search engines, the sitemap and the API listing (tregks.core.seo): False for
    # page types that only stand for another page.
    indexable = True
    # The schema.org type of the page's JSON-LD (tregks.core.structured_data builds
    # it); page types that say more define structured_data(request) instead.
    schema_type = "WebPage"
    # Where a page's meta description and preview image come from, first match wins
    # (after the editor's search description and social media image).
    meta_description_fields = ("lead", "intro", "summary", "description")
    meta_image_fields = (
        "social_image",
        "image",
        "poster",
        "episode_image",
        "artwork",
        "hero_image",
    )

    translatable_fields = [
        # Translate: what readers read.
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        # Synchronise: media shared by both languages.
        SynchronizedField("social_image"),
    ]

    class Meta:
        abstract = True

    def permissions_for_user(self, user):
        # Fewer queries per explorer and search row (core.page_permissions).
        return PagePermissions(user, self)

    def get_view_restrictions(self):
        """Wagtail's restrictions of this page, in one query instead of two.

        The same rule as `Page.get_view_restrictions`: the restrictions of the page and
        of each ancestor, an alias counting as its source page. Read from the database
        on every call (tests/performance/test_privacy.py compares it with Wagtail's).
        """
        steps = range(self.steplen, len(self.path) + 1, self.steplen)
        checked = (
            Page.objects.filter(path__in=[self.path[:end] for end in steps])
            .annotate(checked=Coalesce("alias_of_id", "id"))
            .values("checked")
        )
        return PageViewRestriction.objects.filter(page_id__in=checked)

    @property
    def is_untranslated_alias(self):
        """True for a synchronised copy of a page in another language (no own text)."""
        return self.alias_of_id is not None

    @classmethod
    def get_search_kind(cls):
        return cls.search_kind or cls._meta.label_lower

    @classmethod
    def get_search_kind_label(cls):
        return cls.search_kind_label or cls._meta.verbose_name

    def get_owning_partner(self):
        """The partner profile that owns this page, or None (search results, filters).

        By default the partner of the nearest ancestor with a `partner` foreign key, a
        PartnerSectionPage. Page types owned in another way override this method (a
        partner profile returns itself).
        """
        for ancestor in self.get_ancestors().reverse():  # nearest first
            model = ancestor.specific_class
            try:
                field = model._meta.get_field("partner") if model else None
            except FieldDoesNotExist:
                continue
            if field is not None and field.many_to_one:
                section = model.objects.select_related("partner").get(pk=ancestor.pk)
                return section.partner
        return None

    def get_meta_description(self):
        """The text a description is derived from (tregks.core.seo trims it)."""
        for name in self.meta_description_fields:
            value = getattr(self, name, "")
            if value:
                return value
        return ""

    def get_meta_image(self):
        """The picture link previews show: the social media image, else the page's own."""
        for name in self.meta_image_fields:
            image = getattr(self, name, None)
            if image is not None:
                return image
        return None


class IndexPage(BasePage):
    """A listing page of one language: an introduction above its items (press, stories,
    partners). Subclasses set `subpage_types` and build the listing in `get_context`."""

    # One index of each kind per language, directly below the home page.
    max_count_per_parent = 1
    parent_page_types = ["home.HomePage"]

    schema_type = "CollectionPage"

    intro = RichTextField(
        _("Introduction"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    api_fields = [APIField("intro")]

    translatable_fields = [*BasePage.translatable_fields, TranslatableField("intro")]

    class Meta:
        abstract = True


class Topic(TranslatableMixin, models.Model):
    """An expert group of the network, used as a topic across news, stories and podcast."""

    name = models.CharField(_("Name"), max_length=100)
    slug = models.SlugField(
        _("Slug"),
        max_length=100,
        help_text=_("Short name for addresses and filters, e.g. “digitalisierung”."),
    )
    description = models.TextField(_("Description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        # The slug stays the same in both languages so that filter links survive a switch.
        SynchronizedField("slug"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Topic")
        verbose_name_plural = _("Topics")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="unique_topic_slug_per_locale"
            ),
        ]

    def __str__(self):
        return self.name


@register_setting(icon="list-ul")
class FooterLinks(BaseSiteSetting):
    """The legal and contact pages linked from every page's footer (German originals)."""

    imprint_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Legal notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Privacy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("imprint_page"),
        FieldPanel("privacy_page"),
        FieldPanel("accessibility_page"),
        FieldPanel("contact_page"),
    ]

    class Meta:
        verbose_name = _("Footer links")


class FundingNotice(TranslatableMixin, models.Model):
    """The funder's notice in the footer for one funding period (ministry, logo, line).

    A page shows the notice valid on its own date (press releases, stories, episodes)
    or today (home, indexes, profiles): a release from the first funding phase keeps
    naming the ministry of that time. See tregks.core.funding.
    """

    ministry = models.CharField(
        _("Ministry"),
        max_length=200,
        help_text=_(
            "The funding ministry's name as on its logo, e.g. “Bundesministerium für "
            "Wirtschaft und Energie”."
        ),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The funding logo from the grant notice (“Gefördert durch …” with the "
            "parliament line), on a white background. Without it, the text is shown."
        ),
    )
    logo_alt = models.CharField(
        _("Alt text of the logo"),
        max_length=300,
        blank=True,
        help_text=_(
            "Everything the logo says, in full, e.g. “Gefördert durch: "
            "Bundesministerium für Wirtschaft und Energie aufgrund eines Beschlusses "
            "des Deutschen Bundestages”. Empty: built from the ministry and the line."
        ),
    )
    line = models.CharField(
        _("Line below the ministry"),
        max_length=200,
        default="aufgrund eines Beschlusses des Deutschen Bundestages",
        help_text=_("The line the grant notice prescribes below the ministry's name."),
    )
    programme = models.CharField(
        _("Programme and phase"),
        max_length=300,
        blank=True,
        help_text=_(
            "Shown next to the logo, e.g. the programme's name and the funding phase."
        ),
    )
    valid_from = models.DateField(
        _("Valid from"), help_text=_("First day of the funding period.")
    )
    valid_until = models.DateField(
        _("Valid until"),
        null=True,
        blank=True,
        help_text=_("Last day of the funding period; empty while it lasts."),
    )

    panels = [
        FieldPanel("ministry"),
        FieldPanel("line"),
        FieldPanel("logo"),
        FieldPanel("logo_alt"),
        FieldPanel("programme"),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
    ]

    translatable_fields = [
        # Translate: what readers read (the ministry's name in English, too).
        TranslatableField("ministry"),
        TranslatableField("line"),
        TranslatableField("logo_alt"),
        TranslatableField("programme"),
        # Synchronise: the logo and the period are the same in every language.
        SynchronizedField("logo"),
        SynchronizedField("valid_from"),
        SynchronizedField("valid_until"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Funding notice")
        verbose_name_plural = _("Funding notices")
        ordering = ["valid_from"]

    def __str__(self):
        until = self.valid_until.isoformat() if self.valid_until else "…"
        return f"{self.ministry} ({self.valid_from.isoformat()} – {until})"

    def clean(self):
        super().clean()
        if self.valid_until and self.valid_from and self.valid_until < self.valid_from:
            raise ValidationError(
                {"valid_until": _("The period cannot end before it begins.")}
            )

    @property
    def alt_text(self):
        return self.logo_alt or f"{self.ministry} {self.line}".strip()
