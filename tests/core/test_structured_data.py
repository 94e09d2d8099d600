"""JSON-LD (schema.org): every page type names what it is, in its language; aliases
(German text under /en/) carry none; nothing in a page's text can end the script.

Each test builds the pages it reads with the apps' factories.
"""

import datetime
import json

from wagtail.models import Locale

import pytest

from home.factories import ContentPageFactory, home_page
from news.factories import PressReleasePageFactory, news_index, news_section
from partners.factories import PartnerProfilePageFactory, partner_index
from partners.models import PartnerProfilePage, PartnerRole, PartnerSectionPage
from podcast.factories import PodcastEpisodePageFactory, PodcastShowPageFactory
from stories.factories import VideoStoryPageFactory, story_index
from tests.utils import data_for_scope, soup
from tregks.core import funding
from tregks.core.factories import make_image

pytestmark = pytest.mark.django_db


def graph(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    scripts = soup(response).select('script[type="application/ld+json"]')
    assert len(scripts) <= 1
    if not scripts:
        return None
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org"
    return data["@graph"]


def node_of(nodes, schema_type):
    found = [node for node in nodes if node["@type"] == schema_type]
    assert len(found) == 1, (schema_type, [node["@type"] for node in nodes])
    return found[0]


def in_language(page, language):
    """The page itself (German) or its English translation."""
    if language == "de":
        return page
    return page.get_translation(Locale.objects.get(language_code=language)).specific


def assert_breadcrumbs(nodes, page, language):
    trail = node_of(nodes, "BreadcrumbList")["itemListElement"]
    assert [item["position"] for item in trail] == list(range(1, len(trail) + 1))
    assert trail[0]["item"].endswith(f"/{language}/")  # the home page
    assert trail[-1]["item"] == page.get_full_url()
    assert trail[-1]["name"] == page.title
    # Partner sections are the index filtered, not a step of their own.
    sections = {
        section.get_full_url()
        for section in page.get_ancestors().type(PartnerSectionPage)
    }
    assert not sections.intersection(item["item"] for item in trail)


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker):
    """German pages (with English translations) the tests only read, built once."""
    with data_for_scope(django_db_blocker):
        funding.seed_notices()  # the network's funder, named in its structured data
        lead = PartnerProfilePageFactory(role=PartnerRole.LEAD, english=True)
        PartnerProfilePageFactory(role=PartnerRole.COMPANY, english=True)
        release = PressReleasePageFactory(
            parent=news_section(lead),
            title="Strukturdaten im Test",
            slug="strukturdaten-im-test",
            release_date=datetime.date(2024, 5, 6),
            image=make_image("Pressebild", (1600, 900)),
            issuing_partners=[lead],
            english={"title": "Structured data in a test"},
        )
        release.save_revision().publish()  # as an editor does: a revision, a date
        show = PodcastShowPageFactory(english=True)
        yield {
            "partner": lead,
            "release": release,
            "story": VideoStoryPageFactory(english=True),
            "show": show,
            "episode": PodcastEpisodePageFactory(parent=show, english=True),
            "content page": ContentPageFactory(english=True),
        }


@pytest.mark.parametrize("language", ["de", "en"])
def test_home_page_describes_the_site_and_the_network(client, built, language):
    page = home_page(language)
    nodes = graph(client, page.url)
    site = node_of(nodes, "WebSite")
    assert site["inLanguage"] == language
    action = site["potentialAction"]
    assert action["@type"] == "SearchAction"
    template = action["target"]["urlTemplate"]
    assert template.startswith("http") and template.endswith("?q={search_term_string}")
    assert action["query-input"] == "required name=search_term_string"
    # The search answers at that address.
    path = "/" + template.split("/", 3)[3].replace(
        "{search_term_string}", "Wasserstoff"
    )
    assert client.get(path).status_code == 200

    network = node_of(nodes, "Organization")
    assert site["publisher"]["@id"] == network["@id"]
    consortium = PartnerProfilePage.objects.live().filter(
        locale__language_code=language,
        alias_of__isnull=True,
        role__in=[PartnerRole.LEAD, PartnerRole.PARTNER],
    )
    assert {member["name"] for member in network["member"]} == {
        partner.title for partner in consortium
    }
    assert len(consortium.filter(role=PartnerRole.LEAD)) >= 1
    assert all(member["url"].startswith("http") for member in network["member"])
    assert network["funder"]["@type"] == "GovernmentOrganization"
    assert network["funder"]["name"]
    assert not any(node["@type"] == "BreadcrumbList" for node in nodes)


@pytest.mark.parametrize("language", ["de", "en"])
def test_press_release_is_a_news_article(client, built, language):
    page = in_language(built["release"], language)
    partner = built["partner"]
    nodes = graph(client, page.url)
    article = node_of(nodes, "NewsArticle")
    assert article["headline"] == page.title
    assert article["inLanguage"] == language
    assert article["datePublished"] == "2024-05-06"
    assert datetime.datetime.fromisoformat(article["dateModified"])
    assert article["author"][0]["@type"] == "Organization"
    assert article["author"][0]["name"] == in_language(partner, language).title
    assert article["publisher"]["name"] == "Transformationsnetzwerk Region Kassel"
    assert article["image"][0].startswith("http")
    assert_breadcrumbs(nodes, page, language)


@pytest.mark.parametrize("language", ["de", "en"])
def test_video_story_is_a_video_object(client, built, language):
    page = in_language(built["story"], language)
    nodes = graph(client, page.url)
    video = node_of(nodes, "VideoObject")
    assert video["name"] == page.title
    assert video["description"]
    assert video["inLanguage"] == language
    assert video["uploadDate"] == page.date.isoformat()
    assert video["thumbnailUrl"][0].startswith("http")
    assert video["transcript"]
    assert "<" not in video["transcript"]  # plain text
    assert video.get("contentUrl") or video.get("embedUrl")
    assert_breadcrumbs(nodes, page, language)


@pytest.mark.parametrize("language", ["de", "en"])
def test_podcast_show_and_episode(client, built, language):
    show = in_language(built["show"], language)
    series = node_of(graph(client, show.url), "PodcastSeries")
    assert series["name"] == show.title
    assert series["inLanguage"] == language
    assert series["url"] == show.get_full_url()

    episode = in_language(built["episode"], language)
    nodes = graph(client, episode.url)
    node = node_of(nodes, "PodcastEpisode")
    assert node["inLanguage"] == language
    assert node["datePublished"] == episode.release_date.isoformat()
    assert node["partOfSeries"]["url"] == show.get_full_url()
    media = node["associatedMedia"]
    assert media["contentUrl"].endswith(episode.audio.url)
    # The audio's own language, honest on the English page too.
    assert media["inLanguage"] == episode.audio_language
    assert_breadcrumbs(nodes, episode, language)


@pytest.mark.parametrize("language", ["de", "en"])
def test_partner_profile_is_an_organization_of_the_network(client, built, language):
    page = in_language(built["partner"], language)
    nodes = graph(client, page.url)
    organization = node_of(nodes, "Organization")
    assert organization["name"] == page.title
    assert organization["inLanguage"] == language
    assert organization["memberOf"]["@id"].endswith(f"/{language}/#organization")
    assert_breadcrumbs(nodes, page, language)


INDEXES = {
    "press index": news_index,
    "story index": story_index,
    "partner index": partner_index,
}


@pytest.mark.parametrize("kind", ["content page", *INDEXES])
@pytest.mark.parametrize("language", ["de", "en"])
def test_other_pages_name_themselves_and_their_trail(client, built, kind, language):
    if kind in INDEXES:
        page = INDEXES[kind](language)
    else:
        page = in_language(built[kind], language)
    nodes = graph(client, page.url)
    main = nodes[0]
    assert main["@type"] in {"WebPage", "CollectionPage"}
    assert main["inLanguage"] == language
    assert main["url"] == page.get_full_url()
    assert_breadcrumbs(nodes, page, language)


def test_an_alias_carries_no_structured_data(client):
    release = PressReleasePageFactory(
        parent=news_section(english=True),
        title="Nur deutsch",
        slug="nur-deutsch-jsonld",
    )
    alias = release.copy_for_translation(
        Locale.objects.get(language_code="en"), alias=True
    )
    assert graph(client, release.url) is not None
    assert graph(client, alias.url) is None


def test_text_cannot_end_the_script(client):
    hostile = 'Titel </script><script>alert("x")</script> & <!--'
    release = PressReleasePageFactory(
        parent=news_section(), title=hostile, slug="feindlicher-titel"
    )
    response = client.get(release.url)
    raw = response.content.decode().split('<script type="application/ld+json">')[1]
    body = raw.split("</script>")[0]
    assert "<" not in body and ">" not in body
    article = node_of(graph(client, release.url), "NewsArticle")
    assert article["headline"] == hostile
