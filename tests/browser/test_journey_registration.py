"""A visitor registers for an event, confirms from the e-mail, the place counts, and
cancels; the organiser sees and exports the registration in the admin (issue 14).

The site runs with a file-based mail backend (TEST_EMAIL_FILE_PATH): the journey opens
the confirmation link from the e-mail the served site wrote. The event is made in the
served database by the registrations tests' own factory, not taken from the demo.
"""

import csv
import io
import json
import re
import tempfile
from pathlib import Path

import pytest

from tests.serving import SiteServer, copy_of_demo_database

from .conftest import AXE, HUMAN_PAUSE, SERVED_FORM_SETTINGS
from .journeys import PASSWORD, make_accounts, shell

ACCOUNTS = {"registration-journey-editor": "Redaktion AGV"}

MAKE_EVENT = """
import json
from tests.registrations.conftest import ensure_events_index, make_event
ensure_events_index()
event = make_event("agv", capacity=2, ask_organisation=True, title="Reisewerkstatt Anmeldung")
print(json.dumps({"pk": event.pk, "url": event.url}))
"""

PLACES = """
from events.models import EventPage
from registrations import booking
print(booking.places_left(EventPage.objects.get(pk={pk})))
"""

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def mail_folder():
    return Path(tempfile.mkdtemp(prefix="tregks-mail-"))


@pytest.fixture(scope="module")
def site(browser, mail_folder):
    database = copy_of_demo_database()
    make_accounts(database, ACCOUNTS)
    event = json.loads(shell(database, MAKE_EVENT))
    with SiteServer(
        f"sqlite:///{database}",
        workers=2,
        TEST_EMAIL_FILE_PATH=str(mail_folder),
        **SERVED_FORM_SETTINGS,
    ) as server:
        yield server, database, event


def mails(folder):
    return "\n".join(
        path.read_text(errors="replace") for path in sorted(folder.glob("*.log"))
    )


def link_from_mail(folder, kind):
    text = mails(folder)
    found = re.findall(rf"https?://[^\s\"<>]+/anmeldung/{kind}/[^\s\"<>/]+/", text)
    assert found, f"no {kind} link in the e-mails:\n{text[-2000:]}"
    return found[-1]


def axe_violations(page):
    page.evaluate(AXE.read_text())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [f"{v['id']}: {v['help']}" for v in result["violations"]]


def test_register_confirm_cancel_and_the_organiser_exports(browser, site, mail_folder):
    server, database, event = site
    visitor = browser.new_context(base_url=server.url, locale="de-DE", bypass_csp=True)
    page = visitor.new_page()
    page.goto(event["url"], wait_until="networkidle")
    box = page.locator("section.registration")
    assert "2 Plätze frei" in box.inner_text()
    assert visitor.cookies() == []  # reading sets no cookie
    assert axe_violations(page) == []

    # An invalid address first: the error summary names the field, nothing is stored.
    page.locator("#id_name").fill("Rosa Reisende")
    page.locator("#id_email").fill("rosa-at-example")
    page.locator("#id_organisation").fill("Fahrradwerk Süd")
    page.locator("#id_consent").check()
    # Longer than the minimum fill time of the form protection.
    page.wait_for_timeout(HUMAN_PAUSE * 1000)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_load_state("networkidle")
    summary = page.locator(".registration__errors")
    assert "E-Mail-Adresse" in summary.inner_text()
    assert page.locator("#id_email").get_attribute("aria-invalid") == "true"
    assert axe_violations(page) == []

    page.locator("#id_email").fill("rosa@example.org")
    if not page.locator("#id_consent").is_checked():
        page.locator("#id_consent").check()
    page.wait_for_timeout(HUMAN_PAUSE * 1000)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_load_state("networkidle")
    assert "Bitte sehen Sie in Ihr Postfach" in page.content()
    assert shell(database, PLACES.format(pk=event["pk"])) == "2"  # held, not counted

    # The link in the e-mail; the page asks once more, the button confirms.
    page.goto(link_from_mail(mail_folder, "bestaetigen"))
    page.get_by_role("button", name="Anmeldung bestätigen").click()
    page.wait_for_load_state("networkidle")
    assert "Anmeldung bestätigt" in page.locator("h1").inner_text()
    assert shell(database, PLACES.format(pk=event["pk"])) == "1"
    page.goto(event["url"], wait_until="networkidle")
    assert "1 Platz frei" in page.locator("section.registration").inner_text()

    # The organiser sees the registration and exports it.
    organiser = browser.new_context(
        base_url=server.url, locale="de-DE", accept_downloads=True
    )
    admin = organiser.new_page()
    admin.goto("/admin/login/")
    admin.fill("#id_username", "registration-journey-editor")
    admin.fill("#id_password", PASSWORD)
    with admin.expect_navigation():
        admin.keyboard.press("Enter")
    admin.goto("/admin/registrations/")
    admin.get_by_role("link", name="Reisewerkstatt Anmeldung").click()
    admin.wait_for_load_state("networkidle")
    table = admin.locator("table.listing").inner_text()
    assert "Rosa Reisende" in table and "Fahrradwerk Süd" in table
    with admin.expect_download() as download_info:
        admin.get_by_role("link", name="Als CSV exportieren (Excel)").click()
    raw = Path(download_info.value.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[1][:3] == ["Rosa Reisende", "rosa@example.org", "Fahrradwerk Süd"]

    # The visitor cancels with the link from the e-mail; the place is free again.
    page.goto(link_from_mail(mail_folder, "abmelden"))
    page.get_by_role("button", name="Anmeldung stornieren").click()
    page.wait_for_load_state("networkidle")
    assert "storniert" in page.locator("h1").inner_text()
    assert shell(database, PLACES.format(pk=event["pk"])) == "2"
    admin.reload()
    # A cancelled registration reads "Storniert" (the event status is "Abgesagt").
    assert "Storniert" in admin.locator("table.listing").inner_text()
    visitor.close()
    organiser.close()
