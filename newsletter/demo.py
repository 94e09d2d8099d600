"""Demo subscribers (demo/subscribers.json): confirmed, waiting and withdrawn ones."""

import datetime
import json
from pathlib import Path

from django.utils import timezone

from .consent import CONSENT_VERSION
from .models import Subscription

DATA = Path(__file__).parent / "demo" / "subscribers.json"


def _days_ago(days):
    return None if days is None else timezone.now() - datetime.timedelta(days=days)


def build(context, options=None, stdout=None):
    entries = json.loads(DATA.read_text(encoding="utf-8"))["subscribers"]
    for entry in entries:
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
