"""The role × action matrix: every role × every action on a page of partner A, asserted
on the server (the tests: test_matrix_pages.py, test_matrix_workflow.py and
test_matrix_publishing.py, split by action so that each file stays short).

Pages belong to partner A (Alpha). The roles of partner B (Beta) are "the other partner".
Each case posts what the admin would post (or a hand-made request) and checks both the
response and the database: a refused action leaves the page as it was.
"""

from django.urls import reverse

from wagtail.models import Page

from tests.utils import fresh

from .conftest import MAKERS, edit_form_data, section
from .test_side_views import refused

ROLES = [
    "alpha-editor",
    "alpha-approver",
    "beta-editor",
    "beta-approver",
    "lead",
    "translator",
]

# Which roles may do what to a page of partner A (Alpha). Everyone else is refused.
ALLOWED = {
    # The lead sees a partner's page only while it waits for the lead's sign-off.
    "view": {"alpha-editor", "alpha-approver"},
    "edit_get": {"alpha-editor", "alpha-approver"},
    "edit_post": {"alpha-editor", "alpha-approver"},
    "submit": {"alpha-editor", "alpha-approver"},
    "approve": {"alpha-approver"},
    "reject": {"alpha-approver"},
    "publish": {"alpha-approver"},
    "unpublish": {"alpha-approver"},
    "delete": {"alpha-editor", "alpha-approver"},
    # A press release belongs in a press section: moving it into the story section is
    # refused for every role by the page type rules (a partner has one press section
    # per language, so there is no other place of its own to move it to).
    "move": set(),
    "copy": {"alpha-editor", "alpha-approver"},
    "translate": {"translator"},
}

# The actions of each test file; every action is in exactly one (test_matrix_pages.py
# checks that).
ACTION_GROUPS = {
    "pages": ["view", "edit_get", "edit_post", "copy", "move", "delete"],
    "workflow": ["submit", "approve", "reject"],
    "publishing": ["publish", "unpublish", "translate"],
}


def do_view(client, page, users):
    response = client.get(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
    return response.status_code == 200 and page.title in response.content.decode()


def do_edit_get(client, page, users):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return response.status_code == 200 and not refused(response)


def do_edit_post(client, page, users):
    data = edit_form_data(page, users["alpha-editor"], title="Geänderter Titel")
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    changed = fresh(page).get_latest_revision_as_object().title == "Geänderter Titel"
    assert changed != refused(response), response.status_code
    return changed


def do_submit(client, page, users):
    data = edit_form_data(page, users["alpha-editor"], **{"action-submit": "1"})
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    submitted = fresh(page).workflow_in_progress
    assert submitted != refused(response), response.status_code
    return submitted


def _submitted(page, users):
    page.get_workflow().start(page, users["alpha-editor"])
    return fresh(page).current_workflow_state.current_task_state


def do_approve(client, page, users):
    task_state = _submitted(page, users)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "approve", task_state.pk],
    )
    response = client.post(url, {"comment": "Passt."})
    task_state.refresh_from_db()
    approved = task_state.status == "approved"
    assert approved != refused(response), response.status_code
    return approved


def do_reject(client, page, users):
    task_state = _submitted(page, users)
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "reject", task_state.pk]
    )
    response = client.post(url, {"comment": "Bitte kürzen."})
    task_state.refresh_from_db()
    rejected = task_state.status == "rejected"
    assert rejected != refused(response), response.status_code
    return rejected


def do_publish(client, page, users):
    data = edit_form_data(page, users["alpha-editor"], **{"action-publish": "1"})
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    # An editor's publish button press is saved as a draft by Wagtail: what counts is
    # that the page did not go live.
    return fresh(page).live


def do_unpublish(client, page, users):
    page.save_revision(user=users["alpha-approver"]).publish()
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    offline = not fresh(page).live
    assert offline != refused(response), response.status_code
    return offline


def do_delete(client, page, users):
    response = client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    deleted = not Page.objects.filter(pk=page.pk).exists()
    assert deleted != refused(response), response.status_code
    return deleted


def do_move(client, page, users):
    # Within partner A: into its story section (the wrong type for both kinds).
    destination = section("alpha", kind="stories")
    url = reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk])
    response = client.post(url)
    moved = fresh(page).get_parent().pk == destination.pk
    assert moved != refused(response), response.status_code
    return moved


def do_copy(client, page, users):
    url = reverse("wagtailadmin_pages:copy", args=[page.pk])
    response = client.post(
        url,
        {
            "new_title": "Kopie der Mitteilung",
            "new_slug": "kopie-der-mitteilung",
            "new_parent_page": str(page.get_parent().pk),
        },
    )
    copied = Page.objects.filter(slug="kopie-der-mitteilung").exists()
    assert copied != refused(response), response.status_code
    return copied


def do_translate(client, page, users):
    from wagtail.models import Locale

    english = Locale.objects.get(language_code="en")
    # Translators translate what is public: a German draft stays hidden from them
    # like from other partners (editorial.isolation).
    page.save_revision(user=users["alpha-approver"]).publish()
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    response = client.post(url, {"locales": [english.pk]})
    translated = page.get_translation_or_none(english)
    assert (translated is not None) != refused(response), response.status_code
    if translated is not None:
        # The translation is a draft: translating never publishes.
        assert not translated.live
    return translated is not None


ACTIONS = {name[3:]: func for name, func in globals().items() if name.startswith("do_")}


def check_role_action(client, users, kind, role, action):
    # Press releases and events share sections, groups and workflows: one matrix.
    page = MAKERS[kind]("alpha", "matrix-seite", users["alpha-editor"])
    client.force_login(users[role])
    allowed = ACTIONS[action](client, page, users)
    assert allowed == (role in ALLOWED[action]), (role, action)
    if not allowed and Page.objects.filter(pk=page.pk).exists():
        unchanged = fresh(page)
        assert unchanged.get_parent().specific.partner.code == "alpha"
        assert (
            unchanged.get_latest_revision_as_object().title == page.title
            or action in ("unpublish",)
        )
