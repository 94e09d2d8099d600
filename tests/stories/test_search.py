"""Stories are found by what is said in them, in the reader's language."""

from wagtail.models import Locale

import pytest

from stories.models import VideoStoryPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "words", "company"),
    [
        ("de", "Lerntandems", "bode"),  # transcript
        ("en", "recycled aluminium", "hanomag"),  # transcript
        ("de", "Sensoren Software Schienenfahrzeuge", "smart-railway"),  # summary
    ],
)
def test_search_finds_stories_by_transcript_and_summary(language, words, company):
    # Filtering by locale (an indexed filter field) also picks the language's stemming.
    locale = Locale.objects.get(language_code=language)
    results = (
        VideoStoryPage.objects.live()
        .filter(locale=locale)
        .search(words, operator="and")
    )
    assert [page.company.code for page in results] == [company]
