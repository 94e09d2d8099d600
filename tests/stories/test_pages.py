"""Tree rules, creation through the admin, rendering and preview of the story pages."""

from unittest import mock

from django.core.files.base import ContentFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

import pytest

from home.models import HomePage
from partners.factories import PartnerProfilePageFactory
from partners.models import PartnerRole, PartnerSectionPage
from stories.factories import VideoStoryPageFactory, story_index, story_section
from stories.models import StoryIndexPage, VideoStoryPage
from tregks.core.factories import make_image, make_media

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


# Wagtail's test helpers log in with the first AUTHENTICATION_BACKENDS entry, which is
# django-axes' standalone backend: it checks logins but cannot load a session's user.
class AdminTestCase(WagtailPageTestCase):
    def setUp(self):
        super().setUp()
        patcher = mock.patch(
            "wagtail.test.utils.page_tests.AUTH_BACKEND", MODEL_BACKEND
        )
        patcher.start()
        self.addCleanup(patcher.stop)

    def login(self):
        user = self.create_superuser("stories-editor")
        self.client.force_login(user, backend=MODEL_BACKEND)
        return user


def story_form_data(**overrides):
    data = {
        "title": "Neue Werkhalle, neue Berufe",
        "slug": "neue-werkhalle",
        "company": PartnerProfilePageFactory(role=PartnerRole.COMPANY).pk,
        "date": "2025-03-01",
        "summary": "Ein Betrieb zeigt seine neue Fertigung.",
        "video_url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "video_file": "",
        "captions": "",
        "captions_language": "de",
        "poster": make_image("Standbild", (1280, 720)).pk,
        "duration": "2:10 Min.",
        "transcript": rich_text("<p>Moderation: Was ist neu?</p>"),
        "topics": [],
    }
    data.update(overrides)
    return nested_form_data(data)


class TestStoryTreeRules(AdminTestCase):
    def test_index_below_home_with_partner_sections(self):
        self.assertAllowedParentPageTypes(StoryIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(StoryIndexPage, {PartnerSectionPage})

    def test_stories_only_in_partner_sections_without_children(self):
        self.assertAllowedParentPageTypes(VideoStoryPage, {PartnerSectionPage})
        self.assertAllowedSubpageTypes(VideoStoryPage, set())

    def test_one_story_index_per_language(self):
        home = story_index("de").get_parent().specific
        self.assertFalse(StoryIndexPage.can_create_at(home))

    def test_story_can_be_created_through_the_admin_form(self):
        self.login()
        self.assertCanCreate(story_section(), VideoStoryPage, story_form_data())
        created = VideoStoryPage.objects.get(slug="neue-werkhalle")
        self.assertEqual(
            (created.video_provider, created.video_id), ("youtube", "dQw4w9WgXcQ")
        )

    def test_pages_render_in_both_languages(self):
        story = VideoStoryPageFactory(english=True)
        english = story.get_translation(Locale.objects.get(language_code="en"))
        for page in (story_index("de"), story_index("en"), story, english):
            self.assertPageIsRenderable(page)

    def test_story_previews(self):
        page = VideoStoryPageFactory()
        data = story_form_data(title="Vorschau", slug=page.slug)
        self.assertPageIsPreviewable(page, post_data=data)

    def test_index_previews(self):
        page = story_index("de")
        data = nested_form_data(
            {
                "title": page.title,
                "slug": page.slug,
                "intro": rich_text("<p>Neu</p>"),
            }
        )
        self.assertPageIsPreviewable(page, post_data=data)


class TestStoryAdminValidation(AdminTestCase):
    """Bad video sources are refused with a message in the editor's form."""

    def post(self, **overrides):
        self.login()
        url = reverse(
            "wagtailadmin_pages:add",
            args=("stories", "videostorypage", story_section().pk),
        )
        return self.client.post(url, story_form_data(**overrides))

    def video_url_errors(self, response):
        self.assertEqual(response.status_code, 200)
        self.assertFalse(VideoStoryPage.objects.filter(slug="neue-werkhalle").exists())
        return " ".join(response.context["form"].errors.get("video_url", []))

    def test_look_alike_host_is_refused(self):
        errors = self.video_url_errors(
            self.post(video_url="https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ")
        )
        self.assertIn("YouTube", errors)
        self.assertIn("Vimeo", errors)

    def test_other_websites_are_refused(self):
        errors = self.video_url_errors(
            self.post(video_url="https://example.com/film.mp4")
        )
        self.assertIn("YouTube", errors)

    def test_javascript_address_is_refused(self):
        response = self.post(video_url="javascript:alert(1)")
        self.assertEqual(response.status_code, 200)
        self.assertFalse(VideoStoryPage.objects.filter(slug="neue-werkhalle").exists())
        self.assertIn("video_url", response.context["form"].errors)

    def test_youtube_address_without_id_is_refused(self):
        errors = self.video_url_errors(
            self.post(video_url="https://www.youtube.com/watch?v=")
        )
        self.assertIn("YouTube", errors)

    def test_unlisted_vimeo_link_is_refused_with_its_reason(self):
        errors = self.video_url_errors(
            self.post(video_url="https://vimeo.com/76979871/3b4f9c2d1e")
        )
        self.assertIn("nicht gelisteten Vimeo-Videos", errors)

    def test_vimeo_link_stores_provider_and_number(self):
        response = self.post(video_url="https://vimeo.com/channels/staffpicks/76979871")
        self.assertEqual(response.status_code, 302)
        created = VideoStoryPage.objects.get(slug="neue-werkhalle")
        self.assertEqual(
            (created.video_provider, created.video_id), ("vimeo", "76979871")
        )

    def test_a_source_is_required_to_publish(self):
        self.login()
        url = reverse(
            "wagtailadmin_pages:add",
            args=("stories", "videostorypage", story_section().pk),
        )
        data = story_form_data(video_url="")
        data["action-publish"] = "action-publish"
        errors = self.video_url_errors(self.client.post(url, data))
        self.assertIn("Vimeo", errors)

    def test_a_draft_may_wait_for_its_video(self):
        self.login()
        url = reverse(
            "wagtailadmin_pages:add",
            args=("stories", "videostorypage", story_section().pk),
        )
        response = self.client.post(url, story_form_data(video_url=""))
        self.assertEqual(response.status_code, 302)
        draft = VideoStoryPage.objects.get(slug="neue-werkhalle")
        self.assertFalse(draft.live)

    def test_link_and_file_together_are_refused(self):
        video = make_media(b"\x1aE\xdf\xa3", "film.webm", "video")
        errors = self.video_url_errors(self.post(video_file=video.pk))
        self.assertIn("Vimeo", errors)


def captions():
    document = get_document_model()(title="Untertitel")
    document.file.save("film.de.vtt", ContentFile(b"WEBVTT\n\n"), save=False)
    document.save()
    return document


@pytest.mark.django_db
def test_english_story_points_to_the_english_company():
    company = PartnerProfilePageFactory(role=PartnerRole.COMPANY, english=True)
    story = VideoStoryPageFactory(
        parent=story_section(english=True),
        company=company,
        video_url="",
        video_file=make_media(b"\x1aE\xdf\xa3", "film.webm", "video"),
        captions=captions(),
        english=True,
    )
    english = story.get_translation(Locale.objects.get(language_code="en"))
    assert english.company.locale.language_code == "en"
    assert english.company.translation_key == company.translation_key
    assert english.video_file_id == story.video_file_id
