"""Pagination shared by every listing (press, stories, episodes, events).

Each app keeps its filter form and queryset methods in its own `listing.py`; the page
of results is cut here, the same way everywhere.
"""

from django.core.paginator import Paginator


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
