from wagtail import hooks
from wagtail.permissions import register_permission_policy

from tregks.core.scheduled import ScheduledTask

from .admin_views import BarrierReportPermissionPolicy, BarrierReportViewSet
from .models import BarrierReport
from .notify import send_reminders
from .retention import purge_answered_reports

register_permission_policy(BarrierReport, BarrierReportPermissionPolicy(BarrierReport))


@hooks.register("register_admin_viewset")
def barrier_report_viewset():
    return BarrierReportViewSet("barrier_reports")


@hooks.register("register_scheduled_task")
def remind_of_due_barrier_reports():
    """A reminder to the lead's staff a week before an open report is due (once)."""
    return ScheduledTask(name="barriers.remind", run=send_reminders)


@hooks.register("register_scheduled_task")
def purge_answered_barrier_reports():
    """Answered reports go after the retention period (the reader's contact with them)."""
    return ScheduledTask(name="barriers.purge", run=purge_answered_reports)
