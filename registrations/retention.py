"""Personal data of registrations is deleted on a schedule (docs/privacy.md).

Run every hour by the scheduler (`register_scheduled_task`, task
"registrations.purge"; once by hand: `manage.py run_scheduled_tasks --only
registrations.purge`). Cheap when nothing is due: three indexed statements.

- Needs (dietary, accessibility) are emptied REGISTRATION_NEEDS_RETENTION_DAYS after
  the event has ended (default 0: at the first run after it).
- Every registration of an event is deleted REGISTRATION_RETENTION_DAYS after the
  event has ended (default 30).
- A registration never confirmed is deleted once its link has expired (48 hours): it
  never counted and nobody agreed to keep it.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models.functions import Coalesce
from django.utils import timezone

from events.models import EventPage

from .booking import CONFIRMATION_VALID
from .models import Registration, RegistrationState


def _events_ended_before(moment):

    return (
        EventPage.objects.annotate(ends=Coalesce("end", "start"))
        .filter(ends__lt=moment)
        .values("pk")
    )


def purge(now=None):
    now = now or timezone.now()
    needs_days = getattr(settings, "REGISTRATION_NEEDS_RETENTION_DAYS", 0)
    days = getattr(settings, "REGISTRATION_RETENTION_DAYS", 30)
    with transaction.atomic():
        needs = (
            Registration.objects.filter(
                event__in=_events_ended_before(
                    now - datetime.timedelta(days=needs_days)
                )
            )
            .exclude(needs="")
            .update(needs="")
        )
        deleted, _ = Registration.objects.filter(
            event__in=_events_ended_before(now - datetime.timedelta(days=days))
        ).delete()
        expired, _ = Registration.objects.filter(
            state=RegistrationState.PENDING,
            created_at__lt=now - CONFIRMATION_VALID,
        ).delete()
    return (
        f"{deleted} registrations deleted after the retention period, "
        f"{expired} unconfirmed deleted, needs removed from {needs}"
    )
