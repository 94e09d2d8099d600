"""Reading the demo's texts from data/*.yaml: one file per content type, German and English.

A translatable text is written as a pair `{de: ..., en: ...}`; `pair(t, text)` hands it to
the builder's Phrasebook and returns the German text the page is written in.
"""

from functools import cache
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"


@cache
def load(name):
    """The parsed data/<name>.yaml (read once per process)."""
    with (DATA_DIR / f"{name}.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def pair(t, text):
    """Record a {de, en} text in the Phrasebook `t`; the German text."""
    return t(text["de"], text["en"])


def pairs(text):
    """A {de, en} text as the (German, English) tuple the page helpers take."""
    return (text["de"], text["en"])


def body_items(items, find_page=None):
    """YAML body blocks as the compact tuples of tregks.demo.pages.body.

    Each item is one of `{h2: TEXT}` (or h3, h4), `{p: TEXT}`, `{ul: [TEXT, ...]}`,
    `{quote: TEXT, source: TEXT}` or `{cta: {title: TEXT, text: TEXT, button: TEXT,
    page_slug: SLUG}}` (or `url: ADDRESS` instead of `page_slug` for a link to another
    site), TEXT being a {de, en} pair. A call to action's page is looked up with
    `find_page(slug)`; while that page does not exist, the block is left out.
    """
    converted = []
    for item in items:
        if "quote" in item:
            converted.append(("quote", *pairs(item["quote"]), *pairs(item["source"])))
            continue
        if "cta" in item:
            cta = item["cta"]
            if "url" in cta:
                target = cta["url"]
            else:
                target = find_page(cta["page_slug"]) if find_page else None
            if target is not None:
                converted.append(
                    ("cta", *pairs(cta["title"]), *pairs(cta["text"]))
                    + (*pairs(cta["button"]), target)
                )
            continue
        ((kind, value),) = item.items()
        if kind == "ul":
            converted.append(("ul", [pairs(entry) for entry in value]))
        elif kind in {"h2", "h3", "h4", "p"}:
            converted.append((kind, *pairs(value)))
        else:
            raise ValueError(f"Unknown demo block kind {kind!r}.")
    return converted
