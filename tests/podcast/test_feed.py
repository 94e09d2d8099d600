"""The podcast feed: parses, and carries every tag Apple Podcasts, Spotify and the
Podcast Index need; a feed lists only episodes whose audio is in its language.

The tests read a show of their own with three episodes in German and English
(tests/podcast/utils.py, `make_podcast`), built once for the module."""

import datetime
import email.utils
import re
import uuid
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from django.core.files.storage import default_storage

import feedparser
import mutagen
import pytest

from home.factories import home_page
from podcast.categories import APPLE_CATEGORIES
from podcast.models import PodcastEpisodePage

from .utils import own_episode as episode
from .utils import own_show as show

ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
PODCAST = "{https://podcastindex.org/namespace/1.0}"
RFC_2822 = re.compile(
    r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} "
    r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} "
    r"\d{2}:\d{2}:\d{2} [+-]\d{4}$"
)


def get_feed(client, language="de"):
    response = client.get(show(language).get_url() + "feed/")
    assert response.status_code == 200
    return response


def give_english_audio(number):
    """What a translator does who swaps in an English recording of an episode."""
    page = episode(number, "en")
    page.audio_language = "en"
    page.save_revision().publish()
    return page


def channel(response):
    # Our own feed, not untrusted input.
    return ET.fromstring(response.content).find("channel")  # noqa: S314


def items_by_episode(response):
    return {
        int(item.findtext(f"{ITUNES}episode")): item
        for item in channel(response).findall("item")
    }


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_podcast")]


def test_feed_is_rss_in_utf8_with_declared_namespaces(client):
    response = get_feed(client)
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    head = response.content[:400].decode()
    assert head.startswith('<?xml version="1.0" encoding="utf-8"?>')
    assert 'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"' in head
    assert 'xmlns:content="http://purl.org/rss/1.0/modules/content/"' in head
    assert 'xmlns:atom="http://www.w3.org/2005/Atom"' in head
    assert 'xmlns:podcast="https://podcastindex.org/namespace/1.0"' in head
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "rss20"


@pytest.mark.parametrize("language", ["de", "en"])
def test_channel_tags(client, language):
    if language == "en":
        give_english_audio(1)
    page = show(language)
    response = get_feed(client, language)
    parsed = feedparser.parse(response.content).feed
    assert parsed.title == page.title
    assert parsed.link == page.get_full_url()
    assert parsed.language == language
    assert parsed.subtitle == page.description
    assert parsed.author == page.author
    assert parsed.publisher_detail.name == page.owner_name
    assert parsed.publisher_detail.email == page.owner_email

    root = channel(response)
    assert root.findtext(f"{ITUNES}type") == "episodic"
    assert root.findtext(f"{ITUNES}explicit") == "false"
    category = root.find(f"{ITUNES}category")
    assert category.get("text") == page.apple_category == "Business"
    subcategory = category.find(f"{ITUNES}category").get("text")
    assert subcategory == "Management"
    # Apple's own list, spelled exactly (an unknown category is rejected).
    assert subcategory in APPLE_CATEGORIES[category.get("text")]
    owner = root.find(f"{ITUNES}owner")
    assert owner.findtext(f"{ITUNES}email") == page.owner_email


def test_artwork_is_an_absolute_square_rendition_of_at_least_1400_px(client):
    response = get_feed(client)
    href = channel(response).find(f"{ITUNES}image").get("href")
    assert href.startswith(("http://", "https://"))
    assert feedparser.parse(response.content).feed.image.href == href
    # Fetch the rendition through the site and measure it.
    from PIL import Image

    path = urlsplit(href).path
    image = Image.open(default_storage.open(path.removeprefix("/media/")))
    assert 3000 >= image.size[0] == image.size[1] >= 1400
    assert image.format == "JPEG"
    assert path.endswith(".jpg")  # Apple accepts .jpg and .png addresses only


def test_items_carry_every_tag_with_the_file_facts(client):
    response = get_feed(client)
    parsed = feedparser.parse(response.content)
    assert len(parsed.entries) == 3
    items = items_by_episode(response)
    for number, item in items.items():
        page = episode(number)
        name = page.audio.file.name
        entry = next(e for e in parsed.entries if e.title == page.title)
        assert entry.link == page.get_full_url()
        assert entry.summary == page.summary

        guid = item.find("guid")
        assert guid.get("isPermaLink") == "false"
        assert entry.id == guid.text == f"tregks-podcast:{page.translation_key}:de"
        assert "/" not in guid.text.split(":", 1)[1]  # not the URL

        pub_date = item.findtext("pubDate")
        assert RFC_2822.match(pub_date), pub_date
        assert email.utils.parsedate_to_datetime(pub_date).date() == page.release_date

        enclosure = item.find("enclosure")
        url = enclosure.get("url")
        assert url.startswith(("http://", "https://"))
        assert urlsplit(url).path == page.audio.url
        assert int(enclosure.get("length")) == default_storage.size(name)
        assert enclosure.get("type") == "audio/mpeg"
        assert entry.enclosures[0].type == "audio/mpeg"

        with default_storage.open(name, "rb") as handle:
            length = mutagen.File(handle).info.length
        assert int(item.findtext(f"{ITUNES}duration")) == round(length)
        assert item.findtext(f"{ITUNES}episode") == str(page.episode_number)
        assert item.findtext(f"{ITUNES}season") == "1"


def test_items_are_newest_first(client):
    numbers = list(items_by_episode(get_feed(client)))
    assert numbers == [3, 2, 1]


def test_feed_lists_only_the_newest_episodes_up_to_its_limit(client, monkeypatch):
    """A growing archive must not make the feed grow without bound."""
    monkeypatch.setattr("podcast.feeds.FEED_MAX_EPISODES", 2)
    assert list(items_by_episode(get_feed(client))) == [3, 2]


def test_no_english_feed_while_every_episode_is_german_audio(client):
    """German audio under English titles would be a mislabelled second show."""
    assert {episode(n, "en").audio_language for n in (1, 2, 3)} == {"de"}
    assert client.get(show("en").get_url() + "feed/").status_code == 404
    html = client.get(show("en").url).content.decode()
    # The English page offers the German feed and says that it is German.
    german_feed = show("de").get_full_feed_url()
    assert f'title="{show("en").title} (podcast feed in German)"' in html
    assert f'href="{german_feed}"' in html
    assert "recorded in German" in html


def test_english_feed_lists_only_episodes_with_english_audio(client):
    english = give_english_audio(2)
    parsed = feedparser.parse(get_feed(client, "en").content)
    assert parsed.feed.language == "en"
    assert [entry.title for entry in parsed.entries] == [english.title]
    assert parsed.entries[0].id == f"tregks-podcast:{english.translation_key}:en"
    # The German feed lists German audio only; its own episode 2 is still German.
    german = items_by_episode(get_feed(client, "de"))
    assert set(german) == {1, 2, 3}
    assert german[2].findtext("title") == episode(2, "de").title


def test_a_german_page_with_english_audio_leaves_the_german_feed(client):
    page = episode(3, "de")
    page.audio_language = "en"
    page.save_revision().publish()
    assert set(items_by_episode(get_feed(client, "de"))) == {1, 2}


def test_guid_is_stable_across_a_republish_and_a_new_slug(client):
    before = items_by_episode(get_feed(client))[2].findtext("guid")
    page = episode(2)
    page.slug = "folge-2-neuer-name"
    page.title = "Folge 2: Neuer Titel"
    page.save_revision().publish()
    after_item = items_by_episode(get_feed(client))[2]
    assert after_item.findtext("title") == "Folge 2: Neuer Titel"
    assert after_item.findtext("guid") == before


def test_only_live_public_episodes_of_the_locale(client):
    page = episode(3)
    page.unpublish()
    numbers = set(items_by_episode(get_feed(client)))
    assert numbers == {1, 2}
    # The English feed is unaffected by the German episode.
    for number in (1, 2, 3):
        give_english_audio(number)
    assert set(items_by_episode(get_feed(client, "en"))) == {1, 2, 3}


def test_draft_episode_is_not_in_the_feed(client):
    page = show()
    draft = PodcastEpisodePage(
        title="Entwurf",
        slug="entwurf",
        episode_number=9,
        release_date=datetime.date(2025, 1, 1),
        summary="Noch nicht fertig.",
        audio=episode(1).audio,
        live=False,
    )
    page.add_child(instance=draft)
    assert 9 not in items_by_episode(get_feed(client))


def test_feed_of_an_unknown_sub_path_is_not_found(client):
    assert client.get(show().get_url() + "feed/nonsense/").status_code == 404


def test_an_untranslated_alias_of_the_show_has_no_feed(client):
    """German content under /en/ must not pose as an English feed."""
    from wagtail.models import Locale

    alias = show("de").create_alias(
        parent=home_page("en"),
        update_locale=Locale.objects.get(language_code="en"),
        update_slug="podcast-alias",
    )
    response = client.get(alias.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'type="application/rss+xml"' not in html
    assert client.get(alias.url + "feed/").status_code == 404


def test_show_has_a_stable_podcast_guid_derived_from_its_feed_address(client):
    page = show()
    root = channel(get_feed(client))
    guid = uuid.UUID(root.findtext(f"{PODCAST}guid"))
    # The Podcast Index rule: UUIDv5 of the feed URL without scheme and trailing slash.
    address = page.get_full_feed_url().split("://", 1)[1].rstrip("/")
    namespace = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
    assert guid == uuid.uuid5(namespace, address)
    assert guid.version == 5
    # A new slug moves the feed, but the show stays the same show.
    page.slug = "podcast-neu"
    page.save_revision().publish()
    moved = show()
    assert "/podcast-neu/feed/" in moved.get_full_feed_url()
    response = client.get(moved.get_url() + "feed/")
    assert uuid.UUID(channel(response).findtext(f"{PODCAST}guid")) == guid


def test_publishing_a_revision_from_before_the_guid_keeps_the_guid(client):
    page = show()
    guid = page.feed_guid
    assert guid is not None
    revision = page.save_revision()
    revision.content["feed_guid"] = None  # as revisions saved before the field
    revision.content["slug"] = "podcast-alt"
    revision.save()
    revision.publish()
    assert show().feed_guid == guid
    assert channel(get_feed(client)).findtext(f"{PODCAST}guid") == str(guid)


def test_each_language_is_a_show_of_its_own(client):
    give_english_audio(1)
    german = channel(get_feed(client, "de")).findtext(f"{PODCAST}guid")
    english = channel(get_feed(client, "en")).findtext(f"{PODCAST}guid")
    assert german and english and german != english


def test_show_is_locked_to_its_owner(client):
    locked = channel(get_feed(client)).find(f"{PODCAST}locked")
    assert locked.text == "yes"
    assert locked.get("owner") == show().owner_email


def test_copyright_names_the_author_and_the_years(client):
    page = show()
    line = channel(get_feed(client)).findtext("copyright")
    assert line.startswith("©")
    assert page.author in line
    assert str(episode(1).release_date.year) in line
    page.copyright = "© 2023 Testverlag"
    page.save_revision().publish()
    assert channel(get_feed(client)).findtext("copyright") == "© 2023 Testverlag"


@pytest.mark.parametrize("language", ["de", "en"])
def test_itunes_title_has_no_episode_number(client, language):
    if language == "en":
        for number in (1, 2, 3):
            give_english_audio(number)
    for number, item in items_by_episode(get_feed(client, language)).items():
        page = episode(number, language)
        title = item.findtext(f"{ITUNES}title")
        assert title
        assert str(number) not in title, title
        assert title in page.title  # the rest of the page's title
        assert item.findtext("title") == page.title


@pytest.mark.parametrize(
    ("title", "number", "expected"),
    [
        (
            "Folge 3: Generation Z in der Produktion",
            3,
            "Generation Z in der Produktion",
        ),
        ("Episode 12 – Hydrogen", 12, "Hydrogen"),
        ("#4 | Werkstatt", 4, "Werkstatt"),
        ("7. Ausbildung", 7, "Ausbildung"),
        ("Die 5 besten Ideen", 5, "Die 5 besten Ideen"),  # not a prefix
        ("Folge 2: Neu", 3, "Folge 2: Neu"),  # another episode's number stays
        ("Folge 3:", 3, "Folge 3:"),  # nothing would be left
    ],
)
def test_title_without_number(title, number, expected):
    from podcast.directory import title_without_number

    assert title_without_number(title, number) == expected


def test_every_item_links_its_transcript_as_html(client):
    for number, item in items_by_episode(get_feed(client)).items():
        links = {
            link.get("language"): link for link in item.findall(f"{PODCAST}transcript")
        }
        # The original (the audio's language) and the live English translation.
        assert set(links) == {"de", "en"}
        for language, link in links.items():
            assert link.get("type") == "text/html"
            url = link.get("url")
            assert url.startswith(("http://", "https://"))
            response = client.get(urlsplit(url).path)
            assert response.status_code == 200
            assert response["Content-Type"] == "text/html; charset=utf-8"
            html = response.content.decode()
            assert f'<html lang="{language}">' in html
            page = episode(number, language)
            first_words = re.sub("<[^>]+>", "", page.transcript)[:60]
            assert first_words in html


def test_an_episode_without_transcript_has_no_transcript_link_or_page(client):
    page = episode(2)
    page.transcript = ""
    page.save_revision().publish()
    item = items_by_episode(get_feed(client))[2]
    languages = [link.get("language") for link in item.findall(f"{PODCAST}transcript")]
    assert languages == ["en"]  # the English translation still has one
    assert client.get(page.url + "transcript/").status_code == 404
