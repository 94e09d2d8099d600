"""The editor's, approver's and lead's path through the admin (issue 12).

Dashboard shortcuts and the "Änderungen angefordert" panel, picklists in the page's
language, the reviewer's comment on the edit view, messages that say what a review
did, sections that take only their own content type, a refused direct publish that
keeps the approver's edits, and the admin's own 404.
"""

import re

from django.urls import reverse

from wagtail.models import Locale, Page

import pytest

from tests.utils import fresh
from tregks.core.models import Topic
from tregks.core.topics import ensure_topics

from .conftest import edit_form_data, make_release, section
from .test_workflow import act, submit


def dashboard(client, user):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def add_url(model_label, parent):
    app_label, model_name = model_label.split(".")
    return reverse("wagtailadmin_pages:add", args=[app_label, model_name, parent.pk])


# Dashboard shortcuts ------------------------------------------------------------


def test_editor_dashboard_offers_new_content_of_their_own_partner(client, users):
    html = dashboard(client, users["alpha-editor"])
    assert "Neu anlegen" in html
    assert add_url("news.pressreleasepage", section("alpha")) in html
    assert add_url("stories.videostorypage", section("alpha", kind="stories")) in html
    # Not the other partner's sections, not the English tree, not the wrong type.
    assert add_url("news.pressreleasepage", section("beta")) not in html
    assert add_url("news.pressreleasepage", section("alpha", "en")) not in html
    assert add_url("stories.videostorypage", section("alpha")) not in html
    # "Neu anlegen: Veranstaltung in „Veranstaltungen Alpha“" for the partner's events.
    assert add_url("events.eventpage", section("alpha", kind="events")) in html
    assert add_url("events.eventpage", section("beta", kind="events")) not in html
    assert add_url("events.eventpage", section("alpha")) not in html


def test_event_shortcut_opens_the_new_event_form_with_the_registration_panel(
    client, users
):
    html = dashboard(client, users["alpha-editor"])
    url = add_url("events.eventpage", section("alpha", kind="events"))
    assert url in html
    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert 'id="page-edit-form"' in content
    assert "Anmeldung" in content and 'name="capacity"' in content


def test_shortcut_opens_the_new_page_form(client, users):
    html = dashboard(client, users["alpha-editor"])
    url = add_url("news.pressreleasepage", section("alpha"))
    assert url in html
    response = client.get(url)
    assert response.status_code == 200
    assert 'id="page-edit-form"' in response.content.decode()


def test_lead_and_translator_get_no_shortcuts(client, users):
    for name in ("lead", "translator"):
        html = dashboard(client, users[name])
        assert "Neu anlegen" not in html
        assert "/admin/pages/add/" not in html


# Sections take only their own content type --------------------------------------


def test_press_sections_take_releases_and_story_sections_stories(db):
    from news.models import PressReleasePage
    from stories.models import VideoStoryPage

    press, stories = section("alpha"), section("alpha", kind="stories")
    assert PressReleasePage.can_create_at(press)
    assert not VideoStoryPage.can_create_at(press)
    assert VideoStoryPage.can_create_at(stories)
    assert not PressReleasePage.can_create_at(stories)


def test_add_subpage_view_offers_only_the_sections_type(client, users):
    client.force_login(users["alpha-editor"])
    for kind, model in (
        ("news", "news.pressreleasepage"),
        ("stories", "stories.videostorypage"),
    ):
        parent = section("alpha", kind=kind)
        # One type left: Wagtail goes straight to its form.
        response = client.get(
            reverse("wagtailadmin_pages:add_subpage", args=[parent.pk])
        )
        assert response.status_code == 302
        assert response.url == add_url(model, parent)
    # A hand-made request for the other type is refused.
    response = client.get(add_url("stories.videostorypage", section("alpha")))
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")  # with Wagtail's refusal


def test_section_admin_titles_name_the_index_and_the_partner(users):
    press, stories = section("alpha"), section("alpha", kind="stories")
    assert press.get_admin_display_title() != stories.get_admin_display_title()
    assert press.get_admin_display_title() == f"{press.get_parent().title} Alpha"
    assert stories.get_admin_display_title() == f"{stories.get_parent().title} Alpha"


# Picklists ----------------------------------------------------------------------


def _form(page, user):
    form_class = page.get_edit_handler().get_form_class()
    return form_class(instance=page, for_user=user, parent_page=page.get_parent())


def test_picklists_are_checkboxes_of_the_pages_language(users):
    topic = next(iter(ensure_topics().values()))
    english = Topic.objects.get(
        translation_key=topic.translation_key, locale__language_code="en"
    )
    page = make_release("alpha", "picklist-de", users["alpha-editor"])
    form = _form(page, users["alpha-editor"])
    german = Locale.objects.get(language_code="de")
    for name in ("topics", "issuing_partners"):
        field = form.fields[name]
        assert field.widget.input_type == "checkbox"
        locales = {obj.locale_id for obj in field.queryset}
        assert locales == {german.pk}, name
    html = str(form["topics"])
    assert topic.name in html and english.name not in html


def test_picklist_refuses_an_entry_of_the_other_language(client, users):
    topics = ensure_topics()
    editor = users["alpha-editor"]
    page = make_release("alpha", "picklist-falsch", editor)
    english = Topic.objects.get(
        translation_key=topics["dekarbonisierung"].translation_key,
        locale__language_code="en",
    )
    client.force_login(editor)
    data = edit_form_data(page, editor, topics=[str(english.pk)])
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert english.name in html and "anderen Sprache" in html
    assert not fresh(page).get_latest_revision_as_object().topics.exists()
    # The German entry is taken.
    german = topics["dekarbonisierung"]
    data = edit_form_data(page, editor, topics=[str(german.pk)])
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302
    saved = fresh(page).get_latest_revision_as_object()
    assert [topic.pk for topic in saved.topics.all()] == [german.pk]


def test_english_page_ticks_the_english_entries_of_its_german_choices(users):
    topics = ensure_topics()
    german_topic = topics["qualifizierung"]
    page = make_release("alpha", "picklist-en", users["alpha-editor"])
    page.topics.set([german_topic])
    page.save_revision().publish()
    english_page = page.copy_for_translation(Locale.objects.get(language_code="en"))
    english_page.topics.set([german_topic])  # as wagtail-localize copies it
    form = _form(english_page.specific, users["translator"])
    english_topic = Topic.objects.get(
        translation_key=german_topic.translation_key, locale__language_code="en"
    )
    assert form["topics"].value() == [english_topic.pk]


# The reviewer's comment where the editor works ----------------------------------


def test_editor_sees_the_requested_changes_on_edit_view_and_dashboard(client, users):
    editor, approver = users["alpha-editor"], users["alpha-approver"]
    page = make_release("alpha", "kommentar", editor, title="Bitte überarbeiten")
    submit(client, page, editor)
    comment = "Der Vorspann braucht eine Quelle für die Zahl."
    state = act(client, page, approver, "reject", comment)
    assert state.status == "rejected"

    html = dashboard(client, editor)
    assert "Änderungen angefordert" in html
    panel = html[html.index('id="editorial-changes-requested') :]
    assert "Bitte überarbeiten" in panel and comment in panel

    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    html = response.content.decode()
    assert comment in html
    assert approver.get_username() in html or approver.get_full_name() in html

    # After resubmitting, the request is done and the notice goes away.
    submit(client, page, editor)
    assert comment not in dashboard(client, editor)


def test_other_partners_do_not_see_the_comment(client, users):
    editor, approver = users["alpha-editor"], users["alpha-approver"]
    page = make_release("alpha", "kommentar-geheim", editor)
    submit(client, page, editor)
    act(client, page, approver, "reject", "Nur für die Alpha-Redaktion")
    assert "Nur für die Alpha-Redaktion" not in dashboard(client, users["beta-editor"])


# Messages that say what a review did --------------------------------------------


def _messages(response):
    return [str(message) for message in response.context["messages"]]


def test_approval_in_the_editor_says_approved_and_published(client, users):
    editor, approver = users["alpha-editor"], users["alpha-approver"]
    page = make_release("alpha", "freigabe-editor", editor, title="Gute Nachricht")
    submit(client, page, editor)
    client.force_login(approver)
    data = edit_form_data(
        page,
        approver,
        **{"action-workflow-action": "1", "workflow-action-name": "approve"},
    )
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), data, follow=True
    )
    texts = _messages(response)
    assert any("freigegeben und veröffentlicht" in text for text in texts), texts
    assert not any("wurde aktualisiert" in text for text in texts), texts
    assert fresh(page).live


def test_approval_from_the_dashboard_says_what_happened(client, users):
    editor, approver = users["alpha-editor"], users["alpha-approver"]
    page = make_release("alpha", "freigabe-dashboard", editor, network_wide=True)
    submit(client, page, editor)
    client.force_login(approver)
    task_state = fresh(page).current_workflow_state.current_task_state
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
    )
    response = client.post(url, {"comment": ""}, follow=True)
    texts = _messages(response)
    # A network-wide release goes on to the lead: the message names that step.
    assert any(
        "freigegeben und wartet jetzt auf" in text and "Konsortialleitung" in text
        for text in texts
    ), texts
    assert not fresh(page).live


# A refused direct publish keeps the approver's edits -----------------------------


def test_refused_network_wide_publish_keeps_the_edits_as_a_draft(client, users):
    approver = users["alpha-approver"]
    page = make_release(
        "alpha", "netz-direkt", users["alpha-editor"], network_wide=True
    )
    client.force_login(approver)
    data = edit_form_data(
        page, approver, title="Vom Freigeber verbessert", **{"action-publish": "1"}
    )
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), data, follow=True
    )
    texts = _messages(response)
    assert any("als Entwurf gespeichert" in text for text in texts), texts
    page = fresh(page)
    assert not page.live
    assert page.get_latest_revision_as_object().title == "Vom Freigeber verbessert"


# The admin's own 404 --------------------------------------------------------------


def test_unknown_admin_address_shows_the_admins_404(client, users):
    client.force_login(users["alpha-editor"])
    response = client.get("/admin/does-not-exist/")
    assert response.status_code == 404
    assert "wagtailadmin/404.html" in [t.name for t in response.templates]


def test_public_404_still_redirects_to_the_language(client, db):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code in (301, 302)
    assert response.url.startswith("/de/")


# German admin strings --------------------------------------------------------------


def test_status_panel_speaks_german(client, users):
    editor, approver = users["alpha-editor"], users["alpha-approver"]
    page = make_release("alpha", "deutsch", editor)
    submit(client, page, editor)
    act(client, page, approver, "reject", "Noch nicht")
    # Pretend the request is older than today, so the panel says "vor …".
    state = fresh(page).current_workflow_state.current_task_state
    type(state).objects.filter(pk=state.pk).update(
        finished_at=state.finished_at.replace(year=state.finished_at.year - 1)
    )
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    html = html.content.decode()
    assert "Sprache:" in html and "Locale:" not in html
    assert not re.search(r"\d+ (year|month|week|day|hour|minute)s? ago", html)
    assert "seite-Objekt" not in html and "Seite-Objekt" not in html
    assert Page.objects.filter(pk=page.pk).exists()


@pytest.mark.parametrize("path", ["add", "edit"])
def test_page_forms_load_the_submit_after_autosave_script(client, users, path):
    editor = users["alpha-editor"]
    client.force_login(editor)
    if path == "add":
        url = add_url("news.pressreleasepage", section("alpha"))
    else:
        url = reverse(
            "wagtailadmin_pages:edit", args=[make_release("alpha", "js", editor).pk]
        )
    assert "editorial/js/submit-after-autosave" in client.get(url).content.decode()
