"""Demo content of the expert groups: the index and five group pages (demo/*.yaml)."""

from pathlib import Path

import yaml

from tregks.core.demo import Phrasebook, get_or_create_child, rich_text, translate
from tregks.core.topics import ensure_topics

from .models import ExpertGroupIndexPage, ExpertGroupPage

DATA = Path(__file__).parent / "demo" / "expertgroups.yaml"


def load_data():
    with DATA.open(encoding="utf-8") as file:
        return yaml.safe_load(file)


def build(context, options=None, stdout=None):
    data = load_data()
    topics = context.get("topics") or ensure_topics()
    spec = data["index"]
    t = Phrasebook()
    index = get_or_create_child(
        context["home_de"],
        ExpertGroupIndexPage,
        spec["slug"]["de"],
        title=t(spec["title"]["de"], spec["title"]["en"]),
        intro=rich_text(t, (spec["intro"]["de"], spec["intro"]["en"])),
        show_in_menus=True,
    )
    t(spec["slug"]["de"], spec["slug"]["en"])
    translate(index, t)
    for group in data["groups"]:
        t = Phrasebook()
        page = get_or_create_child(
            index,
            ExpertGroupPage,
            group["slug"]["de"],
            title=t(group["title"]["de"], group["title"]["en"]),
            topic=topics[group["topic"]],
            lead=t(group["lead"]["de"], group["lead"]["en"]),
            aim=rich_text(t, *[(p["de"], p["en"]) for p in group["aim"]]),
            join_text=t(group["join"]["de"], group["join"]["en"]),
        )
        t(group["slug"]["de"], group["slug"]["en"])
        translate(page, t)
    context["expert_group_index"] = index
