"""Pagination and filters shared by every listing (press, stories, episodes, events).

Each app keeps its filter form and its own queryset methods in its own module; the
filters every listing has (topic, partner or its sections) and the page of results are
here, the same way everywhere.
"""

from django.core.paginator import Page, Paginator
from django.db.models import Q

from wagtail.query import PageQuerySet

from tregks.cache.generation import cached_for_generation

from .page_urls import with_listing_urls


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


class Counted:
    """What Paginator needs of a listing whose length is known: its count."""

    def __init__(self, count):
        self._count = count

    def count(self):
        return self._count


def _order(items):
    """[(field, descending)] of the listing's order; the last field must be unique."""
    order = [
        (name.removeprefix("-"), name.startswith("-")) for name in items.query.order_by
    ]
    if not order:
        raise ValueError("Keyset pages need an ordered listing.")
    return order


def page_starts(items, per_page):
    """(count, [order values of each page's first item]) of a listing, in one query.

    The order values (date, …, pk) of every row, read from the listing's index, of
    which every `per_page`-th is kept. (A window function numbering the rows in the
    database sent fewer rows but took twice as long: it sorts and counts them all.)
    """
    rows = list(items.values_list(*(name for name, _down in _order(items))))
    return len(rows), rows[::per_page]


def from_start(order, start):
    """Rows at or after `start` in `order` (`_order`): for a newest-first listing
    (a < x) or (a = x and b < y) or … or (a = x and … and z <= last), with a plain
    bound on the first field, where the listing's index starts its scan."""

    def after(name, down, value, inclusive=False):
        lookup = ("lt" if down else "gt") + ("e" if inclusive else "")
        return Q(**{f"{name}__{lookup}": value})

    *leading, (last, last_down) = order
    condition = after(last, last_down, start[-1], inclusive=True)
    for (name, down), value in reversed(list(zip(leading, start, strict=False))):
        condition = after(name, down, value) | (Q(**{name: value}) & condition)
    first, first_down = order[0]
    return after(first, first_down, start[0], inclusive=True) & condition


def rows_from(items, start, per_page):
    """The `per_page` rows of the listing `items` from `start` (`page_starts`)."""
    return list(items.filter(from_start(_order(items), start))[:per_page])


def paginate_by_starts(items, per_page, request, key):
    """paginate() for an unfiltered newest-first listing with many pages.

    An OFFSET makes the database walk every row before the page (page 750 of the
    press index: 9,000 releases, most of its 90 ms). Here the first item of every
    page is known (`page_starts`, one query per cache generation, shared by all
    pages of the listing and the count they show), and a page's rows start there:
    the same query as the first page's. Page numbers and links stay as they are.
    `key` names the listing for the cache (e.g. the index page's id).
    """
    count, starts = cached_for_generation(
        f"listing-starts:{key}:{per_page}", lambda: page_starts(items, per_page)
    )
    paginator = Paginator(Counted(count), per_page)
    number = min(page_number(request.GET.get("page")), paginator.num_pages)
    rows = rows_from(items, starts[number - 1], per_page) if starts else []
    return paginator, Page(rows, number, paginator)


def paginate_listing(items, per_page, request, index_page, *, filtered, key):
    """The page of an index's listing the reader asked for, each item with its address.

    A filtered listing is short and paginated plainly; the whole archive pages from
    kept starts (`paginate_by_starts`). Item addresses come from the index page's own
    (tregks.core.page_urls), not from Wagtail's routing per item.
    """
    if filtered:
        paginator, page_obj = paginate(items, per_page, request)
    else:
        paginator, page_obj = paginate_by_starts(items, per_page, request, key)
    page_obj.object_list = with_listing_urls(
        list(page_obj.object_list), index_page, request
    )
    return paginator, page_obj
