"""Answered barrier reports are deleted BARRIER_REPORT_RETENTION_DAYS after they arrived.

Open reports stay whatever their age: an answer is still owed (docs/privacy.md).
"""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import BarrierReport


def purge_answered_reports(now=None):
    """Delete answered reports past the retention period; cheap when nothing is due."""
    cutoff = (now or timezone.now()) - datetime.timedelta(
        days=settings.BARRIER_REPORT_RETENTION_DAYS
    )
    count, _by_model = BarrierReport.objects.filter(
        status=BarrierReport.Status.ANSWERED, received_at__lt=cutoff
    ).delete()
    return _("%(count)d answered barrier reports deleted") % {"count": count}
