"""Legal and accessibility pages, and the editors' accessibility checker.

The accessibility statement is content the site ships with its demo data
(site/tregks/demo/data/home.yaml, `content_pages.accessibility`): the tests check that
the data holds the parts BITV 2.0 § 7 requires, in both languages, without asserting
its wording. The other tests build their own pages.
"""

import re

from django.contrib.auth import get_user_model

from wagtail.models import Locale, Page

import pytest

from home.factories import ContentPageFactory
from tests.utils import soup
from tregks.core.factories import footer_links
from tregks.demo.data import body_items, load

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
PHONE = re.compile(r"\+49[\d\s-]{6,}")
LANGUAGES = ("de", "en")


def statement():
    return load("home")["content_pages"]["accessibility"]


def texts(value):
    """Every {de, en} pair below `value` (a YAML mapping or list)."""
    if isinstance(value, dict):
        if set(value) == set(LANGUAGES):
            yield value
            return
        for item in value.values():
            yield from texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from texts(item)


def calls_to_action():
    return [item["cta"] for item in statement()["body"] if "cta" in item]


def test_every_text_of_the_accessibility_statement_is_in_both_languages():
    pairs = list(texts(statement()))
    assert len(pairs) > 10, "title, lead and a body of several sections"
    for pair in pairs:
        assert all(str(pair[language]).strip() for language in LANGUAGES), pair
    headings = [item for item in statement()["body"] if "h2" in item]
    assert len(headings) >= 3, "compliance status, feedback and enforcement sections"


@pytest.mark.parametrize("language", LANGUAGES)
def test_accessibility_statement_names_its_standard_and_a_feedback_contact(language):
    """BITV 2.0 § 7: the compliance status against the standard, and a feedback
    mechanism with the contact details of the office that answers."""
    text = " ".join(pair[language] for pair in texts(statement()["body"]))
    assert "BITV 2.0" in text
    assert EMAIL.search(text), "an e-mail address for feedback"
    assert PHONE.search(text), "a telephone number for feedback"


def test_accessibility_statement_links_the_barrier_form_and_the_enforcement_body():
    """The feedback mechanism is the barrier report form (a page of the site); the
    enforcement procedure is reached through a link to the enforcement body."""
    form_slug = load("barriers")["page"]["slug"]["de"]
    targets = {cta.get("page_slug") or cta.get("url") for cta in calls_to_action()}
    assert form_slug in targets, "a call to action to the barrier report form"
    external = [cta["url"] for cta in calls_to_action() if "url" in cta]
    assert external, "a link to the enforcement body"
    assert all(url.startswith("https://") for url in external), external


def test_a_call_to_action_to_another_site_keeps_its_address():
    """The demo builder turns a YAML call to action with `url` into a linked block,
    whatever page lookup it has (the enforcement body is not a page of the site)."""
    pair = {"de": "Text", "en": "Text"}
    item = {
        "cta": {"title": pair, "text": pair, "button": pair, "url": "https://x.test/"}
    }
    (converted,) = body_items([item], find_page=lambda slug: None)
    assert converted[0] == "cta" and converted[-1] == "https://x.test/"


@pytest.mark.slow
@pytest.mark.django_db
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


@pytest.mark.django_db
def test_editors_get_wagtails_accessibility_checker_on_the_site(client):
    editor = get_user_model().objects.create_superuser(
        "checker", "checker@example.com", "irrelevant-Passw0rd"
    )
    client.force_login(editor)
    response = client.get(ContentPageFactory().url)
    html = soup(response)
    assert html.find(id="checker-trigger") is not None
    assert html.find(id="checker-axe-configuration") is not None
