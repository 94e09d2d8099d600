"""Stories are found by what is said in them, in the reader's language."""

from wagtail.models import Locale

import pytest

from partners.factories import PartnerProfilePageFactory
from partners.models import PartnerRole
from stories.factories import VideoStoryPageFactory, story_section
from stories.models import VideoStoryPage
from tests.utils import data_for_scope

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def stories_of_module(django_db_setup, django_db_blocker):
    with data_for_scope(django_db_blocker):
        yield build_stories()


@pytest.fixture
def stories(db, stories_of_module):
    """Three stories of three companies, each with its own words, in both languages
    (built once per module)."""


def build_stories():
    section = story_section(english=True)
    specs = {
        "lernbau": {
            "transcript": "<p><b>Ausbildung:</b> Wir üben in der Zahnradschleiferei.</p>",
        },
        "alubau": {
            "english": {
                "transcript": "<p><b>Production:</b> We coat sandblasted titanium.</p>"
            },
        },
        "schienenbau": {
            "summary": "Laserscanner und Drohnen für die Brückenprüfung aus der Region.",
        },
    }
    for code, fields in specs.items():
        company = PartnerProfilePageFactory(
            code=code, role=PartnerRole.COMPANY, english=True
        )
        VideoStoryPageFactory(
            parent=section,
            company=company,
            **{"english": True, **fields},
        )


@pytest.mark.parametrize(
    ("language", "words", "company"),
    [
        ("de", "Zahnradschleiferei", "lernbau"),  # transcript
        ("en", "sandblasted titanium", "alubau"),  # transcript
        ("de", "Laserscanner Drohnen Brückenprüfung", "schienenbau"),  # summary
    ],
)
def test_search_finds_stories_by_transcript_and_summary(
    stories, language, words, company
):
    # Filtering by locale (an indexed filter field) also picks the language's stemming.
    locale = Locale.objects.get(language_code=language)
    results = (
        VideoStoryPage.objects.live()
        .filter(locale=locale)
        .search(words, operator="and")
    )
    assert [page.company.code for page in results] == [company]
