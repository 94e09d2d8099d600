"""The RSS 2.0 feed of press releases per language, and the links that announce it."""

import feedparser
import pytest

from news.factories import PressReleasePageFactory
from news.models import NewsIndexPage, PressReleasePage
from tests.utils import news_section, soup

pytestmark = pytest.mark.django_db


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "rss20"
    return feed


def test_german_feed_carries_channel_and_item_tags(client):
    feed = parse(client, "/de/presse/feed/")
    assert feed.feed.title == "Presse – tregks"
    index = NewsIndexPage.objects.get(locale__language_code="de")
    assert feed.feed.link == index.full_url
    assert feed.feed.link.startswith("http")
    assert feed.feed.language == "de"
    assert feed.feed.description
    releases = PressReleasePage.objects.filter(locale__language_code="de").live()
    newest = releases.order_by("-release_date").first()
    assert len(feed.entries) == releases.count()
    first = feed.entries[0]
    assert first.title == newest.title
    assert first.link == newest.full_url
    assert first.description == newest.lead
    assert first.published_parsed[:3] == newest.release_date.timetuple()[:3]
    dates = [entry.published_parsed for entry in feed.entries]
    assert dates == sorted(dates, reverse=True)


def test_english_feed_is_english(client):
    feed = parse(client, "/en/press/feed/")
    assert feed.feed.language == "en"
    assert feed.feed.title == "Press – tregks"
    titles = [entry.title for entry in feed.entries]
    assert any(title.endswith("Transformation Network founded") for title in titles)
    assert not any("gegründet" in title for title in titles)
    index = NewsIndexPage.objects.get(locale__language_code="en")
    assert all(entry.link.startswith(index.full_url) for entry in feed.entries)
    categories = {tag.term for entry in feed.entries for tag in entry.get("tags", [])}
    assert "Industrial relations" in categories


def test_feed_holds_the_newest_twenty(client):
    section = news_section("agv")
    for _ in range(25):
        PressReleasePageFactory(parent=section)
    feed = parse(client, "/de/presse/feed/")
    assert len(feed.entries) == 20
    assert feed.entries[0].title.startswith("„tregks im Dialog“")


@pytest.mark.parametrize(
    ("url", "language"),
    [
        ("/de/presse/", "de"),
        ("/en/press/", "en"),
        ("/en/press/wfg/five-expert-groups-start/", "en"),
    ],
)
def test_news_pages_announce_the_feed_of_their_language(client, url, language):
    index = NewsIndexPage.objects.get(locale__language_code=language)
    html = soup(client.get(url))
    link = html.select_one('head link[rel="alternate"][type="application/rss+xml"]')
    assert link["href"] == index.full_url + "feed/"
    assert link["title"]


def test_item_ids_are_stable_when_a_slug_changes(client):
    release = PressReleasePage.objects.get(slug="fuenf-fachgruppen-starten")
    before = {
        entry.title: entry.id for entry in parse(client, "/de/presse/feed/").entries
    }
    release.slug = "fuenf-fachgruppen-nehmen-die-arbeit-auf"
    release.save_revision().publish()
    after = parse(client, "/de/presse/feed/")
    entry = next(entry for entry in after.entries if entry.title == release.title)
    assert entry.link.endswith("/fuenf-fachgruppen-nehmen-die-arbeit-auf/")
    assert entry.id == before[release.title]
    assert entry.guidislink is False  # isPermaLink="false": the id is no address
    english = parse(client, "/en/press/feed/")
    assert entry.id not in {other.id for other in english.entries}
