"""`manage.py load_demo`: idempotent, both languages, every page type and workflow state.

It checks the demo's structure only; no test asserts demo wording (tests build their own
pages with the apps' factories).
"""

import io

from django.apps import apps
from django.core.management import call_command
from django.test import override_settings

from wagtail.models import Page, WorkflowState

import pytest

from tregks.demo.snapshot import snapshot

pytestmark = pytest.mark.django_db

PAGE_APPS = {"home", "news", "partners", "stories", "podcast"}


def load_demo():
    call_command("load_demo", verbosity=0, stdout=io.StringIO())


def page_types():
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Page)
        and model._meta.app_label in PAGE_APPS
        and not model._meta.abstract
    ]


@override_settings(DEBUG=True)
def test_load_demo_twice_changes_nothing():
    load_demo()  # with DEBUG on: accounts and the workflow examples too
    before = snapshot()
    load_demo()
    assert snapshot() == before


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


@override_settings(DEBUG=True)
def test_every_workflow_state_has_an_example():
    load_demo()
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
