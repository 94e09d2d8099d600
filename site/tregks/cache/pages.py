"""Pages that many renders need and that change only on publish.

A press release links its news index, a video story its story index (topic links), a
partner section serves its parent index: asking the tree each time costs a query per
render. The few pages of such a type are kept per cache generation instead (every
publish, move or deletion starts a new one, see signals.py).
"""

import functools

from wagtail.models import Page

from .generation import cached_for_generation


def pages_of_type(model):
    """All pages of a (specific) page type, in tree order, kept per generation.

    With the objects their own foreign keys point to (a show's artwork, a section's
    partner), so that a template using them needs no query.
    """
    return cached_for_generation(
        f"pages-of-type:{model._meta.label_lower}",
        lambda: list(
            model.objects.select_related(*own_foreign_keys(model)).order_by("path")
        ),
    )


@functools.cache
def own_foreign_keys(model):
    """Names of the forward foreign keys a page type adds to Wagtail's Page."""
    page_fields = {field.name for field in Page._meta.get_fields()}
    return tuple(
        field.name
        for field in model._meta.concrete_fields
        if field.many_to_one and field.name not in page_fields
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
