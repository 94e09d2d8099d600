"""Groups, permissions and workflows are data made by an idempotent command."""

import io

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

import pytest

from tregks.editorial.models import LeadSignOffTask, PartnerApprovalTask
from tregks.editorial.setup import (
    editor_group_name,
    setup_editorial,
    workflow_name,
)

from .conftest import section

pytestmark = pytest.mark.django_db


def test_each_partner_has_groups_workflow_and_both_language_trees(editorial_network):
    for code, short in (("gamma", "Gamma"), ("alpha", "Alpha"), ("beta", "Beta")):
        editors = Group.objects.get(name=f"Redaktion {short}")
        approvers = Group.objects.get(name=f"Freigabe {short}")
        workflow = Workflow.objects.get(name=f"Redaktionsablauf {short}")
        assert [task.specific.__class__ for task in workflow.tasks] == [
            PartnerApprovalTask,
            LeadSignOffTask,
        ]
        assert list(workflow.tasks[0].specific.groups.all()) == [approvers]
        for language in ("de", "en"):
            for kind in ("news", "stories", "events"):
                page = section(code, language, kind)
                assert WorkflowPage.objects.get(page=page).workflow == workflow
                editor_perms = set(
                    GroupPagePermission.objects.filter(
                        group=editors, page=page
                    ).values_list("permission__codename", flat=True)
                )
                approver_perms = set(
                    GroupPagePermission.objects.filter(
                        group=approvers, page=page
                    ).values_list("permission__codename", flat=True)
                )
                assert editor_perms == {"add_page", "change_page"}
                assert approver_perms == {"add_page", "change_page", "publish_page"}


def test_the_podcast_producer_owns_the_show_in_both_languages(editorial_network):
    """The partner that produces the podcast (podcast.wagtail_hooks.PODCAST_PRODUCER):
    its groups edit the show in both languages and its workflow runs there; another
    partner's groups do not edit it."""
    from partners.factories import consortium_partner
    from partners.models import PartnerProfilePage
    from podcast.factories import podcast_show
    from podcast.wagtail_hooks import PODCAST_PRODUCER

    shows = [podcast_show("de"), podcast_show("en")]
    code = PODCAST_PRODUCER
    producer = PartnerProfilePage.objects.filter(
        code=code, locale__language_code="de"
    ).first() or consortium_partner(code=code, short_name="Produktion")
    setup_editorial()
    producer_editors = Group.objects.get(name=editor_group_name(producer.short_name))
    other_editors = Group.objects.get(name=editor_group_name("Beta"))
    for show in shows:
        assert GroupPagePermission.objects.filter(
            group=producer_editors, page=show
        ).exists()
        assert not GroupPagePermission.objects.filter(
            group=other_editors, page=show
        ).exists()
        workflow = WorkflowPage.objects.get(page=show).workflow
        assert workflow.name == workflow_name(producer.short_name)


def test_the_english_section_is_the_translation_of_the_german_one(editorial_network):
    german, english = section("alpha", "de"), section("alpha", "en")
    assert german.translation_key == english.translation_key
    assert english.partner.locale.language_code == "en"


def test_no_editorial_group_can_manage_users_or_groups(editorial_network):
    auth_permissions = Permission.objects.filter(content_type__app_label="auth")
    for group in Group.objects.filter(
        name__regex=r"^(Redaktion|Freigabe) |^Konsortialleitung$|^Übersetzung$"
    ):
        assert not group.permissions.filter(pk__in=auth_permissions).exists(), group
        assert group.permissions.filter(codename="access_admin").exists()


def test_setup_command_is_idempotent(editorial_network):
    counts = (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        Workflow.objects.count(),
        WorkflowPage.objects.count(),
        PartnerApprovalTask.objects.count(),
        LeadSignOffTask.objects.count(),
    )
    call_command("setup_editorial", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("setup_editorial", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts == (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        Workflow.objects.count(),
        WorkflowPage.objects.count(),
        PartnerApprovalTask.objects.count(),
        LeadSignOffTask.objects.count(),
    )


def test_release_and_load_demo_run_the_setup(editorial_network):
    from wagtail import hooks

    from tregks.editorial import wagtail_hooks

    assert wagtail_hooks.editorial_release_step in hooks.get_hooks("release_steps")
    Group.objects.filter(name="Redaktion Alpha").delete()
    out = io.StringIO()
    for step in hooks.get_hooks("release_steps"):
        step(stdout=out)
    assert Group.objects.filter(name="Redaktion Alpha").exists()
    assert "Editorial groups and workflows are set up" in out.getvalue()


def test_the_lead_and_translators_hold_no_partner_page_permission(editorial_network):
    """The lead works through its workflow task only; translators only in the
    English tree. Neither holds a permission on any German page."""
    lead = Group.objects.get(name="Konsortialleitung")
    assert not GroupPagePermission.objects.filter(group=lead).exists()
    translators = Group.objects.get(name="Übersetzung")
    granted = GroupPagePermission.objects.filter(group=translators)
    assert granted.exists()
    assert {grant.page.locale.language_code for grant in granted} == {"en"}


@pytest.mark.parametrize(
    "base_url,warned",
    [
        ("http://127.0.0.1:8000", True),
        ("http://localhost:8000", True),
        ("", True),
        ("https://tregks.de", False),
    ],
)
def test_a_local_admin_base_url_in_production_is_reported(base_url, warned):
    from django.core.checks import run_checks
    from django.test import override_settings

    with override_settings(DEBUG=False, WAGTAILADMIN_BASE_URL=base_url):
        ids = [message.id for message in run_checks()]
    assert ("editorial.W001" in ids) == warned
