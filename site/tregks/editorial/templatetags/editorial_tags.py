"""Template tags of the editorial workflow's e-mails."""

from django import template

from wagtail.models import TaskState, WorkflowState

register = template.Library()


@register.simple_tag
def approval_comments(obj):
    """(task name, comment) of each approval with a comment in the object's latest
    approved workflow: Wagtail's "approved" e-mail leaves them out."""
    state = (
        WorkflowState.objects.for_instance(obj)
        .filter(status=WorkflowState.STATUS_APPROVED)
        .order_by("-created_at", "-pk")
        .first()
    )
    if state is None:
        return []
    task_states = (
        state.task_states.filter(status=TaskState.STATUS_APPROVED)
        .exclude(comment="")
        .select_related("task")
        .order_by("started_at", "pk")
    )
    return [(task_state.task.name, task_state.comment) for task_state in task_states]
