"""Every page type is valid HTML in both languages (Nu Html Checker, zero errors).

The checker is the `vnu-jar` package from npm (package.json) and needs Java; without
either the test skips, which CI (TREGKS_FAIL_ON_SKIP=1) turns into a failure. All
pages go to one checker run: a JVM start costs seconds, a page milliseconds.

It checks the first page of each type of the demo site (the `demo_site` fixture: it has
every page type with the content editors give it: a whole-site check that asserts no wording),
plus a release built here with every field filled.
"""

import json
import shutil
import subprocess
from pathlib import Path

from django.urls import reverse
from django.utils import translation

from wagtail.models import Page

import pytest

from news.factories import PressReleasePageFactory

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

PAGE_TYPES = [
    "home.HomePage",
    "home.ContentPage",
    "news.NewsIndexPage",
    "news.PressReleasePage",
    "stories.StoryIndexPage",
    "stories.VideoStoryPage",
    "podcast.PodcastShowPage",
    "podcast.PodcastEpisodePage",
    "partners.PartnerIndexPage",
    "partners.PartnerProfilePage",
    "partners.PartnerSectionPage",
    "events.EventIndexPage",
    "events.EventPage",
    "contact.ContactPage",
    "expertgroups.ExpertGroupIndexPage",
    "expertgroups.ExpertGroupPage",
]

pytestmark = [pytest.mark.django_db, pytest.mark.slow, pytest.mark.any_database]


def java():
    return shutil.which("java")


def page_of_type(label, language):
    """A live page of the type with its own text in the language."""
    app_label, model_name = label.lower().split(".")
    page = (
        Page.objects.live()
        .filter(
            content_type__app_label=app_label,
            content_type__model=model_name,
            locale__language_code=language,
            alias_of__isnull=True,
        )
        .order_by("path")
        .first()
    )
    assert page is not None, f"No live {label} in {language} to check."
    return page


def urls_to_check():
    """(name, path) of every page type in both languages, plus search and 404."""
    # A release built here, with a long lead and no search description.
    built = PressReleasePageFactory(rich=True, lead="Ein Satz. " * 40)
    urls = [("built-release-de", built.url)]
    for language in ("de", "en"):
        for label in PAGE_TYPES:
            urls.append((f"{label}-{language}", page_of_type(label, language).url))
        with translation.override(language):
            search = reverse("search")
        urls.append((f"search-{language}", f"{search}?q=Netzwerk"))
        urls.append((f"search-empty-{language}", search))
        urls.append((f"404-{language}", f"/{language}/gibt-es-nicht/"))
    return urls


def check_html(files):
    """The checker's error messages for the files, as (file name, line, message)."""
    result = subprocess.run(  # noqa: S603
        [java(), "-jar", str(VNU_JAR), "--format", "json", "--errors-only"]
        + [str(path) for path in files],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    # The report goes to stderr; the exit code is 1 when there are errors.
    report = json.loads(result.stderr or result.stdout)
    return [
        (
            Path(message.get("url", "")).name,
            message.get("lastLine"),
            message["message"],
        )
        for message in report["messages"]
        if message.get("type") in ("error", "non-document-error")
    ]


def test_every_page_type_is_valid_html_in_both_languages(client, demo_site, tmp_path):
    if not java():
        pytest.skip(
            "Java is needed for the Nu Html Checker (apt-get install default-jre-headless)."
        )
    if not VNU_JAR.exists():
        pytest.skip("The Nu Html Checker is missing (npm ci installs vnu-jar).")
    files = []
    for name, url in urls_to_check():
        response = client.get(url)
        expected = 404 if name.startswith("404") else 200
        assert response.status_code == expected, url
        assert response["Content-Type"].startswith("text/html"), url
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files.append(path)
    assert len(files) == 2 * (len(PAGE_TYPES) + 3) + 1
    errors = check_html(files)
    assert errors == []


def test_the_checker_reports_invalid_markup(tmp_path):
    """The check can fail: a datetime with microseconds is an error."""
    if not java() or not VNU_JAR.exists():
        pytest.skip("Java and the Nu Html Checker are needed.")
    page = tmp_path / "invalid.html"
    page.write_text(
        '<!DOCTYPE html><html lang="de"><head><title>t</title></head><body>'
        '<time datetime="2026-12-06T05:31:48.717493+01:00">6.12.</time></body></html>'
    )
    errors = check_html([page])
    assert len(errors) == 1
    assert "datetime" in errors[0][2]
