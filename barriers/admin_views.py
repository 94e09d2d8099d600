"""The lead's admin listing of barrier reports, with the date an answer is due."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy

from .models import BarrierReport


class BarrierReportPermissionPolicy(ModelPermissionPolicy):
    """Model permissions; reports only come from the public form, never added here."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(
            [action for action in actions if action != "add"]
        )


def due_label(report):
    """The due date, marked when it has passed for an open report."""
    text = report.due_date.strftime("%d.%m.%Y")
    if (
        report.status != BarrierReport.Status.ANSWERED
        and report.due_date < timezone.localdate()
    ):
        return _("%(date)s (overdue)") % {"date": text}
    return text


class BarrierReportViewSet(ModelViewSet):
    model = BarrierReport
    icon = "warning"
    menu_label = _("Barrier reports")
    menu_order = 320
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["status"]
    list_display = [
        "received_at",
        "page_url",
        "status",
        Column("due_date", label=_("Answer due by"), accessor=due_label),
    ]
    list_filter = ["status", "language"]
    search_fields = ["page_url", "description"]
    ordering = ["due_date"]
    inspect_view_fields = [
        "received_at",
        "due_date",
        "status",
        "page_url",
        "description",
        "name",
        "email",
        "language",
        "reminder_sent_at",
    ]
