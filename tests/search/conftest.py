"""Pages with exact text for the search tests, made inside each test's transaction."""

import itertools

from django.utils import translation

import pytest

_slugs = itertools.count(1)


def _factories():
    from home.factories import ContentPageFactory
    from home.models import ContentPage
    from partners.factories import PartnerProfilePageFactory, PartnerSectionPageFactory
    from partners.models import PartnerProfilePage, PartnerSectionPage

    return {
        ContentPage: ContentPageFactory,
        PartnerProfilePage: PartnerProfilePageFactory,
        PartnerSectionPage: PartnerSectionPageFactory,
    }


@pytest.fixture
def make_page(db):
    """make_page(parent, title, text="", lead="", publish=True) -> a ContentPage.

    `model=` makes a partner profile or section instead (their factories fill the rest).
    A page is saved with a revision, published or (publish=False) left a draft, as the
    admin does.
    """
    from home.models import ContentPage

    def make(
        parent, title, text="", lead="", publish=True, model=ContentPage, **fields
    ):
        body = [("paragraph", f"<p>{text}</p>")] if text else []
        if model is ContentPage:
            fields.update(lead=lead, body=body)
        page = _factories()[model](
            parent=parent,
            title=title,
            slug=f"suchtest-{next(_slugs)}",
            live=publish,
            **fields,
        )
        revision = page.save_revision()
        if publish:
            revision.publish()
        page.refresh_from_db()
        return page

    return make


@pytest.fixture
def search_url():
    """The search page's address in a language, e.g. search_url("en")."""
    from django.urls import reverse

    def url(language, name="search"):
        with translation.override(language):
            return reverse(name)

    return url
