"""Helpers shared by the tests of several apps."""

from bs4 import BeautifulSoup


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def is_postgres():
    from django.db import connection

    return connection.vendor == "postgresql"


def news_section(code, language="de"):
    """The partner's section below the press index (story indexes have sections too)."""
    from news.models import NewsIndexPage
    from partners.models import PartnerSectionPage

    index = NewsIndexPage.objects.get(locale__language_code=language)
    return PartnerSectionPage.objects.child_of(index).get(partner__code=code)
