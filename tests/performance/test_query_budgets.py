"""Query budgets: every public page type runs a fixed, small number of SQL queries.

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

pytestmark = pytest.mark.django_db

BUDGET = 12
EXTRA = 30


@pytest.fixture
def large_site(settings):
    settings.PAGE_CACHE_ENABLED = False
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
    apps.get_model("podcast.PodcastEpisodePage").objects.filter(
        locale=english, slug__startswith="archive-"
    ).update(audio_language="en")
    bump_generation()
    backend = get_search_backend()
    for label in ("news.PressReleasePage", "partners.PartnerProfilePage"):
        model = apps.get_model(label)
        backend.add_bulk(model, list(model.objects.filter(slug__startswith="archiv")))
    return counts


def latest(label, language):
    """The last live page of a type in tree order: a bulk-added one where there are."""
    model = apps.get_model(label)
    page = (
        model.objects.live()
        .filter(locale__language_code=language, alias_of__isnull=True)
        .order_by("-path")
        .first()
    )
    assert page is not None, f"No live {label} in {language}."
    return page


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
# Over budget when this was written, to be brought down by the owners; listed so that
# the test fails as soon as one of them keeps to the budget (then remove it here).
# The English press feed: 13 since issue 13 removed the patched routing (Wagtail's
# serve view finds the English home through the German root page: two queries more
# in English than the patched routing needed).
KNOWN_OVER_BUDGET = {("news.NewsIndexPage", "feed/")}


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
    unexpected = {k: c for k, c in over.items() if k[:2] not in KNOWN_OVER_BUDGET}
    assert not unexpected, f"Over {BUDGET} queries: {unexpected}"
    fixed = KNOWN_OVER_BUDGET - {key[:2] for key in over}
    assert not fixed, f"Within budget now, remove from KNOWN_OVER_BUDGET: {fixed}"


def test_every_demo_page_stays_within_the_query_budget(client, settings):
    """The demo's own pages carry what archive pages lack: images, related pages,
    downloads, videos with captions, guests, partner sections under both indexes."""
    from wagtail.models import Page

    settings.PAGE_CACHE_ENABLED = False
    pages = Page.objects.live().filter(depth__gt=1).specific()
    counts = {page.url: measure(client, page.url) for page in pages}
    assert len(counts) > 60, "The demo site should have pages of every type."
    over = {url: count for url, count in counts.items() if count > BUDGET}
    assert not over, f"Over {BUDGET} queries: {over}"


@pytest.mark.parametrize(
    "label",
    [
        "news.PressReleasePage",
        "stories.VideoStoryPage",
        "podcast.PodcastEpisodePage",
        "partners.PartnerProfilePage",
        "partners.PartnerSectionPage",
    ],
)
@pytest.mark.parametrize("language", ["de", "en"])
def test_richest_page_of_each_type_keeps_to_the_budget(
    client, settings, django_assert_max_num_queries, label, language
):
    """pytest-django's own counter on the demo page with the most to show (the one
    with the largest field values: images, related pages, downloads, video)."""
    settings.PAGE_CACHE_ENABLED = False
    model = apps.get_model(label)
    pages = model.objects.live().filter(locale__language_code=language)
    page = max(pages.specific(), key=lambda page: len(str(vars(page))))
    client.get(page.url)  # warm: what a running server keeps
    with django_assert_max_num_queries(BUDGET):
        assert client.get(page.url).status_code == 200


def measure(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm-up
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize(
    ("label", "suffix"),
    [
        ("home.HomePage", ""),
        ("news.NewsIndexPage", ""),
        ("news.NewsIndexPage", "feed/"),
        ("podcast.PodcastShowPage", ""),
        ("podcast.PodcastShowPage", "feed/"),
        ("stories.StoryIndexPage", ""),
        ("partners.PartnerIndexPage", ""),
    ],
)
def test_listing_queries_do_not_grow_with_the_number_of_items(
    client, settings, label, suffix
):
    settings.PAGE_CACHE_ENABLED = False
    # The demo's audio is German: its English show has no feed (docs/podcast.md).
    language = "de" if (label, suffix) == ("podcast.PodcastShowPage", "feed/") else "en"
    url = latest(label, language).url + suffix
    before = measure(client, url)
    add_archive(
        releases=EXTRA,
        stories=EXTRA,
        episodes=EXTRA,
        profiles=EXTRA,
        topics_per_page=3,
        partners=3,
    )
    after = measure(client, url)
    assert after <= before, f"{url}: {before} queries before, {after} after"


def test_news_feed_lists_twenty_items_at_most(client, large_site):
    response = client.get(latest("news.NewsIndexPage", "de").url + "feed/")
    assert response.content.count(b"<item>") == 20
