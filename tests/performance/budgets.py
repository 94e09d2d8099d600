"""The query budgets' pieces: the budget, pages built as readers see them (`rich`), the
archive's indexes, and the counter (tests: test_query_budgets.py on a large site,
test_query_budgets_built.py on built pages, test_query_budgets_listings.py for
listings that must not grow with their items).
"""

from django.apps import apps

from wagtail.models import Locale

from contact.factories import ContactPageFactory
from expertgroups.factories import ExpertGroupIndexPageFactory, ExpertGroupPageFactory
from home.factories import ContentPageFactory, home_page
from news.factories import PressReleasePageFactory, news_index, news_section
from partners.factories import PartnerProfilePageFactory, partner_index
from partners.models import PartnerRole
from podcast.factories import (
    PodcastEpisodePageFactory,
    podcast_show,
)
from stories.factories import VideoStoryPageFactory, story_index, story_section
from tregks.core.factories import topics, translate_page

BUDGET = 12
EXTRA = 30


def build_rich_site():
    """Every page type in German and English as editors fill them: two partners'
    releases and stories, an episode show, profiles, contact and expert groups.
    Returns the German pages built (their translations and parents are live too)."""
    partners = [PartnerProfilePageFactory(rich=True, english=True) for _ in range(2)]
    pages = list(partners)
    for partner in partners:
        for rich in (True, False):
            pages.append(
                PressReleasePageFactory(
                    rich=rich, parent=news_section(partner, english=True), english=True
                )
            )
            pages.append(
                VideoStoryPageFactory(
                    rich=rich,
                    parent=story_section(partner, english=True),
                    company=PartnerProfilePageFactory(
                        rich=True, role=PartnerRole.COMPANY, english=True
                    ),
                    english=True,
                )
            )
    show = podcast_show()
    podcast_show("en")
    pages += [
        show,
        *(
            PodcastEpisodePageFactory(
                rich=True, parent=show, guests=partners, english=True
            )
            for _ in range(2)
        ),
        ContentPageFactory(english=True),
    ]
    translate_related_pages(pages)
    contact = ContactPageFactory(parent=home_page())
    groups = ExpertGroupIndexPageFactory(parent=home_page())
    group = ExpertGroupPageFactory(parent=groups, topic=topics("digitalisierung")[0])
    for page in (contact, groups, group):
        translate_page(page, "en")
    return [*pages, contact, groups, group]


def translate_related_pages(pages):
    """Related pages in both languages, as on the demo site: a related page without a
    translation would cost the English page a lookup that finds nothing."""
    for page in pages:
        for block in getattr(page.specific, "related_pages", []):
            translate_page(block.value, "en")


def site_urls(german_pages):
    """The built pages, their translations and every page above them, both languages."""
    from wagtail.models import Page

    english = Locale.objects.get(language_code="en")
    ids = set()
    for page in german_pages:
        ids |= set(
            page.get_ancestors(inclusive=True)
            .filter(depth__gt=1)
            .values_list("pk", flat=True)
        )
        translation = page.get_translation(english)
        ids |= set(
            translation.get_ancestors(inclusive=True)
            .filter(depth__gt=1)
            .values_list("pk", flat=True)
        )
    return sorted(page.url for page in Page.objects.live().filter(pk__in=ids))


def ensure_listings():
    """The indexes the archive goes into, in both languages."""
    for language in ("de", "en"):
        news_index(language), story_index(language), partner_index(language)
        podcast_show(language)


def latest(label, language):
    """The last live page of a type in tree order: a bulk-added one where there are."""
    model = apps.get_model(label)
    page = (
        model.objects.live()
        .filter(locale__language_code=language, alias_of__isnull=True)
        .order_by("-path")
        .first()
    )
    assert page is not None, f"No live {label} in {language}."
    return page


def measure(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm-up
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)
