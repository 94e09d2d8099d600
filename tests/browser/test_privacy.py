"""Privacy: before consent no request leaves the site and no cookie is set; after
"Video laden" only the privacy-enhanced video host is contacted. CSP holds throughout."""

from urllib.parse import urlsplit

import pytest

from .conftest import VIDEO_HOSTS, open_page, pages_of


def foreign(requests, site_url):
    site = urlsplit(site_url).netloc
    return [
        url
        for url in requests
        if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).netloc != site
    ]


def test_no_third_party_request_and_no_cookie_before_consent(
    context, live_site, page_types
):
    paths = [url for _, _, url in page_types]
    paths += ["/de/suche/?q=Kassel", "/en/search/?q=Kassel", "/de/gibt-es-nicht/"]
    for path in paths:
        page, recorder = open_page(context, path)
        assert recorder.status in (200, 404), path
        assert not foreign(recorder.requests, live_site.url), (path, recorder.requests)
        assert not recorder.csp_violations, (path, recorder.csp_violations)
        page.close()
    assert context.cookies() == []
    assert not getattr(context, "refused", [])
    assert not context.answered_video


def test_after_consent_only_the_privacy_enhanced_host(context, live_site, page_types):
    stories = pages_of(page_types, "VideoStoryPage")
    if not stories:
        pytest.skip("the demo has no video story page")
    checked = 0
    for _, _, url in stories:
        page, recorder = open_page(context, url)
        button = page.locator("[data-video-load]")
        if button.count() == 0:
            page.close()
            continue
        assert not foreign(recorder.requests, live_site.url)
        before = len(recorder.requests)
        button.first.click()
        page.wait_for_selector("iframe")
        page.wait_for_load_state("networkidle")
        after = foreign(recorder.requests[before:], live_site.url)
        assert after, "pressing the button loads the player"
        assert {urlsplit(url).netloc for url in after} <= set(VIDEO_HOSTS), after
        assert not recorder.csp_violations, recorder.csp_violations
        frame = page.locator("iframe").first.get_attribute("src")
        assert urlsplit(frame).netloc in VIDEO_HOSTS
        if urlsplit(frame).netloc == "player.vimeo.com":
            assert "dnt=1" in urlsplit(frame).query, "Vimeo without tracking"
        checked += 1
        page.close()
    assert checked, "no story with a consent step"
    assert context.cookies() == [], "the site itself sets no cookie after consent"
    assert not getattr(context, "refused", [])
