"""Keyboard use: skip link, main navigation, language switcher, visible focus, search
suggestions, video consent and audio player."""

import re

import pytest

from .conftest import open_page, pages_of, tab_until

VISIBLE_FOCUS = """el => {
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow && style.boxShadow !== 'none';
    return outline || shadow;
}"""


def test_skip_link_comes_first_and_moves_focus_to_main(context):
    page, _ = open_page(context, "/de/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert "skip-link" in focused
    assert page.evaluate(f"({VISIBLE_FOCUS})(document.activeElement)")
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


def test_main_navigation_works_by_keyboard(context):
    page, _ = open_page(context, "/de/")
    assert tab_until(
        page,
        "el.closest('nav') && el.closest('nav') !== el.closest('.language-switcher') && el.tagName === 'A' && !el.closest('footer')",
    )
    href = page.evaluate("document.activeElement.getAttribute('href')")
    assert page.evaluate(f"({VISIBLE_FOCUS})(document.activeElement)")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(href)


def test_language_switcher_works_by_keyboard(context):
    page, _ = open_page(context, "/de/impressum/")
    assert tab_until(page, "el.tagName === 'A' && el.getAttribute('hreflang') === 'en'")
    assert page.evaluate(f"({VISIBLE_FOCUS})(document.activeElement)")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert "/en/" in page.url


def test_every_focusable_element_shows_focus(context):
    page, _ = open_page(context, "/de/")
    missing = []
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement === document.body"):
            break
        if not page.evaluate(f"({VISIBLE_FOCUS})(document.activeElement)"):
            missing.append(
                page.evaluate("document.activeElement.outerHTML.slice(0, 120)")
            )
    assert not missing, missing


def test_search_suggestions_by_keyboard(context):
    page, _ = open_page(context, "/de/")
    if page.locator("script[src*='suggest']").count() == 0:
        pytest.skip("no search suggestion script on the page")
    assert tab_until(page, "el.id === 'site-search-q'")
    page.keyboard.type("Kas", delay=50)
    listbox = page.locator("[role=listbox]:visible")
    listbox.wait_for(timeout=5000)
    assert page.get_attribute("#site-search-q", "aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    active = page.get_attribute("#site-search-q", "aria-activedescendant")
    assert active, "the first suggestion is active"
    option = page.locator(f"#{active}")
    assert option.get_attribute("aria-selected") == "true"
    page.keyboard.press("Escape")
    assert page.get_attribute("#site-search-q", "aria-expanded") == "false"
    with page.expect_navigation():
        page.keyboard.press("Enter")  # no suggestion chosen: the search runs
    assert re.search(r"/de/suche/\?q=Kas", page.url)


def test_video_consent_by_keyboard(context, page_types):
    stories = pages_of(page_types, "VideoStoryPage")
    if not stories:
        pytest.skip("the demo has no video story page")
    for _, _, url in stories:
        page, _ = open_page(context, url)
        if page.locator("[data-video-load]").count() == 0:
            page.close()
            continue
        assert tab_until(page, "el.hasAttribute('data-video-load')")
        assert page.evaluate(f"({VISIBLE_FOCUS})(document.activeElement)")
        page.keyboard.press("Enter")
        page.wait_for_selector("iframe")
        assert context.answered_video
        return
    pytest.fail("no story with a consent step")


def test_audio_player_is_reachable_by_keyboard(context, page_types):
    episodes = pages_of(page_types, "PodcastEpisodePage")
    if not episodes:
        pytest.skip("the demo has no podcast episode")
    page, _ = open_page(context, episodes[0][2])
    assert tab_until(page, "el.tagName === 'AUDIO'"), "Tab reaches the player"
    # Space starts playback from the keyboard (the browser's own controls).
    page.keyboard.press("Space")
    page.wait_for_function(
        "() => !document.querySelector('audio').paused", timeout=5000
    )
    assert page.locator("audio").evaluate("a => a.paused") is False
