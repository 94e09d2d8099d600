from django.http import JsonResponse
from django.template.response import TemplateResponse

from wagtail.models import Locale, Page

MAX_QUERY_LENGTH = 200


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = []
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active())
        results = pages.search(query)[:20]
    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "search_results": results},
    )


def suggest(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    titles = []
    if len(query) >= 2:
        pages = Page.objects.live().public().filter(locale=Locale.get_active())
        titles = [
            {"title": p.title, "url": p.url}
            for p in pages.filter(title__icontains=query)[:8]
        ]
    return JsonResponse({"query": query, "results": titles})
