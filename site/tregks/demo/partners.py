"""Demo builder of the partner directory: the index, the profiles and the topics.

The texts are in data/partners.yaml. `partner_sections_below(index_page)` gives every
consortium partner its own section below a shared index (press, stories); the news and
stories builders call it.
"""

from wagtail.models import Page

from treebeard.mp_tree import MP_Node

from partners.models import (
    PartnerIndexPage,
    PartnerProfilePage,
    PartnerRole,
    PartnerSectionPage,
)
from tregks.core.topics import ensure_topics

from .data import load, pair, pairs
from .pages import (
    Phrasebook,
    demo_image,
    get_locale,
    get_or_create_child,
    rich_text,
    translate,
)


def build(context, options=None, stdout=None):
    """The partner directory, all profiles and the topics, in German and English."""
    topics = ensure_topics()
    context["topics"] = topics
    data = load("partners")
    index = _partner_index(context["home_de"], data["index"])
    context["partner_index"] = index
    profiles = {}
    for code, spec in data["profiles"].items():
        profiles[code] = _consortium_profile(index, code, spec, topics)
    for code, spec in data["companies"].items():
        profiles[code] = _company_profile(index, code, spec, data["company_text"])
    context["partners"] = profiles


def _partner_index(home, spec):
    t = Phrasebook()
    index = get_or_create_child(
        home,
        PartnerIndexPage,
        spec["slug"]["de"],
        title=pair(t, spec["title"]),
        intro=rich_text(t, *(pairs(text) for text in spec["intro"])),
        show_in_menus=True,
    )
    pair(t, spec["slug"])
    translate(index, t)
    return index


def _consortium_profile(index, code, spec, topics):
    t = Phrasebook()
    fields = dict(spec.get("contact", {}))
    if spec.get("contact_form_email"):
        fields["contact_form_email"] = spec["contact_form_email"]
    fields["expert_groups"] = [topics[slug] for slug in spec.get("expert_groups", [])]
    if "contact_role" in fields:
        fields["contact_role"] = pair(t, fields["contact_role"])
    profile = _profile(
        index,
        code,
        PartnerRole(spec["role"]),
        pair(t, spec["title"]),
        spec["short_name"],
        spec["slug"]["de"],
        spec["logo_colour"],
        [pairs(text) for text in spec["description"]],
        t,
        fields,
    )
    pair(t, spec["slug"])
    translate(profile, t)
    return profile


def _company_profile(index, code, spec, company_text):
    title = spec["title"]
    t = Phrasebook()
    text = [
        (company_text["de"].format(name=title), company_text["en"].format(name=title))
    ]
    profile = _profile(
        index,
        code,
        PartnerRole.COMPANY,
        t(title, title),
        spec["short_name"],
        spec["slug"]["de"],
        spec["logo_colour"],
        text,
        t,
        {},
    )
    pair(t, spec["slug"])
    translate(profile, t)
    return profile


def _profile(index, code, role, title, short, slug, colour, text, t, fields):
    existing = PartnerProfilePage.objects.filter(locale=index.locale, code=code).first()
    if existing is not None:
        # Re-run: still record every string so that the translation can be made.
        rich_text(t, *text)
        return existing
    logo = demo_image(
        f"Logo {short}", short, colour=colour, size=(600, 300), alt_text=title
    )
    return get_or_create_child(
        index,
        PartnerProfilePage,
        slug,
        title=title,
        short_name=short,
        code=code,
        role=role,
        logo=logo,
        description=rich_text(t, *text),
        **fields,
    )


def partner_sections_below(index_page):
    """One PartnerSectionPage per consortium partner below `index_page` (German), translated.

    Call it with the German index after the index itself is translated; the English
    sections point to the English profiles (wagtail-localize maps the foreign key).
    """
    german = get_locale("de")
    sections = {}
    partners = PartnerProfilePage.objects.filter(
        locale=german, role__in=[PartnerRole.LEAD, PartnerRole.PARTNER]
    ).order_by("path")
    for partner in partners:
        t = Phrasebook()
        english = partner.get_translation_or_none(get_locale("en"))
        section = get_or_create_child(
            index_page,
            PartnerSectionPage,
            partner.code,
            title=t(partner.title, english.title if english else partner.title),
            partner=partner,
        )
        t(partner.code, partner.code)
        translate(section, t)
        sections[partner.code] = section
    return sections


# Apps whose pages come after the partner directory: the directory itself, the content
# pages of the menu's end (home), the contact page (placed right after the directory by
# contact.py) and the barrier form, all built after arrange_menu.
AFTER_DIRECTORY_APPS = {"home", "partners", "contact", "barriers"}


def arrange_menu(context, options=None, stdout=None):
    """Put the partner directory after the content indexes (press, stories, podcast, ...).

    The menu follows the tree order, so the directory moves right of the last page of
    any other app. Pages that come after it by design are not counted, so that a second
    run finds nothing to move.
    """
    for home in (context["home_de"], context["home_en"]):
        # child_of() rather than get_children(): the context's page objects carry stale
        # child counts, and treebeard returns nothing for a "leaf".
        children = list(Page.objects.child_of(home).select_related("content_type"))
        index = next(
            (p for p in children if p.content_type.model == "partnerindexpage"), None
        )
        others = [
            p for p in children if p.content_type.app_label not in AFTER_DIRECTORY_APPS
        ]
        if index is None or not others:
            continue
        last = others[-1]
        if index.path < last.path:
            # Treebeard's own move: the URL stays the same, so Wagtail's move action
            # (log entry, automatic redirect) has nothing to add.
            MP_Node.move(Page.objects.get(pk=index.pk), last, pos="right")
