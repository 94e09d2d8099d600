"""Query budgets: every public page type runs a fixed, small number of SQL queries.

The site gets 30 extra press releases, stories, episodes and profiles in both
languages, each release with 30 topics and six issuing partners, so that a query per
listed item, topic, partner or translation (N+1) would exceed the budget at once.
Each page is requested once to warm what a running server keeps (content types, the
site's root paths, image renditions), then counted with the page cache switched off.
Pages as readers see them (images, topics, partners, related pages, downloads, videos
with captions, guests, partner sections) are built with the apps' factories (`rich`).
"""

from django.apps import apps
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

import pytest

from bench.archive import add_archive
from contact.factories import ContactPageFactory
from expertgroups.factories import ExpertGroupIndexPageFactory, ExpertGroupPageFactory
from home.factories import ContentPageFactory, home_page
from news.factories import PressReleasePageFactory, news_index, news_section
from partners.factories import PartnerProfilePageFactory, partner_index
from partners.models import PartnerRole
from podcast.factories import (
    PodcastEpisodePageFactory,
    PodcastShowPageFactory,
    podcast_show,
)
from stories.factories import VideoStoryPageFactory, story_index, story_section
from tregks.cache.generation import bump_generation
from tregks.core.factories import topics, translate_page
from tregks.core.models import Topic

pytestmark = pytest.mark.django_db

BUDGET = 12
EXTRA = 30


def build_rich_site():
    """Every page type in German and English as editors fill them: two partners'
    releases and stories, an episode show, profiles, contact and expert groups.
    Returns the German pages built (their translations and parents are live too)."""
    partners = [PartnerProfilePageFactory(rich=True, english=True) for _ in range(2)]
    pages = list(partners)
    for partner in partners:
        for rich in (True, False):
            pages.append(
                PressReleasePageFactory(
                    rich=rich, parent=news_section(partner, english=True), english=True
                )
            )
            pages.append(
                VideoStoryPageFactory(
                    rich=rich,
                    parent=story_section(partner, english=True),
                    company=PartnerProfilePageFactory(
                        rich=True, role=PartnerRole.COMPANY, english=True
                    ),
                    english=True,
                )
            )
    show = podcast_show()
    podcast_show("en")
    pages += [
        show,
        *(
            PodcastEpisodePageFactory(
                rich=True, parent=show, guests=partners, english=True
            )
            for _ in range(2)
        ),
        ContentPageFactory(english=True),
    ]
    translate_related_pages(pages)
    contact = ContactPageFactory(parent=home_page())
    groups = ExpertGroupIndexPageFactory(parent=home_page())
    group = ExpertGroupPageFactory(parent=groups, topic=topics("digitalisierung")[0])
    for page in (contact, groups, group):
        translate_page(page, "en")
    return [*pages, contact, groups, group]


def translate_related_pages(pages):
    """Related pages in both languages, as on the demo site: a related page without a
    translation would cost the English page a lookup that finds nothing."""
    for page in pages:
        for block in getattr(page.specific, "related_pages", []):
            translate_page(block.value, "en")


def site_urls(german_pages):
    """The built pages, their translations and every page above them, both languages."""
    from wagtail.models import Page

    english = Locale.objects.get(language_code="en")
    ids = set()
    for page in german_pages:
        ids |= set(
            page.get_ancestors(inclusive=True)
            .filter(depth__gt=1)
            .values_list("pk", flat=True)
        )
        translation = page.get_translation(english)
        ids |= set(
            translation.get_ancestors(inclusive=True)
            .filter(depth__gt=1)
            .values_list("pk", flat=True)
        )
    return sorted(page.url for page in Page.objects.live().filter(pk__in=ids))


def ensure_listings():
    """The indexes the archive goes into, in both languages."""
    for language in ("de", "en"):
        news_index(language), story_index(language), partner_index(language)
        podcast_show(language)


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
# English pages cost one query more than German ones (Wagtail's serve view finds the
# English home through the site's German root page), so an English page's own work
# must stay a query below the budget: no page type is exempt.


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


def test_every_page_as_readers_see_it_stays_within_the_query_budget(client, settings):
    """Built pages carry what archive pages lack: images, related pages, downloads,
    videos with captions, guests, partner sections under both indexes."""
    settings.PAGE_CACHE_ENABLED = False
    german_pages = build_rich_site()
    counts = {url: measure(client, url) for url in site_urls(german_pages)}
    assert len(counts) > 40, "Every page type in both languages should be built."
    over = {url: count for url, count in counts.items() if count > BUDGET}
    assert not over, f"Over {BUDGET} queries: {over}"


def rich_release():
    partner = PartnerProfilePageFactory(rich=True, english=True)
    release = PressReleasePageFactory(
        rich=True, parent=news_section(partner, english=True), english=True
    )
    translate_related_pages([release])
    return release


RICHEST = {
    "press release": lambda: rich_release(),
    "story": lambda: VideoStoryPageFactory(
        rich=True, parent=story_section(english=True), english=True
    ),
    "episode": lambda: PodcastEpisodePageFactory(
        rich=True,
        parent=PodcastShowPageFactory(english=True),
        guests=[PartnerProfilePageFactory(english=True)],
        english=True,
    ),
    "partner profile": lambda: PartnerProfilePageFactory(rich=True, english=True),
    # A partner's press section with a full release in it.
    "partner section": lambda: rich_release().get_parent(),
}


@pytest.mark.parametrize("kind", RICHEST)
@pytest.mark.parametrize("language", ["de", "en"])
def test_richest_page_of_each_type_keeps_to_the_budget(
    client, settings, django_assert_max_num_queries, kind, language
):
    """pytest-django's own counter on a page with everything filled in (images,
    topics, partners, related pages, downloads, uploaded video with captions, guests)."""
    settings.PAGE_CACHE_ENABLED = False
    page = RICHEST[kind]()
    if language != "de":
        page = page.get_translation(Locale.objects.get(language_code=language))
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
    ensure_listings()
    build_rich_site()
    # The built episodes' audio is German: the English show has no feed (docs/podcast.md).
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
