"""`PageQuerySet.public()` without a query of its own.

Wagtail's `public()` first loads every PageViewRestriction (one query) to build its
filter; a page render calls it for the menu, the translations, and each listing, so
the same list is loaded several times per request. Here the restricted paths are kept
per cache generation (a privacy change saves or deletes a PageViewRestriction, which
starts a new generation, see signals.py), and the filter is built from them.
"""

from django.db.models import Q

from wagtail.query import PageQuerySet

from .generation import cached_for_generation


def restricted_paths():
    from wagtail.models import PageViewRestriction

    return cached_for_generation(
        "restricted-paths",
        lambda: sorted(
            PageViewRestriction.objects.values_list("page__path", flat=True).distinct()
        ),
    )


def private_q(self):
    """Same filter as Wagtail's: a restricted page and everything below it."""
    q = Q()
    for path in restricted_paths():
        q |= Q(path__startswith=path)
    # Do not match any page if no private section exists (as Wagtail does).
    return q if q else Q(pk__in=[])


def install():
    PageQuerySet.private_q = private_q
