"""Listing of stories: the queryset the pages and hooks list them with, and the story
index's filter and pagination (the pattern of news/listing.py).

Imports no model of this app: the models use it, so the dependency goes one way.
"""

from django import forms
from django.db.models import Prefetch, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from partners.models import PartnerProfilePage, PartnerSectionPage
from tregks.cache.generation import cached_for_generation
from tregks.core import renditions
from tregks.core.images import images_with_rendition
from tregks.core.listing import ListingQuerySet, paginate_listing
from tregks.core.models import Topic
from tregks.core.privacy import on_a_private_path

# Stories per page of the index.
STORIES_PER_PAGE = 12


class StoryQuerySet(ListingQuerySet):
    def for_listing(self):
        """Live, public stories with their own text, newest first, ready for cards.

        Synchronised aliases (German text under /en/) are left out: they must not pose
        as English stories in listings.
        """
        images = images_with_rendition(renditions.TEASER)
        return (
            self.live()
            .exclude(on_a_private_path())
            .filter(alias_of__isnull=True)
            .select_related("company")
            .prefetch_related(Prefetch("poster", queryset=images))
            .order_by("-date", "-pk")
        )

    def in_sections(self, paths):
        """Stories below any of the section paths (none when there is no path)."""
        condition = Q()
        for path in paths:
            condition |= Q(path__startswith=path)
        return self.filter(condition) if condition else self.none()


class StoryFilterForm(forms.Form):
    """The GET filter of the story index; choices come from the index's own content."""

    topic = forms.ChoiceField(label=_("Topic"), required=False)
    company = forms.ChoiceField(label=_("Company"), required=False)
    partner = forms.ChoiceField(label=_("Published by"), required=False)

    def __init__(self, data, *, topics, companies, sections):
        super().__init__(data)
        self.fields["topic"].choices = [("", "")] + [(t.slug, t.name) for t in topics]
        self.fields["company"].choices = [("", "")] + [
            (c.code, c.title) for c in companies
        ]
        self.fields["partner"].choices = [("", "")] + [
            (s.partner.code, s.title) for s in sections
        ]


def _filter_choices(index_page, stories):
    company_ids = stories.values_list("company_id", flat=True).distinct()
    return {
        "topics": list(Topic.objects.filter(locale_id=index_page.locale_id)),
        "companies": list(
            PartnerProfilePage.objects.filter(pk__in=company_ids).order_by("title")
        ),
        "sections": list(
            PartnerSectionPage.objects.child_of(index_page).select_related("partner")
        ),
    }


def filtered_stories(index_page, request):
    """Context of the story index: filter choices, selection and one page of stories."""
    stories = index_page.stories()
    # The filter choices change only when something is published: kept per cache
    # generation (docs/PERFORMANCE.md), they cost no query on most renders.
    choices = cached_for_generation(
        f"story-filters:{index_page.pk}", lambda: _filter_choices(index_page, stories)
    )
    # Blank values (" ") are no filter rather than unknown ones.
    selected = {
        name: request.GET.get(name, "").strip()
        for name in ("topic", "company", "partner")
    }
    form = StoryFilterForm(selected, **choices)
    filter_error = ""
    if form.is_valid():
        # Topic slugs and partner codes are synchronised, so one value filters both
        # languages, whichever locale's object a translated page points to.
        if form.cleaned_data["topic"]:
            stories = stories.about_topic(form.cleaned_data["topic"])
        if form.cleaned_data["company"]:
            stories = stories.filter(company__code=form.cleaned_data["company"])
        if form.cleaned_data["partner"]:
            code = form.cleaned_data["partner"]
            stories = stories.in_sections(
                s.path for s in choices["sections"] if s.partner.code == code
            )
    else:
        # An unknown topic, company or partner (old link, typo): say so, list nothing.
        filter_error = gettext(
            "This filter does not exist. Choose a topic, company or partner from the lists."
        )
        stories = stories.none()

    paginator, page_obj = paginate_listing(
        stories,
        STORIES_PER_PAGE,
        request,
        index_page,
        filtered=any(selected.values()) or bool(filter_error),
        key=f"stories:{index_page.pk}",
    )
    return {
        "filter_form": form,
        "filter_error": filter_error,
        "stories": page_obj,
        "paginator": paginator,
        "topics": choices["topics"],
        "companies": choices["companies"],
        # Sections are translated; their partner link points to the German profile,
        # so the select shows the section's own title.
        "partner_sections": [
            section
            for section in choices["sections"]
            if section.live and section.numchild > 0
        ],
        "selected": selected,
        "is_filtered": any(selected.values()),
    }
