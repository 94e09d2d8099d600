"""Pages with exact text for the search tests, made inside each test's transaction."""

import itertools

from django.utils import translation

import pytest

from tregks.demo.pages import get_or_create_child

_slugs = itertools.count(1)


@pytest.fixture
def make_page(db):
    """make_page(parent, title, text="", lead="", publish=True) -> a ContentPage."""
    from home.models import ContentPage

    def make(
        parent, title, text="", lead="", publish=True, model=ContentPage, **fields
    ):
        body = [("paragraph", f"<p>{text}</p>")] if text else []
        if model is ContentPage:
            fields.update(lead=lead, body=body)
        if not publish:
            fields["live"] = False  # as the admin creates a draft
        return get_or_create_child(
            parent,
            model,
            slug=f"suchtest-{next(_slugs)}",
            publish=publish,
            title=title,
            **fields,
        )

    return make


@pytest.fixture
def search_url():
    """The search page's address in a language, e.g. search_url("en")."""
    from django.urls import reverse

    def url(language, name="search"):
        with translation.override(language):
            return reverse(name)

    return url
