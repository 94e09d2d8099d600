"""The role × action matrix (tests/editorial/matrix.py) for the page itself: view,
open and save the editor, copy, move and delete, as every role, on a press release and
an event of partner A."""

import pytest

from .conftest import MAKERS
from .matrix import ACTION_GROUPS, ACTIONS, ALLOWED, ROLES, check_role_action


@pytest.mark.parametrize("action", ACTION_GROUPS["pages"])
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_role_page_action_matrix(client, users, kind, role, action):
    check_role_action(client, users, kind, role, action)


def test_every_action_of_the_matrix_is_checked_in_one_file():
    grouped = [action for group in ACTION_GROUPS.values() for action in group]
    assert sorted(grouped) == sorted(ALLOWED) == sorted(ACTIONS)
