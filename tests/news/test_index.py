"""The press index: newest first, filters by partner, topic and year, pagination."""

import datetime

from wagtail.models import Locale

import pytest

from news.factories import PressReleasePageFactory, news_index, news_section
from news.models import PressReleasePage
from partners.factories import PartnerProfilePageFactory
from tests.utils import data_for_scope, soup
from tregks.core.factories import expert_group_topic

pytestmark = pytest.mark.django_db

# A year no other release has, so that `year=` picks only this test's releases.
YEAR = 2031


def titles(response):
    assert response.status_code == 200
    return [a.get_text() for a in soup(response).select(".card__title a")]


def count(response):
    return soup(response).select_one(".result-count").get_text(" ", strip=True)


def index_url(language="de"):
    return news_index(language).url


@pytest.fixture(scope="module")
def own(django_db_setup, django_db_blocker):
    """Two partners' releases of YEAR in both languages: the owner's section holds two
    (one issued jointly with the guest), the guest's section one. Built once for the
    module: the tests only read them (what a test adds is rolled back)."""
    with data_for_scope(django_db_blocker):
        yield build_own()


def build_own():
    owner = PartnerProfilePageFactory(code="eigner", english=True)
    guest = PartnerProfilePageFactory(code="gast", english=True)
    owner_section = news_section(owner, english=True)
    releases = [
        PressReleasePageFactory(
            parent=owner_section,
            title="Gemeinsame Werkstatt zur Wärmepumpe",
            release_date=datetime.date(YEAR, 3, 1),
            issuing_partners=[owner, guest],
            topics=[
                expert_group_topic("dekarbonisierung"),
                expert_group_topic("qualifizierung"),
            ],
            english={"title": "Joint workshop on heat pumps"},
        ),
        PressReleasePageFactory(
            parent=owner_section,
            title="Digitale Zwillinge in der Fertigung",
            release_date=datetime.date(YEAR, 2, 1),
            issuing_partners=[owner],
            topics=[expert_group_topic("digitalisierung")],
            english={"title": "Digital twins in production"},
        ),
        PressReleasePageFactory(
            parent=news_section(guest, english=True),
            title="Lernfabrik eröffnet",
            release_date=datetime.date(YEAR, 1, 1),
            issuing_partners=[guest],
            topics=[expert_group_topic("qualifizierung")],
            english={"title": "Learning factory opens"},
        ),
    ]
    return {"owner": owner, "guest": guest, "releases": releases}


def test_lists_live_releases_of_its_language_newest_first(client, own):
    german = titles(client.get(index_url("de")))
    english = titles(client.get(index_url("en")))
    expected = list(
        PressReleasePage.objects.filter(locale__language_code="de")
        .live()
        .order_by("-release_date")
        .values_list("title", flat=True)[:12]
    )
    assert german == expected
    assert german[:3] == [page.title for page in own["releases"]]
    assert english[:3] == [
        "Joint workshop on heat pumps",
        "Digital twins in production",
        "Learning factory opens",
    ]
    total = PressReleasePage.objects.filter(locale__language_code="de").live().count()
    assert count(client.get(index_url("de"))).startswith(f"{total} ")


def test_draft_releases_are_not_listed(client, own):
    page = own["releases"][0]
    page.unpublish()
    assert page.title not in titles(client.get(index_url("de")))


def test_partner_filter_matches_issuers_and_owning_sections(client, own):
    # Issued jointly by both, but in the owner's section: listed for the guest too.
    guest = titles(client.get(index_url(), {"partner": "gast"}))
    assert guest == ["Gemeinsame Werkstatt zur Wärmepumpe", "Lernfabrik eröffnet"]
    owner = titles(client.get(index_url(), {"partner": "eigner"}))
    assert len(owner) == 2


def test_partner_filter_uses_the_section_even_without_issuer(client, own):
    PressReleasePageFactory(parent=news_section(own["guest"]), title="Ohne Herausgeber")
    assert "Ohne Herausgeber" in titles(client.get(index_url(), {"partner": "gast"}))
    assert "Ohne Herausgeber" not in titles(
        client.get(index_url(), {"partner": "eigner"})
    )


def test_topic_filter_in_both_languages(client, own):
    query = {"topic": "dekarbonisierung", "year": YEAR}
    german = titles(client.get(index_url("de"), query))
    english = titles(client.get(index_url("en"), query))
    assert german == ["Gemeinsame Werkstatt zur Wärmepumpe"]
    assert english == ["Joint workshop on heat pumps"]
    html = soup(client.get(index_url("en"), query))
    selected = html.select_one("#id_topic option[selected]")
    assert selected.get_text() == "Decarbonisation"


def test_year_filter(client, own):
    assert len(titles(client.get(index_url(), {"year": YEAR}))) == 3
    PressReleasePageFactory(
        title="Ein Jahr später", release_date=datetime.date(YEAR + 1, 1, 1)
    )
    assert titles(client.get(index_url(), {"year": YEAR + 1})) == ["Ein Jahr später"]


def test_filters_combine(client, own):
    both = titles(client.get(index_url(), {"partner": "eigner", "year": YEAR}))
    assert len(both) == 2
    three = titles(
        client.get(
            index_url(), {"partner": "eigner", "year": YEAR, "topic": "digitalisierung"}
        )
    )
    assert three == ["Digitale Zwillinge in der Fertigung"]
    assert titles(client.get(index_url(), {"partner": "gast", "year": YEAR + 1})) == []


@pytest.mark.parametrize(
    "query",
    [
        "partner=nobody",
        "topic=unbekannt",
        "year=abc",
        "year=1900",
        "year=99999999999999999999",
        "topic=%3Cscript%3E",
        "partner=nobody&partner=eigner&year=",
    ],
)
def test_unknown_filter_values_give_an_empty_list_with_a_message(client, own, query):
    response = client.get(f"{index_url()}?{query}")
    assert response.status_code == 200
    html = soup(response)
    if "partner=nobody&partner=eigner" in query:
        # Repeated parameters: the last value counts, as in any Django form.
        assert html.select(".card")
        return
    assert html.select(".card") == []
    assert "Dieser Filter existiert nicht" in html.select_one(".notice").get_text()
    assert count(response).startswith("0 ")


def test_filter_form_is_accessible_and_works_without_javascript(client):
    html = soup(client.get(index_url()))
    form = html.select_one("form.filters")
    assert form["method"] == "get"
    for name in ("partner", "topic", "year"):
        select = form.select_one(f"select[name={name}]")
        assert form.select_one(f"label[for={select['id']}]").get_text().strip()
    assert form.select_one("button[type=submit]")


@pytest.fixture(scope="module")
def many_releases(django_db_setup, django_db_blocker):
    """15 German releases of a partner of their own ("archivar") from YEAR - 1 on
    qualification, built once for the module; the counts of "eigner" and "gast" in the
    other tests hold whether these exist or not."""
    with data_for_scope(django_db_blocker):
        archivist = PartnerProfilePageFactory(code="archivar")
        section = news_section(archivist)
        yield [
            PressReleasePageFactory(
                parent=section,
                title=f"Archiv {number:02d}",
                release_date=datetime.date(YEAR - 1, 1, 1)
                + datetime.timedelta(days=number),
                issuing_partners=[archivist],
                topics=[expert_group_topic("qualifizierung")],
            )
            for number in range(15)
        ]


def test_pagination_twelve_a_page(client, many_releases):
    total = PressReleasePage.objects.filter(locale__language_code="de").live().count()
    first = titles(client.get(index_url()))
    second = titles(client.get(index_url(), {"page": 2}))
    assert len(first) == 12
    assert len(second) == min(total - 12, 12)
    assert not set(first) & set(second)
    html = soup(client.get(index_url()))
    assert html.select_one(".pagination [aria-current=page]").get_text() == "1"
    assert html.select_one(".pagination a[rel=next]")["href"] == "?page=2"


@pytest.mark.parametrize(
    ("value", "expected_page"),
    [("abc", 1), ("-3", 1), ("0", 1), ("", 1), ("99", 2), ("9" * 40, 2), ("2.5", 1)],
)
def test_odd_page_numbers_give_the_nearest_valid_page(
    client, many_releases, value, expected_page
):
    response = client.get(f"{index_url()}?partner=archivar&page={value}")
    assert response.status_code == 200
    current = soup(response).select_one(".pagination [aria-current=page]")
    assert current.get_text() == str(expected_page)


def test_filtered_results_paginate_and_links_keep_the_filters(client, many_releases):
    query = {"partner": "archivar", "topic": "qualifizierung"}
    response = client.get(index_url(), query)
    assert count(response).startswith("15 ")
    html = soup(response)
    next_link = html.select_one(".pagination a[rel=next]")["href"]
    assert "partner=archivar" in next_link and "topic=qualifizierung" in next_link
    assert "page=2" in next_link
    second = titles(client.get(index_url() + next_link))
    assert len(second) == 3
    assert all(title.startswith("Archiv") for title in second)


def test_partner_section_shows_the_index_filtered_by_its_partner(client, own):
    section = news_section(own["guest"])
    response = client.get(section.url)
    assert response.status_code == 200
    assert titles(response) == titles(client.get(index_url(), {"partner": "gast"}))
    html = soup(response)
    assert html.select_one("#id_partner option[selected]")["value"] == "gast"
    canonical = html.select_one('link[rel="canonical"]')["href"]
    assert canonical.endswith(index_url())
    english_section = section.get_translation(Locale.objects.get(language_code="en"))
    english = client.get(english_section.url)
    assert english.status_code == 200
    assert titles(english) == titles(client.get(index_url("en"), {"partner": "gast"}))


def test_switching_the_language_keeps_the_filters(client, own):
    query = f"partner=eigner&topic=digitalisierung&year={YEAR}"
    html = soup(client.get(f"{index_url()}?{query}"))
    english = html.select_one('.language-switcher a[hreflang="en"]')["href"]
    assert english == f"{index_url('en')}?{query}"
    assert titles(client.get(english)) == ["Digital twins in production"]


def test_switching_the_language_drops_other_parameters(client):
    html = soup(client.get(f"{index_url()}?utm_source=x&topic=digitalisierung"))
    english = html.select_one('.language-switcher a[hreflang="en"]')["href"]
    assert english == f"{index_url('en')}?topic=digitalisierung"


def test_a_deep_archive_links_a_short_row_of_pages(client, many_releases, monkeypatch):
    """Hundreds of result pages must not become hundreds of links on a phone."""
    section = many_releases[0].get_parent()
    for number in range(10):  # an archive deeper than a row of page links
        PressReleasePageFactory(
            parent=section,
            title=f"Altes Archiv {number}",
            release_date=datetime.date(YEAR - 2, 1, 1)
            + datetime.timedelta(days=number),
        )
    monkeypatch.setattr("news.listing.PAGE_SIZE", 1)
    total = PressReleasePage.objects.filter(locale__language_code="de").live().count()
    assert total > 20
    html = soup(client.get(f"{index_url()}?page=10"))
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


def test_walking_the_pages_lists_every_release_once_newest_first(
    client, many_releases, monkeypatch
):
    """The unfiltered index starts each page at a known release instead of an offset
    (tregks.core.listing.paginate_by_starts); releases of the same day keep one order."""
    section = many_releases[0].get_parent()
    for number in range(3):
        PressReleasePageFactory(
            parent=section,
            title=f"Gleicher Tag {number}",
            release_date=datetime.date(YEAR - 1, 1, 5),
        )
    monkeypatch.setattr("news.listing.PAGE_SIZE", 4)
    expected = [release.title for release in news_index("de").releases()]
    pages = -(-len(expected) // 4)
    walked = []
    for number in range(1, pages + 1):
        walked += titles(client.get(index_url(), {"page": number}))
    assert walked == expected
    assert count(client.get(index_url())).startswith(f"{len(expected)} ")
    last = soup(client.get(index_url(), {"page": pages + 5}))
    assert last.select_one(".pagination [aria-current=page]").get_text() == str(pages)


def test_a_new_release_shows_on_the_first_page_with_the_new_count(client, own):
    before = count(client.get(index_url()))
    release = PressReleasePageFactory(
        parent=own["releases"][0].get_parent(),
        title="Ganz neue Meldung",
        release_date=datetime.date(YEAR + 5, 1, 1),
    )
    response = client.get(index_url())
    assert titles(response)[0] == release.title
    assert int(count(response).split()[0]) == int(before.split()[0]) + 1
