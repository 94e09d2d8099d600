"""The press index: newest first, filters by partner, topic and year, pagination."""

import datetime

import pytest

from news.factories import PressReleasePageFactory
from news.models import PressReleasePage
from partners.models import PartnerProfilePage
from tests.utils import data_for_scope, news_section, soup
from tregks.core.models import Topic

pytestmark = pytest.mark.django_db


def titles(response):
    assert response.status_code == 200
    return [a.get_text() for a in soup(response).select(".card__title a")]


def count(response):
    return soup(response).select_one(".result-count").get_text(" ", strip=True)


def test_lists_live_releases_of_its_language_newest_first(client):
    german = titles(client.get("/de/presse/"))
    english = titles(client.get("/en/press/"))
    expected = list(
        PressReleasePage.objects.filter(locale__language_code="de")
        .live()
        .order_by("-release_date")
        .values_list("title", flat=True)
    )
    assert german == expected
    assert len(english) == len(german)
    assert "The vehicle industry is changing" in english[-1]
    assert count(client.get("/de/presse/")).startswith(f"{len(german)} ")


def test_draft_releases_are_not_listed(client):
    page = PressReleasePage.objects.get(slug="bildungshackathon")
    page.unpublish()
    assert page.title not in titles(client.get("/de/presse/"))


def test_partner_filter_matches_issuers_and_owning_sections(client):
    # Issued jointly by DGB and the DGB Bildungswerk, but in the Bildungswerk's section.
    dgb = titles(client.get("/de/presse/?partner=dgb"))
    assert any("Transformation nur MIT uns" in title for title in dgb)
    assert any("Transformationsstrategie" in title for title in dgb)
    assert len(dgb) == 2
    vsb = titles(client.get("/de/presse/?partner=vsb"))
    assert len(vsb) == 2
    assert any("BildungsHackathon" in title for title in vsb)


def test_partner_filter_uses_the_section_even_without_issuer(client):
    section = news_section("vsb")
    PressReleasePageFactory(parent=section, title="Ohne Herausgeber")
    assert "Ohne Herausgeber" in titles(client.get("/de/presse/?partner=vsb"))
    assert "Ohne Herausgeber" not in titles(client.get("/de/presse/?partner=wfg"))


def test_topic_filter_in_both_languages(client):
    german = titles(client.get("/de/presse/?topic=dekarbonisierung"))
    english = titles(client.get("/en/press/?topic=dekarbonisierung"))
    assert len(german) == 3
    assert len(english) == 3
    assert any("Mobility Transformation Hub" in title for title in english)
    html = soup(client.get("/en/press/?topic=dekarbonisierung"))
    selected = html.select_one("#id_topic option[selected]")
    assert selected.get_text() == "Decarbonisation"


def test_year_filter(client):
    assert len(titles(client.get("/de/presse/?year=2023"))) == 6
    only_2025 = titles(client.get("/de/presse/?year=2025"))
    assert len(only_2025) == 1 and "tregks im Dialog" in only_2025[0]


def test_filters_combine(client):
    both = titles(client.get("/de/presse/?partner=wfg&year=2023"))
    assert len(both) == 2
    three = titles(
        client.get("/de/presse/?partner=wfg&year=2023&topic=digitalisierung")
    )
    assert three == ["Fünf Fachgruppen nehmen die Arbeit auf"]
    assert titles(client.get("/de/presse/?partner=vsb&year=2025")) == []


@pytest.mark.parametrize(
    "query",
    [
        "partner=nobody",
        "topic=unbekannt",
        "year=abc",
        "year=1900",
        "year=99999999999999999999",
        "topic=%3Cscript%3E",
        "partner=wfg&partner=vsb&year=",
    ],
)
def test_unknown_filter_values_give_an_empty_list_with_a_message(client, query):
    response = client.get(f"/de/presse/?{query}")
    assert response.status_code == 200
    html = soup(response)
    if "partner=wfg&partner=vsb" in query:
        # Repeated parameters: the last value counts, as in any Django form.
        assert html.select(".card")
        return
    assert html.select(".card") == []
    assert "Dieser Filter existiert nicht" in html.select_one(".notice").get_text()
    assert count(response).startswith("0 ")


def test_filter_form_is_accessible_and_works_without_javascript(client):
    html = soup(client.get("/de/presse/"))
    form = html.select_one("form.filters")
    assert form["method"] == "get"
    for name in ("partner", "topic", "year"):
        select = form.select_one(f"select[name={name}]")
        assert form.select_one(f"label[for={select['id']}]").get_text().strip()
    assert form.select_one("button[type=submit]")


@pytest.fixture(scope="module")
def many_releases(django_db_setup, django_db_blocker):
    """15 more German releases from 2022 in the WFG section: 23 in all, two pages.

    Built once for the module's tests, which only read them."""
    with data_for_scope(django_db_blocker):
        section = news_section("wfg")
        wfg = PartnerProfilePage.objects.get(locale__language_code="de", code="wfg")
        topic = Topic.objects.get(locale__language_code="de", slug="qualifizierung")
        pages = []
        for number in range(15):
            page = PressReleasePageFactory(
                parent=section,
                title=f"Archiv {number:02d}",
                release_date=datetime.date(2022, 1, 1)
                + datetime.timedelta(days=number),
            )
            page.issuing_partners.set([wfg])
            page.topics.set([topic])
            page.save()
            pages.append(page)
        yield pages


def test_pagination_twelve_a_page(client, many_releases):
    total = PressReleasePage.objects.filter(locale__language_code="de").live().count()
    first = titles(client.get("/de/presse/"))
    second = titles(client.get("/de/presse/?page=2"))
    assert len(first) == 12
    assert len(second) == total - 12
    assert not set(first) & set(second)
    html = soup(client.get("/de/presse/"))
    assert html.select_one(".pagination [aria-current=page]").get_text() == "1"
    assert html.select_one(".pagination a[rel=next]")["href"] == "?page=2"


@pytest.mark.parametrize(
    ("value", "expected_page"),
    [("abc", 1), ("-3", 1), ("0", 1), ("", 1), ("99", 2), ("9" * 40, 2), ("2.5", 1)],
)
def test_odd_page_numbers_give_the_nearest_valid_page(
    client, many_releases, value, expected_page
):
    response = client.get(f"/de/presse/?page={value}")
    assert response.status_code == 200
    current = soup(response).select_one(".pagination [aria-current=page]")
    assert current.get_text() == str(expected_page)


def test_filtered_results_paginate_and_links_keep_the_filters(client, many_releases):
    response = client.get("/de/presse/?partner=wfg&topic=qualifizierung")
    # 15 archive releases plus the expert groups' start and the strategy draft.
    assert count(response).startswith("17 ")
    html = soup(response)
    next_link = html.select_one(".pagination a[rel=next]")["href"]
    assert "partner=wfg" in next_link and "topic=qualifizierung" in next_link
    assert "page=2" in next_link
    second = titles(client.get("/de/presse/" + next_link))
    assert len(second) == 5
    assert all(title.startswith("Archiv") for title in second)


def test_partner_section_shows_the_index_filtered_by_its_partner(client):
    response = client.get("/de/presse/vsb/")
    assert response.status_code == 200
    assert titles(response) == titles(client.get("/de/presse/?partner=vsb"))
    html = soup(response)
    assert html.select_one("#id_partner option[selected]")["value"] == "vsb"
    canonical = html.select_one('link[rel="canonical"]')["href"]
    assert canonical.endswith("/de/presse/")
    english = client.get("/en/press/vsb/")
    assert english.status_code == 200
    assert titles(english) == titles(client.get("/en/press/?partner=vsb"))


def test_switching_the_language_keeps_the_filters(client):
    html = soup(client.get("/de/presse/?partner=wfg&topic=qualifizierung&year=2023"))
    english = html.select_one('.language-switcher a[hreflang="en"]')["href"]
    assert english == "/en/press/?partner=wfg&topic=qualifizierung&year=2023"
    assert titles(client.get(english)) == ["Five expert groups start their work"]


def test_switching_the_language_drops_other_parameters(client):
    html = soup(client.get("/de/presse/?utm_source=x&topic=digitalisierung"))
    english = html.select_one('.language-switcher a[hreflang="en"]')["href"]
    assert english == "/en/press/?topic=digitalisierung"


def test_a_deep_archive_links_a_short_row_of_pages(client, many_releases, monkeypatch):
    """Hundreds of result pages must not become hundreds of links on a phone."""
    monkeypatch.setattr("news.listing.PAGE_SIZE", 1)
    total = PressReleasePage.objects.filter(locale__language_code="de").live().count()
    assert total > 20
    html = soup(client.get("/de/presse/?page=10"))
    numbers = [item.get_text(" ", strip=True) for item in html.select(".pagination li")]
    assert numbers == [
        "Zurück",
        "Seite 1",
        "…",
        "Seite 8",
        "Seite 9",
        "10",
        "Seite 11",
        "Seite 12",
        "…",
        f"Seite {total}",
        "Weiter",
    ]
    last = html.select(".pagination a")[-2]
    assert last["href"] == f"?page={total}"
    assert "Seite" in last.get_text() and html.select_one("[aria-current=page]")
