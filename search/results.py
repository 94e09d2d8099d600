"""One page of search results: which pages, in what order, and how many in all.

Ranking every match and counting them is the search's cost (two full-text queries
over the whole archive, most of a search's database time). The answer is the same
for every reader until content changes, so the ids of a page of results and the
count are kept per cache generation (`cached_for_generation`, like the menus and
filter choices): a popular term is ranked once per publish, not once per reader. A
publish, unpublish, privacy change or deletion starts a new generation, so a kept
answer never names a page that has left the search. The searches themselves are still
counted on every request (`log_search`), and the pages are loaded fresh.
"""

import functools
import hashlib
import json

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page as PageOfResults
from django.core.paginator import Paginator
from django.db.models import CharField, OuterRef, Subquery, TextField
from django.db.models.functions import Cast
from django.utils import timezone

from wagtail.models import Page, get_page_models
from wagtail.search.models import IndexEntry

from partners.models import PartnerProfilePage
from tregks.cache.generation import cached_for_generation
from tregks.core.privacy import on_a_private_path

from .pages import owned_paths, partner_names
from .text import excerpt, highlight, page_text

RESULTS_PER_PAGE = 12
# Larger page numbers go through Django's paginator (the last page): an OFFSET past
# what the database's integers hold would fail.
MAX_DIRECT_PAGE = 100_000
# Distinct searches are many and most are never repeated: keep them briefly.
KEPT_SECONDS = 600


class _Counted:
    """What Django's paginator needs of a result set it only counts."""

    def __init__(self, count):
        self._count = count

    def count(self):
        return self._count


def find(results, raw_number, scope):
    """(paginator, page) of `results` (a search over pages); the page's objects are
    (page id, content type id) pairs in rank order.

    `scope` names everything `results` depends on (language, words, filters,
    promoted pages); with the requested page number it makes the key.
    """
    key_source = json.dumps([scope, str(raw_number or "")[:20]], sort_keys=True)
    key = "search-results:" + hashlib.sha256(key_source.encode()).hexdigest()
    found = cached_for_generation(
        key, lambda: _ranked(results, raw_number), timeout=KEPT_SECONDS, remember=False
    )
    paginator = Paginator(_Counted(found["count"]), RESULTS_PER_PAGE)
    refs = [tuple(ref) for ref in found["refs"]]
    return paginator, PageOfResults(refs, found["number"], paginator)


def _ranked(results, raw_number):
    paginator, page = paginate(results, raw_number)
    return {
        "count": paginator.count,
        "number": page.number,
        "refs": [(item.pk, item.content_type_id) for item in page.object_list],
    }


def paginate(results, raw_number):
    """(paginator, page) of search results.

    The requested page is sliced from the results directly; odd numbers and pages
    past the end go through Django's paginator: they show the first or the last page,
    never an error.
    """
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        number = int(raw_number or 1)
    except (TypeError, ValueError):
        number = 0
    if 1 <= number <= MAX_DIRECT_PAGE:
        start = (number - 1) * RESULTS_PER_PAGE
        rows = list(results[start : start + RESULTS_PER_PAGE])
        if rows:
            return paginator, PageOfResults(rows, number, paginator)
    return paginator, paginator.get_page(raw_number)


def specific_pages(refs):
    """The specific pages of (page id, content type id) pairs, in order, in one query.

    Wagtail's `.specific()` takes one query per page type; here every page type's table
    is joined (select_related over the multi-table inheritance) for the few ids at once.
    Each page also gets `indexed_text`: the plain text the search index holds of it
    (`None` if it has no index entry yet), so excerpts need no StreamField rendering
    and no query for the images or documents in it.

    Whether a page may be shown is read here again, from the database, whatever the
    kept ids say: a page unpublished, expired or made private since is left out, so
    privacy never depends on the cache.
    """
    if not refs:
        return []
    paths = specific_paths()
    models = {
        content_type_id: ContentType.objects.get_for_id(content_type_id).model_class()
        for _pk, content_type_id in refs
    }
    # Only the tables of the page types on this page of results: each join costs.
    joined = {paths[model] for model in models.values() if model in paths}
    loaded = (
        Page.objects.live()
        .filter(pk__in=[pk for pk, _content_type_id in refs])
        .exclude(expire_at__lte=timezone.now())
        .exclude(on_a_private_path())
        .select_related(*joined)
        .annotate(indexed_text=_indexed_text())
    )
    by_id = {page.pk: page for page in loaded}
    specifics = []
    for pk, content_type_id in refs:
        base = by_id.get(pk)
        if base is None:
            continue
        specific = base
        for name in (paths.get(models[content_type_id]) or "").split("__"):
            if name:
                specific = getattr(specific, name, None)
                if specific is None:  # a row missing in the type's table
                    break
        specific = specific if specific is not None else base.specific
        specific.indexed_text = getattr(base, "indexed_text", None)
        specifics.append(specific)
    return specifics


def _indexed_text():
    """The body text of a page's entry in Wagtail's index table, as a subquery.

    The entry is stored under the page's specific content type; PostgreSQL keeps the
    plain text in `body_text` (next to the tsvector `body`), SQLite in `body`.
    """
    entry = IndexEntry._meta
    field = "body_text" if any(f.name == "body_text" for f in entry.fields) else "body"
    return Subquery(
        IndexEntry.objects.filter(
            content_type_id=OuterRef("content_type_id"),
            object_id=Cast(OuterRef("pk"), CharField(max_length=50)),
        ).values(field)[:1],
        output_field=TextField(),
    )


@functools.cache
def specific_paths():
    """{page model: select_related path from Page}, e.g. "pressreleasepage".

    The page models are fixed once the apps are loaded: worked out once per process."""
    paths = {}
    for model in get_page_models():
        chain = []
        current = model
        while current is not Page:
            parents = [
                parent for parent in current._meta.parents if issubclass(parent, Page)
            ]
            if not parents:
                break
            chain.append(current._meta.model_name)
            current = parents[0]
        if current is Page and chain:
            paths[model] = "__".join(reversed(chain))
    return paths


def result_items(refs, terms, locale):
    """What the result list shows of one page of results ((page id, content type id)
    pairs, `search.results.find`), in one query.

    The specific pages come in one query (`specific_pages`); the owning partners come
    from the ownership map kept per cache generation (docs/PERFORMANCE.md: no query
    per result or per page type).
    """
    pages = specific_pages(refs)
    partners = owning_partners(pages, locale)
    return [result_item(page, terms, partners.get(page.pk)) for page in pages]


def owning_partners(pages, locale):
    """{page id: {"code", "title"}} of the partner owning each page, without queries.

    A partner profile owns itself; any other page belongs to the partner of the
    nearest page at or above it that a partner owns (`owned_paths`): the same rule as
    the partner filter, so a result shows the partner it is filtered by.
    """
    paths = owned_paths(locale)
    names = partner_names(locale)
    owners = {}
    for page in pages:
        if isinstance(page, PartnerProfilePage):
            code = page.code
        else:
            code = next(
                (
                    paths[page.path[: depth * Page.steplen]]
                    for depth in range(page.depth, 1, -1)
                    if page.path[: depth * Page.steplen] in paths
                ),
                None,
            )
        if code in names:
            owners[page.pk] = {"code": code, "title": names[code]}
    return owners


def result_item(page, terms, partner=None):
    """What the result list shows of one (specific) page."""
    model = type(page)
    date = getattr(page, "latest_date", None) or page.first_published_at
    text = getattr(page, "indexed_text", None)
    if text is None:  # not in the index (yet): read the page's fields
        text = page_text(page)
    else:
        text = " ".join(f"{page.search_description or ''} {text}".split())
    return {
        "page": page,
        "url": page.url,
        "title": highlight(page.title, terms),
        "kind": model.get_search_kind_label()
        if hasattr(model, "get_search_kind_label")
        else model._meta.verbose_name,
        "date": date,
        "partner": partner,
        "excerpt": highlight(excerpt(text, terms), terms),
    }
