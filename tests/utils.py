"""Helpers shared by the tests of several apps."""

from bs4 import BeautifulSoup


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def is_postgres():
    from django.db import connection

    return connection.vendor == "postgresql"
