"""wagtail-localize cannot publish around the partners' workflows.

The traps: a translation of a live page going live at once, the translation editor's
Publish button, and "Sync translated pages" publishing every translation. Each is
closed for editors and translators and shown here with the server's real response.
"""

from urllib.parse import urlencode

from django.core import mail
from django.urls import reverse

from wagtail.models import Locale, TaskState
from wagtail_localize.models import StringSegment, Translation, TranslationSource

import pytest

from tests.utils import fresh

from .conftest import make_release, section
from .test_side_views import refused


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


def translate_as(client, user, page, english):
    client.force_login(user)
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    return client.post(url, {"locales": [english.pk]})


def set_string(client, page, english, path, value):
    source = TranslationSource.objects.get_for_instance(page)
    translation = Translation.objects.get(source=source, target_locale=english)
    segment = StringSegment.objects.get(source=source, context__path=path)
    url = reverse(
        "wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]
    )
    # The translation editor sends each string as a form-encoded PUT.
    response = client.put(
        url,
        urlencode({"value": value}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 201), response.status_code
    return translation


def test_a_translation_of_a_live_page_starts_as_a_draft(client, users, english):
    page = make_release("alpha", "live-quelle", users["alpha-approver"], publish=True)
    assert translate_as(client, users["translator"], page, english).status_code == 302
    translated = page.get_translation(english)
    assert not translated.live
    # It sits in partner A's English section, under partner A's workflow.
    assert translated.get_parent().pk == section("alpha", "en").pk
    assert translated.get_workflow().name == "Redaktionsablauf Alpha"


@pytest.mark.parametrize("username", ["translator", "alpha-editor"])
def test_translation_editor_refuses_to_publish(client, users, english, username):
    page = make_release("alpha", "editor-quelle", users["alpha-approver"], publish=True)
    translate_as(client, users["translator"], page, english)
    translated = page.get_translation(english)
    client.force_login(users[username])
    edit_url = reverse("wagtailadmin_pages:edit", args=[translated.pk])
    response = client.post(edit_url, {"action": "publish"})
    assert refused(response)
    assert not fresh(translated).live


def test_translator_sees_no_publish_button_in_the_translation_editor(
    client, users, english
):
    page = make_release("alpha", "knopf-quelle", users["alpha-approver"], publish=True)
    translate_as(client, users["translator"], page, english)
    translated = page.get_translation(english)
    client.force_login(users["translator"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[translated.pk]))
    assert response.status_code == 200
    assert '"canPublish": false' in response.content.decode().replace(
        "&quot;", '"'
    ) or '"canPublish":false' in response.content.decode().replace("&quot;", '"')


def test_a_translation_goes_live_through_the_partners_workflow(client, users, english):
    translator, approver = users["translator"], users["alpha-approver"]
    page = make_release("alpha", "weg-der-uebersetzung", approver, publish=True)
    translate_as(client, translator, page, english)
    set_string(client, page, english, "title", "A translated release")
    translated = page.get_translation(english)

    # The translator submits: the English draft enters partner A's workflow. The
    # explorer offers the action next to the page.
    submit_url = reverse("editorial_submit_translation", args=[translated.pk])
    listing = client.get(
        reverse("wagtailadmin_explore", args=[translated.get_parent().pk])
    )
    assert submit_url in listing.content.decode()
    assert client.get(submit_url).status_code == 200
    mail.outbox.clear()
    assert client.post(submit_url).status_code == 302
    translated = fresh(translated)
    state = translated.current_workflow_state
    assert state.workflow.name == "Redaktionsablauf Alpha"
    assert state.current_task_state.task.name == "Freigabe Alpha"
    assert translated.get_latest_revision_as_object().title == "A translated release"
    assert not translated.live
    assert sorted(m for message in mail.outbox for m in message.to) == [
        "alpha-approver@tregks.invalid"
    ]

    # Partner B's approver cannot approve it; partner A's approver can.
    task_state = state.current_task_state
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[translated.pk, "approve", task_state.pk],
    )
    client.force_login(users["beta-approver"])
    assert refused(client.post(approve_url, {"comment": ""}))
    assert not fresh(translated).live
    client.force_login(approver)
    client.post(approve_url, {"comment": "Übersetzung passt."})
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED
    translated = fresh(translated)
    assert translated.live and translated.title == "A translated release"


def test_after_a_source_change_and_sync_the_translation_stays_draft_until_approved(
    client, users, english
):
    translator, approver = users["translator"], users["alpha-approver"]
    page = make_release("alpha", "sync-quelle", approver, publish=True)
    translate_as(client, translator, page, english)
    set_string(client, page, english, "title", "First English title")
    translated = page.get_translation(english)
    # Published once (save_target publishes on commit, which a test never reaches).
    Translation.objects.get(
        source__object_id=page.translation_key, target_locale=english
    ).save_target(user=approver, publish=False)
    fresh(translated).get_latest_revision().publish(user=approver)
    assert fresh(translated).live

    # The German source changes and is published by its approver.
    page = fresh(page)
    page.lead = "Ein neuer Vorspann."
    page.save_revision(user=approver).publish(user=approver)

    # The translator syncs: the form offers no "Publish immediately", and a
    # hand-made POST asking for it is refused.
    source = TranslationSource.objects.get_for_instance(page)
    sync_url = reverse("wagtail_localize:update_translations", args=[source.pk])
    client.force_login(translator)
    form = client.get(sync_url)
    assert form.status_code == 200
    assert 'name="publish_translations"' not in form.content.decode()
    assert refused(client.post(sync_url, {"publish_translations": "on"}))
    assert client.post(sync_url, {}).status_code == 302
    translated = fresh(translated)
    assert translated.live and translated.lead != "Ein neuer Vorspann."

    # Submitted, the synced text waits in the workflow; the live page is unchanged.
    client.post(reverse("editorial_submit_translation", args=[translated.pk]))
    translated = fresh(translated)
    assert translated.get_latest_revision_as_object().lead == "Ein neuer Vorspann."
    assert translated.lead != "Ein neuer Vorspann."
    assert translated.workflow_in_progress

    client.force_login(approver)
    task_state = translated.current_workflow_state.current_task_state
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[translated.pk, "approve", task_state.pk],
        ),
        {"comment": ""},
    )
    assert fresh(translated).lead == "Ein neuer Vorspann."


def test_approvers_cannot_sync_translations_without_the_translate_permission(
    client, users, english
):
    approver = users["alpha-approver"]
    page = make_release("alpha", "sync-freigabe", approver, publish=True)
    translate_as(client, users["translator"], page, english)
    translated = page.get_translation(english)
    source = TranslationSource.objects.get_for_instance(page)
    client.force_login(approver)
    # Approvers lack wagtail-localize's translate permission: the sync view refuses.
    sync_url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert refused(client.post(sync_url, {"publish_translations": "on"}))
    assert not fresh(translated).live


@pytest.mark.parametrize("username", ["alpha-editor", "beta-editor", "alpha-approver"])
def test_editors_and_approvers_cannot_submit_translations(
    client, users, english, username
):
    page = make_release(
        "alpha", "keine-uebersetzung", users["alpha-approver"], publish=True
    )
    assert refused(translate_as(client, users[username], page, english))
    assert page.get_translation_or_none(english) is None


def test_submit_translation_view_refuses_other_partners_and_bad_input(
    client, users, english
):
    # Translators translate live pages (German drafts stay hidden from them).
    page = make_release(
        "alpha", "fremde-uebersetzung", users["alpha-approver"], publish=True
    )
    translate_as(client, users["translator"], page, english)
    translated = page.get_translation(english)
    client.force_login(users["beta-editor"])
    url = reverse("editorial_submit_translation", args=[translated.pk])
    assert refused(client.post(url))
    assert not fresh(translated).workflow_in_progress
    # A German page is not a translation: a clear 400, not a 500.
    client.force_login(users["alpha-editor"])
    bad = client.post(reverse("editorial_submit_translation", args=[page.pk]))
    assert bad.status_code == 400
    assert b"translation" in bad.content or "Übersetzung" in bad.content.decode()


@pytest.mark.parametrize("username", ["translator", "alpha-editor"])
def test_converting_a_translation_into_an_alias_cannot_publish_it(
    client, users, english, username
):
    """wagtail-localize's "Convert to alias" mirrors the source's live status at once."""
    page = make_release("alpha", "alias-quelle", users["alpha-approver"], publish=True)
    translate_as(client, users["translator"], page, english)
    translated = page.get_translation(english)
    client.force_login(users[username])
    url = reverse("wagtail_localize:convert_to_alias", args=[translated.pk])
    edit_url = reverse("wagtailadmin_pages:edit", args=[translated.pk])
    assert client.get(url).url == edit_url
    response = client.post(url, follow=True)
    assert response.redirect_chain == [(edit_url, 302)]
    # The reason is shown in the admin's language (German here).
    assert "nur die Freigabe" in response.content.decode()
    translated = fresh(translated)
    assert not translated.live and translated.alias_of_id is None


def test_the_partners_approver_may_convert_a_translation_into_an_alias(
    client, users, english
):
    approver = users["alpha-approver"]
    page = make_release("alpha", "alias-freigabe", approver, publish=True)
    translate_as(client, users["translator"], page, english)
    translated = page.get_translation(english)
    client.force_login(approver)
    url = reverse("wagtail_localize:convert_to_alias", args=[translated.pk])
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    translated = fresh(translated)
    assert translated.alias_of_id == page.pk and translated.live
