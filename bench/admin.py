#!/usr/bin/env python
"""Admin benchmark: what editors wait for, on the large site, as partner accounts.

    .venv/bin/python bench/admin.py [--scale 10000] [--rounds 20] [--reuse]

Builds (or with --reuse keeps) the PostgreSQL database of bench/run.py's large site
(`load_demo` and `bench/build_archive.py N`, its own database name `tregks_bench_admin` by default), then,
in a separate Django process with the benchmark settings, measures with a logged-in
test client (in process: server time without the network) as `agv-editor`,
`agv-approver` and `translator`:

dashboard, the explorer of AGV's press section (some N/6 releases), the edit view of a
release, submitting a release, approving it, the page chooser (root, the section, a
search), the admin search, opening the translation editor of an English release and
the translators' "Zu übersetzen" list.

The machine is shared: next to each p95 stands its ratio to the p95 of a trivial admin
view (the account settings: the admin's frame, a form, no content) measured in the same
run, rounds interleaved, and the load average before and after.

Every request is repeated --rounds times after one warm-up (submit and approve act on
a fresh draft each round); p50, p95 and the maximum go to the terminal and to
docs/PERFORMANCE.md between the admin-bench markers. Target: p95 under 1 s each.
Only loopback addresses are used, as in bench/run.py.
"""

import argparse
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "PERFORMANCE.md"
START_MARK = "<!-- admin-bench:start -->"
END_MARK = "<!-- admin-bench:end -->"
TARGET_MS = 1000
TRIVIAL = "trivial admin view"
ACCOUNTS = {
    "agv-editor": "editor",
    "agv-approver": "approver",
    "translator": "translator",
}


def bench_run():
    """bench/run.py as a module: its database, environment and loopback helpers."""
    spec = importlib.util.spec_from_file_location(
        "bench_run", ROOT / "bench" / "run.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--database", default="tregks_bench_admin")
    parser.add_argument("--pg", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/9")
    parser.add_argument("--reuse", action="store_true", help="keep the database")
    parser.add_argument("--build-minutes", type=float, default=30)
    parser.add_argument("--no-doc", action="store_true", help="do not write the doc")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.rounds)))
        return 0

    run = bench_run()
    args.port, args.workers = 8111, 0  # bench_env's fields; no server is started
    run.require_loopback(args)
    run.check_services(args)
    workdir = Path(tempfile.mkdtemp(prefix="tregks-admin-bench-"))
    env = run.bench_env(args, workdir)
    started = time.monotonic()
    args.load_before = run.load_average()
    built = "database reused"
    if not args.reuse or not run.database_exists(args):
        run.recreate_database(args)
        run.manage(env, "migrate", "--noinput", "-v0", timeout=600)
        t0 = time.monotonic()
        run.build_site(env, args.scale, timeout=args.build_minutes * 60)
        run.analyze_database(args)
        built = f"site built in {(time.monotonic() - t0) / 60:.1f} minutes"
    else:
        run.manage(env, "migrate", "--noinput", "-v0", timeout=600)
    try:
        # The admin's templates name hashed static files (production storage).
        run.manage(env, "collectstatic", "--noinput", "-v0", timeout=300)
        output = subprocess.run(
            [sys.executable, __file__, "--measure", f"--rounds={args.rounds}"],
            env=env,
            cwd=ROOT,
            check=True,
            stdout=subprocess.PIPE,
            text=True,
            timeout=1800,
        ).stdout
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    results = json.loads(output.strip().splitlines()[-1])
    report = render(args, results, built, time.monotonic() - started)
    print(report)
    if not args.no_doc:
        write_doc(report)
        print(f"Written to {DOC.relative_to(ROOT)}.")
    return 0


# --- measuring (a Django process with the benchmark settings) -------------------------


def percentile(timings, share):
    ordered = sorted(timings)
    return ordered[max(0, int(len(ordered) * share) - 1)]


def summary(timings, statuses):
    return {
        "requests": len(timings),
        "p50": statistics.median(timings),
        "p95": percentile(timings, 0.95),
        "max": max(timings),
        "statuses": sorted(set(statuses)),
    }


def timed(call):
    t0 = time.perf_counter()
    response = call()
    return (time.perf_counter() - t0) * 1000, response.status_code


def repeat(call, rounds, trivial, warm_up=True):
    """`call` `rounds` times, each round followed by the trivial view: both meet the
    same moments of the shared machine's load, so their ratio says more than either.
    The test suite's smoke run (one round, statuses only) leaves the warm-up out."""
    if warm_up:
        call()  # templates, content types, permission caches
        trivial()
    timings, statuses, baseline = [], [], []
    for _round in range(rounds):
        milliseconds, status = timed(call)
        timings.append(milliseconds)
        statuses.append(status)
        baseline.append(timed(trivial)[0])
    return {**summary(timings, statuses), "trivial_p95": percentile(baseline, 0.95)}


def measure(rounds, warm_up=True):
    sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
    import django

    django.setup()
    from django.db import connection

    fixtures = prepare()
    clients = fixtures["clients"]
    section, release = fixtures["section"], fixtures["release"]
    term = fixtures["term"]
    results = {}

    def get(role, url):
        return lambda: clients[role].get(url)

    plan = [
        (TRIVIAL, "agv-editor", "/admin/account/"),
        ("dashboard", "agv-editor", "/admin/"),
        ("dashboard", "agv-approver", "/admin/"),
        ("dashboard", "translator", "/admin/"),
        ("explorer of the press section", "agv-editor", f"/admin/pages/{section.pk}/"),
        (
            "explorer, last listing page",
            "agv-editor",
            f"/admin/pages/{section.pk}/?p={fixtures['last_listing_page']}",
        ),
        ("edit view of a release", "agv-editor", f"/admin/pages/{release.pk}/edit/"),
        ("page chooser", "agv-editor", "/admin/choose-page/"),
        (
            "page chooser, the section",
            "agv-editor",
            f"/admin/choose-page/{section.pk}/",
        ),
        (
            "page chooser, search",
            "agv-editor",
            f"/admin/choose-page/search/?q={term}",
        ),
        ("admin search", "agv-editor", f"/admin/pages/search/?q={term}"),
        ("admin search", "translator", f"/admin/pages/search/?q={term}"),
        (
            "translation editor",
            "translator",
            f"/admin/pages/{fixtures['translation_page'].pk}/edit/",
        ),
        ('"Zu übersetzen" list', "translator", "/admin/editorial/translations/"),
    ]
    trivial = get("agv-editor", "/admin/account/")
    for name, role, url in plan:
        results[f"{name} ({role})"] = {
            "url": url,
            **repeat(get(role, url), rounds, trivial, warm_up),
        }
    results["submit (agv-editor)"] = {
        "url": "/admin/pages/<draft>/edit/ action-submit",
        **submit_and_approve(fixtures, rounds, trivial)["submit"],
    }
    results["approve (agv-approver)"] = {
        "url": "/admin/pages/workflow/action/<draft>/approve/<task state>/",
        **fixtures["approve"],
    }
    from wagtail.models import Page

    return {
        "results": results,
        "pages": Page.objects.count(),
        "section_children": section.get_children().count(),
        "database": f"{connection.vendor} {connection.Database.__name__}"
        if connection.vendor != "postgresql"
        else "PostgreSQL {}.{}".format(
            *divmod(connection.cursor().connection.info.server_version, 10000)
        ),
    }


def prepare():
    """Accounts of the partner roles, a release, an English translation."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client

    from wagtail.models import Locale
    from wagtail_localize.models import Translation, TranslationSource

    from news.models import NewsIndexPage, PressReleasePage
    from partners.models import PartnerSectionPage
    from tregks.editorial.setup import (
        TRANSLATOR_GROUP,
        approver_group_name,
        editor_group_name,
        setup_editorial,
    )

    setup_editorial()
    german = Locale.objects.get(language_code="de")
    press = NewsIndexPage.objects.get(locale=german)
    section = PartnerSectionPage.objects.child_of(press).get(partner__code="agv")
    short = section.partner.short_name
    groups = {
        "agv-editor": editor_group_name(short),
        "agv-approver": approver_group_name(short),
        "translator": TRANSLATOR_GROUP,
    }
    clients, users = {}, {}
    for username, group in groups.items():
        user, _created = get_user_model().objects.get_or_create(
            username=f"bench-{username}",
            defaults={"email": f"bench-{username}@tregks.invalid"},
        )
        user.groups.add(Group.objects.get(name=group))
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(user)
        clients[username], users[username] = client, user
    release = (
        PressReleasePage.objects.child_of(section).live().order_by("-path").first()
    )
    english = Locale.objects.get(language_code="en")
    source, _created = TranslationSource.get_or_create_from_instance(release)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=english
    )
    translation.save_target(user=users["translator"], publish=False)
    return {
        "clients": clients,
        "users": users,
        "section": section,
        "release": release,
        "translation_page": release.get_translation(english),
        "last_listing_page": max(1, -(-section.numchild // 50)),
        "term": "Wasserstoff",
    }


def new_draft(section, user, number):
    import datetime as dt

    from wagtail.models import Page

    from news.models import PressReleasePage

    page = PressReleasePage(
        title=f"Benchmark-Entwurf {number}",
        slug=f"benchmark-entwurf-{number}-{int(time.time() * 1000)}",
        lead="Ein Vorspann für die Messung.",
        release_date=dt.date(2026, 3, 1),
        live=False,
        owner=user,
    )
    section.add_child(instance=page)
    page.save_revision(user=user)
    return Page.objects.get(pk=page.pk).specific


def edit_form_data(page, user, **changes):
    """What the edit form posts, built from the page's own edit form."""
    from wagtail.admin.rich_text import DraftailRichTextArea
    from wagtail.blocks.base import BlockField
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    form_class = page.get_edit_handler().get_form_class()
    form = form_class(instance=page, for_user=user, parent_page=page.get_parent())
    data, multi = {}, {}
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(field, BlockField):
            data[name] = streamfield([])
        elif isinstance(field.widget, DraftailRichTextArea):
            data[name] = rich_text(value or "")
        elif isinstance(value, list | tuple):
            multi[name] = [str(item) for item in value]
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        elif value is not None:
            data[name] = str(value)
    for name in form.formsets:
        data[name] = inline_formset([])
    flat = nested_form_data(data)
    flat.update(multi)
    flat.update(changes)
    return flat


def submit_and_approve(fixtures, rounds, trivial):
    """Each round: a fresh draft (not timed), submitted by the editor, approved by
    the approver (both timed), then the trivial view."""
    from wagtail.models import Page

    clients, users = fixtures["clients"], fixtures["users"]
    section = fixtures["section"]
    submits, approvals = ([], []), ([], [])
    baseline = []
    for number in range(rounds + 1):
        draft = new_draft(section, users["agv-editor"], number)
        data = edit_form_data(draft, users["agv-editor"], **{"action-submit": "1"})
        url = f"/admin/pages/{draft.pk}/edit/"
        milliseconds, status = timed(lambda: clients["agv-editor"].post(url, data))  # noqa: B023
        task_state = Page.objects.get(pk=draft.pk).current_workflow_task_state
        if task_state is None:
            raise SystemExit(f"Submitting {url} started no workflow (HTTP {status}).")
        approve = f"/admin/pages/workflow/action/{draft.pk}/approve/{task_state.pk}/"
        approve_ms, approve_status = timed(
            lambda: clients["agv-approver"].post(approve, {"comment": ""})  # noqa: B023
        )
        baseline_ms = timed(trivial)[0]
        if number == 0:
            continue  # warm-up
        baseline.append(baseline_ms)
        submits[0].append(milliseconds)
        submits[1].append(status)
        approvals[0].append(approve_ms)
        approvals[1].append(approve_status)
    trivial_p95 = percentile(baseline, 0.95)
    fixtures["approve"] = {**summary(*approvals), "trivial_p95": trivial_p95}
    return {"submit": {**summary(*submits), "trivial_p95": trivial_p95}}


# --- report ----------------------------------------------------------------------------


def render(args, measured, built, seconds):
    run = bench_run()
    lines = [
        START_MARK,
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by `bench/admin.py "
        f"--scale {args.scale} --rounds {args.rounds}` in {seconds / 60:.1f} minutes "
        f"({built}).",
        "",
        f"- Machine: {run.machine()}; load average {args.load_before} at the start, "
        f"{run.load_average()} at the end (other people's work on the same cores)",
        f"- Site: {measured['pages']:,} pages; AGV's German press section holds "
        f"{measured['section_children']:,} pages; "
        f"{measured['database']}, benchmark settings (production, DEBUG off), "
        "Redis cache",
        "- A logged-in Django test client in one process: server time without the "
        f"network; one warm-up, then {args.rounds} requests each, one at a time",
        "- × trivial: the p95 divided by the p95 of the trivial admin view "
        "(`/admin/account/`) measured between the same rounds; it moves less with "
        "the load than the milliseconds do",
        "",
        "| what (account) | request | p50 ms | p95 ms | max ms | × trivial | HTTP "
        "| p95 < 1 s |",
        "| --- | --- | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for name, result in measured["results"].items():
        ok = "yes" if result["p95"] < TARGET_MS else "**no**"
        statuses = ", ".join(str(status) for status in result["statuses"])
        ratio = result["p95"] / result["trivial_p95"] if result["trivial_p95"] else 0
        lines.append(
            f"| {name} | `{result['url']}` | {result['p50']:,.0f} | "
            f"{result['p95']:,.0f} | {result['max']:,.0f} | {ratio:.1f} | "
            f"{statuses} | {ok} |"
        )
    lines.append(END_MARK)
    return "\n".join(lines)


def write_doc(report):
    text = DOC.read_text()
    if START_MARK in text and END_MARK in text:
        before = text.split(START_MARK)[0]
        after = text.split(END_MARK, 1)[1]
        text = before + report + after
    else:
        text = text.rstrip() + "\n\n## Admin results\n\n" + report + "\n"
    DOC.write_text(text)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
