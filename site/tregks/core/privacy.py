"""Wagtail's page privacy rule as part of a listing's own query.

`PageQuerySet.public()` first loads every PageViewRestriction (a query per call),
then filters. `.exclude(on_a_private_path())` applies the same rule (a page is private
when it or an ancestor has a view restriction) as a NOT EXISTS subquery of the
listing's query: read from the database every time, never from a cache, one query
fewer per listing. tests/performance/test_privacy.py checks every place a reader could
meet a private page.
"""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr

from wagtail.models import PageViewRestriction


def on_a_private_path():
    """True for a page with a view restriction on itself or an ancestor."""
    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
    )
