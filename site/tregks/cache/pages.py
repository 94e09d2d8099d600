"""Pages that many renders need and that change only on publish.

A press release links its news index, a video story its story index (topic links), a
partner section serves its parent index: asking the tree each time costs a query per
render. The few pages of such a type are kept per cache generation instead (every
publish, move or deletion starts a new one, see signals.py).
"""

from .generation import cached_for_generation


def pages_of_type(model):
    """All pages of a (specific) page type, in tree order, kept per generation."""
    return cached_for_generation(
        f"pages-of-type:{model._meta.label_lower}",
        lambda: list(model.objects.order_by("path")),
    )


def ancestor_of_type(page, *models, live_only=False):
    """The nearest ancestor of `page` of one of the types `models`, or None.

    Meant for types with few pages (indexes, sections): all of them are kept.
    """
    found = None
    for model in models:
        for candidate in pages_of_type(model):
            if (
                page.path.startswith(candidate.path)
                and candidate.path != page.path
                and (candidate.live or not live_only)
                and (found is None or candidate.depth > found.depth)
            ):
                found = candidate
    return found
