"""Filtering and pagination of the events index (the press index's pattern)."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tregks.cache.generation import cached_for_generation
from tregks.core.i18n import localized_many
from tregks.core.listing import paginate
from tregks.core.models import Topic

from .choices import EventFormat

PAGE_SIZE = 12


class EventFilterForm(forms.Form):
    """The GET filter of the events index; choices come from the index's content."""

    format = forms.ChoiceField(label=_("Format"), required=False)
    topic = forms.ChoiceField(label=_("Expert group"), required=False)
    partner = forms.ChoiceField(label=_("Partner"), required=False)
    year = forms.ChoiceField(label=_("Year"), required=False)

    def __init__(self, data, *, formats, partners, topics, years):
        super().__init__(data)
        everything = [("", _("All"))]
        self.fields["format"].choices = everything + formats
        self.fields["topic"].choices = everything + topics
        self.fields["partner"].choices = everything + partners
        self.fields["year"].choices = everything + [(str(y), str(y)) for y in years]


def _filter_choices(index_page, events):
    sections = list(index_page.sections())
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
    used = set(events.order_by().values_list("event_format", flat=True).distinct())
    formats = [value for value in EventFormat.values if value in used]
    years = [date.year for date in events.dates("start", "year", "DESC")]
    return sections, partners, topics, formats, years


def filtered_events(index_page, request):
    """Context of the events index: filter form, count and one page of events
    (upcoming soonest first, then the Rückblick latest first)."""
    events = index_page.events()
    # The filter choices change only when something is published (per generation).
    sections, partners, topics, formats, years = cached_for_generation(
        f"event-filters:{index_page.pk}", lambda: _filter_choices(index_page, events)
    )
    labels = dict(EventFormat.choices)
    form = EventFilterForm(
        request.GET,
        formats=[(value, labels[value]) for value in formats],
        partners=partners,
        topics=topics,
        years=years,
    )
    filter_error = ""
    if form.is_valid():
        data = form.cleaned_data
        if data["format"]:
            events = events.of_format(data["format"])
        if data["topic"]:
            events = events.about_topic(data["topic"])
        if data["partner"]:
            paths = [s.path for s in sections if s.partner.code == data["partner"]]
            events = events.organised_by(data["partner"], paths)
        if data["year"]:
            events = events.in_year(int(data["year"]))
    else:
        # An unknown value (old link, typo): say so, list nothing.
        filter_error = gettext(
            "This filter does not exist. Choose a format, expert group, partner or "
            "year from the lists."
        )
        events = events.none()

    paginator, page_obj = paginate(events.upcoming_then_past(), PAGE_SIZE, request)
    items = list(page_obj.object_list)
    is_filtered = any(
        request.GET.get(name) for name in ("format", "topic", "partner", "year")
    )
    return {
        "filter_form": form,
        "filter_error": filter_error,
        "is_filtered": is_filtered,
        "upcoming_events": [event for event in items if not event.past_flag],
        "past_events": [event for event in items if event.past_flag],
        "page_obj": page_obj,
        "paginator": paginator,
        "result_count": paginator.count,
    }
