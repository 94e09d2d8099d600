"""Which events a listing shows, and in which order: upcoming soonest first, then past."""

from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from wagtail.models import PageManager

from tregks.core.listing import ListingQuerySet


def start_of_today():
    """Midnight in the site's time zone (Europe/Berlin) as an aware datetime."""
    now = timezone.localtime()
    return now.replace(hour=0, minute=0, second=0, microsecond=0)


class EventPageQuerySet(ListingQuerySet):
    def for_listing(self, locale_id):
        """Live, public events with their own text in one locale (unordered).

        Synchronised aliases (German text under /en/) are left out, as in the press
        archive: in an English listing they would pose as English events.
        """
        return self.live().public().filter(locale_id=locale_id, alias_of__isnull=True)

    @staticmethod
    def _upcoming_condition(now=None):
        """Events not over yet: timed ones until their end (or start), all-day ones
        until the end of their last day."""
        now = now or timezone.now()
        return Q(all_day=False, ends_value__gte=now) | Q(
            all_day=True, ends_value__gte=start_of_today()
        )

    def with_timing(self, now=None):
        """Annotated with `past_flag` (0 upcoming, 1 past) for grouping and sorting."""
        return self.annotate(ends_value=Coalesce("end", "start")).annotate(
            past_flag=Case(
                When(self._upcoming_condition(now), then=Value(0)),
                default=Value(1),
                output_field=models.IntegerField(),
            )
        )

    def upcoming(self, now=None):
        """Events not over yet, soonest first."""
        return self.with_timing(now).filter(past_flag=0).order_by("start", "pk")

    def past(self, now=None):
        """Events that are over, latest first (the Rückblick)."""
        return self.with_timing(now).filter(past_flag=1).order_by("-start", "-pk")

    def upcoming_then_past(self, now=None):
        """Upcoming events soonest first, then past ones latest first: one ordering,
        so that the database paginates the whole list."""
        return self.with_timing(now).order_by(
            "past_flag",
            Case(When(past_flag=0, then=F("start"))).asc(nulls_last=True),
            F("start").desc(),
            "pk",
        )

    def of_format(self, event_format):
        return self.filter(event_format=event_format)

    def organised_by(self, code, sections=None):
        """Events that name the partner `code` as organiser or sit in its sections."""
        return self.by_partner("organisers", code, sections)

    def in_year(self, year):
        return self.filter(start__year=year)


EventPageManager = PageManager.from_queryset(EventPageQuerySet)
