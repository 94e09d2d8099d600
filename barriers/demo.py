"""Demo of the barrier reports (demo/barriers.json): the form page and a few reports."""

import datetime
import json
from pathlib import Path

from django.utils import timezone

from tregks.core.demo import Phrasebook, get_or_create_child, rich_text, translate

from .models import BarrierReport, BarrierReportPage

DATA = Path(__file__).parent / "demo" / "barriers.json"


def build(context, options=None, stdout=None):
    data = json.loads(DATA.read_text(encoding="utf-8"))
    home = context["home_de"]
    spec = data["page"]
    t = Phrasebook()
    page = get_or_create_child(
        home,
        BarrierReportPage,
        spec["slug"][0],
        title=t(*spec["title"]),
        intro=rich_text(t, spec["intro"]),
    )
    t(*spec["slug"])
    translate(page, t)
    if BarrierReport.objects.exists():
        return  # idempotent: the demo's reports are there already
    now = timezone.now()
    for entry in data["reports"]:
        received = now - datetime.timedelta(days=entry["received_days_ago"])
        BarrierReport.objects.create(
            received_at=received,
            status=entry["status"],
            language=entry["language"],
            page_url=entry["page_url"],
            description=entry["description"],
            name=entry["name"],
            email=entry["email"],
        )
