"""The isolation walk (tests/editorial/isolation.py) as the consortium lead and the
translator: every admin URL that takes an object id, filled with partner Gamma's
objects, GET and POST: no response or message names Gamma's draft or its comments,
the database is left as it was, no 5xx."""

import pytest

from .isolation import NETWORK_ROLES, walk_ids


@pytest.mark.slow
@pytest.mark.parametrize("username", NETWORK_ROLES)
def test_no_admin_url_shows_or_changes_another_partners_objects(
    users, other_partner, username
):
    walk_ids(users, other_partner, username)
