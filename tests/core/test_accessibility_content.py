"""Legal and accessibility pages, and the editors' accessibility checker.

`test_accessibility_statement_has_a_feedback_contact` reads the demo's statement: what
it checks is the statement the site ships (the legal text lives in
site/tregks/demo/data/home.yaml), not code. The other tests build their own pages.
"""

import re

from django.contrib.auth import get_user_model

from wagtail.models import Locale, Page

import pytest

from home.factories import ContentPageFactory
from tests.utils import soup
from tregks.core.factories import footer_links

pytestmark = pytest.mark.django_db

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
PHONE = re.compile(r"\+49[\d\s-]{6,}")


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("/de/barrierefreiheit/", "Erklärung zur Barrierefreiheit"),
        ("/en/accessibility/", "Accessibility statement"),
    ],
)
def test_accessibility_statement_has_a_feedback_contact(client, path, title):
    response = client.get(path)
    assert response.status_code == 200
    html = soup(response)
    assert html.h1.get_text(strip=True) == title
    text = html.main.get_text(" ")
    assert EMAIL.search(text), "an e-mail address for feedback"
    assert PHONE.search(text), "a telephone number for feedback"
    assert "BITV 2.0" in text
    # The enforcement body is named, as BITV 2.0 and the Hessian HVBIT require, and
    # the route to it: the barrier report form.
    assert "Durchsetzungs" in text or "enforcement" in text
    assert html.main.select_one('a[href*="barrier"], a[href*="barriere"]')


@pytest.mark.parametrize("language", ["de", "en"])
def test_legal_pages_exist_and_every_page_links_them(client, language):
    """The footer of every page of the site links the legal pages set in the site's
    footer settings, each in the reader's language."""
    legal = {
        field: ContentPageFactory(title=title, english={"title": f"{title} (EN)"})
        for field, title in [
            ("imprint_page", "Impressum im Test"),
            ("privacy_page", "Datenschutz im Test"),
            ("accessibility_page", "Barrierefreiheit im Test"),
        ]
    }
    footer_links(**legal)
    locale = Locale.objects.get(language_code=language)
    paths = [page.get_translation(locale).url for page in legal.values()]
    for path in paths:
        assert client.get(path).status_code == 200, path
    for page in Page.objects.live().public().filter(locale__language_code=language):
        response = client.get(page.url) if page.url else None
        if response is None or response.status_code != 200:
            continue  # not routable on its own (e.g. a section that only groups pages)
        footer = soup(response).find("footer")
        links = {a.get("href") for a in footer.find_all("a")}
        assert set(paths) <= links, f"{page.url}: footer lacks {set(paths) - links}"


def test_editors_get_wagtails_accessibility_checker_on_the_site(client):
    editor = get_user_model().objects.create_superuser(
        "checker", "checker@example.com", "irrelevant-Passw0rd"
    )
    client.force_login(editor)
    response = client.get(ContentPageFactory().url)
    html = soup(response)
    assert html.find(id="checker-trigger") is not None
    assert html.find(id="checker-axe-configuration") is not None
