"""The role × action matrix (tests/editorial/matrix.py) for going live and
translating: publish, unpublish and submit for translation, as every role, on a press
release and an event of partner A."""

import pytest

from .conftest import MAKERS
from .matrix import ACTION_GROUPS, ROLES, check_role_action


@pytest.mark.parametrize("action", ACTION_GROUPS["publishing"])
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_role_publishing_action_matrix(client, users, kind, role, action):
    check_role_action(client, users, kind, role, action)
