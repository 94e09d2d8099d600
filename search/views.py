"""The public search page and the suggestions endpoint of each language."""

from urllib.parse import urlencode

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from .forms import SearchFilterForm
from .pages import (
    active_locale,
    filter_by_kind,
    filter_by_partner,
    kind_choices,
    log_search,
    partner_choices,
    popular_terms,
    promotions_for,
    searchable_pages,
)
from .results import find, result_items
from .text import clean_query, query_terms, search_words

SUGGESTION_LIMIT = 8
SUGGESTION_LIMIT_MAX = 10
SUGGESTION_MIN_LENGTH = 2


@require_safe
def search(request):
    """Full-text search over the live, public pages of the current language."""
    locale = active_locale()
    query, was_cut = clean_query(request.GET.get("q", ""))
    kinds = kind_choices(locale)
    form = SearchFilterForm(
        request.GET,
        kinds=[(key, label) for key, label, _ids in kinds],
        partners=partner_choices(locale),
    )
    context = {
        # Result lists are not content of their own: search engines skip them.
        "noindex": True,
        "search_query": query,
        "query_was_cut": was_cut,
        "form": form,
        "page_obj": None,
        "results": [],
        "promotions": [],
        "popular_terms": [],
    }
    status = 200
    if not form.is_valid():
        # An unknown kind or partner (an edited or stale link): say so, search nothing.
        status = 400
    elif query:
        context.update(_run_search(request, locale, query, kinds, form.cleaned_data))
    response = TemplateResponse(request, "search/search.html", context, status=status)
    # Every search is counted (Query.add_hit), so no shared cache may answer it.
    add_never_cache_headers(response)
    return response


def _run_search(request, locale, query, kinds, filters):
    pages = searchable_pages(locale)
    filtered = bool(filters["kind"] or filters["partner"])
    if filters["kind"]:
        pages = filter_by_kind(pages, kinds, filters["kind"])
    if filters["partner"]:
        pages = filter_by_partner(pages, locale, filters["partner"])
    # Promotions lead the first page of an unfiltered search and are not repeated below.
    promotions = [] if filtered else promotions_for(query, locale)
    promoted_ids = [item["page"].pk for item in promotions if item["page"]]
    if promoted_ids:
        pages = pages.exclude(pk__in=promoted_ids)
    words = search_words(query)
    results = pages.search(words, operator="and") if words else pages.none()
    scope = [locale.pk, words, filters["kind"], filters["partner"], promoted_ids]
    paginator, page_obj = find(results, request.GET.get("page"), scope)
    terms = query_terms(query)
    first_page = page_obj.number == 1
    if first_page and not request.GET.get("page"):
        # A new search, not a step through the pages of one: log it for the editors.
        log_search(query)
    total = paginator.count + len(promotions)
    found = page_obj.object_list if paginator.count else []
    # Filters and query travel with every page link.
    kept = {"q": query, "kind": filters["kind"], "partner": filters["partner"]}
    return {
        "pagination_query": urlencode({k: v for k, v in kept.items() if v}),
        "page_range": paginator.get_elided_page_range(page_obj.number),
        "page_obj": page_obj,
        "results": result_items(found, terms, locale),
        "promotions": promotions if first_page else [],
        "result_count": total,
        "popular_terms": popular_terms(locale, exclude=query) if total == 0 else [],
        "terms": terms,
    }


@require_safe
def suggest(request):
    """Titles of live pages in the current language that start like the typed words.

    JSON: {"query": "...", "results": [{"title", "url", "kind"}]}. Fewer than two
    characters give an empty list; `limit` (1 to 10) caps the list. Not logged.
    """
    query, _was_cut = clean_query(request.GET.get("q", ""))
    try:
        limit = int(request.GET.get("limit", SUGGESTION_LIMIT))
    except (TypeError, ValueError):
        return JsonResponse(
            {"error": "The limit must be a whole number from 1 to 10."}, status=400
        )
    limit = min(max(limit, 1), SUGGESTION_LIMIT_MAX)
    suggestions = []
    words = search_words(query)
    if len(query) >= SUGGESTION_MIN_LENGTH and words:
        pages = searchable_pages(active_locale())
        for page in pages.autocomplete(words)[:limit]:
            suggestions.append(
                {
                    "title": page.title,
                    "url": page.get_url(request),
                    "kind": str(page.specific_class.get_search_kind_label())
                    if hasattr(page.specific_class, "get_search_kind_label")
                    else "",
                }
            )
    response = JsonResponse(
        {
            "query": query,
            "results": suggestions,
            "status": _suggestion_status(query, len(suggestions)),
        }
    )
    add_never_cache_headers(response)
    return response


def _suggestion_status(query, count):
    """What the live region of the search box announces."""
    if len(query) < SUGGESTION_MIN_LENGTH:
        return ""
    if count == 0:
        return gettext("No suggestions.")
    if count == 1:  # German and English share this plural rule
        return gettext("1 suggestion. Use the up and down arrow keys to choose.")
    return gettext(
        "%(count)d suggestions. Use the up and down arrow keys to choose."
    ) % {"count": count}
