"""Lighthouse over every page type of the demo site: SEO score and layout shift.

    .venv/bin/python bench/lighthouse.py [--languages de,en] [--json report.json]

Builds the demo site into a temporary SQLite file, serves it with gunicorn on a free
loopback port (tests/serving.py) and runs Lighthouse from npm (package.json pins
12.2.3; `npm ci` installs it) with Debian's Chromium (CHROME_PATH, default
/usr/bin/chromium; no browser is downloaded). Prints a Markdown table of the SEO score,
Cumulative Layout Shift and performance score per page type and language and exits
with 1 when an indexable page type scores below SEO 100 or any page shifts by 0.05 or
more. The search results (noindex, and disallowed in robots.txt) and the 404 page
cannot score SEO 100 by design; for them only the layout shift counts.
Figures of a run: docs/seo.md.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.serving import SiteServer, copy_of_demo_database, fetch  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu"
SEO_TARGET = 100
CLS_LIMIT = 0.05

PAGE_TYPES = [
    ("home", "home.HomePage"),
    ("content page", "home.ContentPage"),
    ("press index", "news.NewsIndexPage"),
    ("press release", "news.PressReleasePage"),
    ("stories index", "stories.StoryIndexPage"),
    ("story", "stories.VideoStoryPage"),
    ("podcast show", "podcast.PodcastShowPage"),
    ("podcast episode", "podcast.PodcastEpisodePage"),
    ("partner index", "partners.PartnerIndexPage"),
    ("partner profile", "partners.PartnerProfilePage"),
]
# Not indexable on purpose: their SEO score is reported, not required.
NOT_INDEXABLE = {"search results", "404"}
SEARCH_PATHS = {"de": "/de/suche/?q=Netzwerk", "en": "/en/search/?q=network"}


def page_url(server, model, language):
    """The address of the first live page of a type in a language (Wagtail's API)."""
    query = urllib.parse.urlencode(
        {"type": model, "locale": language, "limit": 1, "fields": "_,html_url"}
    )
    status, _headers, body = server.get(f"/api/v2/pages/?{query}")
    items = json.loads(body)["items"] if status == 200 else []
    if not items:
        raise SystemExit(f"No live {model} in {language} on the demo site.")
    # The path only: the demo's Site record names another port.
    path = urllib.parse.urlsplit(items[0]["meta"]["html_url"]).path
    return server.url + path


def pages_to_check(server, languages):
    for language in languages:
        for name, model in PAGE_TYPES:
            yield name, language, page_url(server, model, language)
        yield "search results", language, server.url + SEARCH_PATHS[language]
        yield "404", language, f"{server.url}/{language}/gibt-es-nicht/"


def run_lighthouse(url, ignore_status=False, attempts=3):
    """(SEO score, CLS, performance score, failed SEO audits) of one page.

    Lighthouse sometimes loses the trace of a page load on a busy machine
    (NO_NAVSTART); such a run is repeated.
    """
    for attempt in range(1, attempts + 1):
        try:
            return _lighthouse_once(url, ignore_status)
        except RuntimeError as error:
            if attempt == attempts:
                raise
            print(f"{error}\nRepeating ({attempt}/{attempts}).", file=sys.stderr)


def _lighthouse_once(url, ignore_status):
    env = {
        **os.environ,
        "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium"),
    }
    result = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            "--output-path=stdout",
            "--only-categories=seo,performance",
            f"--chrome-flags={CHROME_FLAGS}",
            # Lighthouse refuses to audit a 404 response unless told to.
            *(["--ignore-status-code"] if ignore_status else []),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"Lighthouse failed for {url}:\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    categories = report["categories"]
    audits = report["audits"]
    failed = [
        ref["id"]
        for ref in categories["seo"]["auditRefs"]
        if ref["weight"] and audits[ref["id"]]["score"] not in (1, None)
    ]
    return (
        round(categories["seo"]["score"] * 100),
        audits["cumulative-layout-shift"]["numericValue"],
        round(categories["performance"]["score"] * 100),
        failed,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--languages", default="de,en")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument(
        "--pages", default="", help="comma-separated page types (default: all)"
    )
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: run `npm ci` (package.json).")
    if not shutil.which(os.environ.get("CHROME_PATH", "/usr/bin/chromium")):
        raise SystemExit("Chromium is missing: apt-get install chromium.")
    languages = [code.strip() for code in args.languages.split(",") if code.strip()]

    rows, problems = [], []
    database = copy_of_demo_database()
    with SiteServer(f"sqlite:///{database}", workers=2) as server:
        fetch(server.url + "/de/")  # warm the workers
        chosen = {name.strip() for name in args.pages.split(",") if name.strip()}
        for name, language, url in pages_to_check(server, languages):
            if chosen and name not in chosen:
                continue
            seo, cls, performance, failed = run_lighthouse(url, name == "404")
            rows.append(
                {
                    "page": name,
                    "language": language,
                    "path": url.removeprefix(server.url),
                    "seo": seo,
                    "cls": round(cls, 4),
                    "performance": performance,
                    "failed_seo_audits": failed,
                }
            )
            print(f"{name} ({language}): SEO {seo}, CLS {cls:.4f}", file=sys.stderr)
            if name not in NOT_INDEXABLE and seo < SEO_TARGET:
                problems.append(f"{name} ({language}): SEO {seo}, failed {failed}")
            if cls >= CLS_LIMIT:
                problems.append(f"{name} ({language}): CLS {cls:.3f}")

    print("| page type | language | SEO | CLS | performance | failed SEO audits |")
    print("| --- | --- | ---: | ---: | ---: | --- |")
    for row in rows:
        failed = ", ".join(row["failed_seo_audits"]) or "–"
        print(
            f"| {row['page']} | {row['language']} | {row['seo']} | {row['cls']:.3f} "
            f"| {row['performance']} | {failed} |"
        )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))
    if problems:
        print("\nBelow target:\n" + "\n".join(problems))
        return 1
    print(
        f"\nAll indexable page types: SEO {SEO_TARGET}; every page: CLS < {CLS_LIMIT}."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
