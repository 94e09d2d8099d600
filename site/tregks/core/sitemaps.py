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

    # Parts of 1,000 URLs (the protocol allows 50,000): a part renders in a fraction of
    # a second after a publish emptied the page cache and is about 120 KB, where one
    # document of the whole archive took 5 s and 2.5 MB at 22,000 pages.
    limit = 1_000

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
        """The part's entries, each with its page's hreflang set (one more query)."""
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        pages = list(self.paginator.page(page).object_list)
        sets = seo.hreflang_sets(self.request, pages)
        for entry in urls:
            entry["alternates"] = [
                {"lang_code": code, "location": location}
                for code, location in sets.get(entry["location"], [])
            ]
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
