"""The isolation walk (tests/editorial/isolation.py; the walks themselves are in
test_isolation_walk_ids_*.py and test_isolation_walk_listings_*.py): the walk fills
every object parameter with a real object of another partner, and each role still
opens its own work. The walk: every admin URL that takes an object id, with another
partner's objects, as every partner role, GET and POST.
What the walk fills and checks is described in tests/editorial/isolation.py.
"""

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from .conftest import make_release, section


def test_the_walk_fills_every_object_parameter_with_something_real(
    users, other_partner
):
    """The fillers point at real objects of partner Gamma (guards against a walk that
    passes because every id is missing)."""
    draft = other_partner["draft"]
    assert draft.get_parent().specific.partner.code == "gamma"
    assert not draft.live
    rejected, waiting = other_partner["task_states"]
    assert rejected.status == "rejected" and rejected.comment
    assert waiting.status == "in_progress"
    # The admin (superuser) sees what the roles must not: the secrets are reachable.
    client = Client()
    client.force_login(get_user_model().objects.get(username="test-admin"))
    edit = client.get(f"/admin/pages/{draft.pk}/edit/")
    assert other_partner["secret"]["title"] in edit.content.decode()
    history = client.get(f"/admin/pages/{draft.pk}/workflow_history/")
    assert history.status_code == 200
    registrations = client.get(
        f"/admin/registrations/event/{other_partner['event'].pk}/"
    )
    assert other_partner["secret"]["registrant"] in registrations.content.decode()
    assert (
        other_partner["registration"].event.specific.get_parent().specific.partner.code
        == "gamma"
    )
    message = other_partner["contact_message"]
    opened = client.get(reverse("contact_messages:detail", args=[message.pk]))
    assert other_partner["secret"]["title"] in opened.content.decode()


# What isolation must leave working: each role still opens its own work.


def test_editors_open_their_own_drafts_and_choose_other_partners_live_pages(
    client, users, pages
):
    client.force_login(users["alpha-editor"])
    own = pages["a_draft"]
    for url in (
        f"/admin/pages/{own.pk}/",
        f"/admin/pages/{own.pk}/edit/",
        f"/admin/pages/{own.pk}/history/",
        f"/admin/pages/{section('alpha').pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert own.title in response.content.decode(), url
    # Linking to another partner's live release: the chooser browses its section.
    chooser = client.get(f"/admin/choose-page/{section('beta').pk}/")
    assert chooser.status_code == 200
    assert pages["b_live"].title in chooser.content.decode()
    assert pages["b_draft"].title not in chooser.content.decode()


def test_a_refusal_names_nothing(client, users, pages):
    """Another partner's draft gets Wagtail's usual "no permission" answer: the
    dashboard with a message that names no page."""
    client.force_login(users["alpha-editor"])
    draft = pages["b_draft"]
    response = client.get(f"/admin/pages/{draft.pk}/edit/", follow=True)
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_home")
    shown = [str(message) for message in response.context["messages"]]
    assert len(shown) == 1 and draft.title not in shown[0]
    assert draft.title not in response.content.decode()


def test_the_lead_opens_what_waits_for_its_sign_off_and_nothing_else(
    client, users, pages
):
    waiting = make_release(
        "alpha", "netzweit-iso", users["alpha-editor"], network_wide=True
    )
    state = waiting.get_workflow().start(waiting, users["alpha-editor"])
    partner_step = state.current_task_state
    partner_step.task.specific.on_action(
        partner_step, users["alpha-approver"], "approve"
    )
    state.refresh_from_db()
    assert state.current_task_state.task.name == "Freigabe Konsortialleitung"
    client.force_login(users["lead"])
    for url in (
        f"/admin/pages/{waiting.pk}/edit/",
        f"/admin/pages/workflow/preview/{waiting.pk}/{state.current_task_state.task_id}/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
    other = client.get(f"/admin/pages/{pages['a_draft'].pk}/edit/")
    assert other.status_code == 302 and other.url == reverse("wagtailadmin_home")


def test_the_translator_translates_live_pages_but_opens_no_german_draft(
    client, users, pages
):
    client.force_login(users["translator"])
    live, draft = pages["b_live"], pages["b_draft"]
    submit = "/admin/localize/submit/page/{}/"
    assert client.get(submit.format(live.pk)).status_code == 200
    response = client.get(submit.format(draft.pk), follow=True)
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_home")
    assert draft.title not in response.content.decode()
