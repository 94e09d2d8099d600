"""The translator's journey, by clicks only, in the German admin.

A translator opens "Zu übersetzen" from the dashboard, starts the translation of a
live German release, translates its title and address (slug), and submits it for
approval from the translation editor. The partner's approver approves it in the same
editor, and the English release is live at its English address.

Set TREGKS_JOURNEY_SHOTS to a folder to keep a screenshot of every step.
"""

import os
from pathlib import Path

import pytest

from tests.serving import manage, served_env

PASSWORD = "Journey-Translator-2026"
GERMAN_TITLE = "Sprechstunde für kleine Betriebe im Landkreis"
ENGLISH_TITLE = "Consultation hours for small businesses in the district"
ENGLISH_SLUG = "consultation-hours-small-businesses"

SETUP = f"""
import datetime
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale
from news.models import NewsIndexPage, PressReleasePage
from partners.models import PartnerSectionPage
from tregks.editorial.setup import TRANSLATOR_GROUP, approver_group_name

def account(username, group_name):
    user, _ = get_user_model().objects.get_or_create(
        username=username, defaults={{"email": f"{{username}}@tregks.invalid"}}
    )
    user.set_password("{PASSWORD}")
    user.save()
    user.groups.add(Group.objects.get(name=group_name))

index = NewsIndexPage.objects.get(locale__language_code="de")
section = PartnerSectionPage.objects.child_of(index).get(partner__code="agv")
account("journey-translator", TRANSLATOR_GROUP)
account("journey-approver", approver_group_name(section.partner.short_name))
page = section.get_children().filter(slug="reise-sprechstunde").first()
if page is None:
    page = PressReleasePage(
        title="{GERMAN_TITLE}",
        slug="reise-sprechstunde",
        lead="Einmal im Monat beantworten die Partner Fragen kleiner Betriebe.",
        release_date=datetime.date.today(),
        live=False,
    )
    section.add_child(instance=page)
    page.save_revision().publish()
english_section = section.get_translation(Locale.objects.get(language_code="en"))
print(english_section.url)
"""


@pytest.fixture(scope="module")
def journey(live_site, site_database):
    output = manage("shell", "-c", SETUP, env=served_env(site_database))
    return {"english_section_url": output.strip().splitlines()[-1]}


class Camera:
    def __init__(self):
        folder = os.environ.get("TREGKS_JOURNEY_SHOTS")
        self.folder = Path(folder) if folder else None
        self.count = 0

    def __call__(self, page, name):
        if self.folder is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        self.count += 1
        page.screenshot(
            path=str(self.folder / f"translator-{self.count:02d}-{name}.png")
        )


def log_in(browser, live_site, username):
    context = browser.new_context(
        base_url=live_site.url, locale="de-DE", viewport={"width": 1400, "height": 1000}
    )
    page = context.new_page()
    page.goto("/admin/login/")
    page.get_by_label("Benutzername").fill(username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/admin/login/" not in page.url
    return context, page


def test_translator_translates_and_the_approver_publishes(browser, live_site, journey):
    shot = Camera()

    # The translator finds the release through "Zu übersetzen" on the dashboard.
    context, page = log_in(browser, live_site, "journey-translator")
    assert page.get_by_role("heading", name="Zu übersetzen").is_visible()
    shot(page, "dashboard")
    page.get_by_role("link", name="Ganze Liste anzeigen").click()
    page.wait_for_load_state("networkidle")
    row = page.locator("tr", has_text=GERMAN_TITLE)
    assert row.count() == 1
    assert "Noch nicht übersetzt" in row.text_content()
    shot(page, "list")
    with page.expect_navigation():
        row.get_by_role("button", name="Übersetzen").click()
    page.wait_for_selector(".js-translation-editor button")
    shot(page, "editor")

    # The title, in wagtail-localize's editor (saved on "Speichern").
    editor = page.locator(".js-translation-editor")
    editor.get_by_role("button", name="Übersetzen").first.click()
    editor.locator("textarea").first.fill(ENGLISH_TITLE)
    with page.expect_response(lambda r: "/strings/" in r.url and r.ok):
        editor.get_by_role("button", name="Speichern").first.click()
    shot(page, "title-translated")

    # The address, in the field above the editor.
    page.get_by_label("Adresse (Kurztitel) der Seite auf").fill(ENGLISH_SLUG)
    with page.expect_navigation():
        page.get_by_role("button", name="Adresse speichern").click()
    assert "wurde gespeichert" in page.locator(".messages").inner_text()
    shot(page, "slug-saved")

    # Submitted from the translation editor's main button.
    footer = page.locator("[data-editorial-translation-footer]")
    with page.expect_navigation():
        footer.get_by_role("button", name="Übersetzung zur Freigabe einreichen").click()
    assert "zur Freigabe eingereicht" in page.locator(".messages").inner_text()
    shot(page, "submitted")
    context.close()

    # The partner's approver opens it from the dashboard and approves it there.
    context, page = log_in(browser, live_site, "journey-approver")
    shot(page, "approver-dashboard")
    with page.expect_navigation():
        page.get_by_role("link", name=ENGLISH_TITLE).first.click()
    page.wait_for_selector("[data-editorial-translation-footer]")
    assert page.locator("[data-editorial-review]").is_visible()
    shot(page, "approver-editor")
    with page.expect_navigation():
        page.locator("[data-editorial-translation-footer]").get_by_role(
            "button", name="Freigeben", exact=True
        ).click()
    message = page.locator(".messages").inner_text()
    assert "freigegeben und veröffentlicht" in message
    shot(page, "approved")
    context.close()

    # A reader finds the English release at its English address.
    reader = browser.new_context(base_url=live_site.url, locale="en-GB")
    public = reader.new_page()
    url = f"{journey['english_section_url']}{ENGLISH_SLUG}/"
    response = public.goto(url)
    assert response.status == 200
    assert public.locator("h1").inner_text().strip() == ENGLISH_TITLE
    shot(public, "public")
    reader.close()
