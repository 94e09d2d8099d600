"""The two-click video embed in a real browser: the button loads the privacy-enhanced
player and moves focus to it, "remember my choice" is opt-in and kept in localStorage
(never a cookie), later stories load the player directly, the choice can be deleted,
and without JavaScript the reader gets a plain link."""

from urllib.parse import parse_qs, urlsplit

import pytest

from .conftest import open_page, pages_of

STORAGE_KEY = "tregks.videoConsent.youtube"


def german_story_urls(context, page_types):
    """Every story linked from the German story index."""
    index = [
        url for _, lang, url in pages_of(page_types, "StoryIndexPage") if lang == "de"
    ]
    page, _ = open_page(context, index[0])
    urls = page.eval_on_selector_all(
        ".card__title a", "links => links.map(a => a.pathname)"
    )
    page.close()
    return urls


@pytest.fixture
def youtube_stories(context, page_types):
    """German stories with a consent step (YouTube), at least two of them."""
    urls = []
    for url in german_story_urls(context, page_types):
        page, _ = open_page(context, url)
        if page.locator("[data-video-consent][data-provider=youtube]").count():
            urls.append(url)
        page.close()
    if len(urls) < 2:
        pytest.fail("the demo needs two YouTube stories for these tests")
    return urls


def stored_choice(page):
    return page.evaluate(f"() => window.localStorage.getItem('{STORAGE_KEY}')")


def test_load_button_inserts_the_nocookie_player_and_moves_focus(
    context, youtube_stories
):
    page, _ = open_page(context, youtube_stories[0])
    assert page.locator("[data-video-remember]").is_checked() is False
    page.locator("[data-video-load]").click()
    frame = page.wait_for_selector("iframe")
    src = urlsplit(frame.get_attribute("src"))
    assert src.netloc == "www.youtube-nocookie.com"
    assert src.path.startswith("/embed/")
    assert parse_qs(src.query).get("autoplay") == ["1"]  # the reader asked for it
    assert frame.get_attribute("title").startswith("Video:")
    assert page.evaluate("() => document.activeElement.tagName") == "IFRAME"
    assert page.locator("[data-video-status]").inner_text() != ""
    # Without "remember" nothing is kept: the next story asks again.
    assert stored_choice(page) is None
    second, _ = open_page(context, youtube_stories[1])
    assert second.locator("iframe").count() == 0
    assert context.cookies() == []


def test_remembered_choice_applies_to_later_pages_and_can_be_deleted(
    context, youtube_stories
):
    first, _ = open_page(context, youtube_stories[0])
    first.locator("[data-video-remember]").check()
    first.locator("[data-video-load]").click()
    first.wait_for_selector("iframe")
    assert stored_choice(first) == "granted"
    assert context.cookies() == [], "the choice lives in localStorage, not a cookie"

    answered = len(context.answered_video)
    later, _ = open_page(context, youtube_stories[1])
    frame = later.wait_for_selector("iframe")
    # Loaded from the earlier choice: no autoplay, focus stays where it was.
    assert "autoplay" not in urlsplit(frame.get_attribute("src")).query
    assert later.evaluate("() => document.activeElement.tagName") != "IFRAME"
    assert len(context.answered_video) > answered
    revoke = later.locator("[data-video-revoke]")
    assert revoke.is_visible()

    revoke.click()
    assert later.locator("iframe").count() == 0
    assert later.locator("[data-video-consent] img").count() == 1  # the poster is back
    assert later.evaluate(
        "() => document.activeElement.hasAttribute('data-video-load')"
    )
    assert stored_choice(later) is None

    answered = len(context.answered_video)
    again, _ = open_page(context, youtube_stories[1])
    assert again.locator("iframe").count() == 0
    assert len(context.answered_video) == answered


def test_without_javascript_a_plain_link_to_the_video(
    browser, live_site, page_types, context
):
    stories = german_story_urls(context, page_types)
    context = browser.new_context(
        base_url=live_site.url, locale="de-DE", java_script_enabled=False
    )
    requested = []
    context.on("request", lambda request: requested.append(request.url))
    try:
        stories = [
            url
            for _, lang, url in pages_of(page_types, "VideoStoryPage")
            if lang == "de"
        ]
        checked = 0
        for url in stories:
            page = context.new_page()
            page.goto(url, wait_until="networkidle")
            if page.locator("[data-video-consent]").count():
                # The button needs JavaScript, so it stays hidden; the link works.
                assert not page.locator("[data-video-load]").is_visible()
                link = page.locator(".video-consent__link a")
                assert link.is_visible()
                assert urlsplit(link.get_attribute("href")).netloc == "www.youtube.com"
                checked += 1
            page.close()
        assert checked
        site = urlsplit(live_site.url).netloc
        assert all(urlsplit(url).netloc == site for url in requested), requested
    finally:
        context.close()
