"""Demo builder of the newsletter: subscribers confirmed, waiting and unsubscribed.

The addresses are in data/newsletter.yaml; an address found in its language is kept.
"""

import datetime

from django.utils import timezone

from newsletter.consent import CONSENT_VERSION
from newsletter.models import Subscription

from .data import load


def _days_ago(days):
    return None if days is None else timezone.now() - datetime.timedelta(days=days)


def build(context, options=None, stdout=None):
    for entry in load("newsletter")["subscribers"]:
        Subscription.objects.get_or_create(
            email=entry["email"],
            language=entry["language"],
            defaults={
                "consent_version": CONSENT_VERSION,
                "requested_at": _days_ago(entry["requested_days_ago"]),
                "confirmed_at": _days_ago(entry.get("confirmed_days_ago")),
                "unsubscribed_at": _days_ago(entry.get("unsubscribed_days_ago")),
            },
        )
