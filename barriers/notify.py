"""E-mails about barrier reports: to the lead on receipt, a reminder before the due date."""

import logging

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from tregks.core.mail import send_templated_mail

from .models import BarrierReport
from .permissions import lead_staff_addresses

logger = logging.getLogger(__name__)


def lead_address():
    """The contact address on the lead partner's profile (BARRIER_REPORT_EMAIL first)."""
    configured = getattr(settings, "BARRIER_REPORT_EMAIL", "")
    if configured:
        return configured
    try:
        profile_model = apps.get_model("partners", "PartnerProfilePage")
    except LookupError:
        return ""
    profile = (
        profile_model.objects.filter(role="lead")
        .exclude(contact_email="")
        .order_by("locale_id", "path")
        .first()
    )
    return profile.contact_email if profile else ""


def _admin_url(report):
    return settings.BASE_URL + reverse("barrier_reports:edit", args=[report.pk])


def _mail(name, report, recipients):
    if not recipients:
        logger.warning(
            "Barrier report %s: no address of the lead to send to.", report.pk
        )
        return False
    return send_templated_mail(
        name,
        context={"report": report, "admin_url": _admin_url(report)},
        to=recipients,
        language=settings.LANGUAGE_CODE,  # the lead's staff work in German
        reply_to=[report.email] if report.email else None,
    )


def send_report_to_lead(report):
    return _mail(
        "barriers/mail/new_report", report, [lead_address()] if lead_address() else []
    )


def send_reminders(today=None):
    """One reminder per open report a week before it is due (scheduled task)."""
    sent = 0
    recipients = sorted({*filter(None, [lead_address()]), *lead_staff_addresses()})
    for report in BarrierReport.objects.reminders_due(today):
        with transaction.atomic():
            # Claimed before sending: two schedulers never remind twice.
            claimed = BarrierReport.objects.filter(
                pk=report.pk, reminder_sent_at__isnull=True
            ).update(reminder_sent_at=timezone.now())
            if not claimed:
                continue
        if _mail("barriers/mail/reminder", report, recipients):
            sent += 1
        else:
            # Not sent: try again at the next run.
            BarrierReport.objects.filter(pk=report.pk).update(reminder_sent_at=None)
    return f"{sent} barrier report reminder(s) sent"
