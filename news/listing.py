"""Filtering and pagination of the press index (kept out of the model for readability)."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tregks.cache.generation import cached_for_generation
from tregks.core.i18n import localized_many
from tregks.core.listing import paginate_listing
from tregks.core.models import Topic

# Releases per page of the index.
PAGE_SIZE = 12


class PressFilterForm(forms.Form):
    """The GET filter of the press index; choices come from the index's own content."""

    partner = forms.ChoiceField(label=_("Partner"), required=False)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    year = forms.ChoiceField(label=_("Year"), required=False)

    def __init__(self, data, *, partners, topics, years):
        super().__init__(data)
        everything = [("", _("All"))]
        self.fields["partner"].choices = everything + partners
        self.fields["topic"].choices = everything + topics
        self.fields["year"].choices = everything + [(str(y), str(y)) for y in years]


def _filter_choices(index_page, releases):
    sections = list(index_page.sections())
    # Sections point to the German profiles: show the names in the index's language.
    partners = [
        (partner.code, partner.title)
        for partner in localized_many(
            [section.partner for section in sections], index_page.locale_id
        )
    ]
    topics = [
        (topic.slug, topic.name)
        for topic in Topic.objects.filter(locale_id=index_page.locale_id)
    ]
    years = [date.year for date in releases.dates("release_date", "year", "DESC")]
    return sections, partners, topics, years


def filtered_releases(index_page, request):
    """Context of the press index: filter form, result count and one page of releases."""
    releases = index_page.releases()
    # The filter choices change only when something is published: kept per cache
    # generation (docs/PERFORMANCE.md), they cost no query on most renders.
    sections, partners, topics, years = cached_for_generation(
        f"press-filters:{index_page.pk}", lambda: _filter_choices(index_page, releases)
    )
    form = PressFilterForm(request.GET, partners=partners, topics=topics, years=years)
    filter_error = ""
    if form.is_valid():
        code = form.cleaned_data["partner"]
        if code:
            section_paths = [s.path for s in sections if s.partner.code == code]
            releases = releases.issued_by(code, section_paths)
        if form.cleaned_data["topic"]:
            releases = releases.about_topic(form.cleaned_data["topic"])
        if form.cleaned_data["year"]:
            releases = releases.filter(
                release_date__year=int(form.cleaned_data["year"])
            )
    else:
        # An unknown partner, topic or year (old link, typo): say so, list nothing.
        filter_error = gettext(
            "This filter does not exist. Choose a partner, topic or year from the lists."
        )
        releases = releases.none()

    is_filtered = any(request.GET.get(name) for name in ("partner", "topic", "year"))
    # The whole archive (800 pages at 10,000 releases) pages without a deep OFFSET.
    paginator, page_obj = paginate_listing(
        releases,
        PAGE_SIZE,
        request,
        index_page,
        filtered=is_filtered or bool(filter_error),
        key=f"press:{index_page.pk}",
    )
    return {
        "filter_form": form,
        "filter_error": filter_error,
        "is_filtered": is_filtered,
        "releases": page_obj.object_list,
        "page_obj": page_obj,
        "paginator": paginator,
        "result_count": paginator.count,
    }
