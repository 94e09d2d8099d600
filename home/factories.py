"""Factories of the home app's pages (tests and benchmarks).

`home_page("de")` is the site's German home page, made (as the default site's root, with
its English translation for "en") when the database has none; other factories use it as
their parent when none is given.
"""

import factory

from tregks.core.factories import (
    TranslatablePageFactory,
    first_page,
    root_page,
    translate_page,
)

from .models import ContentPage, HomePage


class HomePageFactory(TranslatablePageFactory):
    """A home page below the tree's root (pass `parent=`); `home_page()` finds the site's."""

    title = "Startseite"
    slug = factory.Sequence(lambda n: f"start-{n}")
    hero_title = "Gemeinsam Richtung Morgen"
    parent = factory.LazyFunction(root_page)

    class Meta:
        model = HomePage


def home_page(language_code="de"):
    """The site's home page of this language, made when missing."""
    from wagtail.models import Page, Site

    german = first_page(HomePage, "de")
    if german is None:
        german = HomePageFactory(slug="start")
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost", port=80, root_page=german, is_default_site=True
            )
        else:
            placeholder = site.root_page
            site.root_page = german
            site.save()
            # Wagtail's "Welcome" page from its first migration, as the demo drops it.
            if placeholder.specific_class is Page and placeholder.is_leaf():
                placeholder.delete()
    if language_code == "de":
        return german
    return first_page(HomePage, language_code) or translate_page(
        german, language_code, title="Home", slug="home"
    )


class ContentPageFactory(TranslatablePageFactory):
    """A content page (about, contact, legal) below the German home page."""

    title = factory.Sequence(lambda n: f"Inhaltsseite {n}")
    slug = factory.Sequence(lambda n: f"inhaltsseite-{n}")
    lead = "Eine kurze Einleitung."
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = ContentPage
