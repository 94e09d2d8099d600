"""The editor's journey, by clicks in the German admin (issue 12).

agv-editor starts a press release from the dashboard shortcut, fills it (topics and
partners as checkboxes of the page's language) and submits it; agv-approver asks for
changes with a comment from the dashboard; the editor finds the comment on the
dashboard and on the edit view, fixes and resubmits; the approver approves ("…
freigegeben und veröffentlicht") and the release is live, and found by the site
search, which did not show the submitted draft. Submitting while an
autosave is under way: test_journey_editor_autosave.py.
"""

import pytest

from .journeys import (
    dashboard_row_action,
    fill_release,
    footer_action,
    log_in,
    make_accounts,
    messages,
    open_new_release_form,
    page_state,
    topic_names,
    wait_until_form_watches,
)

SEARCH = "/de/suche/?q=Reise+der+Redaktion+Verbund"

ACCOUNTS = {
    "journey-editor": "Redaktion AGV",
    "journey-approver": "Freigabe AGV",
}


@pytest.fixture(scope="module")
def accounts(site_database):
    make_accounts(site_database, ACCOUNTS)


def test_editor_approver_round_trip(browser, live_site, site_database, accounts):
    title = "Reise der Redaktion: Ausbildung im Verbund"
    names = topic_names(site_database)

    # 1. The editor starts from the dashboard shortcut and fills the release.
    editor_context, editor = log_in(browser, live_site, "journey-editor")
    open_new_release_form(editor)
    topics_text = editor.locator("#id_topics").inner_text()
    assert all(name in topics_text for name in names["de"])
    assert not any(
        name in topics_text for name in names["en"] if name not in names["de"]
    )
    fill_release(editor, title, "Ein erster Vorspann.", "Pressestelle, AGV")
    footer_action(editor, "action-submit")
    assert "eingereicht" in messages(editor)
    reader = browser.new_context(base_url=live_site.url)
    public = reader.new_page()
    public.goto(SEARCH)
    assert title not in public.locator("main").inner_text(), "a draft is not public"

    # 2. The approver asks for changes from the dashboard, with a comment.
    approver_context, approver = log_in(browser, live_site, "journey-approver")
    comment = "Bitte nennen Sie im Vorspann den Ausbildungsbetrieb."
    approver.goto("/admin/")
    dashboard_row_action(approver, title, "Änderungen anfordern")
    approver.locator(".modal textarea").fill(comment)
    with approver.expect_navigation():
        approver.locator(".modal").get_by_role(
            "button", name="Änderungen anfordern"
        ).click()
    approver.wait_for_load_state("networkidle")
    assert "Änderungen" in messages(approver) and title in messages(approver)

    # 3. The editor sees the comment on the dashboard and on the edit view.
    editor.goto("/admin/")
    panel = editor.locator("[id^=editorial-changes-requested]").first
    assert comment in panel.inner_text()
    panel.get_by_role("link", name=title).click()
    editor.wait_for_load_state("networkidle")
    assert comment in messages(editor)
    assert "journey-approver" in messages(editor)
    editor.screenshot(path=str(site_database.parent / "editor-sees-comment.png"))

    # 4. The editor fixes the lead and submits again.
    wait_until_form_watches(editor)
    editor.fill("#id_lead", "Ein Vorspann mit dem Ausbildungsbetrieb.")
    footer_action(editor, "action-submit")
    assert "eingereicht" in messages(editor)
    editor.goto("/admin/")
    assert comment not in editor.locator("main").inner_text()

    # 5. The approver approves from the dashboard; the message says what happened.
    approver.goto("/admin/")
    with approver.expect_navigation():
        dashboard_row_action(approver, title, "Freigeben")
    approver.wait_for_load_state("networkidle")
    assert "freigegeben und veröffentlicht" in messages(approver)

    # 6. The release is live for every reader.
    [state] = page_state(site_database, title)
    assert (
        state["live"] and state["workflow"] is None or state["workflow"] == "approved"
    )
    response = public.goto(state["url"])
    assert response.status == 200
    assert title in public.locator("h1").inner_text()
    assert "Ausbildungsbetrieb" in public.locator("main").inner_text()
    # Readers find it through the site search (the publish indexed it).
    public.goto(SEARCH)
    assert title in public.locator("main").inner_text()
    for context in (editor_context, approver_context, reader):
        context.close()
