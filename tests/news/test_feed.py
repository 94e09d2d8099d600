"""The RSS 2.0 feed of press releases per language, and the links that announce it."""

import datetime

import feedparser
import pytest

from news.factories import PressReleasePageFactory, news_index, news_section
from news.models import PressReleasePage
from tests.utils import soup
from tregks.core.factories import expert_group_topic

pytestmark = pytest.mark.django_db


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "rss20"
    return feed


def feed_url(language):
    return news_index(language).url + "feed/"


def test_german_feed_carries_channel_and_item_tags(client):
    PressReleasePageFactory(release_date=datetime.date.today(), lead="Das Neueste.")
    index = news_index("de")
    feed = parse(client, feed_url("de"))
    assert feed.feed.title == f"{index.title} – tregks"
    assert feed.feed.link == index.full_url
    assert feed.feed.link.startswith("http")
    assert feed.feed.language == "de"
    assert feed.feed.description
    releases = PressReleasePage.objects.filter(locale__language_code="de").live()
    newest = releases.order_by("-release_date").first()
    assert len(feed.entries) == min(releases.count(), 20)
    first = feed.entries[0]
    assert first.title == newest.title
    assert first.link == newest.full_url
    assert first.description == newest.lead
    assert first.published_parsed[:3] == newest.release_date.timetuple()[:3]
    dates = [entry.published_parsed for entry in feed.entries]
    assert dates == sorted(dates, reverse=True)


def test_english_feed_is_english(client):
    topic = expert_group_topic("arbeitsbeziehungen")
    PressReleasePageFactory(
        parent=news_section(english=True),
        title="Netzwerk gegründet",
        release_date=datetime.date.today(),
        topics=[topic],
        english={"title": "Network founded"},
    )
    index = news_index("en")
    feed = parse(client, feed_url("en"))
    assert feed.feed.language == "en"
    assert feed.feed.title == f"{index.title} – tregks"
    titles = [entry.title for entry in feed.entries]
    assert "Network founded" in titles
    assert "Netzwerk gegründet" not in titles
    assert all(entry.link.startswith(index.full_url) for entry in feed.entries)
    categories = {tag.term for entry in feed.entries for tag in entry.get("tags", [])}
    assert "Industrial relations" in categories


def test_feed_holds_the_newest_twenty(client):
    section = news_section()
    newest = datetime.date.today()
    for days in range(25):
        PressReleasePageFactory(
            parent=section,
            title=f"Mitteilung vom Tag {days}",
            release_date=newest - datetime.timedelta(days=days),
        )
    feed = parse(client, feed_url("de"))
    assert [entry.title for entry in feed.entries] == [
        f"Mitteilung vom Tag {days}" for days in range(20)
    ]


@pytest.mark.parametrize(
    ("page", "language"),
    [("index", "de"), ("index", "en"), ("release", "en")],
)
def test_news_pages_announce_the_feed_of_their_language(client, page, language):
    index = news_index(language)
    url = index.url
    if page == "release":
        release = PressReleasePageFactory(
            parent=news_section(english=True), english=True
        )
        url = release.get_translation(index.locale).url
    html = soup(client.get(url))
    link = html.select_one('head link[rel="alternate"][type="application/rss+xml"]')
    assert link["href"] == index.full_url + "feed/"
    assert link["title"]


def test_item_ids_are_stable_when_a_slug_changes(client):
    release = PressReleasePageFactory(
        parent=news_section(english=True),
        title="Eine Mitteilung mit neuer Adresse",
        release_date=datetime.date.today(),
        english=True,
    )
    before = {entry.title: entry.id for entry in parse(client, feed_url("de")).entries}
    release.slug = "neue-adresse"
    release.save_revision().publish()
    after = parse(client, feed_url("de"))
    entry = next(entry for entry in after.entries if entry.title == release.title)
    assert entry.link.endswith("/neue-adresse/")
    assert entry.id == before[release.title]
    assert entry.guidislink is False  # isPermaLink="false": the id is no address
    english = parse(client, feed_url("en"))
    assert entry.id not in {other.id for other in english.entries}
