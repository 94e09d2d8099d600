"""Demo builder of the barrier reports: the form page and a few reports in each state.

The texts are in data/barriers.yaml. The reports are made once: while any report
exists, none is added.
"""

import datetime

from django.utils import timezone

from barriers.models import BarrierReport, BarrierReportPage

from .data import load, pair, pairs
from .pages import Phrasebook, get_or_create_child, rich_text, translate


def build(context, options=None, stdout=None):
    data = load("barriers")
    spec = data["page"]
    t = Phrasebook()
    page = get_or_create_child(
        context["home_de"],
        BarrierReportPage,
        spec["slug"]["de"],
        title=pair(t, spec["title"]),
        intro=rich_text(t, pairs(spec["intro"])),
    )
    pair(t, spec["slug"])
    translate(page, t)
    if BarrierReport.objects.exists():
        return
    now = timezone.now()
    for entry in data["reports"]:
        BarrierReport.objects.create(
            received_at=now - datetime.timedelta(days=entry["received_days_ago"]),
            status=entry["status"],
            language=entry["language"],
            page_url=entry["page_url"],
            description=entry["description"],
            name=entry["name"],
            email=entry["email"],
        )
