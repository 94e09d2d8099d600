"""Tree rules, admin creation, rendering and preview of the podcast pages, checked with
Wagtail's WagtailPageTestCase.

A Django TestCase closes the database connection when its class ends, so it cannot
run inside the module-wide transaction test_pages.py shares its podcast in: the class
builds its own podcast once instead (setUpTestData), and each test's changes are
rolled back after it as usual.
"""

from django.urls import reverse

from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from podcast.models import PodcastEpisodePage, PodcastShowPage

from . import utils
from .utils import (
    demo_mp3,
    episode_form_data,
    make_audio,
    make_image,
    show_form_data,
)
from .utils import own_episode as episode
from .utils import own_show as show


class TestPodcastTreeRules(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.podcast = utils.make_podcast().pk

    def setUp(self):
        utils.MADE["show"] = self.podcast

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
