"""The expert groups as a topic filter of the show page (?topic=<slug>)."""

import pytest

from tests.utils import soup

from .utils import own_episode as episode
from .utils import own_show as show

# The show of tests/podcast/utils.py, built once for the module (tests/podcast/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_podcast")]


def episode_titles(response):
    assert response.status_code == 200
    return [a.get_text() for a in soup(response).select(".episode-item__title a")]


@pytest.mark.parametrize("language", ["de", "en"])
def test_topic_filter_lists_only_the_episodes_on_that_topic(client, language):
    response = client.get(show(language).url, {"topic": "arbeitsbeziehungen"})
    assert episode_titles(response) == [episode(n, language).title for n in (3, 1)]
    html = soup(response)
    current = html.select_one('.topic-filter [aria-current="page"]')
    expected = "Arbeitsbeziehungen" if language == "de" else "Industrial relations"
    assert current.get_text() == expected
    assert expected in html.select_one("#episodes-heading").get_text()


def test_the_show_offers_every_expert_group_as_a_filter_link(client):
    html = soup(client.get(show().url))
    links = html.select(".topic-filter a")
    assert links[0]["aria-current"] == "page"  # "All episodes" without a filter
    slugs = {link["href"].split("?topic=")[1] for link in links[1:]}
    assert slugs == {
        "digitalisierung",
        "dekarbonisierung",
        "mobilitaet-der-zukunft",
        "qualifizierung",
        "arbeitsbeziehungen",
    }


def test_a_topic_without_episodes_says_so(client):
    response = client.get(show().url, {"topic": "dekarbonisierung"})
    assert episode_titles(response) == []
    assert "Zu diesem Thema gibt es noch keine Folgen." in response.content.decode()


@pytest.mark.parametrize("value", ["gibt-es-nicht", "<script>", "%00", " "])
def test_an_unknown_topic_gives_a_message_not_an_error(client, value):
    response = client.get(show().url, {"topic": value})
    assert response.status_code == 200
    if value.strip():
        assert episode_titles(response) == []
        assert "Dieses Thema gibt es nicht." in response.content.decode()
    else:
        assert len(episode_titles(response)) == 3


@pytest.mark.parametrize("language", ["de", "en"])
def test_episode_topics_link_to_the_filtered_show(client, language):
    page = episode(2, language)
    html = soup(client.get(page.url))
    link = html.select_one("#topics-heading + .tag-list a")
    assert link["href"] == f"{show(language).url}?topic=qualifizierung"
    assert episode_titles(client.get(link["href"])) == [
        episode(n, language).title for n in (3, 2)
    ]
