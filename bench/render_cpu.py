"""CPU milliseconds per uncached render, in this process: for comparing two checkouts.

    DJANGO_SETTINGS_MODULE=tregks.settings.dev PAGE_CACHE_ENABLED=False \
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<bench database> \
    .venv/bin/python bench/render_cpu.py /de/ /de/presse/ ...

Prints JSON {url: median CPU ms}. `time.process_time()` counts this process only, so on
a machine busy with other work it moves far less than wall time or requests per
second. Run it alternately in two checkouts against the same database (ROUNDS renders
per page, 15 by default, after three to warm up).
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "site"))
sys.path.insert(0, str(ROOT))


def main():
    import django

    django.setup()
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    rounds = int(os.environ.get("ROUNDS", "15"))
    medians = {}
    for url in sys.argv[1:]:
        for _warm in range(3):
            if client.get(url).status_code != 200:
                sys.exit(f"{url} does not answer 200")
        samples = []
        for _round in range(rounds):
            start = time.process_time()
            client.get(url)
            samples.append((time.process_time() - start) * 1000)
        medians[url] = statistics.median(samples)
    print(json.dumps(medians))


if __name__ == "__main__":
    main()
