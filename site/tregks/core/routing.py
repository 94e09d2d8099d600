"""Page routing in two queries instead of two per level of the page tree.

Wagtail routes `/de/presse/agv/eine-meldung/` by loading the site's root page, its
translation, and then each level's child and its specific object: nine queries for a
press release, before the page does any work of its own. The path already names every
level, and `url_path` is unique in the tree, so one query finds all pages on the path
(the root path for the language comes from Wagtail's cached site root paths) and a
second loads the deepest one's specific object, together with the objects its own
foreign keys point to (image, poster, video, partner: each would cost a query later).
Its own `route()` then runs as usual (RoutablePageMixin sub-routes such as `feed/`, or
404 for an unknown child).

Where the shortcut could differ from Wagtail, Wagtail routes instead: no root path for
the language, the root translation not live, or a page on the way with its own
`route()` that would take the rest of the path (a RoutablePage sub-route).
"""

from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site
from wagtail.views import serve as wagtail_serve

from tregks.cache.generation import cached_for_generation
from tregks.cache.pages import own_foreign_keys


def serve(request, path):
    """Wagtail's serve view, with the route found by `fast_route` where it can."""
    _remember_site(request)
    if not hasattr(request, "_wagtail_route_for_request"):
        try:
            route = fast_route(request, path)
        except Http404:
            request._wagtail_route_for_request = None
        else:
            if route is not NotImplemented:
                request._wagtail_route_for_request = route
    return wagtail_serve(request, path)


def _remember_site(request):
    """The request's Site as `Site.find_for_request` finds it, kept per generation.

    Wagtail asks the database on every request; sites change rarely, and a change
    starts a new cache generation. The host was checked against ALLOWED_HOSTS by
    CommonMiddleware already.
    """
    if hasattr(request, "_wagtail_site"):
        return
    host = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    request._wagtail_site = cached_for_generation(
        f"site-for:{host}:{port}", lambda: Site._find_for_request(request)
    )


def fast_route(request, path):
    """Wagtail's RouteResult for the path, None (404), or NotImplemented (ask Wagtail)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    language = translation.get_language()
    # Kept on the request, where page URLs of the same render look for them too.
    if not hasattr(request, "_wagtail_cached_site_root_paths"):
        request._wagtail_cached_site_root_paths = Site.get_site_root_paths()
    root_path = next(
        (
            root.root_path
            for root in request._wagtail_cached_site_root_paths
            if root.site_id == site.pk and root.language_code == language
        ),
        None,
    )
    if root_path is None:
        return NotImplemented
    components = [component for component in path.split("/") if component]
    candidates = [
        root_path + "".join(f"{component}/" for component in components[:length])
        for length in range(len(components) + 1)
    ]
    rows = list(
        Page.objects.filter(url_path__in=candidates)
        .order_by("depth")
        .only("id", "depth", "live", "url_path", "content_type")
    )
    if not rows or rows[0].url_path != root_path or not rows[0].live:
        return NotImplemented
    for consumed, row in enumerate(rows[:-1]):
        model = row.specific_class
        if model is None:
            return NotImplemented
        if model.route is not Page.route and not _passes_through(
            model, row, components[consumed:]
        ):
            return NotImplemented
    deepest = _load_specific(rows[-1])
    return deepest.route(request, components[len(rows) - 1 :])


def _load_specific(row):
    """The page's specific object, with the objects its own foreign keys point to.

    A template shows the image, poster, video, captions or partner a page links to;
    loading them in the same query saves a query for each.
    """
    model = row.specific_class
    related = own_foreign_keys(model)
    if not related:
        return row.specific
    return model._default_manager.select_related(*related).get(pk=row.pk)


def _passes_through(model, row, rest):
    """True if a page on the way would hand `rest` to its child, as Page.route does."""
    if not issubclass(model, RoutablePageMixin):
        return False
    if not row.live:
        return True
    try:
        model.get_resolver().resolve("/" + "".join(f"{part}/" for part in rest))
    except Http404:
        return True
    return False
