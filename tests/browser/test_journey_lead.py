"""The consortium lead's journey, by clicks in the German admin (issue 12).

A network-wide release goes from the partner's editor through the partner's approver
(whose message says it now waits for the lead) to `lead`, who signs it off from the
dashboard; the lead's admin offers nothing that is not the lead's job; the release is
live afterwards.
"""

import pytest

from .journeys import (
    dashboard_row_action,
    fill_release,
    footer_action,
    log_in,
    make_accounts,
    messages,
    page_state,
    wait_until_form_watches,
)

ACCOUNTS = {
    "lead-journey-editor": "Redaktion AGV",
    "lead-journey-approver": "Freigabe AGV",
    "lead-journey-lead": "Konsortialleitung",
}


@pytest.fixture(scope="module")
def accounts(site_database):
    make_accounts(site_database, ACCOUNTS)


def test_network_wide_release_through_the_lead(
    browser, live_site, site_database, accounts
):
    title = "Reise der Leitung: Das Netzwerk zieht Zwischenbilanz"

    # The partner's editor writes a release that speaks for the whole network.
    editor_context, editor = log_in(browser, live_site, "lead-journey-editor")
    editor.goto("/admin/")
    shortcuts = editor.locator("[id^=editorial-new-content]").first
    shortcuts.get_by_role("link", name="Pressemitteilung in").first.click()
    wait_until_form_watches(editor)
    fill_release(
        editor, title, "Sechs Partner, ein Bericht.", "Pressestelle", network_wide=True
    )
    footer_action(editor, "action-submit")
    assert "eingereicht" in messages(editor)

    # The partner's approver approves: the message says it now waits for the lead.
    approver_context, approver = log_in(browser, live_site, "lead-journey-approver")
    approver.goto("/admin/")
    with approver.expect_navigation():
        dashboard_row_action(approver, title, "Freigeben")
    approver.wait_for_load_state("networkidle")
    assert "wartet jetzt auf" in messages(approver)
    assert "Konsortialleitung" in messages(approver)
    [state] = page_state(site_database, title)
    assert not state["live"] and state["task"] == "Freigabe Konsortialleitung"

    # The lead's dashboard: the release to sign off, nothing else to do.
    lead_context, lead = log_in(browser, live_site, "lead-journey-lead")
    lead.goto("/admin/")
    main = lead.locator("main").inner_text()
    assert title in main
    assert "Neu anlegen" not in main
    assert lead.locator("a[href*='/admin/pages/add/']").count() == 0
    sidebar = lead.locator("#wagtail-sidebar, aside").first.inner_text()
    # Images and documents stay: the lead adds network material to the shared
    # collection "Gemeinsam" (docs/editorial-workflow.md).
    for menu in ("Seiten", "Einstellungen", "Benutzer"):
        assert menu not in sidebar, menu
    row = lead.locator("tr", has_text=title)
    row.locator(".w-dropdown__toggle").click()
    offered = lead.locator("[data-w-dropdown-target=content]:visible").inner_text()
    for action in ("Freigeben", "Änderungen anfordern"):
        assert action in offered
    for not_the_leads_job in ("Löschen", "Verschieben", "Veröffentlichung aufheben"):
        assert not_the_leads_job not in offered
    lead.keyboard.press("Escape")

    # The lead signs it off from the dashboard.
    lead.goto("/admin/")
    with lead.expect_navigation():
        dashboard_row_action(lead, title, "Freigeben")
    lead.wait_for_load_state("networkidle")
    assert "freigegeben und veröffentlicht" in messages(lead)
    assert "/admin/" in lead.url

    # Live for every reader.
    [state] = page_state(site_database, title)
    assert state["live"]
    reader = browser.new_context(base_url=live_site.url)
    public = reader.new_page()
    response = public.goto(state["url"])
    assert response.status == 200
    assert title in public.locator("h1").inner_text()
    for context in (editor_context, approver_context, lead_context, reader):
        context.close()
