"""What the stories app adds to the demo loader, the home page and the partner profiles."""

from django.db.models import Q
from django.utils.translation import gettext as _

from wagtail import hooks

from partners.models import PartnerSectionPage

from .models import StoryIndexPage, VideoStoryPage


@hooks.register("register_partner_section_index")
def story_index():
    """Every consortium partner has a section of the story index (editorial setup)."""
    return StoryIndexPage


@hooks.register("home_latest_items")
def latest_stories(locale_id, limit):
    """The newest live stories of a language for the home page (one query plus posters)."""
    return list(
        VideoStoryPage.objects.for_listing().filter(locale_id=locale_id)[:limit]
    )


@hooks.register("partner_profile_items")
def partner_stories(partner_page, limit):
    """Stories about a company, or published in a partner's section (fixed query count).

    Matching by translation_key finds the stories whichever language's profile a page
    points to (the company link is mapped per language, sections too).
    """
    key = partner_page.translation_key
    condition = Q(company__translation_key=key)
    section_paths = PartnerSectionPage.objects.filter(
        partner__translation_key=key, locale_id=partner_page.locale_id
    ).values_list("path", flat=True)
    for path in section_paths:
        condition |= Q(path__startswith=path)
    stories = (
        VideoStoryPage.objects.for_listing()
        .filter(locale_id=partner_page.locale_id)
        .filter(condition)
    )
    return _("Video stories"), list(stories[:limit])


@hooks.register("topic_listings")
def stories_by_topic(locale_id):
    """The story index filters by topic (partner profiles link each expert group)."""
    index = StoryIndexPage.objects.live().filter(locale_id=locale_id).first()
    return (_("Video stories"), index.url) if index else None
