"""Artwork validation and rendering of the podcast (tree rules, admin creation and
preview: test_page_rules.py)."""

from django.urls import reverse

from wagtail.models import Locale

import pytest
from bs4 import BeautifulSoup

from partners.factories import PartnerProfilePageFactory
from podcast.models import PodcastEpisodePage
from tests.utils import soup

from .utils import ARTWORK_ALT, make_image, show_form_data
from .utils import own_episode as episode
from .utils import own_show as show

# The show of tests/podcast/utils.py, built once for the module (tests/podcast/conftest.py).
pytestmark = pytest.mark.usefixtures("module_podcast")


@pytest.mark.django_db
class TestArtworkValidation:
    """Apple and Spotify need square artwork between 1400 and 3000 pixels.

    The admin speaks German (the site's default language), so do its messages.
    """

    def post_artwork(self, admin_client, width, height):
        page = show()
        image = make_image(width, height)
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        data = show_form_data(page, artwork=image.pk)
        data["action-publish"] = "action-publish"
        return admin_client.post(url, data), image

    @pytest.mark.parametrize(
        ("width", "height", "message"),
        [
            (1399, 1399, "zu klein"),
            (3001, 3001, "zu groß"),
            (1400, 1600, "muss quadratisch sein"),
        ],
    )
    def test_unsuitable_artwork_is_refused(self, admin_client, width, height, message):
        response, image = self.post_artwork(admin_client, width, height)
        assert response.status_code == 200
        html = soup(response)
        errors = " ".join(
            e.get_text() for e in html.select(".error-message, .w-field__errors")
        )
        assert message in errors
        assert f"{width} × {height}" in errors
        assert show().artwork_id != image.pk

    @pytest.mark.parametrize("size", [1400, 3000])
    def test_artwork_within_the_limits_is_accepted(self, admin_client, size):
        response, image = self.post_artwork(admin_client, size, size)
        assert response.status_code == 302
        assert show().artwork_id == image.pk

    def test_subcategory_must_belong_to_the_category(self, admin_client):
        page = show()
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        data = show_form_data(
            page, apple_category="Arts", apple_subcategory="Management"
        )
        data["action-publish"] = "action-publish"
        response = admin_client.post(url, data)
        assert response.status_code == 200
        assert "ist keine Unterkategorie von" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["de", "en"])
def test_show_page_lists_episodes_newest_first(client, language):
    page = show(language)
    response = client.get(page.url)
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == language
    assert len(html.find_all("h1")) == 1
    titles = [a.get_text() for a in html.select(".episode-item__title a")]
    expected = [episode(n, language).title for n in (3, 2, 1)]
    assert titles == expected
    artwork = html.select_one("img.podcast-show__artwork")
    assert artwork["alt"]
    feed = html.select_one('head link[rel="alternate"][type="application/rss+xml"]')
    assert feed["href"].startswith("http")
    # The audio is German: the English page offers the German feed as such.
    assert feed["href"] == show("de").get_full_feed_url()
    assert "/de/" in feed["href"]
    # hreflang in the head names translations of the page, not the feed's language.
    assert feed.get("hreflang") is None
    assert feed["title"]
    # The subscribe section shows the same feed address.
    assert html.select_one(".podcast-subscribe__feed")["href"] == feed["href"]


@pytest.mark.django_db
def test_english_show_has_english_text(client):
    html = soup(client.get(show("en").url))
    assert "A podcast about change at work." in html.get_text()
    assert "Episode 1: Change at work" in html.get_text()
    assert "Folge 1" not in html.get_text()


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["abc", "0", "-3", "999", "1.5"])
def test_bad_page_numbers_never_fail(client, value):
    response = client.get(show().url, {"page": value})
    assert response.status_code == 200
    assert soup(response).select(".episode-item")


@pytest.mark.django_db
def test_episode_list_is_paginated_in_the_database(
    client, django_assert_max_num_queries
):
    page = show()
    audio = episode(1).audio
    for number in range(4, 16):
        page.add_child(
            instance=PodcastEpisodePage(
                title=f"Folge {number}",
                slug=f"folge-{number}",
                episode_number=number,
                release_date=f"2031-01-{number:02d}",  # newer than the rest
                summary="Kurz.",
                audio=audio,
            )
        )
    first = soup(client.get(page.url))
    titles = [a.get_text() for a in first.select(".episode-item__title a")]
    assert titles[0] == "Folge 15"
    assert len(titles) == 10
    second = soup(client.get(page.url, {"page": 2}))
    assert len(second.select(".episode-item")) == 5
    assert second.select_one('.pagination [aria-current="page"]').get_text() == "2"
    # The episode list costs the same number of queries however long it is.
    with django_assert_max_num_queries(40):
        client.get(page.url)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["de", "en"])
def test_episode_page_has_an_accessible_player(client, language):
    page = episode(1, language)
    response = client.get(page.url)
    assert response.status_code == 200
    html = soup(response)
    assert len(html.find_all("h1")) == 1
    player = html.select_one("audio[controls]")
    assert player["preload"] == "none"
    # Labelled by the "Listen" heading and the episode title.
    label_ids = player["aria-labelledby"].split()
    assert all(html.find(id=label_id) for label_id in label_ids)
    source = player.find("source")
    assert source["type"] == "audio/mpeg"
    assert source["src"] == page.audio.url
    download = html.select_one("a.audio-player__download")
    assert download["href"] == page.audio.url
    assert "MP3" in download.get_text()
    assert "KB" in download.get_text()
    duration = html.select_one(".audio-player time")
    assert duration["datetime"] == f"PT0H0M{page.duration}S"
    unit = {"de": "Sek.", "en": "s"}[language]
    assert f"{page.duration} {unit}" in duration.get_text()
    feed = html.select_one('head link[rel="alternate"][type="application/rss+xml"]')
    assert feed["href"] == show("de").get_full_feed_url()  # German audio
    transcript = html.select_one(".podcast-episode__transcript").get_text()
    assert BeautifulSoup(page.transcript, "html.parser").get_text() in transcript


@pytest.mark.django_db
def test_english_episode_shows_english_guest_profiles(client):
    """Guests are synchronised unchanged; readers see the profile in their language."""
    profile = PartnerProfilePageFactory(
        title="Testpartner GmbH", english={"title": "Test partner Ltd"}
    )
    english_profile = profile.get_translation(Locale.objects.get(language_code="en"))

    page = episode(2, "en")
    page.guests.set([profile])  # what wagtail-localize synchronises
    page.save_revision().publish()
    html = soup(client.get(page.url))
    links = {a.get_text(): a["href"] for a in html.select("#guests-heading + ul a")}
    assert links["Test partner Ltd"] == english_profile.url
    assert "Testpartner GmbH" not in links


@pytest.mark.django_db
def test_api_lists_live_episodes_with_audio_facts(client):
    hidden = episode(3, "en")
    hidden.unpublish()
    response = client.get(
        "/api/v2/pages/",
        {
            "type": "podcast.PodcastEpisodePage",
            "locale": "en",
            "fields": "episode_number,audio_file,transcript,guests,topics",
            "descendant_of": show("en").pk,
        },
    )
    assert response.status_code == 200
    items = {item["episode_number"]: item for item in response.json()["items"]}
    assert set(items) == {1, 2}
    first = episode(1, "en")
    audio_file = items[1]["audio_file"]
    assert audio_file["url"].startswith("http")
    assert audio_file["url"].endswith(first.audio.url)
    assert audio_file["type"] == "audio/mpeg"
    assert audio_file["size"] == first.file_size
    assert audio_file["duration"] == first.duration
    assert items[1]["transcript"].startswith("<p>Welcome to episode 1.")


@pytest.mark.django_db
def test_api_describes_the_show_for_apps(client):
    page = show("en")
    response = client.get(f"/api/v2/pages/{page.pk}/")
    data = response.json()
    # No English feed while every episode's audio is German (docs/podcast.md).
    assert data["feed_url"] == ""
    german_feed = client.get(f"/api/v2/pages/{show('de').pk}/").json()["feed_url"]
    assert german_feed == show("de").get_full_feed_url()
    assert data["language"] == "en"
    assert data["artwork_rendition"]["width"] == 1400
    assert data["description"] == "A podcast about change at work."


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["de", "en"])
def test_artwork_alt_text_is_in_the_pages_language(client, language):
    alt = ARTWORK_ALT[language]
    html = soup(client.get(show(language).url))
    assert html.select_one("img.podcast-show__artwork")["alt"] == alt
    detail = client.get(f"/api/v2/pages/{show(language).pk}/").json()
    assert detail["artwork_alt_text"] == alt


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["de", "en"])
def test_episode_page_says_when_the_audio_is_in_another_language(client, language):
    html = soup(client.get(episode(1, language).url))
    note = html.select_one(".audio-player__language")
    player = html.select_one(".audio-player audio")
    if language == "de":
        assert note is None
        assert not player.get("lang")
    else:
        assert "The audio is in German" in note.get_text()
        assert player["lang"] == "de"
