"""Site-wide behaviour: language redirect, sitemap, robots.txt, health, error pages."""

from django.db import DatabaseError
from django.test import Client

from wagtail.models import Locale

import pytest

from home.factories import ContentPageFactory
from tests.utils import soup


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept_language", "target"),
    [
        ("en-GB,en;q=0.9", "/en/"),
        ("de-DE,de;q=0.9", "/de/"),
        ("fr-FR", "/de/"),
        ("", "/de/"),
    ],
)
def test_root_redirects_to_the_preferred_language(accept_language, target):
    client = (
        Client(HTTP_ACCEPT_LANGUAGE=accept_language) if accept_language else Client()
    )
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].endswith(target)


@pytest.mark.django_db
def test_sitemap_lists_both_locales(client):
    german = ContentPageFactory(english={"title": "In English", "slug": "in-english"})
    english = german.get_translation(Locale.objects.get(language_code="en"))
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    section = client.get("/sitemap-pages.xml")
    assert section.status_code == 200
    body = section.content.decode()
    assert f"{german.get_full_url()}<" in body
    assert f"{english.get_full_url()}<" in body
    assert english.url.startswith("/en/")


@pytest.mark.django_db
def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


@pytest.mark.django_db
def test_health_endpoint_reports_the_database(client):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"


@pytest.mark.django_db
def test_health_endpoint_answers_503_when_the_database_fails(client, monkeypatch):
    from tregks.core import views

    class BrokenConnection:
        def cursor(self):
            raise DatabaseError("connection refused")

    monkeypatch.setattr(views, "connection", BrokenConnection())
    response = client.get("/healthz/")
    assert response.status_code == 503


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "lang", "heading"),
    [
        ("/de/gibt-es-nicht/", "de", "Seite nicht gefunden"),
        ("/en/does-not-exist/", "en", "Page not found"),
    ],
)
def test_404_page_in_both_languages(client, path, lang, heading):
    response = client.get(path)
    assert response.status_code == 404
    html = soup(response)
    assert html.html["lang"] == lang
    assert heading in html.h1.get_text()


def test_500_page_renders_without_the_database(rf):
    """No db fixture: pytest-django makes any database access in here an error."""
    from tregks.core.views import server_error

    response = server_error(rf.get("/de/"))
    assert response.status_code == 500
    assert "Technischer Fehler" in response.content.decode()


@pytest.mark.django_db
def test_migrate_makes_a_locale_for_every_content_language(settings):
    """A site set up without the demo offers translators English at once (a language
    added to the settings later gets its locale with the next migrate)."""
    from django.core.management.sql import emit_post_migrate_signal

    assert set(Locale.objects.values_list("language_code", flat=True)) >= {"de", "en"}
    settings.WAGTAIL_CONTENT_LANGUAGES = [*settings.LANGUAGES, ("fr", "Français")]
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert Locale.objects.filter(language_code="fr").exists()
