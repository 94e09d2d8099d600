"""`manage.py load_demo`: idempotent, both languages, every page type and workflow state,
and the form records (registrations, subscriptions, contact messages, barrier reports) in
every state.

The module runs on the demo as a newcomer's first `load_demo` builds it (the
`demo_site` fixture, tests/conftest.py). It checks the demo's structure only; no test
asserts demo wording (the other tests build their own pages with the apps' factories).
"""

import io
from collections import defaultdict

from django.apps import apps
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from wagtail.models import Page, WorkflowState

import pytest

from barriers.models import BarrierReport
from contact.models import ContactMessage, MessageStatus
from events.models import EventIndexPage, EventPage
from newsletter.models import Subscription
from partners.models import PartnerProfilePage, PartnerRole
from registrations.models import Registration, RegistrationState
from tregks.demo.data import load as load_data
from tregks.demo.snapshot import snapshot

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.every_database,
    pytest.mark.usefixtures("demo_site"),
]


def load_demo():
    call_command("load_demo", verbosity=0, stdout=io.StringIO())


def page_types():
    """Every page type of the project (Wagtail's own Page left out)."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and model is not Page and not model._meta.abstract
    ]


def assert_every_workflow_state_has_an_example():
    """What load_demo with DEBUG on shows of the editorial workflow."""
    statuses = set(WorkflowState.objects.values_list("status", flat=True))
    assert WorkflowState.STATUS_IN_PROGRESS in statuses
    assert WorkflowState.STATUS_NEEDS_CHANGES in statuses
    assert WorkflowState.STATUS_APPROVED in statuses
    in_progress_tasks = [
        state.current_task_state.task_id
        for state in WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS
        )
    ]
    # One waits for its partner's approval, one (network-wide) for the consortium lead.
    assert len(set(in_progress_tasks)) >= 2
    release_model = apps.get_model("news", "PressReleasePage")
    drafts = release_model.objects.filter(live=False, locale__language_code="de")
    never_submitted = drafts.exclude(
        pk__in=[
            int(pk) for pk in WorkflowState.objects.values_list("object_id", flat=True)
        ]
    )
    assert never_submitted.exists(), "no plain draft"
    assert drafts.filter(go_live_at__isnull=False).exists(), "no scheduled page"
    published_by_workflow = release_model.objects.live().filter(
        pk__in=[
            int(pk)
            for pk in WorkflowState.objects.filter(
                status=WorkflowState.STATUS_APPROVED
            ).values_list("object_id", flat=True)
        ]
    )
    assert published_by_workflow.exists(), "no page published through the workflow"


# The re-runs check the builder's own bookkeeping (what exists is found, not made
# again), which no database changes; they cost half a minute, so they run in the SQLite
# pass only. The PostgreSQL pass still builds the demo on PostgreSQL (demo_site) and
# checks it with the module's other tests.
@pytest.mark.slow
@pytest.mark.any_database
def test_a_second_run_changes_nothing_with_or_without_accounts():
    """Run again over the demo as it was first built, it moves and adds nothing; with
    DEBUG on it adds the accounts and workflow examples once, and a further run with
    DEBUG on changes nothing either. One test, as each run of load_demo costs seconds."""
    now = timezone.now()
    before = snapshot(now=now)
    load_demo()
    assert snapshot(now=now) == before

    with override_settings(DEBUG=True):
        load_demo()  # accounts and the workflow examples too
        assert_every_workflow_state_has_an_example()
        with_accounts = snapshot(now=now)
        load_demo()
    assert snapshot(now=now) == with_accounts


def test_every_page_type_is_in_both_languages():
    for model in page_types():
        for language in ("de", "en"):
            live = model.objects.live().filter(
                locale__language_code=language, alias_of__isnull=True
            )
            assert live.exists(), f"No live {model.__name__} in {language}"


def test_every_german_page_has_a_real_english_translation():
    german = Page.objects.live().filter(locale__language_code="de", depth__gt=1)
    for page in german:
        translation = page.get_translations().filter(locale__language_code="en").first()
        assert translation is not None, f"{page} has no English translation"
        assert translation.alias_of_id is None, f"{page} is only an alias in English"
        assert translation.live, f"{page}'s English translation is not live"


def test_events_of_every_kind_sit_in_partner_sections():
    german = EventPage.objects.live().filter(locale__language_code="de")
    english = EventPage.objects.live().filter(
        locale__language_code="en", alias_of__isnull=True
    )
    assert english.count() == german.count()
    assert german.past().exclude(review="").exists(), "no past event with a review"
    assert german.filter(status="cancelled").exists()
    assert german.filter(status="fully_booked", waitlist_enabled=True).exists()
    assert german.exclude(online_url="").filter(street="", city="").exists(), (
        "no online-only event"
    )
    for event in german:
        section = event.get_parent().specific
        assert section.partner.code
        assert isinstance(section.get_parent().specific, EventIndexPage)


def test_one_event_has_registrations_in_every_state():
    states_by_event = defaultdict(set)
    for event_id, state in Registration.objects.values_list("event_id", "state"):
        states_by_event[event_id].add(state)
    assert set(RegistrationState.values) in states_by_event.values()
    # Reserved addresses: no confirmation or reminder reaches anyone.
    assert all(
        email.endswith(".invalid")
        for email in Registration.objects.values_list("email", flat=True)
    )


def test_subscribers_in_every_state_and_both_languages():
    subscriptions = Subscription.objects.all()
    for language in ("de", "en"):
        assert subscriptions.confirmed().filter(language=language).exists()
        assert subscriptions.pending().filter(language=language).exists()
    assert subscriptions.unsubscribed().exists()


def test_contact_messages_in_every_status_and_an_address_for_every_partner():
    statuses = set(ContactMessage.objects.values_list("status", flat=True))
    assert statuses == set(MessageStatus.values)
    assert set(ContactMessage.objects.values_list("language", flat=True)) == {
        "de",
        "en",
    }
    # The demo's partners (other tests may have added partners of their own).
    consortium = PartnerProfilePage.objects.filter(
        role__in=[PartnerRole.LEAD, PartnerRole.PARTNER],
        code__in=load_data("partners")["profiles"],
    )
    assert consortium.exists()
    assert not consortium.filter(contact_form_email="").exists()


def test_barrier_reports_in_every_status():
    statuses = set(BarrierReport.objects.values_list("status", flat=True))
    assert statuses == set(BarrierReport.Status.values)
