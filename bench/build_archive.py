"""Add the benchmark's large archive to a site that has the demo (bench/archive.py).

    .venv/bin/python manage.py load_demo --skip-accounts
    .venv/bin/python bench/build_archive.py 10000

N press releases, N/20 episodes, N/50 video stories and 3N/100 profiles, in German and
English, bulk-inserted (meant for PostgreSQL: set DATABASE_URL; see docs/PERFORMANCE.md).
A second run adds nothing.
"""

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scale", type=int, metavar="N", help="press releases to add")
    args = parser.parse_args()
    if args.scale < 1:
        parser.error("N must be a positive number.")
    sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tregks.settings.dev")
    import django

    django.setup()
    from bench.archive import build_scale

    build_scale(args.scale, sys.stdout)


if __name__ == "__main__":
    main()
