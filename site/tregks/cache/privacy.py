"""Page privacy without a query of its own on every page.

Wagtail's `PageQuerySet.public()` first loads every PageViewRestriction (one query) to
build its filter, and serving a page asks `Page.get_view_restrictions()` (two queries:
the ancestors' alias sources, then the restrictions). A page render calls `public()`
for the menu, the translations and each listing, so the same list is loaded several
times per request.

Here the restricted paths, and the paths of alias pages that have children, are kept
per cache generation (a privacy change saves or deletes a PageViewRestriction, and any
page save starts a new generation too, see signals.py). From them `public()` builds its
filter, and `get_view_restrictions()` knows without a query that no restriction applies
to a page: the usual case. Where one may apply, or an alias is on the way (aliases use
their source page's restrictions), Wagtail's own check runs.
"""

from django.db.models import Q

from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet

from .generation import cached_for_generation

_wagtail_get_view_restrictions = Page.get_view_restrictions


# Kept for a minute at most: every privacy change starts a new generation at once, but
# a change that is rolled back afterwards would otherwise be believed until the entry
# expires.
PRIVACY_SECONDS = 60


def restricted_paths():
    return cached_for_generation(
        "restricted-paths",
        lambda: sorted(
            PageViewRestriction.objects.values_list("page__path", flat=True).distinct()
        ),
        timeout=PRIVACY_SECONDS,
    )


def alias_parent_paths():
    """Paths of alias pages with children: their subtrees need Wagtail's own check."""
    return cached_for_generation(
        "alias-parent-paths",
        lambda: sorted(
            Page.objects.filter(alias_of__isnull=False, numchild__gt=0).values_list(
                "path", flat=True
            )
        ),
        timeout=PRIVACY_SECONDS,
    )


def private_q(self):
    """Same filter as Wagtail's: a restricted page and everything below it."""
    q = Q()
    for path in restricted_paths():
        q |= Q(path__startswith=path)
    # Do not match any page if no private section exists (as Wagtail does).
    return q if q else Q(pk__in=[])


def get_view_restrictions(self):
    """Wagtail's restrictions of a page, or none without a query when none can apply.

    Wagtail checks the page and its ancestors (an alias: its source instead). Without
    an alias among them, a restriction applies exactly when a restricted page's path
    starts this page's path.
    """
    path = self.path or ""
    if (
        self.alias_of_id is None
        and not any(path.startswith(alias) for alias in alias_parent_paths())
        and not any(path.startswith(private) for private in restricted_paths())
    ):
        return PageViewRestriction.objects.none()
    return _wagtail_get_view_restrictions(self)


def install():
    PageQuerySet.private_q = private_q
    Page.get_view_restrictions = get_view_restrictions
