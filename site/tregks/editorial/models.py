"""Workflow tasks of the editorial workflow (see docs/editorial-workflow.md).

Both tasks are Wagtail group approval tasks, so they appear under Settings → Workflow
tasks, send Wagtail's notification e-mails to their group and show on the approvers'
dashboard.
"""

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import AbstractGroupApprovalTask, TaskState


class NoSelfApprovalMixin:
    """Whoever submitted a page cannot approve it: a second person always checks."""

    def get_actions(self, obj, user):
        workflow_state = obj.current_workflow_state
        if (
            workflow_state is not None
            and workflow_state.requested_by_id == user.pk
            and not user.is_superuser
        ):
            return []
        return super().get_actions(obj, user)

    def on_action(self, task_state, user, action_name, **kwargs):
        # Wagtail's views check get_actions(); this also covers code that calls on_action.
        if not any(
            name == action_name
            for name, _label, _modal in self.get_actions(
                task_state.workflow_state.content_object, user
            )
        ):
            raise PermissionDenied(_("You cannot take this action on this task."))
        return super().on_action(task_state, user, action_name, **kwargs)


class PartnerApprovalTask(NoSelfApprovalMixin, AbstractGroupApprovalTask):
    """A partner's approvers release the page ("Freigabe <SHORT>")."""

    class Meta:
        verbose_name = _("Partner approval")
        verbose_name_plural = _("Partner approvals")

    @classmethod
    def get_description(cls):
        return _(
            "The partner's approvers check the page; the submitter cannot approve "
            "their own work."
        )


class LeadSignOffTask(NoSelfApprovalMixin, AbstractGroupApprovalTask):
    """The consortium lead's sign-off, only for pages that speak for the whole network.

    Every other page skips it: the task state is recorded as "skipped" (so the workflow
    history stays truthful) and the workflow moves on without e-mailing the lead.
    """

    class Meta:
        verbose_name = _("Consortium lead sign-off")
        verbose_name_plural = _("Consortium lead sign-offs")

    @classmethod
    def get_description(cls):
        return _(
            "The consortium lead signs off releases that speak for the whole network; "
            "all other pages skip this step."
        )

    @staticmethod
    def needs_sign_off(obj):
        """True when the submitted revision is flagged as speaking for the network."""
        latest = obj.get_latest_revision_as_object()
        return bool(getattr(latest, "network_wide", False))

    def start(self, workflow_state, user=None):
        obj = workflow_state.content_object
        if hasattr(obj, "specific"):
            obj = obj.specific
        if self.needs_sign_off(obj):
            return super().start(workflow_state, user=user)
        # Wagtail's WorkflowState.update() moves on when the new task state is not in
        # progress, and counts skipped states as done (successful_task_states).
        return TaskState.objects.create(
            workflow_state=workflow_state,
            revision=obj.get_latest_revision(),
            task=self,
            status=TaskState.STATUS_SKIPPED,
            finished_at=timezone.now(),
            comment=str(_("Not a network-wide release: no lead sign-off needed.")),
        )
