"""The isolation walk (tests/editorial/isolation.py) as partner A's editor and approver:
every admin URL without an id (dashboard, explorer root, reports, searches, choosers,
the API listings), with the draft's word as search term: no response names partner
Gamma's draft or its comments, no 5xx."""

import pytest

from .isolation import PARTNER_ROLES, walk_listings


@pytest.mark.slow
@pytest.mark.parametrize("username", PARTNER_ROLES)
def test_listings_reports_search_and_choosers_name_no_draft_of_another_partner(
    users, other_partner, username
):
    walk_listings(users, other_partner, username)
