#!/usr/bin/env python
"""Speed of the translators' "Zu übersetzen" list on a large site.

    DATABASE_URL=postgres://…/tregks_bench .venv/bin/python bench/translation_queue.py

Against a site built with `load_demo` and `bench/build_archive.py N` (bench/run.py builds one), and with
`--untranslated K` first deleting the English page of K archive releases inside a
transaction that is rolled back at the end (the database is left as it was), so the
list has something to show. Prints, for a translator and a superuser: the number of
SQL queries and the median and worst time of the list's first page and the dashboard
panel over --runs requests, and the list's length.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tregks.settings.dev")


class _Rollback(Exception):
    pass


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--untranslated", type=int, default=500)
    args = parser.parse_args()

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from wagtail.models import Locale, Page

    from tregks.editorial.setup import TRANSLATOR_GROUP

    users = get_user_model().objects
    translator = users.filter(groups__name=TRANSLATOR_GROUP).first()
    admin = users.filter(is_superuser=True).first()
    if translator is None or admin is None:
        sys.exit("A translator and a superuser are needed (load_demo with DEBUG on).")
    english = Locale.objects.get(language_code="en")
    print(f"{Page.objects.count()} pages")

    try:
        with transaction.atomic():
            doomed = Page.objects.filter(
                locale=english, slug__startswith="archive-press-release-"
            ).order_by("-pk")[: args.untranslated]
            Page.objects.filter(
                pk__in=list(doomed.values_list("pk", flat=True))
            ).delete()
            for user in (translator, admin):
                measure(
                    user,
                    args.runs,
                    Client(SERVER_NAME="localhost"),
                    CaptureQueriesContext,
                    connection,
                )
            raise _Rollback
    except _Rollback:
        pass


def measure(user, runs, client, capture, connection):
    from django.urls import reverse

    client.force_login(user)
    for name, url in (
        ("list", reverse("editorial_translation_queue")),
        ("dashboard", reverse("wagtailadmin_home")),
    ):
        client.get(url)  # warm up
        times = []
        for _ in range(runs):
            with capture(connection) as queries:
                start = time.perf_counter()
                response = client.get(url)
                times.append(time.perf_counter() - start)
        assert response.status_code == 200, response.status_code
        print(
            f"{user.username:>12} {name:>9}: {len(queries.captured_queries):3d} queries,"
            f" median {statistics.median(times) * 1000:6.0f} ms,"
            f" worst {max(times) * 1000:6.0f} ms"
        )


if __name__ == "__main__":
    main()
