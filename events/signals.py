"""The iCalendar SEQUENCE of an event goes up each time a change is published."""

from django.db.models import F
from django.dispatch import receiver

from wagtail.signals import page_published

from .models import EventPage


@receiver(page_published, sender=EventPage)
def raise_calendar_sequence(sender, instance, **kwargs):
    # An update rather than a save: no new revision, no second publish signal.
    EventPage.objects.filter(pk=instance.pk).update(sequence=F("sequence") + 1)
    instance.sequence = EventPage.objects.values_list("sequence", flat=True).get(
        pk=instance.pk
    )
