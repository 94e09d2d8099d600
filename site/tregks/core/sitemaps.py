from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site


class AllLocalesSitemap(Sitemap):
    """Every live, public page of the site in every language.

    Wagtail's own sitemap walks only the site's root page, which is the German home:
    the English tree is a sibling and would be missing. Aliases (synchronised copies
    without their own text) are left out.
    """

    limit = 50_000

    def items(self):
        site = self.get_wagtail_site()
        homes = Page.objects.filter(translation_key=site.root_page.translation_key)
        query = Page.objects.none()
        for home in homes:
            query |= Page.objects.descendant_of(home, inclusive=True)
        return (
            query.live()
            .public()
            .filter(alias_of__isnull=True)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def get_wagtail_site(self):
        site = Site.find_for_request(self.request)
        if site is None:
            site = Site.objects.select_related("root_page").get(is_default_site=True)
        return site
