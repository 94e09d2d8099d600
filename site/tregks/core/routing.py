"""Page routing in two queries below the home page, through Wagtail's public `route()`.

Wagtail's serve view asks the site's root page (here: the home page of the language)
to `route()` the rest of the path; `Page.route` then loads each level's child and its
specific object: seven queries for a press release below /presse/<partner>/. The path
already names every level and `url_path` is unique in the tree (and indexed, see
core's migrations), so `PathRoutingMixin.route` on the home page finds all pages on
the path in one query and loads the deepest one's specific object in a second,
together with the objects its own foreign keys point to (image, poster, video,
partner: each would cost a query later). That page's own `route()` then runs as
usual (RoutablePageMixin sub-routes such as `feed/`, or 404 for an unknown child).

Public API only: `Page.route` is Wagtail's documented place to change routing; site
lookup, privacy checks (`before_serve_page`) and serving stay in Wagtail's serve
view. Where the shortcut could differ from Wagtail, Wagtail's own `route()` runs: a
page on the way not live, or one with its own `route()` that would take the rest of
the path (a RoutablePage sub-route).
"""

from django.http import Http404

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from tregks.cache.pages import own_foreign_keys


class PathRoutingMixin:
    """For the root page of a language tree: route its descendants in two queries."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        candidates = [
            self.url_path + "".join(f"{part}/" for part in path_components[:length])
            for length in range(1, len(path_components) + 1)
        ]
        rows = list(
            Page.objects.filter(url_path__in=candidates, depth__gt=self.depth)
            .order_by("depth")
            .only("id", "depth", "live", "url_path", "content_type")
        )
        if not rows:
            raise Http404
        # Every level must be there: a gap means an unknown child on the way.
        if [row.url_path for row in rows] != candidates[: len(rows)]:
            raise Http404
        for consumed, row in enumerate(rows[:-1], start=1):
            model = row.specific_class
            if model is None or not row.live:
                return super().route(request, path_components)
            if model.route is not Page.route and not _passes_through(
                model, path_components[consumed:]
            ):
                return super().route(request, path_components)
        deepest = _load_specific(rows[-1])
        if deepest is None:
            return super().route(request, path_components)
        return deepest.route(request, path_components[len(rows) :])


def _load_specific(row):
    """The page's specific object, with the objects its own foreign keys point to.

    A template shows the image, poster, video, captions or partner a page links to;
    loading them in the same query saves a query for each.
    """
    model = row.specific_class
    if model is None:
        return None
    related = own_foreign_keys(model)
    if not related:
        return row.specific
    return model.objects.select_related(*related).get(pk=row.pk)


def _passes_through(model, rest):
    """True if a page on the way would hand `rest` to its child, as Page.route does."""
    if not issubclass(model, RoutablePageMixin):
        return False
    try:
        model.get_resolver().resolve("/" + "".join(f"{part}/" for part in rest))
    except Http404:
        return True
    return False
