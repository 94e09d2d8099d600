"""Pagination and filters shared by every listing (press, stories, episodes, events).

Each app keeps its filter form and its own queryset methods in its own module; the
filters every listing has (topic, partner or its sections) and the page of results are
here, the same way everywhere.
"""

from django.core.paginator import Paginator
from django.db.models import Q

from wagtail.query import PageQuerySet


class ListingQuerySet(PageQuerySet):
    """Filters of the listings' page types, which link topics (and partners) through
    many-to-many fields. The links are synchronised unchanged into translations (an
    English page points at German topics and profiles), so they match by slug or code,
    the same in every locale."""

    def linked_to(self, relation, **lookup):
        """Pages whose many-to-many field `relation` links a row matching `lookup`: a
        subquery on the link table, so no page is listed twice."""
        field = self.model._meta.get_field(relation)
        links = field.remote_field.through.objects.filter(**lookup)
        return Q(pk__in=links.values(field.m2m_field_name()))

    def about_topic(self, slug):
        """Pages tagged with the topic `slug`."""
        return self.filter(self.linked_to("topics", topic__slug=slug))

    def by_partner(self, relation, code, sections=None):
        """Pages that name the partner `code` in `relation` or sit in its sections."""
        condition = self.linked_to(relation, partnerprofilepage__code=code)
        for section_path in sections or []:
            condition |= Q(path__startswith=section_path)
        return self.filter(condition)


def page_number(value):
    """A page number from the query string: anything that is not a positive number is 1."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return max(number, 1)


def paginate(items, per_page, request):
    """(paginator, page) for ?page=: a bad number gives page 1, a too large one the last.

    The last page always exists (Paginator allows an empty first page), so an old link
    past the end shows the oldest items rather than an error.
    """
    paginator = Paginator(items, per_page)
    number = min(page_number(request.GET.get("page")), paginator.num_pages)
    return paginator, paginator.page(number)
