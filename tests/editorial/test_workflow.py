"""The paths to live: partner approval, lead sign-off, rejection, e-mails, history.

Every step goes through the admin as the user would take it; e-mails are read from
Django's locmem outbox (settings/test.py).
"""

import contextlib
import datetime
from unittest import mock

from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, PageLogEntry, TaskState

import pytest

from tests.utils import fresh

from .conftest import edit_form_data, make_event, make_release
from .test_side_views import refused


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def submit(client, page, user):
    client.force_login(user)
    data = edit_form_data(page, user, **{"action-submit": "1"})
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302
    return fresh(page).current_workflow_state


def act(client, page, user, action, comment=""):
    client.force_login(user)
    task_state = fresh(page).current_workflow_state.current_task_state
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk]
    )
    response = client.post(url, {"comment": comment})
    assert response.status_code in (200, 302), response.status_code
    task_state.refresh_from_db()
    return task_state


def test_network_wide_release_needs_partner_approval_then_lead_sign_off(client, users):
    editor, approver, lead = (
        users["alpha-editor"],
        users["alpha-approver"],
        users["lead"],
    )
    page = make_release("alpha", "netzwerkweit", editor, network_wide=True)
    mail.outbox.clear()

    state = submit(client, page, editor)
    assert state.current_task_state.task.name == "Freigabe Alpha"
    assert recipients() == ["alpha-approver@tregks.invalid"]
    assert "netzwerkweit" in mail.outbox[0].body or page.title in mail.outbox[0].body

    # The approver's dashboard shows what waits for them; another partner's does not.
    client.force_login(approver)
    assert page.title in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(users["beta-approver"])
    assert page.title not in client.get(reverse("wagtailadmin_home")).content.decode()

    mail.outbox.clear()
    first = act(client, page, approver, "approve", "Inhaltlich geprüft.")
    assert first.status == TaskState.STATUS_APPROVED
    assert not fresh(page).live
    state.refresh_from_db()
    assert state.current_task_state.task.name == "Freigabe Konsortialleitung"
    assert recipients() == [users["lead"].email]

    client.force_login(lead)
    assert page.title in client.get(reverse("wagtailadmin_home")).content.decode()

    mail.outbox.clear()
    act(client, page, lead, "approve", "Für das Netzwerk freigegeben.")
    page = fresh(page)
    assert page.live
    state.refresh_from_db()
    assert state.status == "approved"
    # The editor who submitted hears that the page was approved, with both comments.
    assert recipients() == ["alpha-editor@tregks.invalid"]
    body = mail.outbox[0].body
    assert "Inhaltlich geprüft." in body and "Freigabe Alpha" in body
    assert "Für das Netzwerk freigegeben." in body

    # Wagtail's history holds every step with user and time.
    log = list(
        PageLogEntry.objects.filter(page=page)
        .filter(
            action__in=[
                "wagtail.workflow.start",
                "wagtail.workflow.approve",
                "wagtail.workflow.reject",
                "wagtail.publish",
            ]
        )
        .order_by("timestamp", "pk")
        .values_list("action", "user__username", "timestamp")
    )
    steps = [(action, username) for action, username, _time in log]
    assert steps == [
        ("wagtail.workflow.start", "alpha-editor"),
        ("wagtail.workflow.approve", "alpha-approver"),
        ("wagtail.workflow.approve", users["lead"].username),
        ("wagtail.publish", users["lead"].username),
    ]
    assert all(timestamp is not None for _action, _user, timestamp in log)
    client.force_login(approver)
    history = client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert history.status_code == 200
    assert "Freigabe Konsortialleitung" in history.content.decode()


def test_alpha_event_is_drafted_by_alpha_editor_and_released_by_alpha_approver(
    client, users
):
    from events.models import EventPage

    editor, approver = users["alpha-editor"], users["alpha-approver"]
    page = make_event("alpha", "werkstatt-alpha", editor)
    state = submit(client, page, editor)
    assert state.current_task_state.task.name == "Freigabe Alpha"
    # Nobody else's approvers and not the editor can release it.
    assert refused_action(client, page, users["beta-approver"])
    assert refused_action(client, page, editor)
    assert not fresh(page).live
    act(client, page, approver, "approve", "Termin geprüft.")
    page = fresh(page)
    assert isinstance(page, EventPage) and page.live
    state.refresh_from_db()
    assert state.status == "approved"
    assert {ts.task.name: ts.status for ts in state.task_states.all()} == {
        "Freigabe Alpha": TaskState.STATUS_APPROVED,
        "Freigabe Konsortialleitung": TaskState.STATUS_SKIPPED,
    }


def test_network_wide_event_waits_for_the_lead(client, users):
    editor, approver, lead = (
        users["alpha-editor"],
        users["alpha-approver"],
        users["lead"],
    )
    page = make_event("alpha", "netzwerk-termin", editor, network_wide=True)
    state = submit(client, page, editor)
    act(client, page, approver, "approve")
    assert not fresh(page).live
    state.refresh_from_db()
    assert state.current_task_state.task.name == "Freigabe Konsortialleitung"
    act(client, page, lead, "approve")
    assert fresh(page).live


def refused_action(client, page, user):
    """True when `user` cannot approve the page's current task."""
    client.force_login(user)
    task_state = fresh(page).current_workflow_state.current_task_state
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "approve", task_state.pk],
    )
    client.post(url, {"comment": ""})
    task_state.refresh_from_db()
    return task_state.status == "in_progress"


def test_normal_release_goes_live_after_partner_approval_and_skips_the_lead(
    client, users
):
    page = make_release("alpha", "normal", users["alpha-editor"])
    state = submit(client, page, users["alpha-editor"])
    mail.outbox.clear()
    act(client, page, users["alpha-approver"], "approve")
    assert fresh(page).live
    state.refresh_from_db()
    assert state.status == "approved"
    statuses = {
        task_state.task.name: task_state.status
        for task_state in state.task_states.all()
    }
    # The history stays truthful: the lead's step is recorded as skipped.
    assert statuses == {
        "Freigabe Alpha": TaskState.STATUS_APPROVED,
        "Freigabe Konsortialleitung": TaskState.STATUS_SKIPPED,
    }
    assert recipients() == ["alpha-editor@tregks.invalid"]


def test_rejection_returns_the_page_to_its_editor_with_the_comment(client, users):
    editor = users["alpha-editor"]
    page = make_release("alpha", "abgelehnt", editor)
    state = submit(client, page, editor)
    mail.outbox.clear()
    comment = "Bitte die Zahlen mit der Geschäftsstelle abgleichen."
    task_state = act(client, page, users["alpha-approver"], "reject", comment)
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.comment == comment
    state.refresh_from_db()
    assert state.status == "needs_changes"
    assert not fresh(page).live
    assert recipients() == ["alpha-editor@tregks.invalid"]
    assert comment in mail.outbox[0].body
    # Back with the editor: they can edit and submit again.
    client.force_login(editor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert edit.status_code == 200
    assert comment in edit.content.decode()
    assert PageLogEntry.objects.filter(
        page=page, action="wagtail.workflow.reject", user=users["alpha-approver"]
    ).exists()


def test_approvers_cannot_publish_a_network_wide_release_around_the_lead(client, users):
    approver = users["alpha-approver"]
    page = make_release("alpha", "umgehung", users["alpha-editor"], network_wide=True)
    client.force_login(approver)
    data = edit_form_data(page, approver, **{"action-publish": "1"})
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(edit_url, data, follow=True)
    assert response.redirect_chain[0] == (edit_url, 302)
    # The admin speaks German here: the reason names the Konsortialleitung.
    assert "Freigabe der Konsortialleitung" in response.content.decode()
    assert not fresh(page).live
    # Creating and publishing in one go is refused too.
    from .conftest import section

    add_url = reverse(
        "wagtailadmin_pages:add",
        args=["news", "pressreleasepage", section("alpha").pk],
    )
    new = dict(data, title="Sofort", slug="sofort", network_wide="on")
    client.post(add_url, new)
    # ... and what the approver typed is kept as a draft (issue 12).
    created = Page.objects.get(slug="sofort")
    assert not created.live
    assert created.get_latest_revision_as_object().title == "Sofort"


@contextlib.contextmanager
def moved_clock(moment):
    """Run the Procfile's scheduler once at `moment`.

    The loop closes stale database connections between runs; inside a test's
    transaction that would drop the connection, so that one call is left out.
    """
    with (
        mock.patch("django.utils.timezone.now", return_value=moment),
        mock.patch(
            "tregks.core.management.commands.publish_scheduled_loop."
            "close_old_connections"
        ),
    ):
        yield


def test_scheduled_page_goes_live_when_its_time_comes_and_expires(client, users):
    approver = users["alpha-approver"]
    go_live = timezone.now().replace(microsecond=0) + datetime.timedelta(days=2)
    expire = go_live + datetime.timedelta(days=5)
    page = make_release("alpha", "geplant", users["alpha-editor"])
    submit(client, page, users["alpha-editor"])
    page = fresh(page)
    page.go_live_at, page.expire_at = go_live, expire
    page.save_revision(user=users["alpha-editor"])
    # Approval publishes the scheduled revision: it waits for its time.
    page.current_workflow_state.cancel(user=users["alpha-editor"])
    page.get_workflow().start(page, users["alpha-editor"])
    act(client, page, approver, "approve")
    page = fresh(page)
    assert not page.live
    assert page.get_latest_revision().approved_go_live_at == go_live

    later = go_live + datetime.timedelta(minutes=1)
    with moved_clock(later):
        call_command("publish_scheduled_loop", once=True, verbosity=0)
    page = fresh(page)
    assert page.live
    assert PageLogEntry.objects.filter(
        page=page, action__startswith="wagtail.publish"
    ).exists()

    after_expiry = expire + datetime.timedelta(minutes=1)
    with moved_clock(after_expiry):
        call_command("publish_scheduled_loop", once=True, verbosity=0)
    page = fresh(page)
    assert not page.live and page.expired


def test_approver_dashboard_lists_what_waits_and_reports_stay_partner_scoped(
    client, users
):
    page = make_release("beta", "wartet", users["beta-editor"])
    page.get_workflow().start(page, users["beta-editor"])
    client.force_login(users["beta-approver"])
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert page.title in dashboard
    client.force_login(users["alpha-approver"])
    for url in (
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_reports:workflow"),
        reverse("wagtailadmin_reports:workflow_tasks"),
    ):
        response = client.get(url)
        assert refused(response) or page.title not in response.content.decode()


@pytest.mark.parametrize(
    "username,network_wide",
    [("lead", False), ("beta-approver", False), ("alpha-approver", True)],
)
def test_bulk_publish_cannot_go_around_the_approval(
    client, users, username, network_wide
):
    page = make_release(
        "alpha", "sammel", users["alpha-editor"], network_wide=network_wide
    )
    client.force_login(users[username])
    url = (
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
        + f"?id={page.pk}&next=/admin/"
    )
    response = client.post(url, {"include_descendants": ""})
    assert response.status_code in (200, 302, 403)
    assert not fresh(page).live


def test_bulk_publish_still_works_for_the_partners_approver(client, users):
    page = make_release("alpha", "sammel-eigen", users["alpha-editor"])
    client.force_login(users["alpha-approver"])
    url = (
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
        + f"?id={page.pk}&next=/admin/"
    )
    client.post(url, {})
    assert fresh(page).live


def test_the_lead_sees_a_partners_release_only_while_it_waits_for_the_lead(
    client, users
):
    """The lead holds no page permission: its task opens the page, its approval
    publishes it, and it cannot read other drafts or take releases offline."""
    from .conftest import section

    editor, approver, lead = (
        users["alpha-editor"],
        users["alpha-approver"],
        users["lead"],
    )
    page = make_release(
        "alpha", "nur-fuer-die-leitung", editor, network_wide=True, title="Bilanz 2026"
    )
    other_draft = make_release("alpha", "noch-intern", editor, title="Interner Entwurf")
    client.force_login(lead)
    explorer = reverse("wagtailadmin_explore", args=[section("alpha").pk])
    search = reverse("wagtailadmin_pages:search") + "?q=Entwurf"
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    for url in (explorer, search, reverse("wagtailadmin_home")):
        response = client.get(url)
        assert refused(response) or "Interner Entwurf" not in response.content.decode()
    assert refused(client.get(edit_url))

    submit(client, page, editor)
    act(client, page, approver, "approve")
    client.force_login(lead)
    assert page.title in client.get(reverse("wagtailadmin_home")).content.decode()
    task_state = fresh(page).current_workflow_state.current_task_state
    preview = reverse(
        "wagtailadmin_pages:workflow_preview", args=[page.pk, task_state.task_id]
    )
    assert client.get(preview).status_code == 200
    assert client.get(edit_url).status_code == 200
    act(client, page, lead, "approve", "Für das Netzwerk freigegeben.")
    assert fresh(page).live
    assert PageLogEntry.objects.filter(
        page=page, action="wagtail.publish", user=lead
    ).exists()

    # Signed off and live, the release is the partner's again.
    unpublish = reverse("wagtailadmin_pages:unpublish", args=[page.pk])
    assert refused(client.post(unpublish))
    assert fresh(page).live
    index = section("alpha").get_parent()
    assert refused(
        client.post(reverse("wagtailadmin_pages:unpublish", args=[index.pk]))
    )
    assert Page.objects.get(pk=index.pk).live
    assert not fresh(other_draft).live


def test_the_lead_signs_off_in_the_editor_and_returns_to_the_dashboard(client, users):
    editor, lead = users["alpha-editor"], users["lead"]
    page = make_release("alpha", "im-editor", editor, network_wide=True)
    submit(client, page, editor)
    act(client, page, users["alpha-approver"], "approve")
    client.force_login(lead)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = edit_form_data(
        fresh(page),
        lead,
        **{
            "action-workflow-action": "1",
            "workflow-action-name": "approve",
            "workflow-action-extra-data": '{"comment": "Passt für das Netzwerk."}',
        },
    )
    response = client.post(edit_url, data, follow=True)
    assert response.redirect_chain == [(reverse("wagtailadmin_home"), 302)]
    text = response.content.decode()
    # No "no permission" message after a successful sign-off.
    assert "keinen Zugang" not in text
    assert fresh(page).live
    task_state = fresh(page).current_workflow_state
    assert task_state is None or task_state.status == "approved"


@override_settings(WAGTAILADMIN_NOTIFICATION_USE_HTML=True)
def test_the_approval_comment_is_in_the_html_mail_too(client, users):
    page = make_release("alpha", "html-mail", users["alpha-editor"])
    submit(client, page, users["alpha-editor"])
    mail.outbox.clear()
    act(client, page, users["alpha-approver"], "approve", "Gut <b>so</b>.")
    assert recipients() == ["alpha-editor@tregks.invalid"]
    html = mail.outbox[0].alternatives[0][0]
    assert "Freigabe Alpha" in html
    assert "Gut &lt;b&gt;so&lt;/b&gt;." in html  # escaped: the comment is user input


def test_the_leads_rejection_returns_the_release_to_its_editor(client, users):
    editor = users["alpha-editor"]
    page = make_release("alpha", "leitung-lehnt-ab", editor, network_wide=True)
    state = submit(client, page, editor)
    act(client, page, users["alpha-approver"], "approve")
    mail.outbox.clear()
    comment = "Bitte die Zahlen des ganzen Netzwerks nennen."
    task_state = act(client, page, users["lead"], "reject", comment)
    assert task_state.task.name == "Freigabe Konsortialleitung"
    assert task_state.status == TaskState.STATUS_REJECTED
    state.refresh_from_db()
    assert state.status == "needs_changes"
    assert not fresh(page).live
    assert recipients() == ["alpha-editor@tregks.invalid"]
    assert comment in mail.outbox[0].body
    client.force_login(editor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert edit.status_code == 200 and comment in edit.content.decode()
