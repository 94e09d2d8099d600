"""The story list: newest first, paginated in the database, filtered by topic, company
and publishing partner; and what stories give to the home page and partner profiles."""

import datetime

from wagtail.models import Locale

import pytest

from partners.factories import PartnerProfilePageFactory
from partners.models import PartnerRole
from stories.factories import VideoStoryPageFactory, story_index, story_section
from stories.listing import STORIES_PER_PAGE
from stories.models import VideoStoryPage
from stories.wagtail_hooks import latest_stories, partner_stories
from tests.utils import data_for_scope, soup
from tregks.core.factories import topics

pytestmark = pytest.mark.django_db

# Later than any other story, so that these lead every list.
NEWEST = datetime.date(2030, 1, 1)


def titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".card__title a")]


def english(page):
    return page.get_translation(Locale.objects.get(language_code="en"))


@pytest.fixture(scope="module")
def own(django_db_setup, django_db_blocker):
    """A publishing partner, two companies and three stories, in both languages:
    "Linsenbau" twice (once published by another partner), "Gussbau" once. Built once
    for the module (the tests only read it; what a test adds is rolled back)."""
    with data_for_scope(django_db_blocker):
        yield build_own()


def build_own():
    partner = PartnerProfilePageFactory(code="herausgeber", english=True)
    other = PartnerProfilePageFactory(code="anderer", english=True)
    lenses = PartnerProfilePageFactory(
        code="linsenbau", role=PartnerRole.COMPANY, english=True
    )
    casting = PartnerProfilePageFactory(
        code="gussbau", role=PartnerRole.COMPANY, english=True
    )
    section = story_section(partner, english=True)
    stories = [
        VideoStoryPageFactory(
            parent=section,
            title="Linsenbau: Optik aus der Region",
            company=lenses,
            date=NEWEST + datetime.timedelta(days=2),
            topics=topics("digitalisierung", "mobilitaet-der-zukunft"),
            english={"title": "Linsenbau: optics from the region"},
        ),
        VideoStoryPageFactory(
            parent=section,
            title="Gussbau: Guss ohne Gas",
            company=casting,
            date=NEWEST + datetime.timedelta(days=1),
            topics=topics("dekarbonisierung"),
            english={"title": "Gussbau: casting without gas"},
        ),
        VideoStoryPageFactory(
            parent=story_section(other, english=True),
            title="Linsenbau: Neue Berufe",
            company=lenses,
            date=NEWEST,
            english={"title": "Linsenbau: new jobs"},
        ),
    ]
    return {
        "partner": partner,
        "other": other,
        "lenses": lenses,
        "casting": casting,
        "section": section,
        "stories": stories,
    }


@pytest.fixture(scope="module")
def many_stories(own, django_db_blocker):
    """Enough stories of one company for three pages, all older than the others, in
    the section of a partner of their own (so that the other tests' counts of
    "herausgeber" hold whether these exist or not). Built once for the module."""
    with data_for_scope(django_db_blocker):
        archive = story_section(PartnerProfilePageFactory(code="archivpartner"))
        build_archive(archive, own["casting"])
        yield own


def build_archive(section, company):
    for number in range(2 * STORIES_PER_PAGE + 3):
        VideoStoryPageFactory(
            parent=section,
            company=company,
            title=f"Archivgeschichte {number:02d}",
            date=datetime.date(2000, 1, 1) + datetime.timedelta(days=number),
            video_url=f"https://youtu.be/ARCHIV{number:05d}",
        )


@pytest.mark.parametrize("language", ["de", "en"])
def test_index_lists_stories_newest_first(client, own, language):
    page = story_index(language)
    response = client.get(page.url)
    assert response.status_code == 200
    stories = VideoStoryPage.objects.live().descendant_of(page).order_by("-date")
    assert titles(response) == [s.title for s in stories[:STORIES_PER_PAGE]]
    expected = [s if language == "de" else english(s) for s in own["stories"]]
    assert titles(response)[:3] == [s.title for s in expected]
    assert len(soup(response).find_all("h1")) == 1


def test_index_paginates_in_the_database(client, many_stories):
    url = story_index("de").url
    query = {"company": "gussbau"}
    first = titles(client.get(url, query))
    assert len(first) == STORIES_PER_PAGE
    assert first[0] == "Gussbau: Guss ohne Gas"  # the newest
    second = titles(client.get(url, {**query, "page": 2}))
    third = titles(client.get(url, {**query, "page": 3}))
    assert len(second) == STORIES_PER_PAGE
    assert len(third) == 4
    assert not set(first) & set(second)
    assert third[-1] == "Archivgeschichte 00"  # the oldest


@pytest.mark.parametrize("value", ["abc", "0", "-1", "999", "2.5", "", "%00", "1e9"])
def test_odd_page_numbers_never_fail(client, many_stories, value):
    response = client.get(story_index("de").url, {"page": value})
    assert response.status_code == 200
    assert titles(response)


def test_filter_by_topic_in_both_languages(client, own):
    for language in ("de", "en"):
        response = client.get(
            story_index(language).url,
            {"topic": "dekarbonisierung", "partner": "herausgeber"},
        )
        assert len(titles(response)) == 1
        assert titles(response)[0].startswith("Gussbau")
        option = soup(response).select_one(
            "#story-filter-topic option[value=dekarbonisierung]"
        )
        assert option.has_attr("selected")
    english_html = soup(
        client.get(story_index("en").url, {"topic": "dekarbonisierung"})
    )
    assert (
        "Decarbonisation" in english_html.select_one("#story-filter-topic").get_text()
    )


def test_filter_by_company_and_partner_combine(client, own):
    url = story_index("de").url
    assert len(titles(client.get(url, {"company": "linsenbau"}))) == 2
    assert len(titles(client.get(url, {"partner": "herausgeber"}))) == 2
    both = titles(client.get(url, {"partner": "herausgeber", "company": "linsenbau"}))
    assert both == ["Linsenbau: Optik aus der Region"]
    assert titles(client.get(url, {"partner": "anderer", "company": "gussbau"})) == []


def test_unknown_filter_values_give_an_empty_list_not_an_error(client):
    response = client.get(story_index("de").url, {"topic": "<script>", "company": "x"})
    assert response.status_code == 200
    assert titles(response) == []
    assert "Keine Geschichte passt" in soup(response).get_text()


def test_pagination_keeps_the_filters(client, many_stories):
    url = story_index("de").url
    response = client.get(url, {"company": "gussbau"})
    links = [a["href"] for a in soup(response).select(".pagination a")]
    assert links and all("company=gussbau" in link for link in links)
    second = client.get(url, {"company": "gussbau", "page": 2})
    assert len(titles(second)) == STORIES_PER_PAGE
    assert all(
        "company=gussbau" in a["href"] for a in soup(second).select(".pagination a")
    )


def test_partner_section_shows_the_index_filtered_by_its_partner(client, own):
    """A section answers 200 with the index's list of that partner's stories only."""
    section = own["section"]
    response = client.get(section.url)
    assert response.status_code == 200
    html = soup(response)
    canonical = html.select_one('link[rel="canonical"]')["href"]
    assert canonical.endswith(story_index("de").url)
    story_links = {
        a["href"] for a in html.select("main a[href]") if a["href"].count("/") >= 5
    }
    index_url = story_index("de").url
    own_links = {link for link in story_links if section.url in link}
    others = {
        link
        for link in story_links
        if link.startswith(index_url) and section.url not in link
    }
    assert own_links == {s.url for s in own["stories"][:2]}
    assert not others, f"stories of other partners are listed: {others}"


def test_home_page_gets_the_newest_stories(own):
    german = latest_stories(story_index("de").locale_id, 2)
    assert [s.company.code for s in german] == ["linsenbau", "gussbau"]
    assert all(s.latest_date and s.listing_image and s.teaser_text for s in german)
    assert str(german[0].kind_label) in {"Videogeschichte", "Video story"}


def count_queries(function):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        function()
    return len(context)


def test_partner_profiles_list_their_stories(own):
    english_lenses = english(own["lenses"])
    heading, pages = partner_stories(english_lenses, 6)
    assert {p.locale.language_code for p in pages} == {"en"}
    assert all(p.company_id == english_lenses.pk for p in pages)
    assert len(pages) == 2
    # The publishing partner's profile lists the stories of its section too.
    heading, pages = partner_stories(own["partner"], 6)
    assert len(pages) == 2


def test_partner_profile_queries_do_not_grow_with_the_stories(own):
    partner = own["partner"]

    def render_cards():
        for page in partner_stories(partner, 6)[1]:
            assert page.poster.get_rendition("fill-480x270|format-webp").url
            assert page.company.title

    render_cards()  # renditions are made once, on first use
    before = count_queries(render_cards)
    for _number in range(5):
        VideoStoryPageFactory(parent=own["section"], company=own["casting"])
    assert len(partner_stories(partner, 6)[1]) == 6
    render_cards()
    assert count_queries(render_cards) == before
    assert before <= 6


def test_topic_links_on_a_story_lead_to_the_filtered_index(client, own):
    page = own["stories"][0]
    links = [a["href"] for a in soup(client.get(page.url)).select(".tag-list a")]
    index_url = story_index("de").url
    assert links == [
        f"{index_url}?topic=digitalisierung",
        f"{index_url}?topic=mobilitaet-der-zukunft",
    ]
    assert all(page.title in titles(client.get(link)) for link in links)


def test_walking_the_unfiltered_pages_lists_every_story_once(client, many_stories):
    """The unfiltered index starts each page at a known story, not at an offset."""
    page = story_index("de")
    expected = [story.title for story in page.stories()]
    walked = []
    for number in range(1, -(-len(expected) // STORIES_PER_PAGE) + 1):
        walked += titles(client.get(page.url, {"page": number}))
    assert walked == expected
