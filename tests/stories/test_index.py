"""The story list: newest first, paginated in the database, filtered by topic, company
and publishing partner; and what stories give to the home page and partner profiles."""

import pytest

from stories.listing import STORIES_PER_PAGE
from stories.models import VideoStoryPage
from stories.wagtail_hooks import latest_stories, partner_stories
from tests.utils import soup

from .utils import company, index, make_story, section

pytestmark = pytest.mark.django_db


def titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".card__title a")]


@pytest.fixture
def many_stories(db):
    """Enough stories for three pages in German, all dated before the demo stories."""
    import datetime

    parent = section("vsb")
    bode = company("bode")
    for number in range(2 * STORIES_PER_PAGE):
        make_story(
            parent,
            f"archiv-{number:02d}",
            bode,
            title=f"Archivgeschichte {number:02d}",
            date=datetime.date(2020, 1, 1) + datetime.timedelta(days=number),
            video_url=f"https://youtu.be/ARCHIV{number:05d}",
        )
    return parent


@pytest.mark.parametrize("language", ["de", "en"])
def test_index_lists_the_four_demo_stories_newest_first(client, language):
    page = index(language)
    response = client.get(page.url)
    assert response.status_code == 200
    stories = VideoStoryPage.objects.live().descendant_of(page).order_by("-date")
    assert titles(response) == [s.title for s in stories]
    assert len(titles(response)) == 4
    assert len(soup(response).find_all("h1")) == 1


def test_index_paginates_in_the_database(client, many_stories):
    url = index("de").url
    first = titles(client.get(url))
    assert len(first) == STORIES_PER_PAGE
    assert first[0].startswith("BODE")  # the newest demo story
    second = titles(client.get(url, {"page": 2}))
    third = titles(client.get(url, {"page": 3}))
    assert len(second) == STORIES_PER_PAGE
    assert len(third) == 4
    assert not set(first) & set(second)
    assert third[-1] == "Archivgeschichte 00"  # the oldest


@pytest.mark.parametrize("value", ["abc", "0", "-1", "999", "2.5", "", "%00", "1e9"])
def test_odd_page_numbers_never_fail(client, many_stories, value):
    response = client.get(index("de").url, {"page": value})
    assert response.status_code == 200
    assert titles(response)


def test_filter_by_topic_in_both_languages(client):
    for language in ("de", "en"):
        response = client.get(index(language).url, {"topic": "dekarbonisierung"})
        assert len(titles(response)) == 1
        assert titles(response)[0].startswith("HANOMAG")
        option = soup(response).select_one(
            "#story-filter-topic option[value=dekarbonisierung]"
        )
        assert option.has_attr("selected")
    english = soup(client.get(index("en").url, {"topic": "dekarbonisierung"}))
    assert "Decarbonisation" in english.select_one("#story-filter-topic").get_text()


def test_filter_by_company_and_partner_combine(client):
    url = index("de").url
    assert len(titles(client.get(url, {"company": "bode"}))) == 1
    assert len(titles(client.get(url, {"partner": "wfg"}))) == 2
    both = titles(client.get(url, {"partner": "wfg", "company": "smart-railway"}))
    assert len(both) == 1 and both[0].startswith("SMART")
    assert titles(client.get(url, {"partner": "wfg", "company": "bode"})) == []


def test_unknown_filter_values_give_an_empty_list_not_an_error(client):
    response = client.get(index("de").url, {"topic": "<script>", "company": "x"})
    assert response.status_code == 200
    assert titles(response) == []
    assert "Keine Geschichte passt" in soup(response).get_text()


def test_pagination_keeps_the_filters(client, many_stories):
    response = client.get(index("de").url, {"company": "bode"})
    links = [a["href"] for a in soup(response).select(".pagination a")]
    assert links and all("company=bode" in link for link in links)
    second = client.get(index("de").url, {"company": "bode", "page": 2})
    # 24 archive stories plus the demo story of BODE: 12 on page 2.
    assert len(titles(second)) == STORIES_PER_PAGE
    assert all(
        "company=bode" in a["href"] for a in soup(second).select(".pagination a")
    )


def test_partner_section_shows_the_index_filtered_by_its_partner(client):
    """A section answers 200 with the index's list of that partner's stories only."""
    response = client.get(section("agv").url)
    assert response.status_code == 200
    html = soup(response)
    canonical = html.select_one('link[rel="canonical"]')["href"]
    assert canonical.endswith(index("de").url)
    story_links = {
        a["href"] for a in html.select("main a[href]") if a["href"].count("/") >= 5
    }
    own = {link for link in story_links if f"{section('agv').url}" in link}
    others = {
        link
        for link in story_links
        if link.startswith(index("de").url) and section("agv").url not in link
    }
    assert own, "the section's own stories are listed"
    assert not others, f"stories of other partners are listed: {others}"


def test_home_page_gets_the_newest_stories(db):
    german = latest_stories(index("de").locale_id, 2)
    assert [s.company.code for s in german] == ["bode", "smart-railway"]
    assert all(s.latest_date and s.listing_image and s.teaser_text for s in german)
    assert str(german[0].kind_label) in {"Videogeschichte", "Video story"}


def count_queries(function):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        function()
    return len(context)


def test_partner_profiles_list_their_stories(db):
    english_bode = company("bode", "en")
    heading, pages = partner_stories(english_bode, 6)
    assert [p.locale.language_code for p in pages] == ["en"]
    assert pages[0].company_id == english_bode.pk
    # The publishing partner's profile lists the stories of its section too.
    heading, pages = partner_stories(company("wfg"), 6)
    assert len(pages) == 2


def test_partner_profile_queries_do_not_grow_with_the_stories(db):
    wfg = company("wfg")

    def render_cards():
        for page in partner_stories(wfg, 6)[1]:
            assert page.poster.get_rendition("fill-480x270|format-webp").url
            assert page.company.title

    render_cards()  # renditions are made once, on first use
    before = count_queries(render_cards)
    for number in range(5):
        make_story(section("wfg"), f"mehr-{number}", company("hanomag"))
    assert len(partner_stories(wfg, 6)[1]) == 6
    render_cards()
    assert count_queries(render_cards) == before
    assert before <= 6


def test_topic_links_on_a_story_lead_to_the_filtered_index(client):
    from stories.models import VideoStoryPage

    from .utils import HERKULES_DE

    page = VideoStoryPage.objects.get(slug=HERKULES_DE)
    links = [a["href"] for a in soup(client.get(page.url)).select(".tag-list a")]
    assert links == [
        f"{index('de').url}?topic=digitalisierung",
        f"{index('de').url}?topic=mobilitaet-der-zukunft",
    ]
    assert all(len(titles(client.get(link))) == 2 for link in links)
