"""Tree rules, admin creation, artwork validation, rendering and preview of the podcast."""

from django.urls import reverse

from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

import pytest
from bs4 import BeautifulSoup

from home.models import HomePage
from partners.factories import PartnerProfilePageFactory
from podcast.models import PodcastEpisodePage, PodcastShowPage
from tests.utils import soup

from .utils import ARTWORK_ALT, demo_mp3, make_audio, make_image
from .utils import own_episode as episode
from .utils import own_show as show


def show_form_data(page, **overrides):
    data = {
        "title": page.title,
        "slug": page.slug,
        "description": page.description,
        "artwork": page.artwork_id,
        "owner_partner": page.owner_partner_id or "",
        "author": page.author,
        "owner_name": page.owner_name,
        "owner_email": page.owner_email,
        "apple_category": page.apple_category,
        "apple_subcategory": page.apple_subcategory,
        "explicit": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def episode_form_data(**overrides):
    data = {
        "title": "Folge 4: Wasserstoff im Mittelstand",
        "slug": "folge-4-wasserstoff",
        "episode_number": 4,
        "season_number": 1,
        "release_date": "2024-05-02",
        "audio_language": "de",
        "summary": "Was Wasserstoff für kleine Betriebe bedeutet.",
        "show_notes": rich_text("<h3>Worum es geht</h3><p>Wasserstoff.</p>"),
        "transcript": rich_text("<p>Willkommen zu Folge vier.</p>"),
    }
    data.update(overrides)
    return nested_form_data(data)


class TestPodcastTreeRules(WagtailPageTestCase):
    def test_show_lives_below_a_home_page_and_holds_episodes(self):
        self.assertAllowedParentPageTypes(PodcastShowPage, {HomePage})
        self.assertAllowedSubpageTypes(PodcastShowPage, {PodcastEpisodePage})

    def test_episode_lives_only_below_a_show_and_has_no_children(self):
        self.assertAllowedParentPageTypes(PodcastEpisodePage, {PodcastShowPage})
        self.assertAllowedSubpageTypes(PodcastEpisodePage, set())
        self.assertCanNotCreateAt(HomePage, PodcastEpisodePage)

    def test_episode_can_be_created_through_the_admin_form(self):
        self.login()
        audio = make_audio(demo_mp3(2), "admin-test.mp3")
        data = episode_form_data(audio=audio.pk)
        self.assertCanCreate(show(), PodcastEpisodePage, data)
        created = PodcastEpisodePage.objects.get(slug="folge-4-wasserstoff")
        assert created.live
        # Duration and size come from the file, not from the form.
        assert created.file_size == len(demo_mp3(2))
        assert created.duration == 22

    def test_show_can_be_created_through_the_admin_form(self):
        self.login()
        artwork = make_image(1400, 1400)
        original = show()
        data = show_form_data(
            original,
            title="Zweiter Podcast",
            slug="zweiter-podcast",
            artwork=artwork.pk,
        )
        self.assertCanCreate(original.get_parent(), PodcastShowPage, data)

    def test_episode_needs_an_mp3_or_m4a_file(self):
        self.login()
        audio = make_audio(b"RIFF....WAVEfmt ", "recording.wav")
        url = reverse(
            "wagtailadmin_pages:add",
            args=["podcast", "podcastepisodepage", show().pk],
        )
        data = episode_form_data(audio=audio.pk)
        data["action-publish"] = "action-publish"
        response = self.client.post(url, data)
        assert response.status_code == 200
        assert "MP3- oder M4A-Datei" in response.content.decode()
        assert not PodcastEpisodePage.objects.filter(
            slug="folge-4-wasserstoff"
        ).exists()

    def test_unreadable_audio_gives_a_form_error(self):
        self.login()
        audio = make_audio(b"this is not audio at all" * 10, "broken.mp3")
        url = reverse(
            "wagtailadmin_pages:add",
            args=["podcast", "podcastepisodepage", show().pk],
        )
        data = episode_form_data(audio=audio.pk)
        data["action-publish"] = "action-publish"
        response = self.client.post(url, data)
        assert response.status_code == 200
        assert "konnte nicht gelesen werden" in response.content.decode()

    def test_pages_render_in_both_languages(self):
        pages = [show("de"), show("en"), episode(1, "de"), episode(1, "en")]
        assert {page.locale.language_code for page in pages} == {"de", "en"}
        for page in pages:
            self.assertPageIsRenderable(page)

    def test_show_previews(self):
        page = show()
        self.assertPageIsPreviewable(
            page, post_data=show_form_data(page, description="Vorschau der Show")
        )

    def test_episode_previews(self):
        page = episode(1)
        data = episode_form_data(
            title=page.title, slug=page.slug, episode_number=1, audio=page.audio_id
        )
        self.assertPageIsPreviewable(page, post_data=data)


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
