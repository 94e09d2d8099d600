"""The isolation walk (tests/editorial/isolation.py) as partner A's editor and approver:
every admin URL that takes an object id, filled with partner Gamma's objects, GET and
POST: no response or message names Gamma's draft or its comments, the database is
left as it was, no 5xx."""

import pytest

from .isolation import PARTNER_ROLES, walk_ids


@pytest.mark.slow
@pytest.mark.parametrize("username", PARTNER_ROLES)
def test_no_admin_url_shows_or_changes_another_partners_objects(
    users, other_partner, username
):
    walk_ids(users, other_partner, username)
