"""The translator's path: what waits for translation, submitting from the translation
editor, and the approver's review in the same editor.

The pages are built here; the demo's own pages may be in the list too, so the checks
look at the rows of these pages and their order among themselves.
"""

import json
import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from wagtail.models import Page, TaskState, WorkflowState
from wagtail_localize.models import TranslationSource

import pytest

from tests.utils import fresh
from tregks.editorial.translation_queue import (
    CHANGES_REQUESTED,
    DRAFT,
    MISSING,
    OUTDATED,
    PER_PAGE,
    pages_to_translate,
)

from .conftest import PASSWORD, make_release
from .test_side_views import refused
from .test_translations import english, set_string, translate_as  # noqa: F401

QUEUE_URL = "editorial_translation_queue"


def queue_rows(client):
    """{page id: status} of the full list's first page, in the order shown."""
    response = client.get(reverse(QUEUE_URL))
    assert response.status_code == 200
    return {
        int(pk): status
        for pk, status in re.findall(
            r'data-editorial-queue-row="(\d+)" data-status="(\w+)"',
            response.content.decode(),
        )
    }


def status_of(user, page, english):  # noqa: F811
    found = pages_to_translate(user, english).filter(pk=page.pk).first()
    return found.waiting if found else None


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def submit_from_editor(client, page):
    return client.post(edit_url(page), {"action-submit": "1"})


def review(client, page, action, comment=""):
    data = {"action-workflow-action": "true", "workflow-action-name": action}
    if comment:
        data["workflow-action-extra-data"] = json.dumps({"comment": comment})
    return client.post(edit_url(page), data, follow=True)


@pytest.fixture
def translated(client, users, english):  # noqa: F811
    """A live German release of partner A, translated by the translator (title set)."""
    page = make_release("alpha", "pfad-quelle", users["alpha-approver"], publish=True)
    translate_as(client, users["translator"], page, english)
    set_string(client, page, english, "title", "The translator's path")
    return page, page.get_translation(english)


# The list ---------------------------------------------------------------------------


def test_the_list_follows_a_page_from_untranslated_to_live(client, users, english):  # noqa: F811
    translator, approver = users["translator"], users["alpha-approver"]
    page = make_release("alpha", "liste-quelle", approver, publish=True)
    assert status_of(translator, page, english) == MISSING

    translate_as(client, translator, page, english)
    assert status_of(translator, page, english) == DRAFT

    translated = page.get_translation(english)
    client.force_login(translator)
    submit_from_editor(client, translated)
    # Waiting for approval: nothing for the translator to do.
    assert status_of(translator, page, english) is None

    client.force_login(approver)
    review(client, translated, "reject", "Bitte den Vorspann übersetzen.")
    assert status_of(translator, page, english) == CHANGES_REQUESTED

    client.force_login(translator)
    submit_from_editor(client, translated)
    client.force_login(approver)
    review(client, translated, "approve")
    assert fresh(translated).live
    assert status_of(translator, page, english) is None

    # The German page changes and is published again: the translation is outdated.
    page = fresh(page)
    page.lead = "Ein geänderter Vorspann."
    page.save_revision(user=approver).publish(user=approver)
    assert status_of(translator, page, english) == OUTDATED

    # "Update translation" (the list's one-click sync) takes the change over.
    source = TranslationSource.objects.get_for_instance(page)
    client.force_login(translator)
    response = client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]),
        {"next": edit_url(translated)},
    )
    assert response.status_code == 302 and response.url == edit_url(translated)
    assert status_of(translator, page, english) is None


def test_the_list_shows_newest_first_with_the_one_click_actions(
    client,
    users,
    english,  # noqa: F811
):
    approver, translator = users["alpha-approver"], users["translator"]
    older = make_release("alpha", "liste-aelter", approver, publish=True)
    newer = make_release("beta", "liste-neuer", users["beta-approver"], publish=True)
    draft = make_release("alpha", "liste-entwurf", users["alpha-editor"])
    client.force_login(translator)
    rows = queue_rows(client)
    order = [pk for pk in rows if pk in (older.pk, newer.pk)]
    assert order == [newer.pk, older.pk]
    assert rows[newer.pk] == MISSING
    # German drafts wait for their own approval first.
    assert draft.pk not in rows

    # One click on "Translate" creates the draft and opens the translation editor.
    html = client.get(reverse(QUEUE_URL)).content.decode()
    submit_url = reverse("wagtail_localize:submit_page_translation", args=[newer.pk])
    assert f'action="{submit_url}"' in html
    response = client.post(submit_url, {"locales": [english.pk]})
    translated = newer.get_translation(english)
    assert response.url == edit_url(translated)
    assert not translated.live

    # The dashboard shows the list's first rows and the way to the whole list.
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(QUEUE_URL) in dashboard
    assert 'id="editorial-translation-queue' in dashboard


def test_only_translators_see_the_list(client, users, english):  # noqa: F811
    page = make_release("alpha", "liste-rechte", users["alpha-approver"], publish=True)
    for username in ("alpha-editor", "alpha-approver", "lead"):
        client.force_login(users[username])
        assert refused(client.get(reverse(QUEUE_URL)))
        dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
        assert reverse(QUEUE_URL) not in dashboard

    # The translate permission alone is not enough: the list holds what the user may
    # add in the target language, here nothing.
    outsider = get_user_model().objects.create_user(
        "nur-uebersetzen", "nur-uebersetzen@tregks.invalid", PASSWORD
    )
    group = Group.objects.create(name="Nur übersetzen")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="submit_translation"),
    )
    outsider.groups.add(group)
    assert status_of(users["translator"], page, english) == MISSING
    assert not pages_to_translate(outsider, english).exists()


def test_the_list_costs_the_same_queries_for_more_pages(
    client,
    users,
    english,  # noqa: F811
    django_assert_max_num_queries,
):
    approver = users["alpha-approver"]
    for number in range(3):
        make_release("alpha", f"menge-{number}", approver, publish=True)
    client.force_login(users["translator"])
    client.get(reverse(QUEUE_URL))  # warm caches (content types, locales)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(reverse(QUEUE_URL))
    for number in range(3, 12):
        make_release("alpha", f"menge-{number}", approver, publish=True)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse(QUEUE_URL))


def rule_runs(client, url):
    """How often a request runs the waiting rule over every source page (its
    anti-join for pages without a translation), and the response."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    runs = [
        query["sql"]
        for query in captured.captured_queries
        if "NOT EXISTS" in query["sql"].upper() and "wagtailcore_page" in query["sql"]
    ]
    return len(runs), response


def test_the_list_and_the_dashboard_run_the_waiting_rule_once(
    client,
    users,
    english,  # noqa: F811
):
    """The rule reads every source page: counting and listing must share one run."""
    approver = users["alpha-approver"]
    for number in range(PER_PAGE + 2):
        make_release("alpha", f"einmal-{number}", approver, publish=True)
    client.force_login(users["translator"])
    runs, response = rule_runs(client, reverse(QUEUE_URL))
    assert runs == 1
    waiting = pages_to_translate(users["translator"], english).count()
    assert response.context["paginator"].count == waiting
    assert len(response.context["rows"]) == PER_PAGE
    second, _response = rule_runs(client, reverse(QUEUE_URL) + "?p=2")
    assert second == 1
    runs, response = rule_runs(client, reverse("wagtailadmin_home"))
    assert runs == 1
    panel = response.content.decode().split('id="editorial-translation-queue-content"')
    assert int(re.search(r"<p>\s*(\d+)\b", panel[1]).group(1)) == waiting


# Submitting from the translation editor -------------------------------------------


def test_the_translation_editor_offers_submit_as_its_main_action(
    client,
    users,
    translated,
):
    _page, target = translated
    client.force_login(users["translator"])
    html = client.get(edit_url(target)).content.decode()
    footer = html[html.index("data-editorial-translation-footer") :]
    main_button = footer[: footer.index("w-dropdown__toggle")]
    assert 'name="action-submit"' in main_button
    assert "Übersetzung zur Freigabe einreichen" in main_button
    assert "Löschen" not in main_button
    # The translator may not publish: no Publish in the menu either.
    assert 'value="publish"' not in footer
    # The address is offered with a German label.
    assert "Adresse (Kurztitel) der Seite auf" in html


def test_submitting_from_the_editor_starts_the_workflow_with_a_translated_slug(
    client, users, translated
):
    page, target = translated
    client.force_login(users["translator"])
    response = submit_from_editor(client, target)
    assert response.status_code == 302
    assert response.url == reverse(QUEUE_URL)
    target = fresh(target)
    state = target.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == "Freigabe Alpha"
    draft = target.get_latest_revision_as_object()
    assert draft.title == "The translator's path"
    # The untranslated slug became the slugified English title.
    assert draft.slug == "the-translators-path"
    assert not target.live

    # A second submission while it waits is refused with a message.
    response = client.post(edit_url(target), {"action-submit": "1"}, follow=True)
    assert "wartet bereits auf die Freigabe" in response.content.decode() or (
        "already waiting" in response.content.decode()
    )
    assert WorkflowState.objects.for_instance(target).count() == 1


def test_the_slug_field_saves_a_valid_address_only(client, users, translated):
    page, target = translated
    url = reverse("editorial_translation_slug", args=[target.pk])
    client.force_login(users["translator"])
    response = client.post(url, {"slug": "Open Office Hours"}, follow=True)
    assert "open-office-hours" in response.content.decode()
    response = client.post(url, {"slug": "!!!"}, follow=True)
    assert response.status_code == 200
    assert "mindestens einen Buchstaben" in response.content.decode()
    submit_from_editor(client, target)
    assert fresh(target).get_latest_revision_as_object().slug == "open-office-hours"
    # Other partners' editors cannot set it.
    client.force_login(users["beta-editor"])
    assert refused(client.post(url, {"slug": "fremd"}))


def test_other_partners_cannot_submit_from_the_editor(client, users, translated):
    _page, target = translated
    client.force_login(users["beta-editor"])
    assert refused(submit_from_editor(client, target))
    assert not fresh(target).workflow_in_progress


# The approver in the translation editor -------------------------------------------


def test_the_approver_approves_in_the_translation_editor(client, users, translated):
    _page, target = translated
    client.force_login(users["translator"])
    submit_from_editor(client, target)

    approver = users["alpha-approver"]
    client.force_login(approver)
    html = client.get(edit_url(target)).content.decode()
    footer = html[html.index("data-editorial-translation-footer") :]
    assert 'data-workflow-action-name="approve"' in footer
    assert 'data-workflow-action-name="reject"' in footer
    assert (
        reverse(
            "wagtailadmin_pages:collect_workflow_action_data",
            args=[
                target.pk,
                "reject",
                fresh(target).current_workflow_state.current_task_state.pk,
            ],
        )
        in footer
    )

    # Partner B's approver gets nothing done.
    client.force_login(users["beta-approver"])
    review(client, target, "approve")
    assert not fresh(target).live

    client.force_login(approver)
    response = review(client, target, "approve")
    assert "freigegeben und veröffentlicht" in response.content.decode()
    target = fresh(target)
    assert target.live
    assert target.title == "The translator's path"
    assert target.url.endswith("/the-translators-path/")


def test_changes_requested_in_the_translation_editor_reach_the_translator(
    client, users, translated
):
    _page, target = translated
    translator = users["translator"]
    client.force_login(translator)
    submit_from_editor(client, target)

    client.force_login(users["alpha-approver"])
    response = review(client, target, "reject", "Bitte den Vorspann übersetzen.")
    assert "Änderungen angefordert" in response.content.decode()
    task_state = TaskState.objects.filter(
        workflow_state__object_id=str(target.pk)
    ).latest("started_at")
    assert task_state.status == TaskState.STATUS_REJECTED
    assert not fresh(target).live

    # The translator sees the comment above the editor and may submit again.
    client.force_login(translator)
    html = client.get(edit_url(target)).content.decode()
    assert "Bitte den Vorspann übersetzen." in html
    assert "Übersetzung erneut zur Freigabe einreichen" in html
    submit_from_editor(client, target)
    assert fresh(target).current_workflow_state.status == "in_progress"


def test_the_translator_cannot_review_their_own_translation(client, users, translated):
    _page, target = translated
    client.force_login(users["translator"])
    submit_from_editor(client, target)
    response = review(client, target, "approve")
    assert "nicht mehr auf diese Aktion" in response.content.decode()
    assert not fresh(target).live
    assert fresh(target).current_workflow_state.status == "in_progress"


def test_a_network_wide_translation_waits_for_the_lead(client, users, english):  # noqa: F811
    approver = users["alpha-approver"]
    page = make_release("alpha", "netz-quelle", approver, network_wide=True)
    page.get_latest_revision().publish()  # as a site administrator would
    translate_as(client, users["translator"], page, english)
    set_string(client, page, english, "title", "Network-wide translation")
    target = page.get_translation(english)
    client.force_login(users["translator"])
    submit_from_editor(client, target)

    client.force_login(approver)
    # Publishing it directly from the translation editor is refused.
    client.post(edit_url(target), {"action": "publish"})
    assert not fresh(target).live
    response = review(client, target, "approve")
    assert "wartet jetzt auf „Freigabe Konsortialleitung“" in response.content.decode()
    assert not fresh(target).live

    client.force_login(users["lead"])
    response = review(client, target, "approve")
    assert "freigegeben und veröffentlicht" in response.content.decode()
    assert fresh(target).live


def test_strings_changed_after_submitting_are_what_the_approver_approves(
    client,
    users,
    translated,
    english,  # noqa: F811
):
    page, target = translated
    client.force_login(users["translator"])
    submit_from_editor(client, target)
    client.force_login(users["alpha-approver"])
    set_string(client, page, english, "title", "Corrected by the approver")
    review(client, target, "approve")
    assert fresh(target).title == "Corrected by the approver"
    assert Page.objects.get(pk=target.pk).live
