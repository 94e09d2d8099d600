"""Listing of episodes: the queryset the pages and hooks list them with, and the show
page's filter and pagination (the pattern of news/listing.py).

Imports no model of this app: the models use it, so the dependency goes one way.
"""

from django import forms
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _

from wagtail.models import PageManager

from tregks.core import renditions
from tregks.core.images import images_with_rendition
from tregks.core.listing import ListingQuerySet, paginate
from tregks.core.privacy import on_a_private_path

# Episodes per page of the show page.
EPISODES_PER_PAGE = 10


def teaser_images():
    """Images with the teaser cards' rendition prefetched (no query per card)."""
    return images_with_rendition(renditions.TEASER)


class EpisodeQuerySet(ListingQuerySet):
    def for_listing(self, locale_id):
        """Live, public episodes with their own text in a locale, newest first."""
        return (
            self.live()
            .exclude(on_a_private_path())
            .filter(locale_id=locale_id, alias_of__isnull=True)
            .select_related("audio")
            .with_image_rendition(renditions.TEASER)
            .order_by("-release_date", "-episode_number", "-pk")
        )

    def with_image_rendition(self, spec):
        """The episodes' images with the rendition `spec` prefetched, instead of
        whatever rendition was prefetched before (the feed's artwork, not the
        teaser cards': Wagtail reads an image's renditions from the prefetched
        ones only, so a missing spec would cost a query per image)."""
        return self.prefetch_related(None).prefetch_related(
            Prefetch("episode_image", queryset=images_with_rendition(spec))
        )

    def with_partner(self, partner_page, show_paths):
        """Episodes where the partner is a guest or runs the show (its language's copy).

        Guests are synchronised unchanged into translations (they point to the German
        profile), so they are matched by translation key; `show_paths` are the paths of
        the shows the partner runs.
        """
        condition = Q(guests__translation_key=partner_page.translation_key)
        for show_path in show_paths:
            condition |= Q(path__startswith=show_path)
        return self.filter(condition).distinct()


EpisodeManager = PageManager.from_queryset(EpisodeQuerySet)


class EpisodeFilterForm(forms.Form):
    """?topic=<slug>: slugs are the same in both languages, so links survive a switch."""

    topic = forms.ChoiceField(label=_("Topic"), required=False)

    def __init__(self, data, *, topics):
        super().__init__(data)
        self.fields["topic"].choices = [("", "")] + [(t.slug, t.name) for t in topics]


def filtered_episodes(show, request):
    """Context of the show page's episode list: topic links, selection and one page."""
    episodes = show.episodes()
    topics = show.filter_topics()
    # A blank value (" ") is no filter rather than an unknown topic.
    form = EpisodeFilterForm(
        {"topic": request.GET.get("topic", "").strip()}, topics=topics
    )
    selected_topic = None
    unknown_topic = False
    if form.is_valid():
        slug = form.cleaned_data["topic"]
        if slug:
            selected_topic = next(topic for topic in topics if topic.slug == slug)
            episodes = episodes.about_topic(slug)
    else:
        # An unknown topic (old link, typo) lists nothing and says so.
        unknown_topic = True
        episodes = episodes.none()
    paginator, page_obj = paginate(episodes, EPISODES_PER_PAGE, request)
    return {
        "filter_form": form,
        "filter_topics": topics,
        "selected_topic": selected_topic,
        "unknown_topic": unknown_topic,
        "episodes": page_obj.object_list,
        "page_obj": page_obj,
        "paginator": paginator,
    }
