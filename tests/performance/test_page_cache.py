"""The full-page cache: who gets cached pages, HTTP caching headers, and invalidation.

Invalidation tests follow one pattern: render (and cache) a page, change the content
the way an editor or wagtail-localize does, render again and check the reader sees
the change at once. Each test builds the pages it reads with the apps' factories.
"""

import copy

from django.conf import settings
from django.core.cache import cache
from django.test import Client, override_settings

from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.models import PageViewRestriction

import pytest
from csp.constants import NONCE

from home.factories import ContentPageFactory, home_page
from home.models import ContentPage, HomePage
from news.factories import PressReleasePageFactory
from partners.factories import PartnerProfilePageFactory
from podcast.factories import PodcastEpisodePageFactory
from stories.factories import VideoStoryPageFactory
from tests.utils import without_form_tokens
from tregks.cache.generation import GENERATION_KEY, bump_generation
from tregks.core.factories import footer_links, make_image, translate_page
from tregks.core.models import Topic

pytestmark = pytest.mark.django_db


def page_cache_status(response):
    return response["X-Page-Cache"]


@pytest.fixture
def page():
    """A live German content page (a legal notice, say) below the home page."""
    return ContentPageFactory(title="Impressum im Test", lead="Wer die Seite betreibt.")


@pytest.fixture
def url(page):
    return page.url


# --- who is served from the cache ----------------------------------------------------


def test_anonymous_reader_gets_the_second_request_from_the_cache(client, url):
    first = client.get(url)
    second = client.get(url)
    assert first.status_code == second.status_code == 200
    assert page_cache_status(first) == "miss"
    assert page_cache_status(second) == "hit"
    assert without_form_tokens(second.content) == without_form_tokens(first.content)
    assert second["Content-Type"].startswith("text/html")


ARTICLE_FACTORIES = {
    "news.PressReleasePage": PressReleasePageFactory,
    # A story with a YouTube address (the consent panel) and one with its own video.
    "stories.VideoStoryPage": VideoStoryPageFactory,
    "podcast.PodcastEpisodePage": PodcastEpisodePageFactory,
    "partners.PartnerProfilePage": PartnerProfilePageFactory,
}


@pytest.mark.parametrize("label", ARTICLE_FACTORIES)
def test_every_article_is_served_from_the_cache_to_an_anonymous_reader(client, label):
    """Press releases with images, related pages and downloads, stories with a video
    consent panel, episodes with a player: none sets a cookie or varies on anything
    the cache cannot key, so the second reader gets the stored page."""
    factory = ARTICLE_FACTORIES[label]
    urls = [factory(rich=True).url, factory().url]
    # A returning reader brings the cookies an earlier visit may have left.
    client.cookies["csrftoken"] = "a" * 32
    client.cookies["django_language"] = "en"
    for url in urls:
        first = client.get(url)
        assert first.status_code == 200, url
        assert not first.cookies, f"{url} sets {list(first.cookies)}"
        second = client.get(url)
        assert page_cache_status(second) == "hit", url
        assert without_form_tokens(second.content) == without_form_tokens(first.content)


def test_cached_page_keeps_the_security_headers(client, url):
    client.get(url)
    hit = client.get(url)
    assert page_cache_status(hit) == "hit"
    assert hit["X-Frame-Options"] == "DENY"
    assert hit["X-Content-Type-Options"] == "nosniff"


SECURITY_HEADERS = (
    "Content-Security-Policy",
    "Permissions-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "Strict-Transport-Security",
)


@pytest.mark.parametrize("accept_encoding", ["", "gzip, deflate, br"])
def test_a_hit_sends_the_headers_of_the_rendered_page(client, url, accept_encoding):
    """The page cache answers before the CSP and Permissions-Policy middlewares and
    stores their headers with the page: a hit must send exactly what the render sent,
    compressed or not."""
    headers = {"HTTP_ACCEPT_ENCODING": accept_encoding}
    with override_settings(SECURE_HSTS_SECONDS=3600):
        first = client.get(url, secure=True, **headers)
        second = client.get(url, secure=True, **headers)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    for name in (
        *SECURITY_HEADERS,
        "Content-Type",
        "Content-Encoding",
        "Cache-Control",
        "ETag",
        "Last-Modified",
        "Vary",
    ):
        assert first.get(name) == second.get(name), name
    for name in SECURITY_HEADERS:
        assert second.has_header(name), name
    if accept_encoding:
        assert second["Content-Encoding"] == "gzip"
        assert second["ETag"].startswith('W/"')


def test_a_revalidated_hit_keeps_the_security_policies(client, url):
    etag = client.get(url)["ETag"]
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]


def test_a_page_whose_policy_carries_a_nonce_is_never_stored(client, url, monkeypatch):
    """The CSP header is stored with the page; a nonce is good for one response only."""
    from csp.middleware import CSPMiddleware

    original = CSPMiddleware.process_response

    def with_nonce(self, request, response):
        str(request.csp_nonce)  # what {{ request.csp_nonce }} in a template does
        return original(self, request, response)

    monkeypatch.setattr(CSPMiddleware, "process_response", with_nonce)
    policy = copy.deepcopy(settings.CONTENT_SECURITY_POLICY)
    policy["DIRECTIVES"]["script-src"].append(NONCE)
    with override_settings(CONTENT_SECURITY_POLICY=policy):
        first, second = client.get(url), client.get(url)
    assert "'nonce-" in second["Content-Security-Policy"]
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("bypass", "bypass")


def test_head_request_is_answered_from_the_cache_without_a_body(client, url):
    get_response = client.get(url)
    head = client.head(url)
    assert page_cache_status(head) == "hit"
    assert head.content == b""
    assert head["Content-Length"] == str(len(get_response.content))


def test_logged_in_editor_never_gets_or_fills_the_cached_page(client, admin_user, url):
    client.get(url)  # the anonymous copy is now cached
    editor = Client()
    editor.force_login(admin_user)
    response = editor.get(url)
    assert response.status_code == 200
    assert page_cache_status(response) == "bypass"
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_unknown_query_parameters_bypass_the_cache(client, url):
    client.get(url)
    response = client.get(url + "?sort=oldest")
    assert page_cache_status(response) == "bypass"


def test_whitelisted_parameters_are_part_of_the_key(client, url):
    client.get(url + "?page=2")
    assert page_cache_status(client.get(url + "?page=2")) == "hit"
    assert page_cache_status(client.get(url + "?page=3")) == "miss"


def test_tracking_parameters_from_newsletters_share_the_cached_page(client, url):
    client.get(url)
    response = client.get(url + "?utm_source=newsletter&utm_medium=email")
    assert page_cache_status(response) == "hit"


def test_post_is_never_cached(client, url):
    response = client.post(url, {})
    assert page_cache_status(response) == "bypass"


def test_unknown_cookies_bypass_the_cache(client, url):
    client.get(url)
    client.cookies["some_preference"] = "dark"
    assert page_cache_status(client.get(url)) == "bypass"


@pytest.mark.parametrize("url", ["/healthz/", "/admin/login/", "/api/v2/pages/"])
def test_service_urls_are_never_cached(client, url):
    client.get(url)
    assert page_cache_status(client.get(url)) == "bypass"


def test_search_suggestions_are_never_cached(client):
    from django.urls import reverse
    from django.utils import translation

    with translation.override("de"):
        url = reverse("search_suggest")
    client.get(url, {"q": "Netz"})
    assert page_cache_status(client.get(url, {"q": "Netz"})) == "bypass"


def test_not_found_is_not_cached(client):
    assert client.get("/de/gibt-es-nicht/").status_code == 404
    response = client.get("/de/gibt-es-nicht/")
    assert response.status_code == 404
    assert page_cache_status(response) == "bypass"


def test_language_redirect_of_the_root_is_not_cached():
    german = Client(HTTP_ACCEPT_LANGUAGE="de")
    english = Client(HTTP_ACCEPT_LANGUAGE="en")
    assert german.get("/")["Location"].endswith("/de/")
    english_response = english.get("/")
    assert english_response["Location"].endswith("/en/")
    assert page_cache_status(english_response) == "bypass"
    assert "Accept-Language" in english_response["Vary"]


def test_password_protected_page_is_never_shared(client, url, page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    first = client.get(url)
    second = Client().get(url)
    assert first.status_code == second.status_code == 200
    # The password form carries a CSRF token, so it sets a cookie and is not stored.
    assert page_cache_status(second) == "bypass"
    assert 'name="password"' in second.content.decode()
    assert page.lead not in second.content.decode()


def test_login_restricted_page_is_not_cached(client, url, page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    client.get(url)
    response = client.get(url)
    assert response.status_code == 302
    assert page_cache_status(response) == "bypass"


# --- HTTP caching headers --------------------------------------------------------------


def test_cacheable_page_has_cache_control_etag_and_last_modified(client, url):
    response = client.get(url)
    cache_control = response["Cache-Control"]
    assert "public" in cache_control
    assert "max-age=60" in cache_control
    assert "s-maxage=" in cache_control
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"].endswith("GMT")


def test_revalidation_with_the_etag_answers_304(client, url):
    etag = client.get(url)["ETag"]
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    changed = client.get(url, HTTP_IF_NONE_MATCH='"something-else"')
    assert changed.status_code == 200


def test_revalidation_with_the_date_answers_304(client, url):
    last_modified = client.get(url)["Last-Modified"]
    response = client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified)
    assert response.status_code == 304


def test_bench_bypass_header_only_works_when_configured(client, url):
    client.get(url)
    assert page_cache_status(client.get(url, HTTP_X_BENCH=1)) == "hit"
    with override_settings(PAGE_CACHE_BYPASS_HEADER="X-Bench"):
        response = client.get(url, HTTP_X_BENCH=1)
    assert page_cache_status(response) == "bypass"


# --- invalidation: render, change, render again --------------------------------------


def test_publish_is_visible_at_once(client, url, page):
    assert "Neue Anschrift" not in client.get(url).content.decode()
    page.lead = "Neue Anschrift seit heute."
    page.save_revision().publish()
    response = client.get(url)
    assert "Neue Anschrift seit heute." in response.content.decode()


def test_saving_a_draft_keeps_the_cached_live_page(client, url, page):
    client.get(url)
    page.lead = "Nur ein Entwurf."
    page.save_revision()
    response = client.get(url)
    assert page_cache_status(response) == "hit"
    assert "Nur ein Entwurf." not in response.content.decode()


def test_unpublish_is_visible_at_once(client, url, page):
    assert client.get(url).status_code == 200
    page.unpublish()
    assert client.get(url).status_code == 404


def test_delete_is_visible_at_once(client, url, page):
    assert client.get(url).status_code == 200
    page.delete()
    assert client.get(url).status_code == 404


def test_move_is_visible_at_once(client, url, page):
    about = ContentPageFactory()
    assert client.get(url).status_code == 200
    page.move(about, pos="last-child")
    # Wagtail leaves a redirect behind instead of the cached page.
    moved = client.get(url)
    assert moved.status_code == 301
    assert moved["Location"] == f"{about.url}{page.slug}/"
    assert client.get(f"{about.url}{page.slug}/").status_code == 200


def test_title_change_shows_in_the_menu_of_other_cached_pages(client, url):
    about = ContentPageFactory(title="Über uns im Test", show_in_menus=True)
    assert "Über uns im Test" in _menu(client.get(url))
    about.title = "Wer wir sind"
    about.save_revision().publish()
    assert "Wer wir sind" in _menu(client.get(url))


def test_translation_sync_is_visible_at_once(
    client, django_capture_on_commit_callbacks
):
    from wagtail_localize.models import Translation, TranslationSource

    home_de = home_page("de")
    home_de.hero_image = make_image("Kopfbild", (1600, 900), "#aa3300")
    home_de.save_revision().publish()
    home_en = translate_page(home_de, "en")  # synchronised: the same picture
    new_image = make_image("Neues Kopfbild", (1600, 900), "#003366")
    english_url = home_en.url
    cached_image_src = _hero_src(client.get(english_url).content.decode())

    home_de.hero_image = new_image
    home_de.save_revision().publish()
    source, _ = TranslationSource.update_or_create_from_instance(home_de)
    translation = Translation.objects.get(source=source, target_locale=home_en.locale)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    assert HomePage.objects.get(pk=home_en.pk).hero_image_id == new_image.pk
    after = client.get(english_url).content.decode()
    assert _hero_src(after) != cached_image_src


def _hero_src(html):
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser").select_one(".hero__image")["src"]


def test_topic_change_invalidates_cached_pages(client, url, page):
    topic = Topic.objects.create(name="Testthema", slug="testthema", locale=page.locale)
    client.get(url)
    topic.name = f"{topic.name} (neu)"
    topic.save()
    assert page_cache_status(client.get(url)) == "miss"


def test_footer_setting_change_is_visible_at_once(client, url):
    privacy = ContentPageFactory(title="Datenschutz im Test")
    footer = footer_links(privacy_page=privacy)
    assert privacy.url in _footer(client.get(url))
    footer.privacy_page = None
    footer.save()
    assert privacy.url not in _footer(client.get(url))


def _footer(response):
    return response.content.decode().split('class="site-footer"')[1]


def test_invalidation_reaches_other_processes_through_the_shared_cache(client, url):
    """The generation lives in the cache only: bumping it there is what a publish in
    another process does, and this process must stop serving its copy."""
    client.get(url)
    before = cache.get(GENERATION_KEY)
    bump_generation()
    assert cache.get(GENERATION_KEY) > before
    assert page_cache_status(client.get(url)) == "miss"


def test_lost_generation_counter_never_revives_old_entries(client, url):
    client.get(url)
    cache.delete(GENERATION_KEY)
    assert page_cache_status(client.get(url)) == "miss"
    assert page_cache_status(client.get(url)) == "hit"


# --- CDN purge -------------------------------------------------------------------------


class RecordingBackend(BaseBackend):
    purged = []

    def __init__(self, params):
        super().__init__(params)

    def purge(self, url):
        RecordingBackend.purged.append(url)


@override_settings(
    WAGTAILFRONTENDCACHE={
        "recording": {"BACKEND": f"{__name__}.RecordingBackend"},
    },
    WAGTAILFRONTENDCACHE_LANGUAGES=[],
)
def test_publishing_purges_the_page_and_the_pages_above_it_from_the_cdn(page):
    RecordingBackend.purged.clear()
    about = ContentPageFactory()
    page.move(about, pos="last-child")
    page = ContentPage.objects.get(pk=page.pk)
    page.save_revision().publish()
    purged = set(RecordingBackend.purged)
    assert any(url.endswith(page.url) for url in purged)
    assert page.url.startswith(about.url) and page.url != about.url
    assert any(url.endswith(about.url) for url in purged)
    assert any(url.endswith(home_page().url) for url in purged)


def test_making_a_page_private_removes_it_from_cached_menus_at_once(client, url):
    about = ContentPageFactory(show_in_menus=True)
    assert f'href="{about.url}"' in _menu(client.get(url))
    PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.LOGIN
    )
    assert f'href="{about.url}"' not in _menu(client.get(url))


def _menu(response):
    return response.content.decode().split('class="main-nav"')[1].split("</nav>")[0]


def test_a_setting_made_by_its_first_read_keeps_the_cache_and_a_change_drops_it(
    client, url, page
):
    """Wagtail makes a site setting's row with its defaults when a page first reads it;
    the page rendered with those defaults stays valid. An editor's change does not."""
    from tregks.core.models import FooterLinks

    FooterLinks.objects.all().delete()
    assert page_cache_status(client.get(url)) == "miss"  # makes the footer's row
    assert FooterLinks.objects.exists()
    assert page_cache_status(client.get(url)) == "hit"
    footer_links(imprint_page=page)
    assert page_cache_status(client.get(url)) == "miss"
