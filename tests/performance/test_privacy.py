"""Page privacy never depends on a cache.

Privacy is Wagtail's own: `PageQuerySet.public()` and `Page.get_view_restrictions()`
read the restrictions from the database on every call (no patched internals). These
tests make a page private and check every place a reader could still find it (the
page itself, the press index, the home page's latest items, the search, the sitemap,
the feed and the API) with the cache cold, holding pages from before the change
(stale), unreachable, and holding pages after another process changed privacy while
its own path to Redis was cut.
"""

import time

from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import PageViewRestriction

import pytest

from home.factories import ContentPageFactory
from home.models import ContentPage
from news.factories import PressReleasePageFactory, news_index, news_section
from tests.serving import RedisServer, TCPProxy
from tregks.cache import fallback

pytestmark = pytest.mark.django_db

SECRET = "Zwergenlichtprojekt"


def redis_caches(url):
    return {
        "default": {
            "BACKEND": "tregks.cache.backend.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "tregks-privacy-test",
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 0.2,
                "SOCKET_TIMEOUT": 0.2,
                "BREAKER_SECONDS": 0.5,
            },
        }
    }


@pytest.fixture(autouse=True)
def empty_worker_memory():
    fallback.clear()
    yield
    fallback.clear()


@pytest.fixture
def release(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        # Dated today: the newest release, first on the home page, index and feed.
        page = PressReleasePageFactory(
            parent=news_section(),
            title=f"{SECRET} startet",
            lead=SECRET,
            release_date=timezone.localdate(),
        )
        page.save_revision().publish()
    return page


def restrict(page):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )


def places(release):
    """Every address where a reader could meet the release (German site)."""
    index = news_index("de")
    with translation.override("de"):
        search = reverse("search")
    return {
        "home": "/de/",
        "press index": index.url,
        "feed": index.url + "feed/",
        "search": f"{search}?q={SECRET}",
        "sitemap": "/sitemap-pages.xml",
        "api listing": f"/api/v2/pages/?search={SECRET}",
        "api by slug": f"/api/v2/pages/?slug={release.slug}",
    }


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def shows(client, release, url):
    text = read(client, url)
    if "?q=" in url:  # the search page repeats the query: look for the result's link
        return release.slug in text
    return SECRET in text or release.slug in text


def assert_public(client, release):
    assert client.get(release.url).status_code == 200
    for name, url in places(release).items():
        if name == "search" or name.startswith("api listing"):
            continue  # the search index may lag; the other places must list it
        assert shows(client, release, url), f"{name} should list the public page"


def assert_private(client, release):
    response = client.get(release.url)
    assert response.status_code == 302 and "login" in response["Location"]
    detail = client.get(f"/api/v2/pages/{release.pk}/", follow=True)
    assert detail.status_code == 404, detail.redirect_chain
    for name, url in places(release).items():
        assert not shows(client, release, url), f"{name} shows a private page"


def test_cold_cache(client, release):
    restrict(release)
    assert_private(client, release)


def test_pages_cached_before_the_change(client, release):
    """Every place was rendered and cached while the page was public."""
    assert_public(client, release)
    assert_public(client, release)  # second reads come from the caches
    restrict(release)
    assert_private(client, release)


def test_restriction_on_a_parent_section(client, release):
    assert_public(client, release)
    restrict(release.get_parent())
    assert_private(client, release)


def test_redis_unreachable(settings, client, release):
    with RedisServer() as redis:
        settings.CACHES = redis_caches(redis.url)
        assert_public(client, release)
        assert_public(client, release)
        redis.stop()
        restrict(release)
        assert_private(client, release)
        redis.start()  # empty again
        time.sleep(0.6)  # the breaker's wait
        assert_private(client, release)


def test_redis_frozen(settings, client, release):
    with RedisServer() as redis:
        settings.CACHES = redis_caches(redis.url)
        assert_public(client, release)
        redis.freeze()
        try:
            restrict(release)
            assert_private(client, release)
        finally:
            redis.thaw()


def test_redis_holding_pages_another_process_made_stale(settings, client, release):
    """Another process (an editor's) makes the page private while its path to Redis
    is cut; this process's Redis still holds every page from before."""
    settings.CACHE_INVALIDATION_CHECK_SECONDS = 1
    with RedisServer() as redis:
        settings.CACHES = redis_caches(redis.url)
        assert_public(client, release)
        assert_public(client, release)
        proxy = TCPProxy(redis.port).start()
        try:
            proxy.stop()
            settings.CACHES = redis_caches(f"redis://127.0.0.1:{proxy.port}/0")
            restrict(release)
        finally:
            proxy.stop()
        settings.CACHES = redis_caches(redis.url)
        # Until this process looks at the invalidation log (at most
        # CACHE_INVALIDATION_CHECK_SECONDS) its full-page cache may still hold the
        # page rendered before the change: the one bounded window (docs/PERFORMANCE.md).
        time.sleep(1.05)
        assert_private(client, release)
        assert_private(Client(), release)


def test_removing_the_restriction_makes_the_page_public_at_once(client, release):
    restriction = restrict(release)
    assert_private(client, release)
    restriction.delete()
    assert client.get(release.url).status_code == 200


@pytest.fixture
def about():
    """A content page below the home page, with pages of its own below it."""
    return ContentPageFactory()


def test_alias_of_a_restricted_page_is_restricted_too(client, about):
    section = about
    restrict(section)
    alias = section.create_alias(update_slug="netzwerk-kopie")
    response = client.get(alias.url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_own_page_below_an_alias_of_a_restricted_page_is_restricted(client, about):
    """Wagtail resolves aliases on the way to their source page's restrictions."""
    section = about
    alias = section.create_alias(update_slug="netzwerk-kopie")
    child = alias.add_child(
        instance=ContentPage(title="Seite unter der Kopie", slug="unter-der-kopie")
    )
    child.save_revision().publish()
    assert client.get(child.url).status_code == 200
    restrict(section)
    response = client.get(child.url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_one_query_check_finds_what_wagtails_own_finds(release, about):
    """BasePage.get_view_restrictions (one query) against Wagtail's (two queries)."""
    from wagtail.models import Page

    section = release.get_parent()
    alias = about.create_alias(update_slug="netzwerk-kopie")
    below_alias = alias.add_child(
        instance=ContentPage(title="Unter der Kopie", slug="unter-der-kopie")
    )
    pages = [release, section, alias, below_alias, about]

    def both():
        return [
            (
                set(page.get_view_restrictions().values_list("pk", flat=True)),
                set(Page.get_view_restrictions(page).values_list("pk", flat=True)),
            )
            for page in pages
        ]

    restrict(section)
    restrict(about)
    for ours, wagtails in both():
        assert ours == wagtails
    assert any(ours for ours, _wagtails in both())
