"""axe-core on every public page type in both languages, search results, the 404 page,
the video consent states and the audio player: zero WCAG 2.1 A/AA violations."""

import pytest

from .conftest import AXE, block_video_hosts, pages_of

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def axe_source():
    return AXE.read_text()


@pytest.fixture
def axe_context(browser, live_site):
    # axe is injected as a script, which the site's strict CSP rightly refuses.
    context = browser.new_context(base_url=live_site.url, bypass_csp=True)
    context.answered_video = []
    block_video_hosts(context, context.answered_video)
    yield context
    context.close()


def axe_violations(page, axe_source):
    page.evaluate(axe_source)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        f"{page.url}: {violation['id']} ({violation['impact']}): {violation['help']} "
        f"– {[node['target'] for node in violation['nodes'][:3]]}"
        for violation in result["violations"]
    ]


def check_pages(axe_context, axe_source, paths):
    problems = []
    for path in paths:
        page = axe_context.new_page()
        response = page.goto(path, wait_until="networkidle")
        assert response is not None
        problems += axe_violations(page, axe_source)
        page.close()
    return problems


def test_page_types_are_discovered_in_both_languages(page_types):
    models = {model for model, _, _ in page_types}
    assert {"home.HomePage", "home.ContentPage"} <= models
    for model in models:
        languages = {lang for m, lang, _ in page_types if m == model}
        assert languages == {"de", "en"}, f"{model} only in {languages}"


def test_every_public_page_type_in_both_languages(axe_context, axe_source, page_types):
    problems = check_pages(axe_context, axe_source, [url for _, _, url in page_types])
    assert not problems, "\n".join(problems)


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
        page = axe_context.new_page()
        page.goto(url, wait_until="networkidle")
        button = page.locator("[data-video-load]")
        if button.count() == 0:
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
        page = axe_context.new_page()
        page.goto(url, wait_until="networkidle")
        assert page.locator("audio[controls]").count() == 1, url
        problems += axe_violations(page, axe_source)
        page.close()
    assert not problems, "\n".join(problems)
