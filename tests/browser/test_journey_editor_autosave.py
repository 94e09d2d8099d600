"""The editor's journey in the German admin (issue 12), submitting while an autosave is
under way: the editor types, the autosave goes out (its answer held back), the editor
types on and submits at once; nothing typed is lost and no second draft appears.
"""

import pytest

from .journeys import (
    footer_action,
    log_in,
    make_accounts,
    messages,
    open_new_release_form,
    page_state,
)

ACCOUNTS = {"journey-editor": "Redaktion AGV"}

# The fetch() of the admin's autosave reaches the server at once, but its answer is
# held back for 2.5 s: the editor's click on "submit" lands while it is under way.
SLOW_AUTOSAVE_ANSWERS = """
(() => {
  const original = window.fetch;
  window.fetch = async function (url, options) {
    const headers = (options && options.headers) || {};
    const autosave = options && String(options.method).toUpperCase() === 'POST'
      && headers.Accept === 'application/json';
    const response = await original.apply(this, arguments);
    if (autosave) await new Promise((resolve) => setTimeout(resolve, 2500));
    return response;
  };
})();
"""


@pytest.fixture(scope="module")
def accounts(site_database):
    make_accounts(site_database, ACCOUNTS)


def test_submit_during_an_autosave_keeps_everything(
    browser, live_site, site_database, accounts
):
    title = "Reise der Redaktion: Einreichen beim automatischen Speichern"
    context, editor = log_in(browser, live_site, "journey-editor")
    context.add_init_script(SLOW_AUTOSAVE_ANSWERS)
    editor = context.new_page()
    open_new_release_form(editor)
    editor.fill("#id_title", title)
    editor.fill("#id_release_date", "2026-12-02")
    editor.fill("#id_lead", "Vor dem automatischen Speichern getippt.")
    # Wait until the autosave has gone out: its answer is held back for 2.5 s.
    with editor.expect_request(
        lambda request: (
            request.method == "POST"
            and request.headers.get("accept") == "application/json"
        ),
        timeout=15000,
    ):
        editor.locator("#id_title").click()
    editor.wait_for_timeout(300)
    # Typed after the autosave, then straight to "submit".
    editor.fill("#id_contact_role", "Pressestelle, AGV")
    editor.locator("#id_topics input[type=checkbox]").first.check()
    editor.locator("#id_issuing_partners input[type=checkbox]").first.check()
    footer_action(editor, "action-submit")
    text = messages(editor)
    assert "Prüfungsfehler" not in text
    assert "eingereicht" in text

    rows = page_state(site_database, title)
    assert len(rows) == 1, rows  # one page, not an autosaved draft beside it
    [state] = rows
    assert state["workflow"] == "in_progress"
    assert state["contact_role"] == "Pressestelle, AGV"
    assert len(state["topics"]) == 1 and len(state["partners"]) == 1
    context.close()
