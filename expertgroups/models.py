"""The five expert groups: an index per language and one page per group.

A group page shows its aim (written by editors), the partners that lead it (partner
profiles naming the group among "Expert groups led") and, gathered automatically
through the group's topic, its latest press releases, stories, episodes and events.
Content apps provide those lists through the "expert_group_items" hook, and the
events app its events through "register_expert_group_event_source" (see
expertgroups.sources), so this app needs no change when another kind of content
arrives.
"""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from partners.models import PartnerProfilePage, PartnerRole
from tregks.cache.generation import cached_for_generation
from tregks.core.models import BasePage, IndexPage
from tregks.core.page_mixins import LeadTeaserMixin

from . import sources
from .feeds import FEED_SIZE, ExpertGroupFeed
from .forms import JoinGroupForm

# How many items of each kind a group page lists, and how many its feed carries.
ITEMS_LIMIT = 4
# How long the lists of upcoming and past events are kept at most.
EVENTS_CACHE_SECONDS = 15 * 60


class ExpertGroupIndexPage(IndexPage):
    """The overview of all expert groups (in the main navigation)."""

    subpage_types = ["expertgroups.ExpertGroupPage"]

    class Meta:
        verbose_name = _("Expert group index")

    def groups(self):
        return (
            ExpertGroupPage.objects.child_of(self)
            .live()
            .public()
            .select_related("topic")
            .order_by("path")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["groups"] = self.groups()
        return context


class ExpertGroupPage(LeadTeaserMixin, RoutablePageMixin, BasePage):
    """One expert group: its aim, who leads it, its news, and a form to take part."""

    parent_page_types = ["expertgroups.ExpertGroupIndexPage"]
    subpage_types = []

    topic = models.ForeignKey(
        "core.Topic",
        verbose_name=_("Topic"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "The topic of this group: press releases, stories, episodes and events "
            "tagged with it appear on the page automatically."
        ),
    )
    lead = models.TextField(
        _("Lead"),
        help_text=_(
            "One or two sentences on what the group works on (also in listings)."
        ),
    )
    aim = RichTextField(
        _("Aim of the group"),
        blank=True,
        features=["h3", "bold", "italic", "link", "ul"],
        help_text=_(
            "What the group wants to achieve and how it works, in a few paragraphs."
        ),
    )
    join_text = models.TextField(
        _("Text above the “Take part” form"),
        blank=True,
        help_text=_("Who can join and what happens after sending the form."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("topic"),
        FieldPanel("lead"),
        FieldPanel("aim"),
        FieldPanel("join_text"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead", boost=1.5),
        index.SearchField("aim"),
    ]

    translatable_fields = [
        *BasePage.translatable_fields,
        # Translate: what readers read.
        TranslatableField("lead"),
        TranslatableField("aim"),
        TranslatableField("join_text"),
        # Synchronise: the topic (its slug is the same in every language).
        SynchronizedField("topic"),
    ]

    class Meta:
        verbose_name = _("Expert group")
        verbose_name_plural = _("Expert groups")

    # Teaser card protocol (index); teaser_text comes from LeadTeaserMixin.
    kind_label = _("Expert group")
    latest_date = None
    listing_image = None

    @cached_property
    def topic_slug(self):
        return self.topic.slug

    def leading_partners(self):
        """Profiles (in the page's language) naming this group among the groups they
        lead; the consortium lead where none does."""
        profiles = PartnerProfilePage.objects.live().filter(
            locale_id=self.locale_id, alias_of__isnull=True
        )
        through = PartnerProfilePage.expert_groups.through
        leading = list(
            profiles.filter(
                pk__in=through.objects.filter(topic__slug=self.topic_slug).values(
                    "partnerprofilepage_id"
                )
            ).order_by("path")
        )
        if leading:
            return leading
        return list(profiles.filter(role=PartnerRole.LEAD).order_by("path")[:1])

    def latest_items(self, limit=ITEMS_LIMIT):
        """[(heading, [pages])] of every content app's "expert_group_items" hook.

        Kept per cache generation: the lists change only when something is published.
        """
        return cached_for_generation(
            f"expert-group-items:{self.pk}:{limit}:{get_language()}",
            lambda: self._latest_items(limit),
        )

    def _latest_items(self, limit):
        groups = []
        for provider in hooks.get_hooks("expert_group_items"):
            heading, pages = provider(self.topic_slug, self.locale_id, limit)
            if pages:
                groups.append((str(heading), list(pages)))
        return groups

    def events(self, limit=ITEMS_LIMIT):
        """{"upcoming": [...], "past": [...]} of the group's events (none where no app
        registers as their source, see expertgroups.sources). Kept for a quarter of an hour at most: an event moves from
        upcoming to past without anything being published."""
        upcoming, past = cached_for_generation(
            f"expert-group-events:{self.pk}:{limit}:{get_language()}",
            lambda: sources.events(self.topic_slug, self.locale_id, limit),
            timeout=EVENTS_CACHE_SECONDS,
        )
        return {"upcoming": upcoming, "past": past}

    def news_items(self, limit=FEED_SIZE):
        """The group's newest items of every kind, newest first (its feed).

        Read through the lists kept per cache generation, like the page's own."""
        items = [
            item
            for _heading, pages in self.latest_items(limit)
            for item in pages
            if item.latest_date
        ]
        items.sort(key=lambda item: (item.latest_date, item.pk), reverse=True)
        return items[:limit]

    @property
    def feed_url(self):
        return self.url + self.reverse_subpage("feed")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["leading_partners"] = cached_for_generation(
            f"expert-group-leads:{self.pk}:{get_language()}", self.leading_partners
        )
        context["item_groups"] = self.latest_items()
        context["events"] = self.events()
        context.setdefault("form", JoinGroupForm())
        return context

    @path("feed/", name="feed")
    def feed(self, request):
        return ExpertGroupFeed()(request, group_page=self)

    @path("thanks/", name="thanks")
    def thanks(self, request):
        # A page of its own (cacheable) rather than a message needing a session cookie.
        return self.render(
            request,
            context_overrides={"sent": True, "noindex": True},
            template="expertgroups/expert_group_page_thanks.html",
        )
