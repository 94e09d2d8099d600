"""A reader subscribes from the footer and reports a barrier, by keyboard only; axe finds
no WCAG 2.1 A/AA violation on the forms, their error pages and their answers."""

import json
import time

from .axe import axe_violations
from .conftest import AXE, HUMAN_PAUSE, open_page, tab_until
from .journeys import shell

SUBSCRIPTIONS = """
import json
from newsletter.models import Subscription
print(json.dumps([[s.email, s.language, s.status] for s in Subscription.objects.filter(email__endswith="@browser.example")]))
"""
REPORTS = """
import json
from barriers.models import BarrierReport
print(json.dumps([[r.page_url, r.description, r.status] for r in BarrierReport.objects.filter(description__startswith="Browser:")]))
"""
FILL_TIME = HUMAN_PAUSE  # longer than the served forms' minimum fill time


def axe_context_for(browser, live_site):
    # axe is injected as a script, which the site's strict CSP rightly refuses.
    return browser.new_context(base_url=live_site.url, bypass_csp=True, locale="de-DE")


def test_subscribe_from_the_footer_by_keyboard_only(browser, live_site, site_database):
    context = axe_context_for(browser, live_site)
    axe = AXE.read_text()
    page, _ = open_page(context, "/en/")
    assert not context.cookies()
    problems = axe_violations(page, axe)
    started = time.monotonic()
    # Keyboard only: Tab to the footer box's address field, type, tick, send.
    assert tab_until(page, "el.id === 'newsletter-footer-email'", presses=200)
    page.keyboard.type("Ida.Reader@browser.example")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "newsletter-footer-consent"
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    time.sleep(max(0, FILL_TIME - (time.monotonic() - started)))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/en/newsletter/requested/")
    assert page.locator("h1").inner_text() == "Please check your inbox"
    problems += axe_violations(page, axe)
    stored = json.loads(shell(site_database, SUBSCRIPTIONS))
    assert stored == [["ida.reader@browser.example", "en", "pending"]]

    # Without consent: the sign-up page shows the error, linked to the field.
    page.goto("/de/")
    started = time.monotonic()
    assert tab_until(page, "el.id === 'newsletter-footer-email'", presses=200)
    page.keyboard.type("zweite@browser.example")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    time.sleep(max(0, FILL_TIME - (time.monotonic() - started)))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    summary = page.locator(".form-error-summary")
    assert summary.is_visible()
    problems += axe_violations(page, axe)
    summary.locator("a").first.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_consent"
    assert not problems, "\n".join(problems)
    context.close()


def test_report_a_barrier_from_the_footer_by_keyboard_only(
    browser, live_site, site_database
):
    context = axe_context_for(browser, live_site)
    axe = AXE.read_text()
    page, _ = open_page(context, "/de/barrierefreiheit/")
    # The statement names the route and the enforcement body.
    text = page.locator("main").inner_text()
    assert "Durchsetzungs" in text
    assert tab_until(
        page,
        "el.closest('footer') && el.tagName === 'A' && el.href.includes('?page=')",
        250,
    )
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert not context.cookies()
    assert page.locator("#id_page").input_value() == "/de/barrierefreiheit/"
    problems = axe_violations(page, axe)
    started = time.monotonic()
    # Sent empty first: the error summary links to the description.
    assert tab_until(page, "el.type === 'submit' && el.closest('main')", 40)
    time.sleep(max(0, FILL_TIME - (time.monotonic() - started)))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".form-error-summary").is_visible()
    problems += axe_violations(page, axe)
    assert page.evaluate("document.activeElement.tagName") != "TEXTAREA"
    page.locator(".form-error-summary a").first.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_description"
    started = time.monotonic()
    page.keyboard.type("Browser: Das Menü schließt sich nicht mit Escape.")
    assert tab_until(page, "el.type === 'submit' && el.closest('main')", 10)
    time.sleep(max(0, FILL_TIME - (time.monotonic() - started)))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/barriers/thanks/" in page.url
    problems += axe_violations(page, axe)
    stored = json.loads(shell(site_database, REPORTS))
    assert stored == [
        [
            "/de/barrierefreiheit/",
            "Browser: Das Menü schließt sich nicht mit Escape.",
            "new",
        ]
    ]
    assert not context.cookies()
    assert not problems, "\n".join(problems)
    context.close()
