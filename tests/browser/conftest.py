"""Browser tests: Debian's Chromium driven by Playwright against a real gunicorn.

The site runs in a subprocess on a copy of the demo database (tests/serving.py), so
these tests need no database access of their own and leave the pytest database alone.
No browser download: Chromium comes from Debian (/usr/bin/chromium); axe-core from npm.
"""

import json
import os
from urllib.parse import urlsplit

import pytest

from tests.serving import (
    ROOT,
    RedisServer,
    SiteServer,
    copy_of_demo_database,
    manage,
    serve_with_cache,
    served_env,
)
from tests.utils import CHROMIUM, launch_chromium

AXE = ROOT / "node_modules/axe-core/axe.min.js"
VIDEO_HOSTS = ("www.youtube-nocookie.com", "player.vimeo.com")
# The served sites drop forms sent faster than this (FORM_MIN_FILL_SECONDS, 3 s in
# production, shortened for the journeys); a person's pause before sending is longer.
FORM_MIN_FILL_SECONDS = 1
HUMAN_PAUSE = FORM_MIN_FILL_SECONDS + 0.5
SERVED_FORM_SETTINGS = {"TEST_FORM_MIN_FILL_SECONDS": str(FORM_MIN_FILL_SECONDS)}

# One live page of each page model in each language, read from the served database.
DISCOVER = """
import json
from wagtail.models import Page
seen = {}
for page in Page.objects.live().public().filter(depth__gt=1).specific().order_by("path"):
    key = (page._meta.label, page.locale.language_code)
    if key not in seen and page.url:
        seen[key] = page.url
print(json.dumps(sorted([model, lang, url] for (model, lang), url in seen.items())))
"""


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def site_database():
    return copy_of_demo_database()


@pytest.fixture(scope="session")
def live_site(site_database):
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    if not AXE.exists():
        pytest.skip(f"{AXE} is missing (npm ci)")
    # Redis as in production: the journeys change the database from another process,
    # and both workers must stop serving cached pages at once (tregks/cache).
    with RedisServer() as cache:
        serve_with_cache(site_database, cache.url)
        with SiteServer(
            f"sqlite:///{site_database}",
            workers=2,
            CACHE_URL=cache.url,
            **SERVED_FORM_SETTINGS,
        ) as server:
            yield server


@pytest.fixture(scope="session")
def page_types(site_database):
    """[(model label, language, url)] for every public page type in both languages."""
    output = manage("shell", "-c", DISCOVER, env=served_env(site_database))
    return [tuple(row) for row in json.loads(output.strip().splitlines()[-1])]


# A loaded machine (CI runs both passes side by side on two cores) can take longer
# than Playwright's default of 5 s to answer a form post; waiting longer changes no
# assertion, it only keeps a slow answer from failing the journey.
EXPECT_TIMEOUT_MS = 15_000


@pytest.fixture(scope="module")
def browser(live_site):
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=EXPECT_TIMEOUT_MS)

    playwright = sync_playwright().start()
    browser = launch_chromium(playwright)
    yield browser
    browser.close()
    playwright.stop()


class Recorder:
    """Every request a page makes, CSP violations and console errors."""

    def __init__(self, page):
        self.requests = []
        self.csp_violations = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", self._console)

    def _console(self, message):
        if "Content Security Policy" in message.text:
            self.csp_violations.append(message.text)


def block_video_hosts(context, answered):
    """Answer the video hosts locally: no request ever leaves the machine."""

    def fulfil(route):
        answered.append(route.request.url)
        route.fulfill(
            status=200,
            content_type="text/html",
            body="<!DOCTYPE html><html lang='en'><title>Player</title><p>Player</p></html>",
        )

    for host in VIDEO_HOSTS:
        context.route(f"https://{host}/**", fulfil)


@pytest.fixture(scope="session")
def axe_source():
    return AXE.read_text()


@pytest.fixture
def axe_context(browser, live_site):
    """A reader for axe-core (tests/browser/axe.py), video hosts answered locally."""
    # axe is injected as a script, which the site's strict CSP rightly refuses.
    context = browser.new_context(base_url=live_site.url, bypass_csp=True)
    context.answered_video = []
    block_video_hosts(context, context.answered_video)
    yield context
    context.close()


@pytest.fixture
def context(browser, live_site):
    """A fresh reader: no cookies, no storage; the network ends at the site."""
    context = browser.new_context(base_url=live_site.url, locale="de-DE")
    context.answered_video = []
    block_video_hosts(context, context.answered_video)

    def refuse(route):
        context.refused = [*getattr(context, "refused", []), route.request.url]
        route.abort()

    # Anything not on the site and not a video host is refused (and recorded).
    context.route(
        lambda url: (
            not url.startswith(live_site.url)
            and not any(host in url for host in VIDEO_HOSTS)
            and not url.startswith(("data:", "blob:"))
        ),
        refuse,
    )
    yield context
    context.close()


def open_page(context, path):
    """Open a path in a new tab and wait until it is quiet; returns (page, recorder)."""
    page = context.new_page()
    recorder = Recorder(page)
    response = page.goto(path, wait_until="networkidle")
    recorder.status = response.status if response else None
    return page, recorder


def foreign(requests, site_url):
    """The requests that left the site (data: and blob: URLs stay in the page)."""
    site = urlsplit(site_url).netloc
    return [
        url
        for url in requests
        if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).netloc != site
    ]


def no_request_leaves_the_site(context, live_site, paths):
    """Open each path, one after another in one tab of a reader without consent, and
    wait until it is quiet: no foreign request, no CSP violation; then no cookie on the
    reader. (One tab: a fresh tab per page cost Chromium a new renderer each time.)"""
    page = context.new_page()
    recorder = Recorder(page)
    for path in paths:
        recorder.requests.clear()
        recorder.csp_violations.clear()
        response = page.goto(path, wait_until="networkidle")
        assert response is not None and response.status in (200, 404), path
        assert not foreign(recorder.requests, live_site.url), (path, recorder.requests)
        assert not recorder.csp_violations, (path, recorder.csp_violations)
    page.close()
    assert context.cookies() == []
    assert not getattr(context, "refused", [])
    assert not context.answered_video


def tab_until(page, condition, presses=80):
    """Press Tab until the JS condition (on document.activeElement) holds."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => Boolean({condition}))(document.activeElement)"):
            return True
    return False


def pages_of(page_types, model_suffix):
    return [row for row in page_types if row[0].endswith(model_suffix)]
