"""Privacy after consent: after "Video laden" only the privacy-enhanced video host is
contacted, CSP holds and the site sets no cookie. (Before consent: test_privacy_de.py
and test_privacy_en.py.)"""

from urllib.parse import urlsplit

import pytest

from .conftest import VIDEO_HOSTS, foreign, open_page, pages_of


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
        # Wait for the player's request itself: on a busy machine the network can be
        # idle before the new iframe has asked for anything.
        with page.expect_request(
            lambda request: urlsplit(request.url).netloc in VIDEO_HOSTS
        ):
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
