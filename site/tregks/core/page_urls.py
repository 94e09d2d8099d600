"""Addresses of many pages at once: listings, feeds and the sitemap.

Wagtail works out each page's address on its own (`Page.get_url_parts`: the site's
root paths, then Django's `reverse` of `wagtail_serve` under the page's language), some
30 to 50 µs a page. A sitemap part with its hreflang sets asks for about 750
addresses, the partner index for 300, the podcast feed for 400: a large share of their
render after a publish.

Below a page whose address Wagtail has worked out, a descendant's address is that
address plus the rest of its `url_path`, quoted as `reverse` quotes it: the same rule,
applied once per listing instead of once per page. Page types that override
`get_url_parts` (none today), pages outside the ancestor and sites without the trailing
slash get Wagtail's own answer. `tests/core/test_page_urls.py` compares both.
"""

from urllib.parse import quote

from django.urls.resolvers import RFC3986_SUBDELIMS

from wagtail.models import Page, get_page_models

# What `reverse` leaves unquoted in a path (django.urls.resolvers).
_SAFE = RFC3986_SUBDELIMS + "/~:@"


def _wagtail_url(page, request, full):
    return page.get_full_url(request) if full else page.get_url(request)


class UrlsBelow:
    """`urls(page)`: the address of a page below one of `ancestors` (pages).

    `full=True` gives absolute addresses (feeds, sitemap), otherwise what
    `{% pageurl %}` gives: the path on a single site.
    """

    def __init__(self, ancestors, request=None, full=False):
        self.request = request
        self.full = full
        self.bases = []
        for ancestor in ancestors:
            base = _wagtail_url(ancestor, request, full)
            # Without WAGTAIL_APPEND_SLASH an address has no trailing slash to extend.
            if base and base.endswith("/"):
                self.bases.append((ancestor.url_path, base))
        # The deepest ancestor first, as Wagtail prefers the longest root path.
        self.bases.sort(key=lambda pair: len(pair[0]), reverse=True)

    def __call__(self, page):
        if type(page).get_url_parts is Page.get_url_parts:
            url = self.below(page.url_path)
            if url is not None:
                return url
        return _wagtail_url(page, self.request, self.full)

    def below(self, url_path):
        """The address of the page at `url_path` (None: not below an ancestor), for
        rows read without their page objects where no page type has its own URLs
        (`plain_page_urls`)."""
        for ancestor_path, base in self.bases:
            if url_path.startswith(ancestor_path):
                return base + quote(url_path[len(ancestor_path) :], safe=_SAFE)
        return None


def plain_page_urls():
    """True when no page type works out its own address (overrides get_url_parts)."""
    return all(model.get_url_parts is Page.get_url_parts for model in get_page_models())


def with_listing_urls(pages, ancestor, request):
    """`pages` (a list), each with `listing_url`, its address below `ancestor` (the
    listing's own page), which `{% item_url %}` shows instead of working it out."""
    urls = UrlsBelow([ancestor], request)
    for page in pages:
        page.listing_url = urls(page)
    return pages
