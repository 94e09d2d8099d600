"""An expert group's page gathers what is published on its topic, in its language."""

import xml.etree.ElementTree as ET

from django.test import Client

import pytest

from contact.recipients import lead_profile
from expertgroups.models import ExpertGroupIndexPage, ExpertGroupPage
from home.models import HomePage
from tests.utils import soup

pytestmark = pytest.mark.django_db


def sections(response):
    """{heading: [card titles]} of the page's item sections."""
    assert response.status_code == 200
    return {
        section.select_one("h2").get_text(): [
            a.get_text() for a in section.select(".card__title a")
        ]
        for section in soup(response).select(".expert-group__items")
    }


def channel(response):
    """The feed's channel, parsed as the XML it is (the site's own response)."""
    return ET.fromstring(response.content).find("channel")  # noqa: S314


def test_the_german_page_lists_the_topics_releases_stories_and_episodes(group):
    found = sections(Client().get(group["page"]["de"].url))
    assert found == {
        "Pressemitteilungen": ["Mitteilung zum Thema"],
        "Videogeschichten": ["Geschichte zum Thema"],
        "Podcastfolgen": ["Folge zum Thema"],
    }


def test_the_english_page_lists_only_english_items(group):
    found = sections(Client().get(group["page"]["en"].url))
    assert found == {"Press releases": ["Release on the topic"]}


def test_the_partners_leading_the_group_are_named_and_linked(group):
    leader = group["network"]["partners"]["b"]
    for language in ("de", "en"):
        leader[language].expert_groups.add(group["topic"])
        leader[language].save()
    for language in ("de", "en"):
        html = soup(Client().get(group["page"][language].url))
        links = html.select(".expert-group__leads a")
        assert [a.get_text() for a in links] == [leader[language].title]
        assert links[0]["href"] == leader[language].url


def test_without_a_leading_partner_the_consortium_lead_is_named(group):
    html = soup(Client().get(group["page"]["de"].url))
    names = [a.get_text() for a in html.select(".expert-group__leads a")]
    assert names == [lead_profile().title]


def test_the_feed_carries_the_groups_news_newest_first(group):
    page = group["page"]["de"]
    response = Client().get(page.url + "feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = channel(response)
    titles = [item.findtext("title") for item in feed.iter("item")]
    assert titles == ["Mitteilung zum Thema", "Geschichte zum Thema", "Folge zum Thema"]
    assert feed.find("item").findtext("guid").startswith("tregks-pressreleasepage:")
    assert feed.findtext("language") == "de"
    assert "anderes Thema" not in response.content.decode()
    # The page announces its feed.
    html = soup(Client().get(page.url))
    alternate = html.select_one('link[rel=alternate][type="application/rss+xml"]')
    assert alternate["href"] == page.url + "feed/"


def test_the_english_feed_is_english(group):
    response = Client().get(group["page"]["en"].url + "feed/")
    feed = channel(response)
    assert [item.findtext("title") for item in feed.iter("item")] == [
        "Release on the topic"
    ]
    assert feed.findtext("language") == "en"


def test_page_and_feed_keep_to_the_query_budget(
    group, settings, django_assert_max_num_queries
):
    from tests.expertgroups.conftest import release

    settings.PAGE_CACHE_ENABLED = False
    section = group["items"]["release_de"].get_parent()
    day = group["items"]["release_de"].release_date
    for number in range(15):
        release(section, f"Weitere Mitteilung {number}", group["topic"], day)
    client = Client()
    page = group["page"]["de"]
    for url in (page.url, page.url + "feed/"):
        client.get(url)  # warm: what a running server keeps
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200


def test_the_index_lists_the_groups(group):
    html = soup(Client().get(group["page"]["de"].get_parent().url))
    assert "Testgruppe" in [a.get_text() for a in html.select(".card__title a")]


def test_tree_rules(group, home_de):
    index = group["page"]["de"].get_parent().specific
    assert ExpertGroupPage.can_create_at(index)
    assert not ExpertGroupPage.can_create_at(home_de)
    assert ExpertGroupIndexPage.can_exist_under(HomePage.objects.get(pk=home_de.pk))
    assert ExpertGroupPage.subpage_types == []


def test_the_form_is_on_the_page_without_a_cookie(group, settings):
    settings.PAGE_CACHE_ENABLED = True
    page = group["page"]["de"]
    client = Client()
    first, second = client.get(page.url), client.get(page.url)
    assert not first.cookies and not second.cookies
    assert second["X-Page-Cache"] == "hit"
    form = soup(second).select_one("form.message-form")
    assert form.select_one("input[name=csrfmiddlewaretoken]") is None
    names = [field["name"] for field in form.select("input, textarea")]
    for name in ("name", "organisation", "email", "message", "consent", "form_token"):
        assert name in names
