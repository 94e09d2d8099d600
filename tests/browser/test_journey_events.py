"""A visitor finds an upcoming event in each language and downloads its calendar file.

The journey makes its own event (in AGV's section, translated to English) so that it
is the soonest upcoming one; axe checks the events page and the event page on the way.
"""

import datetime

import icalendar
import pytest

from tests.serving import manage, served_env

from .axe import WCAG_TAGS

SETUP = """
import datetime
from django.utils import timezone
from events.models import EventIndexPage, EventPage
from partners.models import PartnerSectionPage
from tregks.demo.pages import Phrasebook, translate

index = EventIndexPage.objects.get(locale__language_code="de")
section = PartnerSectionPage.objects.child_of(index).get(partner__code="agv")
page = section.get_children().filter(slug="reise-termin").first()
if page is None:
    start = timezone.localtime() + datetime.timedelta(days=1)
    start = start.replace(hour=10, minute=0, second=0, microsecond=0)
    page = EventPage(
        title="Reise-Werkstatt für kleine Betriebe",
        slug="reise-termin",
        event_format="werkstatt",
        lead="Ein Vormittag mit Beispielen aus der Region.",
        start=start,
        end=start + datetime.timedelta(hours=3),
        city="Kassel",
        accessibility=["step_free"],
        live=False,
    )
    section.add_child(instance=page)
    page.save_revision().publish()
    t = Phrasebook()
    t(page.title, "Journey workshop for small businesses")
    t(page.slug, "journey-event")
    t(page.lead, "A morning with examples from the region.")
    translate(page, t)
print("ok")
"""

TITLES = {
    "de": "Reise-Werkstatt für kleine Betriebe",
    "en": "Journey workshop for small businesses",
}


@pytest.fixture(scope="module")
def journey(live_site, site_database):
    manage("shell", "-c", SETUP, env=served_env(site_database))


def axe_problems(page):
    from .conftest import AXE

    page.evaluate(AXE.read_text())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [f"{page.url}: {v['id']}: {v['help']}" for v in result["violations"]]


@pytest.mark.parametrize(
    ("language", "menu", "button"),
    [
        ("de", "Veranstaltungen", "In den Kalender eintragen (.ics)"),
        ("en", "Events", "Add to calendar (.ics)"),
    ],
)
def test_visitor_finds_an_upcoming_event_and_downloads_it(
    browser, live_site, journey, tmp_path, language, menu, button
):
    # bypass_csp: axe is injected as a script, which the site's CSP rightly refuses.
    context = browser.new_context(
        base_url=live_site.url, accept_downloads=True, bypass_csp=True
    )
    page = context.new_page()
    page.goto(f"/{language}/", wait_until="networkidle")
    with page.expect_navigation():
        page.get_by_role("navigation").get_by_role(
            "link", name=menu, exact=True
        ).first.click()
    assert axe_problems(page) == []

    # Upcoming events come first, soonest on top: the journey's event leads.
    first_card = page.locator("#upcoming-heading + ul .card__title a").first
    assert first_card.inner_text() == TITLES[language]
    with page.expect_navigation():
        first_card.click()
    assert page.locator("h1").inner_text() == TITLES[language]
    assert page.locator(".event-when time").first.get_attribute("datetime")
    assert axe_problems(page) == []

    with page.expect_download() as download_info:
        page.get_by_role("link", name=button).click()
    path = tmp_path / "event.ics"
    download_info.value.save_as(path)
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    (entry,) = calendar.walk("VEVENT")
    assert str(entry["SUMMARY"]) == TITLES[language]
    assert entry["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert entry["DTSTART"].dt > datetime.datetime.now(datetime.UTC)
    context.close()
