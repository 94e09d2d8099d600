#!/usr/bin/env python
"""SQL queries and SQL time per editor action, on a bench database built by bench/admin.py.

    .venv/bin/python bench/admin_queries.py --database h_admin_500 [--json out.json]

What grows with the archive shows when the same actions are counted on two sites of
different size (e.g. `bench/admin.py --scale 500 --database NAME --rounds 1 --no-doc`
and `--scale 2000`): the number of queries, the SQL milliseconds (summed per request,
timed around each execute) and the most frequent query shapes per action. One warm-up
request, then one counted request; SQL time is less disturbed by a loaded machine than
the wall time of the whole request, though not immune to it. Accounts as in
bench/admin.py (AGV's editor and approver, the translator) and the consortium lead.
"""

import argparse
import importlib.util
import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def shape(sql):
    """A query without its literals: the same question asked for other rows."""
    sql = re.sub(r"'(?:[^']|'')*'", "?", sql)
    sql = re.sub(r"\b\d+\b", "?", sql)
    sql = re.sub(r"\(\?(?:, \?)*\)", "(?…)", sql)
    return sql[:220]


class Recorder:
    def __init__(self):
        self.queries = []

    def __call__(self, execute, sql, params, many, context):
        t0 = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.queries.append((sql, (time.perf_counter() - t0) * 1000))


def counted(call):
    from django.db import connection

    call()  # warm-up
    recorder = Recorder()
    t0 = time.perf_counter()
    with connection.execute_wrapper(recorder):
        response = call()
    wall = (time.perf_counter() - t0) * 1000
    shapes = Counter(shape(sql) for sql, _ms in recorder.queries)
    slowest = sorted(recorder.queries, key=lambda item: -item[1])[:3]
    return {
        "status": response.status_code,
        "queries": len(recorder.queries),
        "sql_ms": round(sum(ms for _sql, ms in recorder.queries), 1),
        "wall_ms": round(wall),
        "repeated": [[n, s] for s, n in shapes.most_common(6) if n > 2],
        "slowest": [[round(ms, 1), sql[:300]] for sql, ms in slowest],
    }


def measure():
    sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client

    from wagtail.models import Page

    from tregks.editorial.setup import LEAD_GROUP

    admin = load("admin")
    fixtures = admin.prepare()
    clients = fixtures["clients"]
    user, _created = get_user_model().objects.get_or_create(
        username="bench-lead", defaults={"email": "bench-lead@tregks.invalid"}
    )
    user.groups.add(Group.objects.get(name=LEAD_GROUP))
    clients["lead"] = Client(HTTP_HOST="127.0.0.1")
    clients["lead"].force_login(user)
    section, release = fixtures["section"], fixtures["release"]
    term = fixtures["term"]
    plan = [
        ("dashboard", "agv-editor", "/admin/"),
        ("dashboard", "agv-approver", "/admin/"),
        ("dashboard", "translator", "/admin/"),
        ("dashboard", "lead", "/admin/"),
        ("explorer", "agv-editor", f"/admin/pages/{section.pk}/"),
        ("explorer", "agv-approver", f"/admin/pages/{section.pk}/"),
        (
            "explorer last page",
            "agv-editor",
            f"/admin/pages/{section.pk}/?p={fixtures['last_listing_page']}",
        ),
        ("edit view", "agv-editor", f"/admin/pages/{release.pk}/edit/"),
        ("page chooser", "agv-editor", "/admin/choose-page/"),
        ("page chooser section", "agv-editor", f"/admin/choose-page/{section.pk}/"),
        ("page chooser search", "agv-editor", f"/admin/choose-page/search/?q={term}"),
        ("admin search", "agv-editor", f"/admin/pages/search/?q={term}"),
        ("admin search", "translator", f"/admin/pages/search/?q={term}"),
        (
            "translation editor",
            "translator",
            f"/admin/pages/{fixtures['translation_page'].pk}/edit/",
        ),
        ("translation queue", "translator", "/admin/editorial/translations/"),
    ]
    results = {}
    for name, role, url in plan:
        results[f"{name} ({role})"] = counted(lambda c=clients[role], u=url: c.get(u))
        print(name, role, results[f"{name} ({role})"]["queries"], file=sys.stderr)

    users = fixtures["users"]
    drafts = [admin.new_draft(section, users["agv-editor"], n) for n in range(2)]
    posts = iter(drafts)

    def submit():
        draft = next(posts)
        data = admin.edit_form_data(
            draft, users["agv-editor"], **{"action-submit": "1"}
        )
        return clients["agv-editor"].post(f"/admin/pages/{draft.pk}/edit/", data)

    results["submit (agv-editor)"] = counted(submit)
    approvals = iter(drafts)

    def approve():
        draft = next(approvals)
        state = Page.objects.get(pk=draft.pk).current_workflow_task_state
        url = f"/admin/pages/workflow/action/{draft.pk}/approve/{state.pk}/"
        return clients["agv-approver"].post(url, {"comment": ""})

    results["approve (agv-approver)"] = counted(approve)
    return {"pages": Page.objects.count(), "results": results}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--pg", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/9")
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument(
        "--static-dir",
        default=str(ROOT / "bench" / "results" / "admin-queries"),
        help="collected static files are kept here between runs",
    )
    args = parser.parse_args()
    run = load("run")
    args.port, args.workers = 8111, 0
    run.require_loopback(args)
    workdir = Path(args.static_dir)
    env = run.bench_env(args, workdir)
    if not (workdir / "static" / "staticfiles.json").exists():
        # The admin's templates name hashed static files (production storage).
        run.manage(env, "collectstatic", "--noinput", "-v0", timeout=300)
    os.environ.update(env)
    measured = measure()
    for name, result in measured["results"].items():
        print(
            f"{name:40} {result['status']} q={result['queries']:4} "
            f"sql={result['sql_ms']:8.1f} ms wall={result['wall_ms']:6} ms"
        )
    if args.json:
        Path(args.json).write_text(json.dumps(measured, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
