"""A German story with only a synchronised alias under /en/ stays out of English lists."""

import datetime

from wagtail.models import Locale

import pytest

from .utils import company, make_story, section

pytestmark = pytest.mark.django_db


@pytest.fixture
def german_only_story():
    story = make_story(
        section("vsb"),
        "nur-deutsch",
        company("bode"),
        date=datetime.date.today(),
    )
    story.copy_for_translation(Locale.objects.get(language_code="en"), alias=True)
    return story


@pytest.mark.parametrize(
    "url", ["/en/stories/", "/en/", "/en/partners/bode-doors/", "/en/stories/vsb/"]
)
def test_english_listings_leave_the_alias_out(client, german_only_story, url):
    response = client.get(url)
    assert response.status_code == 200
    assert german_only_story.title.encode() not in response.content


def test_the_german_index_keeps_the_story(client, german_only_story):
    assert german_only_story.title.encode() in client.get("/de/geschichten/").content
