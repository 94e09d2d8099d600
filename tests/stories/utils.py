"""Helpers for the stories tests: find demo pages, make an extra story."""

from wagtail.images import get_image_model

from partners.models import PartnerProfilePage, PartnerSectionPage
from stories.models import StoryIndexPage, VideoStoryPage

HERKULES_DE = "herkules-resotec-elektronik-fuer-die-e-mobilitaet"
HANOMAG_DE = "hanomag-leichtbau-aus-aluminium"


def story(slug):
    return VideoStoryPage.objects.get(slug=slug)


def index(language_code):
    return StoryIndexPage.objects.get(locale__language_code=language_code)


def section(code, language_code="de"):
    return PartnerSectionPage.objects.get(
        partner__code=code,
        locale__language_code=language_code,
        depth=index(language_code).depth + 1,
        path__startswith=index(language_code).path,
    )


def company(code, language_code="de"):
    return PartnerProfilePage.objects.get(
        code=code, locale__language_code=language_code
    )


def make_story(parent, slug, company_page, **fields):
    """A published story below `parent` (inside the test's transaction)."""
    values = {
        "title": f"Testgeschichte {slug}",
        "company": company_page,
        "summary": "Eine kurze Zusammenfassung.",
        "transcript": "<p><b>Moderation:</b> Eine Frage.</p>",
        "poster": get_image_model().objects.first(),
        "video_url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        **fields,
    }
    page = VideoStoryPage(slug=slug, **values)
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page
