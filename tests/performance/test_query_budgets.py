"""Query budgets on a large site: every public page type, in both languages, with search,
feeds and the sitemap, runs a fixed, small number of SQL queries (pieces in
tests/performance/budgets.py; built pages: test_query_budgets_built.py; listings that
must not grow: test_query_budgets_listings.py).

The site gets 30 extra press releases, stories, episodes and profiles in both
languages, each release with 30 topics and six issuing partners, so that a query per
listed item, topic, partner or translation (N+1) would exceed the budget at once.
Each page is requested once to warm what a running server keeps (content types, the
site's root paths, image renditions), then counted with the page cache switched off.
"""

from django.apps import apps
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

import pytest

from bench.archive import add_archive
from tregks.cache.generation import bump_generation
from tregks.core.models import Topic

from .budgets import (
    BUDGET,
    EXTRA,
    build_rich_site,
    ensure_listings,
    latest,
    measure,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def large_site(settings):
    settings.PAGE_CACHE_ENABLED = False
    ensure_listings()
    build_rich_site()
    german = Locale.objects.get(language_code="de")
    english = Locale.objects.get(language_code="en")
    existing = Topic.objects.filter(locale=german).count()
    for number in range(existing, EXTRA):
        topic = Topic.objects.create(
            name=f"Thema {number}", slug=f"thema-{number}", locale=german
        )
        Topic.objects.create(
            name=f"Topic {number}",
            slug=f"thema-{number}",
            locale=english,
            translation_key=topic.translation_key,
        )
    counts = add_archive(
        releases=EXTRA,
        stories=EXTRA,
        episodes=EXTRA,
        profiles=EXTRA,
        topics_per_page=EXTRA,
        partners=6,
    )
    # A feed lists only episodes whose audio is in its language (docs/podcast.md):
    # the English archive episodes get English recordings, so that the English feed
    # is counted full.
    apps.get_model("podcast.PodcastEpisodePage").objects.filter(locale=english).update(
        audio_language="en"
    )
    bump_generation()
    backend = get_search_backend()
    for label in ("news.PressReleasePage", "partners.PartnerProfilePage"):
        model = apps.get_model(label)
        backend.add_bulk(model, list(model.objects.filter(slug__startswith="archiv")))
    return counts


PAGE_TYPES = [
    ("home.HomePage", ""),
    ("home.ContentPage", ""),
    ("news.NewsIndexPage", ""),
    ("news.NewsIndexPage", "?page=3"),
    ("news.NewsIndexPage", "feed/"),
    ("news.PressReleasePage", ""),
    ("stories.StoryIndexPage", ""),
    ("stories.VideoStoryPage", ""),
    ("podcast.PodcastShowPage", ""),
    ("podcast.PodcastShowPage", "feed/"),
    ("podcast.PodcastEpisodePage", ""),
    ("partners.PartnerIndexPage", ""),
    ("partners.PartnerProfilePage", ""),
    ("partners.PartnerSectionPage", ""),
    ("contact.ContactPage", ""),
    ("expertgroups.ExpertGroupIndexPage", ""),
    ("expertgroups.ExpertGroupPage", ""),
    ("expertgroups.ExpertGroupPage", "feed/"),
]
# English pages cost one query more than German ones (Wagtail's serve view finds the
# English home through the site's German root page), so an English page's own work
# must stay a query below the budget: no page type is exempt.


@pytest.mark.slow
def test_every_public_page_type_stays_within_the_query_budget(client, large_site):
    """One large site, every page type in both languages, search, feeds, sitemap."""
    assert all(count == EXTRA for count in large_site.values()), large_site
    release = latest("news.PressReleasePage", "de")
    assert release.topics.count() == EXTRA
    assert release.issuing_partners.count() == 6

    counts = {}
    for language in ("de", "en"):
        for label, suffix in PAGE_TYPES:
            url = latest(label, language).url + suffix
            counts[(label, suffix, url)] = measure(client, url)
        with translation.override(language):
            url = reverse("search") + "?q=Wasserstoff"
        counts[("search", "", url)] = measure(client, url)
    for url in ("/sitemap.xml", "/sitemap-pages.xml"):
        counts[("sitemap", url, url)] = measure(client, url)

    over = {key: count for key, count in counts.items() if count > BUDGET}
    assert not over, f"Over {BUDGET} queries: {over}"
