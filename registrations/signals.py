"""When the organiser publishes more places, people on the waiting list move up."""

from django.dispatch import receiver

from wagtail.signals import page_published

from events.models import EventPage

from . import booking
from .models import Registration


@receiver(page_published, sender=EventPage, dispatch_uid="registrations.fill")
def fill_places_after_publish(sender, instance, **kwargs):
    # Cheap for events without anyone waiting: one indexed query.
    event = booking.source_event(instance)
    if Registration.objects.for_event(event).waitlisted().exists():
        booking.fill_after_change(event)
