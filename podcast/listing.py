"""Filtering and pagination of a show's episodes (the pattern of news/listing.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tregks.core.listing import paginate

# Episodes per page of the show page.
EPISODES_PER_PAGE = 10


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
