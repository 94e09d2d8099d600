"""The suggestions endpoint behind the search box (JSON, current language, no logging)."""

from wagtail.contrib.search_promotions.models import Query

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.every_database]

TITLE_DE = "Zylinderkopf im Wandel"
TITLE_EN = "Zylinderkopf in transition"


@pytest.fixture
def pages(home_de, home_en, make_page):
    return make_page(home_de, TITLE_DE), make_page(home_en, TITLE_EN)


def suggest(client, search_url, language, **params):
    response = client.get(search_url(language, "search_suggest"), params)
    return response


def titles(response):
    return [item["title"] for item in response.json()["results"]]


def test_titles_start_like_the_typed_word_in_the_current_language(
    client, search_url, pages
):
    german = suggest(client, search_url, "de", q="Zylinderk")
    english = suggest(client, search_url, "en", q="zylinderk")

    assert german.status_code == 200
    assert german["Content-Type"] == "application/json"
    assert titles(german) == [TITLE_DE]
    assert titles(english) == [TITLE_EN]
    assert german.json()["results"][0]["url"] == pages[0].url


def test_fewer_than_two_characters_give_nothing(client, search_url, pages):
    response = suggest(client, search_url, "de", q="Z")
    assert response.status_code == 200
    assert response.json() == {"query": "Z", "results": [], "status": ""}


def test_the_limit_caps_the_list(client, search_url, home_de, make_page):
    for number in range(12):
        make_page(home_de, f"Zylinderkopf {number}")
    url_args = {"q": "Zylinderkopf"}
    assert len(titles(suggest(client, search_url, "de", **url_args))) == 8
    assert len(titles(suggest(client, search_url, "de", limit="3", **url_args))) == 3
    assert len(titles(suggest(client, search_url, "de", limit="99", **url_args))) == 10


def test_a_bad_limit_is_a_400_with_a_message(client, search_url):
    response = suggest(client, search_url, "de", q="Netz", limit="viele")
    assert response.status_code == 400
    assert "limit" in response.json()["error"]


def test_the_live_region_text_counts_the_suggestions(client, search_url, pages):
    response = suggest(client, search_url, "de", q="Zylinderkopf")
    assert response.json()["status"].startswith("1 Vorschlag")


def test_drafts_are_not_suggested(client, search_url, home_de, make_page):
    make_page(home_de, "Zylinderkopf Entwurf", publish=False)
    assert titles(suggest(client, search_url, "de", q="Zylinderkopf")) == []


def test_suggestions_are_not_logged(client, search_url, pages):
    suggest(client, search_url, "de", q="Zylinderkopf")
    assert not Query.objects.exists()
