"""A deploy shows its pages at once: cache keys carry a fingerprint of the code, so
the processes of a new release never serve pages or values an older one stored."""

from django.test import override_settings

import pytest

from home.factories import ContentPageFactory
from tregks.cache.code_version import code_version


@pytest.fixture
def release(tmp_path):
    """A source tree standing in for the deployed code; each call of `fingerprint`
    is what a freshly started process computes."""
    (tmp_path / "news" / "templates").mkdir(parents=True)
    (tmp_path / "news" / "templates" / "index.html").write_text("<h1>Presse</h1>")
    (tmp_path / "news" / "views.py").write_text("PAGE_SIZE = 12\n")

    def fingerprint():
        code_version.cache_clear()
        with override_settings(BASE_DIR=tmp_path):
            return code_version()

    yield tmp_path, fingerprint
    code_version.cache_clear()


def test_a_changed_template_view_or_translation_changes_the_fingerprint(release):
    root, fingerprint = release
    before = fingerprint()
    assert fingerprint() == before, "the same files give the same fingerprint"
    for path, text in [
        ("news/templates/index.html", "<h1>Pressemitteilungen</h1>"),
        ("news/views.py", "PAGE_SIZE = 24\n"),
        ("news/locale/de/LC_MESSAGES/django.mo", "compiled"),
        ("requirements.txt", "wagtail==8.0.2\n"),
    ]:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text)
        after = fingerprint()
        assert after != before, path
        before = after


def test_tests_docs_and_hidden_folders_do_not_change_the_fingerprint(release):
    root, fingerprint = release
    before = fingerprint()
    for path in ["tests/test_news.py", "docs/notes.txt", ".venv/lib/site.py"]:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text("x = 1\n")
    (root / "db.sqlite3").write_bytes(b"data")
    assert fingerprint() == before


@pytest.mark.django_db
def test_pages_cached_by_an_older_release_are_not_served(client, release):
    root, fingerprint = release
    fingerprint()  # the running release
    url = ContentPageFactory().url
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    # The deploy: a template changed, the new processes compute a new fingerprint.
    (root / "news" / "templates" / "index.html").write_text("<h1>Neu</h1>")
    fingerprint()
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"
