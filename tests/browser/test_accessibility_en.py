"""axe-core on one page of every public page type in English: zero WCAG 2.1 A/AA
violations (German: test_accessibility_de.py; other states: _states.py)."""

from .axe import check_pages


def test_every_public_page_type_in_english(axe_context, axe_source, page_types):
    paths = [url for _, lang, url in page_types if lang == "en"]
    assert len(paths) >= 2, paths
    problems = check_pages(axe_context, axe_source, paths)
    assert not problems, "\n".join(problems)
