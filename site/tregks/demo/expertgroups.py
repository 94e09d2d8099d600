"""Demo builder of the expert groups: the index and one page per topic (five groups).

The texts are in data/expertgroups.yaml; each group page belongs to one of the topics
the partners builder made.
"""

from expertgroups.models import ExpertGroupIndexPage, ExpertGroupPage
from tregks.core.topics import ensure_topics

from .data import load, pair, pairs
from .pages import Phrasebook, get_or_create_child, rich_text, translate


def build(context, options=None, stdout=None):
    """The index "Fachgruppen"/"Expert groups" and the group pages, in both languages."""
    data = load("expertgroups")
    topics = context.get("topics") or ensure_topics()
    spec = data["index"]
    t = Phrasebook()
    index = get_or_create_child(
        context["home_de"],
        ExpertGroupIndexPage,
        spec["slug"]["de"],
        title=pair(t, spec["title"]),
        intro=rich_text(t, pairs(spec["intro"])),
        show_in_menus=True,
    )
    pair(t, spec["slug"])
    translate(index, t)
    for group in data["groups"]:
        t = Phrasebook()
        page = get_or_create_child(
            index,
            ExpertGroupPage,
            group["slug"]["de"],
            title=pair(t, group["title"]),
            topic=topics[group["topic"]],
            lead=pair(t, group["lead"]),
            aim=rich_text(t, *(pairs(text) for text in group["aim"])),
            join_text=pair(t, group["join"]),
        )
        pair(t, group["slug"])
        translate(page, t)
    context["expert_group_index"] = index
