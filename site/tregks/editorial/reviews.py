"""What reviews say to people: the requested changes on the edit view, and messages
that name the outcome of an approval ("… freigegeben und veröffentlicht").

The source is Wagtail's own workflow data: the rejected task state holds who asked
for changes, when, and the comment.
"""

from html import unescape

from django.contrib import messages
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from wagtail.admin.auth import require_admin_access
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.models import Page, TaskState, WorkflowState

from .dashboard import reviewer_name

REVIEW_ACTIONS = ("approve", "reject")
# Wagtail's own message after a save in the editor, translated by Wagtail's catalogue
# (a variable, so that makemessages leaves it out of this app's catalogue).
WAGTAIL_UPDATED_MESSAGE = "Page '%(page_title)s' has been updated."


def requested_changes(page):
    """The rejected task state of the page's workflow if changes are requested, else None."""
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    return state.current_task_state


def changes_requested_message(task_state):
    when = date_format(localtime(task_state.finished_at), "DATETIME_FORMAT")
    comment = task_state.get_comment()
    values = {
        "reviewer": reviewer_name(task_state),
        "task": task_state.task.name,
        "when": when,
        "comment": comment,
    }
    if comment:
        return (
            _(
                "Changes requested by %(reviewer)s (%(task)s) on %(when)s: "
                "“%(comment)s” Edit the page, then submit it for approval again."
            )
            % values
        )
    return (
        _(
            "Changes requested by %(reviewer)s (%(task)s) on %(when)s, without a "
            "comment. Edit the page, then submit it for approval again."
        )
        % values
    )


def show_requested_changes(request, page):
    """before_edit_page: the reviewer's comment at the top of the page to fix."""
    if request.method != "GET":
        return None
    task_state = requested_changes(page)
    if task_state is not None:
        messages.warning(request, changes_requested_message(task_state))
    return None


def review_outcome(page, action):
    """One sentence on what a review action did to the page, read after the action."""
    page = Page.objects.get(pk=page.pk).specific
    title = page.get_admin_display_title()
    if action == "reject":
        return _(
            "Changes to “%(title)s” have been requested. Its editors see your "
            "comment on the page and on their dashboard."
        ) % {"title": title}
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        return _("“%(title)s” has been approved and now awaits “%(task)s”.") % {
            "title": title,
            "task": state.current_task_state.task.name,
        }
    if page.live and not page.has_unpublished_changes:
        return _("“%(title)s” has been approved and published.") % {"title": title}
    scheduled = page.scheduled_revision
    if scheduled is not None and scheduled.approved_go_live_at:
        return _("“%(title)s” has been approved and will be published on %(date)s.") % {
            "title": title,
            "date": date_format(
                localtime(scheduled.approved_go_live_at), "DATETIME_FORMAT"
            ),
        }
    return _("“%(title)s” has been approved.") % {"title": title}


def replace_messages(request, unwanted, new_message):
    """Drop the messages whose text is in `unwanted` and add `new_message`.

    Iterating Django's message storage marks what it held as read; the messages
    re-added (and the new one) are what the next page shows.
    """
    kept = [
        message
        for message in messages.get_messages(request)
        # Wagtail's messages carry the markup of their buttons after the text.
        if unescape(strip_tags(str(message))).strip() not in unwanted
    ]
    for message in kept:
        messages.add_message(
            request, message.level, message.message, extra_tags=message.extra_tags
        )
    messages.success(request, new_message)


def say_what_the_review_did(request, page):
    """after_edit_page: after "Approve" or "Request changes" in the editor, Wagtail
    says only that the page "has been updated"; say what happened instead."""
    if not request.POST.get("action-workflow-action"):
        return None
    action = request.POST.get("workflow-action-name")
    if action not in REVIEW_ACTIONS:
        return None
    updated = _(WAGTAIL_UPDATED_MESSAGE) % {
        "page_title": page.get_admin_display_title()
    }
    replace_messages(request, {updated}, review_outcome(page, action))
    return None


@require_admin_access
def workflow_action(request, page_id, action_name, task_state_id):
    """Wagtail's workflow action view (dashboard and listing buttons), followed by a
    message that names the outcome. site/tregks/urls.py routes the admin URL here."""
    view = page_viewset_registry.as_view("workflow_action", page_id_kwarg="page_id")
    response = view(
        request,
        page_id=page_id,
        action_name=action_name,
        task_state_id=task_state_id,
    )
    if request.method == "POST" and action_name in REVIEW_ACTIONS:
        task_state = TaskState.objects.filter(pk=task_state_id).first()
        done = (TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED)
        if task_state is not None and task_state.status in done:
            page = Page.objects.filter(pk=page_id).first()
            if page is not None and task_state.finished_by_id == request.user.pk:
                messages.success(request, review_outcome(page, action_name))
    return response
