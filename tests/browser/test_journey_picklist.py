"""A long partner list in the German admin, used by keyboard and mouse (issue 12).

The served demo gets enough extra German partner profiles for "Herausgebende Partner"
to be a long list (core/picklist_widget.py). An editor of AGV opens a new press release
from the dashboard, finds a partner by typing part of its name into the filter, ticks
it with the keyboard, submits the release, and finds the partner ticked, first in the
list, after reloading the edit view. Nothing is requested from another host.
"""

import re

import pytest

from tregks.core.picklist_widget import FILTER_FROM

from .axe import WCAG_TAGS
from .conftest import tab_until
from .journeys import (
    footer_action,
    log_in,
    make_accounts,
    messages,
    open_new_release_form,
    page_state,
    shell,
    wait_until_form_watches,
)

ACCOUNTS = {"journey-picklist": "Redaktion AGV"}
WANTED = ("Glasmanufaktur Lohfelden eG", "GML")

# German profiles of network members below the partner directory, so that the list is
# long (members: a consortium partner's profile would also get sections and groups).
ADD_PARTNERS = """
from partners.factories import PartnerProfilePageFactory
from partners.models import PartnerProfilePage, PartnerRole
names = {{f"Mitgliedsbetrieb {{n:02}} Nordhessen": f"MB{{n:02}}" for n in range({count})}}
names[{wanted!r}] = {short!r}
for name, short in names.items():
    if not PartnerProfilePage.objects.filter(title=name).exists():
        PartnerProfilePageFactory(title=name, short_name=short, role=PartnerRole.MEMBER)
print(PartnerProfilePage.objects.filter(locale__language_code="de").count())
"""
FIND_PAGE = """
from wagtail.models import Page
print(Page.objects.get(title={title!r}).pk)
"""


@pytest.fixture(scope="module")
def partner_count(site_database):
    make_accounts(site_database, ACCOUNTS)
    return int(
        shell(
            site_database,
            ADD_PARTNERS.format(count=FILTER_FROM, wanted=WANTED[0], short=WANTED[1]),
        )
    )


def shown_options(editor):
    return editor.locator("#id_issuing_partners > div:visible")


def test_editor_finds_and_ticks_a_partner_by_filter_and_keyboard(
    browser, live_site, site_database, partner_count, axe_source
):
    title = "Picklisten-Reise: Glas aus Lohfelden"
    context, editor = log_in(browser, live_site, "journey-picklist")
    requests, errors = [], []
    editor.on("request", lambda request: requests.append(request))
    editor.on("pageerror", lambda error: errors.append(str(error)))
    open_new_release_form(editor)

    # A filter field with a German label, and a status that counts the entries.
    status = editor.locator("#id_issuing_partners-status")
    assert status.inner_text() == f"Ausgewählt: 0 von {partner_count}."
    filter_field = editor.get_by_label("Herausgebende Partner filtern")
    assert filter_field.is_visible()
    assert shown_options(editor).count() == partner_count

    # By keyboard: Tab from the lead reaches the filter; typing narrows the list.
    editor.locator("#id_lead").focus()
    assert tab_until(editor, "el.id === 'id_issuing_partners-filter'")
    editor.keyboard.type("glasmanuf")
    editor.wait_for_timeout(600)  # the status waits for a pause in typing
    assert status.inner_text() == f"Treffer: 1 von {partner_count}. Ausgewählt: 0."
    assert shown_options(editor).count() == 1
    assert shown_options(editor).inner_text().strip() == f"{WANTED[0]} ({WANTED[1]})"
    editor.screenshot(path=str(site_database.parent / "picklist-filtered.png"))
    # Enter does not send the page form.
    url = editor.url
    editor.keyboard.press("Enter")
    editor.wait_for_timeout(300)
    assert editor.url == url and filter_field.input_value() == "glasmanuf"
    # The short name finds it too; a name that matches nothing says so.
    filter_field.fill("GML")
    editor.wait_for_timeout(600)
    assert shown_options(editor).count() == 1
    filter_field.fill("xyzzy")
    editor.wait_for_timeout(600)
    assert shown_options(editor).count() == 0
    assert status.inner_text() == "Kein Eintrag passt zu „xyzzy“. Ausgewählt: 0."
    filter_field.fill("lohfeld")
    editor.wait_for_timeout(600)

    # Down arrow to the entry shown, Space ticks it; the focus is visible.
    editor.keyboard.press("ArrowDown")
    focused = editor.evaluate("document.activeElement.closest('label').textContent")
    assert WANTED[0] in focused
    outline = editor.evaluate(
        "getComputedStyle(document.activeElement).outlineStyle"
        " + getComputedStyle(document.activeElement).boxShadow"
    )
    assert outline not in ("nonenone", "none"), outline
    editor.keyboard.press("Space")
    assert status.inner_text().endswith("Ausgewählt: 1.")

    # Escape in the filter shows every entry again; the tick stays.
    editor.keyboard.press("Shift+Tab")
    editor.keyboard.press("Escape")
    assert filter_field.input_value() == ""
    assert shown_options(editor).count() == partner_count
    editor.wait_for_timeout(600)
    assert status.inner_text() == f"Ausgewählt: 1 von {partner_count}."

    picklist = editor.locator(".picklist").first
    picklist.scroll_into_view_if_needed()
    editor.screenshot(path=str(site_database.parent / "picklist-filter.png"))
    violations = axe_in(editor, axe_source, ".picklist")
    assert not violations, violations

    # The rest of the release; then submit it for approval.
    editor.fill("#id_title", title)
    editor.fill("#id_release_date", "2026-12-02")
    editor.fill("#id_lead", "Glas aus Lohfelden für die Region.")
    editor.fill("#id_contact_role", "Pressestelle, AGV")
    editor.locator("#id_topics input[type=checkbox]").first.check()
    footer_action(editor, "action-submit")
    assert "eingereicht" in messages(editor)
    [state] = page_state(site_database, title)
    assert len(state["partners"]) == 1

    # Opened again, the edit view shows the partner ticked and first in the list.
    page_id = shell(site_database, FIND_PAGE.format(title=title))
    editor.goto(f"/admin/pages/{page_id}/edit/", wait_until="networkidle")
    first = editor.locator("#id_issuing_partners input[type=checkbox]").first
    assert first.is_checked()
    label = editor.locator("#id_issuing_partners label").first.inner_text()
    assert WANTED[0] in label
    assert status.inner_text() == f"Ausgewählt: 1 von {partner_count}."

    # Filtering changes nothing in the form: no autosave, no "unsaved changes".
    wait_until_form_watches(editor)
    posts_before = [r for r in requests if r.method == "POST"]
    editor.get_by_label("Herausgebende Partner filtern").fill("mitglied")
    editor.wait_for_timeout(3000)
    assert [r for r in requests if r.method == "POST"] == posts_before
    assert status.inner_text().startswith("Treffer: ")

    urls = [request.url for request in requests]
    assert not [url for url in urls if not url.startswith((live_site.url, "data:"))]
    assert not errors, errors
    context.close()


def axe_in(page, axe_source, selector):
    """WCAG 2.1 A/AA violations inside the element `selector`, as readable lines."""
    page.evaluate(axe_source)
    result = page.evaluate(
        "([selector, tags]) => axe.run(document.querySelector(selector),"
        " {runOnly: {type: 'tag', values: tags}})",
        [selector, WCAG_TAGS],
    )
    return [
        f"{violation['id']}: {violation['help']} – "
        f"{[node['target'] for node in violation['nodes'][:3]]}"
        for violation in result["violations"]
    ]


def test_the_list_is_not_taller_than_its_box(browser, live_site, partner_count):
    """However many partners there are, the list scrolls inside a box of its own."""
    context, editor = log_in(browser, live_site, "journey-picklist")
    open_new_release_form(editor)
    box = editor.locator("#id_issuing_partners")
    height = box.evaluate("el => el.getBoundingClientRect().height")
    scroll = box.evaluate("el => el.scrollHeight")
    assert height < scroll and height < 500
    assert re.search(r"\d+", editor.locator("#id_issuing_partners-status").inner_text())
    context.close()
