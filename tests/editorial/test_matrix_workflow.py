"""The role × action matrix (tests/editorial/matrix.py) for the sign-off workflow:
submit, approve and reject, as every role, on a press release and an event of partner
A; an approver cannot approve their own submission."""

from django.urls import reverse

from wagtail.models import WorkflowState

import pytest

from .conftest import MAKERS, make_release
from .matrix import ACTION_GROUPS, ROLES, check_role_action, fresh
from .test_side_views import refused


@pytest.mark.parametrize("action", ACTION_GROUPS["workflow"])
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_role_workflow_action_matrix(client, users, kind, role, action):
    check_role_action(client, users, kind, role, action)


def test_an_approver_cannot_approve_their_own_submission(client, users):
    page = make_release("alpha", "eigene-freigabe", users["alpha-approver"])
    page.get_workflow().start(page, users["alpha-approver"])
    task_state = fresh(page).current_workflow_state.current_task_state
    client.force_login(users["alpha-approver"])
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
    )
    assert refused(client.post(url, {"comment": ""}))
    task_state.refresh_from_db()
    assert task_state.status == "in_progress"
    assert WorkflowState.objects.get(pk=task_state.workflow_state_id).status == (
        "in_progress"
    )
