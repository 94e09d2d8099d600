"""axe-core beyond the page types (test_accessibility_de/_en.py): the discovery of the
page types in both languages, search results, the 404 page, the video consent states
and the audio player: zero WCAG 2.1 A/AA violations."""

import pytest

from .axe import axe_violations, check_pages, open_for_axe
from .conftest import pages_of


def test_page_types_are_discovered_in_both_languages(page_types):
    models = {model for model, _, _ in page_types}
    assert {"home.HomePage", "home.ContentPage"} <= models
    for model in models:
        languages = {lang for m, lang, _ in page_types if m == model}
        assert languages == {"de", "en"}, f"{model} only in {languages}"


def test_search_results_and_not_found_pages(axe_context, axe_source):
    paths = [
        "/de/suche/?q=Kassel",
        "/en/search/?q=Kassel",
        "/de/suche/?q=gibtesnichtxyz",
        "/de/gibt-es-nicht/",
        "/en/does-not-exist/",
    ]
    problems = check_pages(axe_context, axe_source, paths)
    assert not problems, "\n".join(problems)


def test_video_consent_before_and_after_loading(axe_context, axe_source, page_types):
    stories = pages_of(page_types, "VideoStoryPage")
    if not stories:
        pytest.skip("the demo has no video story page")
    problems = []
    for _, _, url in stories:
        page = open_for_axe(axe_context, url)
        button = page.locator("[data-video-load]")
        if button.count() == 0:
            page.close()
            continue  # a story with a self-hosted video has no consent step
        problems += axe_violations(page, axe_source)
        button.first.click()
        page.wait_for_selector("iframe")
        problems += axe_violations(page, axe_source)
        page.close()
    assert axe_context.answered_video, "no story with a consent step was checked"
    assert not problems, "\n".join(problems)


def test_audio_player(axe_context, axe_source, page_types):
    episodes = pages_of(page_types, "PodcastEpisodePage")
    if not episodes:
        pytest.skip("the demo has no podcast episode")
    problems = []
    for _, _, url in episodes:  # one episode in each language
        page = open_for_axe(axe_context, url)
        assert page.locator("audio[controls]").count() == 1, url
        problems += axe_violations(page, axe_source)
        page.close()
    assert not problems, "\n".join(problems)
