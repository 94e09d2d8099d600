"""A new consortium partner and the demo: no code change, working logins.

The demo's accounts and pages are read from its data (tregks/demo/data/editorial.yaml),
so editing the demo does not break these tests.
"""

import datetime
import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import override_settings
from django.urls import reverse

from wagtail.models import Page, Workflow, WorkflowPage, WorkflowState

import pytest

from partners.factories import PartnerProfilePageFactory, partner_index
from partners.models import PartnerProfilePage
from tregks.core.factories import UserFactory
from tregks.demo import editorial as demo
from tregks.demo.data import load
from tregks.editorial.setup import (
    approver_group_name,
    consortium_partners,
    editor_group_name,
    workflow_name,
)

from .conftest import edit_form_data, section


def publish_profile(**fields):
    """A partner profile made and published as an administrator does."""
    profile = PartnerProfilePageFactory(parent=partner_index(), live=False, **fields)
    profile.save_revision().publish()
    return PartnerProfilePage.objects.get(pk=profile.pk)


def test_publishing_a_new_partner_profile_gives_groups_sections_and_workflow(
    client, users
):
    from news.models import PressReleasePage

    profile = publish_profile(
        title="Neuer Partner (Test)", short_name="NEU", code="neu", role="partner"
    )
    assert profile.live
    editors = Group.objects.get(name=editor_group_name("NEU"))
    Group.objects.get(name=approver_group_name("NEU"))
    workflow = Workflow.objects.get(name=workflow_name("NEU"))
    for language in ("de", "en"):
        for kind in ("news", "stories", "events"):
            new_section = section("neu", language, kind)
            assert WorkflowPage.objects.get(page=new_section).workflow == workflow
    assert WorkflowPage.objects.get(page=profile).workflow == workflow

    # A new editor logs in and creates a press release in the new section.
    editor = UserFactory(username="neu-editor", groups=[editors])
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
    created = Page.objects.child_of(parent).get(slug="erste-mitteilung")
    assert created.get_parent().pk == parent.pk and not created.live
    state = WorkflowState.objects.for_instance(created).get()
    assert state.workflow == workflow
    # The new editor still cannot touch another partner's press section.
    other = reverse(
        "wagtailadmin_pages:add", args=["news", "pressreleasepage", section("alpha").pk]
    )
    assert client.get(other).status_code in (302, 403)


def test_a_member_profile_gets_no_editorial_groups(users):
    publish_profile(
        title="Mitglied (Test)", short_name="MITGL", code="mitgl", role="member"
    )
    assert not Group.objects.filter(name__endswith=" MITGL").exists()


def demo_usernames():
    """The accounts the demo makes: one editor and approver per consortium partner,
    the lead and the translator."""
    accounts = load("editorial")["accounts"]
    names = {accounts["lead"]["username"], accounts["translator"]["username"]}
    for profile in consortium_partners():
        for key in ("partner_editor", "partner_approver"):
            names.add(
                accounts[key]["username"].format(
                    code=profile.code, short_name=profile.short_name
                )
            )
    return names


@override_settings(DEBUG=False)
def test_demo_refuses_accounts_with_debug_off(users):
    user_model = get_user_model()
    # The test network's accounts may share the demo's names; without them the demo
    # would have to create every one.
    user_model.objects.filter(username__in=demo_usernames()).delete()
    users_before = set(user_model.objects.values_list("username", flat=True))
    out = io.StringIO()
    demo.build({}, options={}, stdout=out)
    assert "DEBUG is off" in out.getvalue()
    assert set(user_model.objects.values_list("username", flat=True)) == users_before
    slugs = [spec["slug"] for spec in load("editorial")["workflow_pages"]]
    assert slugs
    assert not Page.objects.filter(slug__in=slugs).exists()
    # The groups and workflows are still set up: they are not demo data.
    assert Workflow.objects.filter(name=workflow_name("Alpha")).exists()
    with pytest.raises(RuntimeError):
        demo.create_accounts([], out)
