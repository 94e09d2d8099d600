"""A new consortium partner and the demo: no code change, working logins."""

import datetime
import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import override_settings
from django.urls import reverse

from wagtail.models import Page, Workflow, WorkflowPage, WorkflowState

import pytest

from tregks.demo import editorial as demo
from tregks.demo.pages import get_or_create_child

from .conftest import edit_form_data, section


def test_publishing_a_new_partner_profile_gives_groups_sections_and_workflow(
    client, users
):
    from news.models import PressReleasePage
    from partners.models import PartnerIndexPage, PartnerProfilePage

    index = PartnerIndexPage.objects.get(locale__language_code="de")
    profile = get_or_create_child(
        index,
        PartnerProfilePage,
        "neuer-partner",
        title="Neuer Partner (Test)",
        short_name="NEU",
        code="neu",
        role="partner",
    )
    assert profile.live
    editors = Group.objects.get(name="Redaktion NEU")
    Group.objects.get(name="Freigabe NEU")
    workflow = Workflow.objects.get(name="Redaktionsablauf NEU")
    for language in ("de", "en"):
        for kind in ("news", "stories", "events"):
            new_section = section("neu", language, kind)
            assert WorkflowPage.objects.get(page=new_section).workflow == workflow
    assert WorkflowPage.objects.get(page=profile).workflow == workflow

    # A new editor logs in and creates a press release in the new section.
    editor = get_user_model().objects.create_user(
        "neu-editor", "neu-editor@tregks.invalid", "tregks-test-2026"
    )
    editor.groups.add(editors)
    client.force_login(editor)
    parent = section("neu")
    add_url = reverse(
        "wagtailadmin_pages:add", args=["news", "pressreleasepage", parent.pk]
    )
    assert client.get(add_url).status_code == 200
    draft = PressReleasePage(
        title="Erste Mitteilung",
        slug="erste-mitteilung",
        lead="Der neue Partner stellt sich vor.",
        release_date=datetime.date(2026, 4, 1),
    )
    data = edit_form_data(draft, editor, parent=parent, **{"action-submit": "1"})
    response = client.post(add_url, data)
    assert response.status_code == 302
    created = Page.objects.get(slug="erste-mitteilung")
    assert created.get_parent().pk == parent.pk and not created.live
    state = WorkflowState.objects.for_instance(created).get()
    assert state.workflow == workflow
    # The new editor still cannot touch another partner's press section.
    other = reverse(
        "wagtailadmin_pages:add", args=["news", "pressreleasepage", section("alpha").pk]
    )
    assert client.get(other).status_code in (302, 403)


def test_a_member_profile_gets_no_editorial_groups(users):
    from partners.models import PartnerIndexPage, PartnerProfilePage

    index = PartnerIndexPage.objects.get(locale__language_code="de")
    get_or_create_child(
        index,
        PartnerProfilePage,
        "mitglied-test",
        title="Mitglied (Test)",
        short_name="MITGL",
        code="mitgl",
        role="member",
    )
    assert not Group.objects.filter(name__endswith=" MITGL").exists()


@override_settings(DEBUG=False)
def test_demo_refuses_accounts_with_debug_off(users):
    user_model = get_user_model()
    # The test network's accounts share the demo's names; without them the demo
    # would have to create every one.
    user_model.objects.filter(
        username__in=["lead", "translator", "alpha-editor"]
    ).delete()
    users_before = set(user_model.objects.values_list("username", flat=True))
    out = io.StringIO()
    demo.build({}, options={}, stdout=out)
    assert "DEBUG is off" in out.getvalue()
    assert set(user_model.objects.values_list("username", flat=True)) == users_before
    assert not Page.objects.filter(slug__startswith="redaktionsbeispiel-").exists()
    # The groups and workflows are still set up: they are not demo data.
    assert Workflow.objects.filter(name="Redaktionsablauf Alpha").exists()
    with pytest.raises(RuntimeError):
        demo.create_accounts([], out)


@override_settings(DEBUG=True)
def test_demo_builds_accounts_and_pages_in_every_state(client, users):
    user_model = get_user_model()
    user_model.objects.filter(
        username__in=[
            "gamma-editor",
            "gamma-approver",
            "alpha-editor",
            "alpha-approver",
            "lead",
            "translator",
        ]
    ).delete()
    out = io.StringIO()
    demo.build({}, options={}, stdout=out)
    demo.build({}, options={}, stdout=out)  # idempotent
    for username in (
        "alpha-editor",
        "alpha-approver",
        "gamma-editor",
        "lead",
        "translator",
    ):
        user = user_model.objects.get(username=username)
        assert user.email.endswith("@tregks.invalid")
        assert user.check_password(demo.DEMO_PASSWORD)

    def page(slug):
        return Page.objects.get(slug=slug).specific

    assert not page("redaktionsbeispiel-entwurf").workflow_states.exists()
    waiting = page("redaktionsbeispiel-wartet-auf-freigabe").current_workflow_state
    assert waiting.current_task_state.task.name == "Freigabe Alpha"
    lead = page("redaktionsbeispiel-wartet-auf-konsortialleitung")
    assert (
        lead.current_workflow_state.current_task_state.task.name
        == "Freigabe Konsortialleitung"
    )
    rejected = page("redaktionsbeispiel-abgelehnt").current_workflow_state
    assert rejected.status == "needs_changes"
    assert rejected.current_task_state.comment
    assert page("redaktionsbeispiel-veroeffentlicht").live
    scheduled = page("redaktionsbeispiel-geplant")
    assert not scheduled.live
    assert scheduled.get_latest_revision().approved_go_live_at is not None
