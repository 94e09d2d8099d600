"""The demo's accounts and its pages in every workflow state (on the demo itself).

The demo's accounts and pages are read from its data (tregks/demo/data/editorial.yaml),
so editing the demo does not break this test.
"""

import io

from django.contrib.auth import get_user_model
from django.test import override_settings

from wagtail.models import Page

import pytest

from news.factories import news_index
from partners.models import PartnerProfilePage, PartnerSectionPage
from tregks.demo import editorial as demo
from tregks.demo.data import load
from tregks.editorial.setup import LEAD_TASK, approver_group_name

from .test_new_partner import demo_usernames

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]


def demo_page(spec):
    """The demo's workflow page of this spec, in its partner's German press section."""
    parent = (
        PartnerSectionPage.objects.child_of(news_index("de"))
        .filter(partner__code=spec["partner"])
        .get()
    )
    return Page.objects.child_of(parent).get(slug=spec["slug"]).specific


@pytest.mark.slow
@override_settings(DEBUG=True)
def test_demo_builds_accounts_and_pages_in_every_state():
    data = load("editorial")
    user_model = get_user_model()
    names = demo_usernames()
    user_model.objects.filter(username__in=names).delete()
    out = io.StringIO()
    demo.build({}, options={}, stdout=out)
    demo.build({}, options={}, stdout=out)  # idempotent
    for username in names:
        user = user_model.objects.get(username=username)
        assert user.email.endswith(f"@{data['email_domain']}")
        assert user.check_password(demo.DEMO_PASSWORD)

    specs = data["workflow_pages"]
    # The demo shows every state of the workflow once (editorial.yaml's promise).
    states = {"draft", "partner", "lead", "rejected", "live", "scheduled"}
    assert {spec["state"] for spec in specs} == states
    for spec in specs:
        page = demo_page(spec)
        assert Page.objects.filter(slug=spec["slug"]).count() == 1  # made once
        state = spec["state"]
        if state == "draft":
            assert not page.workflow_states.exists()
        elif state == "partner":
            short = PartnerProfilePage.objects.get(
                code=spec["partner"], locale=page.locale
            ).short_name
            task = page.current_workflow_state.current_task_state.task
            assert task.name == approver_group_name(short)
        elif state == "lead":
            task = page.current_workflow_state.current_task_state.task
            assert task.name == LEAD_TASK
        elif state == "rejected":
            rejected = page.current_workflow_state
            assert rejected.status == "needs_changes"
            assert rejected.current_task_state.comment == data["reject_comment"]
        elif state == "live":
            assert page.live
        else:
            assert not page.live
            assert page.get_latest_revision().approved_go_live_at is not None
