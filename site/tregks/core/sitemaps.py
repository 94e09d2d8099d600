from django.contrib.contenttypes.models import ContentType
from django.db.models import Max

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site, get_page_models

from tregks.core import seo
from tregks.core.privacy import on_a_private_path


class AllLocalesSitemap(Sitemap):
    """Every live, public, indexable page of the site in every language.

    Wagtail's own sitemap walks only the site's root page, which is the German home:
    the English tree is a sibling and would be missing. Left out are the pages
    `tregks.core.seo.is_indexable` refuses: aliases (synchronised copies without their
    own text) and page types that stand for another page (partner sections). Each
    entry carries the hreflang set of the page's head, so the pairs are reciprocal.
    """

    # Parts of 250 URLs (the protocol allows 50,000, crawlers read any size): one
    # document of the whole archive took 5 s and 2.5 MB at 22,000 pages; a part of
    # 1,000 URLs with their hreflang sets, about 450 KB, still took 0.4 s to render
    # after a publish emptied the page cache, over issue 13's 300 ms p99 at 16
    # connections. A part of 250 renders in about 60 ms of CPU (docs/PERFORMANCE.md).
    limit = 250

    def items(self):
        site = self.get_wagtail_site()
        homes = Page.objects.filter(translation_key=site.root_page.translation_key)
        query = Page.objects.none()
        for home in homes:
            query |= Page.objects.descendant_of(home, inclusive=True)
        pages = (
            query.live()
            .exclude(on_a_private_path())
            .filter(alias_of__isnull=True)
            .exclude(content_type_id__in=_non_indexable_content_type_ids())
            .order_by("path")
            .defer_streamfields()
        )
        # Specific objects cost a query per page type; only needed where a page type
        # has its own sitemap entries.
        return pages.specific() if _custom_sitemap_urls() else pages

    def get_urls(self, page=1, site=None, protocol=None):
        """The part's entries, each with its page's hreflang set (one more query).

        What Wagtail's sitemap does (each page's `get_sitemap_urls`, the newest
        lastmod for the Last-Modified header), with the part's pages loaded once for
        the entries and their hreflang sets instead of twice."""
        pages = list(self.paginator.page(page).object_list)
        sets = seo.hreflang_sets(self.request, pages)
        urls = []
        for item in pages:
            for entry in item.get_sitemap_urls(self.request):
                entry["alternates"] = [
                    {"lang_code": code, "location": location}
                    for code, location in sets.get(entry["location"], [])
                ]
                urls.append(entry)
        lastmods = {entry.get("lastmod") for entry in urls}
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls

    def get_latest_lastmod(self):
        """One aggregate query instead of loading every page for the sitemap index."""
        return (
            self.items().order_by().aggregate(latest=Max("last_published_at"))["latest"]
        )

    def get_wagtail_site(self):
        if hasattr(self, "_wagtail_site"):
            return self._wagtail_site
        site = Site.find_for_request(self.request)
        if site is None:
            site = Site.objects.select_related("root_page").get(is_default_site=True)
        self._wagtail_site = site
        return site


def _non_indexable_content_type_ids():
    models = seo.non_indexable_models()
    if not models:
        return []
    return [ct.pk for ct in ContentType.objects.get_for_models(*models).values()]


def _custom_sitemap_urls():
    return any(
        model.get_sitemap_urls is not Page.get_sitemap_urls
        for model in get_page_models()
    )
