from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Max

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site, get_page_models

from tregks.cache.generation import cached_for_generation
from tregks.core import page_urls, seo
from tregks.core.listing import Counted, page_starts, rows_from
from tregks.core.privacy import on_a_private_path


class AllLocalesSitemap(Sitemap):
    """Every live, public, indexable page of the site in every language.

    Wagtail's own sitemap walks only the site's root page, which is the German home:
    the English tree is a sibling and would be missing. Left out are the pages
    `tregks.core.seo.is_indexable` refuses: aliases (synchronised copies without their
    own text) and page types that stand for another page (partner sections). Each
    entry carries the hreflang set of the page's head, so the pairs are reciprocal.
    """

    # Parts of 100 URLs (the protocol allows 50,000, crawlers read any size): one
    # document of the whole archive took 5 s and 2.5 MB at 22,000 pages; a part of
    # 1,000 URLs with their hreflang sets, about 450 KB, took 0.4 s to render after a
    # publish emptied the page cache, and a part of 250 still 60 ms of CPU, over issue
    # 13's 300 ms p99 at 16 connections (a request waits for several renders ahead of
    # it). Crawlers read the parts from the index (docs/PERFORMANCE.md).
    limit = 100

    def items(self):
        query = Page.objects.none()
        for home in self.homes():
            query |= Page.objects.descendant_of(home, inclusive=True)
        pages = (
            query.live()
            .exclude(on_a_private_path())
            .filter(alias_of__isnull=True)
            .exclude(content_type_id__in=_non_indexable_content_type_ids())
            .order_by("path")
        )
        if self.plain_entries():
            # Wagtail's entry (address, last publication) needs these columns, no
            # page objects: making 100 of them cost more than the rest of the part.
            return pages.values(
                "url_path",
                "translation_key",
                "last_published_at",
                "latest_revision_created_at",
            )
        # Specific objects cost a query per page type; only needed where a page type
        # has its own sitemap entries.
        pages = pages.defer_streamfields()
        return pages.specific() if _custom_sitemap_urls() else pages

    def homes(self):
        """The site's root page and its translations (the home of each language)."""
        if not hasattr(self, "_homes"):
            site = self.get_wagtail_site()
            self._homes = list(
                Page.objects.filter(translation_key=site.root_page.translation_key)
            )
        return self._homes

    @property
    def paginator(self):
        """Django's paginator of the parts, counted from the kept part starts."""
        count, _starts = self._part_starts()
        return Paginator(Counted(count), self.limit)

    def _part_starts(self):
        """(count, first path of each part), one query per cache generation for the
        sitemap index and every part (tregks.core.listing.page_starts): a part then
        reads its rows from its start instead of counting the site and walking
        an OFFSET of up to 22,000 pages."""
        site = self.get_wagtail_site()
        return cached_for_generation(
            f"sitemap-starts:{site.pk}:{self.limit}",
            lambda: page_starts(self.items(), self.limit),
        )

    def _part(self, page):
        number = self.paginator.validate_number(page)  # 404 for a part not there
        _count, starts = self._part_starts()
        return rows_from(self.items(), starts[number - 1], self.limit) if starts else []

    def plain_entries(self):
        """True when every page's entry is Wagtail's own (`Page.get_sitemap_urls`, the
        address from `Page.get_url_parts`): then a part is made from rows."""
        return not _custom_sitemap_urls() and page_urls.plain_page_urls()

    def get_urls(self, page=1, site=None, protocol=None):
        """The part's entries, each with its page's hreflang set (one more query).

        What Wagtail's sitemap does (each page's `get_sitemap_urls`, the newest
        lastmod for the Last-Modified header). Where every entry is Wagtail's own,
        from rows: the addresses below each language's home page worked out once
        (tregks.core.page_urls), not 300 times by Wagtail for a part of 100 pages
        with their translations."""
        rows = self._part(page)
        urls = self._entries_of_rows(rows) if self.plain_entries() else None
        if urls is None:
            urls = self._entries_of_pages(rows)
        lastmods = {entry.get("lastmod") for entry in urls}
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls

    def _entries_of_rows(self, rows):
        """Entries of rows (`items`), None if an address is not below a home."""
        urls = page_urls.UrlsBelow(self.homes(), self.request, full=True)
        addresses = {row["url_path"]: urls.below(row["url_path"]) for row in rows}
        sets = seo.hreflang_sets_by_key(
            {row["translation_key"] for row in rows}, urls.below
        )
        entries = []
        for row in rows:
            alternates = sets.get(row["translation_key"], [])
            if addresses[row["url_path"]] is None or any(
                location is None for _code, location in alternates
            ):
                return None
            entries.append(
                {
                    "location": addresses[row["url_path"]],
                    "lastmod": row["last_published_at"]
                    or row["latest_revision_created_at"],
                    "alternates": [
                        {"lang_code": code, "location": location}
                        for code, location in alternates
                    ],
                }
            )
        return entries

    def _entries_of_pages(self, rows):
        """Entries of page objects, each page's own `get_sitemap_urls`."""
        if rows and isinstance(rows[0], dict):
            ids = Page.objects.filter(url_path__in=[row["url_path"] for row in rows])
            rows = list(ids.defer_streamfields().order_by("path"))
        sets = seo.hreflang_sets(self.request, rows)
        urls = []
        for item in rows:
            for entry in item.get_sitemap_urls(self.request):
                entry["alternates"] = [
                    {"lang_code": code, "location": location}
                    for code, location in sets.get(entry["location"], [])
                ]
                urls.append(entry)
        return urls

    def get_latest_lastmod(self):
        """One aggregate query instead of loading every page for the sitemap index."""
        return (
            self.items().order_by().aggregate(latest=Max("last_published_at"))["latest"]
        )

    def get_wagtail_site(self):
        if hasattr(self, "_site_of_request"):
            return self._site_of_request
        site = Site.find_for_request(self.request)
        if site is None:
            site = Site.objects.select_related("root_page").get(is_default_site=True)
        self._site_of_request = site  # asked once per sitemap, not per URL
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
