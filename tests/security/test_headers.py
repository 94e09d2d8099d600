"""Security headers: CSP (strict on the site, relaxed in the admin), framing, referrer,
permissions, and no cookie for anonymous readers.

The CSP and cookie checks open every live public page in the database (the demo
site's too, while the test database holds it): a whole-site check that asserts no
wording; the pages the other tests edit are built here. The site is fetched once for
both checks (`whole_site`).
"""

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client

from wagtail.models import Page

import pytest

from home.factories import ContentPageFactory
from news.factories import PressReleasePageFactory
from partners.factories import PartnerProfilePageFactory
from podcast.factories import PodcastEpisodePageFactory
from stories.factories import VideoStoryPageFactory
from tests.utils import data_for_scope, soup

pytestmark = [pytest.mark.django_db, pytest.mark.any_database]


def directives(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    policy = response["Content-Security-Policy"]
    parsed = {}
    for part in policy.split(";"):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed


def rich_pages():
    """A page of each content type with every field filled (images, video, audio,
    downloads), so that the whole-site checks see them with or without the demo."""
    return [
        factory(rich=True)
        for factory in (
            PressReleasePageFactory,
            VideoStoryPageFactory,
            PodcastEpisodePageFactory,
            PartnerProfilePageFactory,
        )
    ]


def public_pages():
    """Every live public page that has an address of its own."""
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    return [page for page in pages if page.url]


@pytest.fixture(scope="module")
def whole_site(django_db_setup, django_db_blocker):
    """[(address, response)] of every live public page as an anonymous reader gets it,
    the rich pages included: fetched once for the module (a few hundred pages)."""
    with data_for_scope(django_db_blocker):
        cache.clear()  # no page rendered in an earlier test's rolled-back transaction
        rich = rich_pages()
        pages = public_pages()
        assert {page.pk for page in rich} <= {page.pk for page in pages}
        client = Client()
        yield [(page.url, client.get(page.url)) for page in pages]


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser(
        "csp-admin", "csp-admin@example.com", "irrelevant-Passw0rd"
    )
    client.force_login(user)
    return client


@pytest.mark.parametrize("path", ["/de/", "/en/", "/de/gibt-es-nicht/"])
def test_public_pages_have_a_strict_content_security_policy(client, path):
    response = client.get(path)
    csp = directives(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"], "no inline or third-party script"
    assert "'unsafe-inline'" not in csp["style-src"]
    assert sorted(csp["frame-src"]) == [
        "https://player.vimeo.com",
        "https://www.youtube-nocookie.com",
    ]
    assert csp["img-src"] == ["'self'", "data:"]
    assert csp["media-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]


@pytest.mark.slow
def test_public_pages_have_no_inline_script_or_style(whole_site):
    """The strict CSP would block them: scripts and styles live in static files."""
    for url, response in whole_site:
        assert response.status_code in (200, 301, 302), url
        if response.status_code != 200:
            continue  # a grouping page that forwards to its parent
        html = soup(response)
        inline_scripts = [
            script
            for script in html.find_all("script")
            if not script.get("src")
            and script.get("type") not in ("application/json", "application/ld+json")
        ]
        assert not inline_scripts, f"{url}: {inline_scripts[0]}"
        assert not html.find_all("style"), url
        assert not html.select("[style]"), f"{url}: {html.select('[style]')[0]}"
        on_handlers = [
            tag
            for tag in html.find_all(True)
            if any(attr.startswith("on") for attr in tag.attrs)
        ]
        assert not on_handlers, f"{url}: {on_handlers[0]}"


@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        "/admin/pages/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/media/",
        "/admin/users/",
    ],
)
def test_admin_pages_load_with_their_relaxed_policy(admin_client, path):
    response = admin_client.get(path)
    assert response.status_code == 200
    csp = directives(response)
    assert "'unsafe-inline'" in csp["script-src"]
    assert csp["frame-ancestors"] == ["'self'"]
    assert "'self'" in csp["frame-src"], "page previews are framed"


def test_page_editor_and_preview_load_and_the_preview_may_be_framed(admin_client):
    page = ContentPageFactory()
    edit = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert edit.status_code == 200
    assert "Content-Security-Policy" in edit
    preview = admin_client.get(f"/admin/pages/{page.pk}/edit/preview/")
    assert preview.status_code == 200
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    assert directives(preview)["frame-ancestors"] == ["'self'"]


def test_framing_referrer_nosniff_and_permissions_headers(client):
    response = client.get("/de/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    policy = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy
    assert (
        'fullscreen=(self "https://www.youtube-nocookie.com" "https://player.vimeo.com")'
        in policy
    )


@pytest.mark.slow
def test_no_cookie_for_anonymous_readers(client, whole_site):
    """German law: nothing stored on the reader's device without consent or a form post."""
    others = ["/de/suche/?q=Kassel", "/en/search/?q=Kassel", "/de/gibt-es-nicht/"]
    answers = [*whole_site, *((path, client.get(path)) for path in others)]
    for path, response in answers:
        assert response.status_code in (200, 301, 302, 404), path
        assert not response.cookies, f"{path} sets {list(response.cookies)}"
        assert "Set-Cookie" not in response.headers, path


def test_static_error_pages_need_no_inline_style():
    from pathlib import Path

    templates = Path(__file__).resolve().parents[2] / "site/tregks/templates"
    for name in ("500.html", "503.html", "lockout.html"):
        text = (templates / name).read_text()
        assert "<style" not in text and "style=" not in text, name
        assert "css/error.css" in text, name


def test_admin_shows_no_gravatar(admin_client):
    """Avatars would be fetched from gravatar.com: a third-party request."""
    response = admin_client.get("/admin/")
    assert b"gravatar.com" not in response.content
