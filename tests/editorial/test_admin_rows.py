"""Rows of the explorer and the admin search: what an editor's row costs.

Wagtail asks twice per row whether the page may be deleted (its "Move" and "Delete"
menu entries); core.page_permissions answers that for live pages without a query.
The answers must stay Wagtail's, and a section with more live releases must not
cost more queries.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import PagePermissionTester

import pytest

from .conftest import make_release, section


def explorer_queries(client, page):
    url = reverse("wagtailadmin_explore", args=[page.pk])
    assert client.get(url).status_code == 200  # warm caches (content types, site)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_an_editors_explorer_costs_the_same_queries_for_more_live_releases(
    client, users
):
    approver = users["alpha-approver"]
    for number in range(3):
        make_release("alpha", f"zeilen-{number}", approver, publish=True)
    client.force_login(users["alpha-editor"])
    few = explorer_queries(client, section("alpha"))
    for number in range(3, 13):
        make_release("alpha", f"zeilen-{number}", approver, publish=True)
    assert explorer_queries(client, section("alpha")) <= few


@pytest.mark.parametrize("role", ["alpha-editor", "alpha-approver", "beta-editor"])
def test_move_and_delete_answers_are_wagtails(users, role):
    editor, approver = users["alpha-editor"], users["alpha-approver"]
    live = make_release("alpha", "antwort-live", approver, publish=True)
    own_draft = make_release("alpha", "antwort-entwurf", editor)
    other_draft = make_release("alpha", "antwort-fremd", approver)
    user = users[role]
    for page in (live, own_draft, other_draft, section("alpha")):
        ours = page.permissions_for_user(user)
        wagtails = PagePermissionTester(user, page)
        assert ours.can_delete() == wagtails.can_delete(), (role, page.slug)
        assert ours.can_move() == wagtails.can_move(), (role, page.slug)
    # The rule at work: the editor may delete the own draft, not the live release.
    assert own_draft.permissions_for_user(editor).can_delete()
    assert not live.permissions_for_user(editor).can_delete()
