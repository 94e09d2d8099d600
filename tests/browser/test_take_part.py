"""Taking part in a real browser: the contact form and an expert group's "Mitmachen"
form, each sent by keyboard alone and checked with axe (also with its error summary).
The admin side: test_take_part_admin.py.

The forms run on the served copy of the demo site; the pages are found by their type,
and each test checks what it sent in that site's database.
"""

import json
import time

import pytest

from .axe import axe_violations
from .conftest import HUMAN_PAUSE, pages_of, tab_until
from .journeys import shell

STORED = """
import json
from contact.models import ContactMessage
print(json.dumps([
    {{"code": m.recipient_code, "status": m.status, "subject": m.subject,
      "group": m.expert_group.slug if m.expert_group_id else None}}
    for m in ContactMessage.objects.filter(email={email!r})
]))
"""


@pytest.fixture
def reader(browser, live_site):
    # axe is injected as a script, which the site's strict CSP rightly refuses.
    context = browser.new_context(
        base_url=live_site.url, locale="de-DE", bypass_csp=True
    )
    yield context
    context.close()


def stored(site_database, email):
    return json.loads(shell(site_database, STORED.format(email=email)))


def focus(page, condition):
    assert tab_until(page, condition), f"Tab never reached: {condition}"


def type_into(page, name, text):
    focus(page, f"el.name === {name!r}")
    page.keyboard.type(text)


def fill_message_by_keyboard(page, email, subject=None):
    type_into(page, "name", "Tastatur Nutzerin")
    type_into(page, "email", email)
    type_into(page, "organisation", "Barrierefrei GmbH")
    if subject:
        type_into(page, "subject", subject)
    type_into(page, "message", "Ich habe das Formular nur mit der Tastatur ausgefüllt.")
    focus(page, "el.name === 'consent'")
    page.keyboard.press("Space")
    assert page.is_checked("[name=consent]")


def submit_by_keyboard(page):
    focus(page, "el.type === 'submit' && el.closest('form.message-form')")
    time.sleep(HUMAN_PAUSE)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def check_error_summary(page, axe_source):
    """An empty form sent by Enter: a summary at the top, focused, linking the fields."""
    focus(page, "el.name === 'name'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    summary = page.locator("#error-summary")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.id") == "error-summary"
    links = summary.locator("a")
    assert links.count() >= 3
    target = links.first.get_attribute("href").lstrip("#")
    assert page.locator(f"#{target}").count() == 1
    assert axe_violations(page, axe_source) == []
    # The summary's first link leads to its field.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == f"#{target}"


def test_contact_form_by_keyboard_with_axe(
    reader, page_types, site_database, axe_source
):
    path = next(
        url for _m, lang, url in pages_of(page_types, "ContactPage") if lang == "de"
    )
    page = reader.new_page()
    response = page.goto(path, wait_until="networkidle")
    assert response.status == 200
    assert reader.cookies() == []
    assert axe_violations(page, axe_source) == []
    check_error_summary(page, axe_source)
    # Choose AGV with the arrow keys, as in any radio group.
    focus(page, "el.name === 'recipient'")
    for _ in range(10):
        if page.evaluate("document.activeElement.value") == "agv":
            break
        page.keyboard.press("ArrowDown")
    assert page.is_checked("[name=recipient][value=agv]")
    fill_message_by_keyboard(page, "tastatur-kontakt@example.org", "Per Tastatur")
    submit_by_keyboard(page)
    assert page.url.endswith("/thanks/")
    assert page.locator("h1").count() == 1
    assert axe_violations(page, axe_source) == []
    assert reader.cookies() == []
    assert stored(site_database, "tastatur-kontakt@example.org") == [
        {"code": "agv", "status": "new", "subject": "Per Tastatur", "group": None}
    ]


def test_mitmachen_by_keyboard_with_axe(reader, page_types, site_database, axe_source):
    path = next(
        url for _m, lang, url in pages_of(page_types, "ExpertGroupPage") if lang == "en"
    )
    page = reader.new_page()
    assert page.goto(path, wait_until="networkidle").status == 200
    assert axe_violations(page, axe_source) == []
    fill_message_by_keyboard(page, "tastatur-gruppe@example.org")
    submit_by_keyboard(page)
    assert page.url.endswith("/thanks/")
    assert axe_violations(page, axe_source) == []
    rows = stored(site_database, "tastatur-gruppe@example.org")
    assert len(rows) == 1 and rows[0]["group"] and rows[0]["status"] == "new"
