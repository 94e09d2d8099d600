"""Helpers shared by the tests of several apps."""

import contextlib
import gc
import os
import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

# Debian's Chromium, which Playwright drives (never a downloaded browser).
CHROMIUM = Path(os.environ.get("TREGKS_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Every tab in one renderer process: a renderer started per tab cost the browser
    # tests about 3 % more CPU (process accounting, both ways back to back); nothing
    # here relies on tabs being isolated from each other in separate processes.
    "--renderer-process-limit=1",
]


def launch_chromium(playwright):
    """Debian's Chromium, headless, started by a running Playwright."""
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
    )


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


@contextlib.contextmanager
def mounted_tmpfs(folder, *options, size="1m"):
    """A small tmpfs at folder (a full or, with "ro", read-only disk) for a test.

    Needs root, as in CI; a test that cannot mount fails rather than skip.
    """
    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(  # noqa: S603
        ["mount", "-t", "tmpfs", "-o", ",".join([f"size={size}", *options]), "tmpfs"]  # noqa: S607
        + [str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.fail(
            f"This test needs to mount a tmpfs (root): {mounted.stderr.strip()}"
        )
    try:
        yield folder
    finally:
        # A file handle still waiting for the garbage collector keeps the mount busy.
        for command in (["umount", str(folder)], ["umount", "--lazy", str(folder)]):
            gc.collect()
            unmounted = subprocess.run(command, capture_output=True, check=False)  # noqa: S603
            if unmounted.returncode == 0:
                break


@contextlib.contextmanager
def data_for_scope(django_db_blocker):
    """Data a whole module (or class) reads, built once and rolled back at its end.

    Use in a module-scoped fixture: `with data_for_scope(django_db_blocker): yield
    build()`. Each test's own transaction nests inside (a savepoint), so what a test
    changes is still rolled back after it; what it reads was built once.
    """
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


def fresh(data):
    """`data` (a model object, or dicts and lists of them) with every object read again
    from the database, pages as their specific type: what one test changed on a shared
    object in memory (a cached attribute, a modelcluster relation not saved) does not
    reach the next."""
    from django.db.models import Model

    from wagtail.models import Page

    if isinstance(data, dict):
        return {key: fresh(value) for key, value in data.items()}
    if isinstance(data, (list, tuple)):
        return type(data)(fresh(value) for value in data)
    if isinstance(data, Model):
        again = type(data)._base_manager.get(pk=data.pk)
        return again.specific if isinstance(again, Page) else again
    return data


FORM_TOKEN = re.compile(rb'(name="form_token" value=")[^"]+(")')


def without_form_tokens(content):
    """A page's bytes with each public form's token blanked: the page cache gives every
    reader a fresh token (tregks.core.form_protection), everything else is shared."""
    return FORM_TOKEN.sub(rb"\1\2", content)
