"""What the podcast gives the home page and partner profiles (through hooks)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from podcast.wagtail_hooks import episodes_with_partner, latest_episodes

from .utils import own_episode as episode
from .utils import own_show as show
from .utils import partner_profiles

# The show of tests/podcast/utils.py, built once for the module (tests/podcast/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_podcast")]


def test_home_page_gets_the_latest_episodes_of_its_language():
    english = episode(1, "en").locale_id
    items = latest_episodes(english, 2)
    assert [item.title for item in items] == [
        episode(3, "en").title,
        episode(2, "en").title,
    ]
    first = items[0]
    assert first.latest_date == first.release_date
    assert first.teaser_text == first.summary
    assert str(first.kind_label) in {"Podcast episode", "Podcastfolge"}
    # Without an episode image the show's artwork stands in.
    assert first.listing_image == show("en").artwork


def test_partner_profile_lists_episodes_with_the_partner_as_guest():
    german, english = partner_profiles("testgast")
    page = episode(2, "en")
    page.guests.add(german)  # synchronised unchanged from the German episode
    page.save_revision().publish()
    heading, items = episodes_with_partner(english, 5)
    assert [item.pk for item in items] == [page.pk]
    assert heading
    # The German profile finds the German episode only if it is a guest there.
    assert episodes_with_partner(german, 5)[1] == []


def test_partner_running_the_show_gets_all_its_episodes():
    german, english = partner_profiles("testbetreiber")
    show_en = show("en")
    show_en.owner_partner = german  # synchronised unchanged from the German show
    show_en.save_revision().publish()
    _heading, items = episodes_with_partner(english, 5)
    assert [item.episode_number for item in items] == [3, 2, 1]
    _heading, items = episodes_with_partner(english, 2)
    assert len(items) == 2


def test_partner_items_cost_the_same_queries_however_many_episodes():
    german, english = partner_profiles("testzaehler")

    def count():
        with CaptureQueriesContext(connection) as queries:
            episodes_with_partner(english, 10)
        return len(queries)

    first = episode(1, "en")
    first.guests.add(german)
    first.save_revision().publish()
    count()  # warm the content-type and locale caches
    one = count()
    for number in (2, 3):
        other = episode(number, "en")
        other.guests.add(german)
        other.save_revision().publish()
    assert len(episodes_with_partner(english, 10)[1]) == 3
    # Show paths, episodes, shows, their artwork and its renditions.
    assert count() == one <= 5
