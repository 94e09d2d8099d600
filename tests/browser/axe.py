"""axe-core in the browser tests: WCAG 2.1 A/AA violations of a page, as readable lines.

The fixtures (`axe_context`, `axe_source`) live in conftest.py; the checks are split by
language and by page state (test_accessibility_de/_en/_states.py), so that each file is
short and pytest-xdist can spread them over its workers.
"""

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


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


def open_for_axe(axe_context, path):
    """One tab on `path`, once it has loaded; axe reads the DOM and the styles, so the
    load event (scripts, styles, images) is enough: no wait for network silence."""
    page = axe_context.new_page()
    response = page.goto(path, wait_until="load")
    assert response is not None, path
    return page


def check_pages(axe_context, axe_source, paths):
    """The violations on every path, all in one tab (one navigation after another)."""
    problems = []
    page = axe_context.new_page()
    for path in paths:
        response = page.goto(path, wait_until="load")
        assert response is not None, path
        problems += axe_violations(page, axe_source)
    page.close()
    return problems
