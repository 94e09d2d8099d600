"""Demo content of the partners app: the partner directory, profiles and topics.

All text is written for this project from the network's public facts, German first.
`ensure_sections(index_page)` gives every consortium partner its own section below a
shared index (press, stories); the news and stories demos call it.
"""

from wagtail.models import Page

from treebeard.mp_tree import MP_Node

from tregks.core.demo import (
    Phrasebook,
    demo_image,
    get_locale,
    get_or_create_child,
    rich_text,
    translate,
)
from tregks.core.topics import ensure_topics

from .models import (
    PartnerIndexPage,
    PartnerProfilePage,
    PartnerRole,
    PartnerSectionPage,
)

# code: (role, title (de, en), short name, slug (de, en), logo colour, expert groups led
#        (only where the network's public facts say so: AGV leads "Arbeitsbeziehungen"),
#        description paragraphs [(de, en)], contact data: only where the network's public
#        facts give it, i.e. for the consortium lead)
PROFILES = {
    "wfg": (
        PartnerRole.LEAD,
        (
            "Wirtschaftsförderung Region Kassel GmbH",
            "Wirtschaftsförderung Region Kassel GmbH",
        ),
        "WFG",
        ("wirtschaftsfoerderung-region-kassel", "kassel-region-business-development"),
        "#0b4f6c",
        [],
        [
            (
                "Die Wirtschaftsförderung Region Kassel leitet das Konsortium. Sie koordiniert "
                "das Netzwerk im Auftrag von Stadt und Landkreis Kassel und ist die zentrale "
                "Anlaufstelle für alle, die mitmachen wollen.",
                "The Kassel Region Business Development Agency leads the consortium. It "
                "coordinates the network on behalf of the city and the district of Kassel and "
                "is the central point of contact for everyone who wants to take part.",
            ),
            (
                "Die Geschäftsstelle bringt Unternehmen, Verwaltung, Bildung und Forschung "
                "zusammen und hält die Fäden der fünf Fachgruppen in der Hand.",
                "Its network office brings companies, administration, education and research "
                "together and keeps the threads of the five expert groups in hand.",
            ),
        ],
        {
            "street": "Kurfürstenstraße 9",
            "postcode": "34117",
            "city": "Kassel",
            "contact_role": ("Projektleitung tregks", "tregks project management"),
            "contact_phone": "+49 561 70733-50",
            "contact_email": "tregks@wfg-kassel.de",
        },
    ),
    "agv": (
        PartnerRole.PARTNER,
        (
            "Arbeitgeberverband HESSENMETALL Nordhessen",
            "Arbeitgeberverband HESSENMETALL Nordhessen",
        ),
        "AGV",
        (
            "arbeitgeberverband-hessenmetall-nordhessen",
            "hessenmetall-employers-association",
        ),
        "#7a2e0e",
        ["arbeitsbeziehungen"],
        [
            (
                "Der Arbeitgeberverband vertritt die Metall- und Elektroindustrie in "
                "Nordhessen. Im Netzwerk leitet er die Fachgruppe Arbeitsbeziehungen und eine "
                "Arbeitsgruppe zur Generation Z.",
                "The employers' association represents the metal and electrical industry in "
                "North Hesse. In the network it leads the industrial relations expert group "
                "and a working group on Generation Z.",
            ),
            (
                "Mit MINT-Botschaftern und SchulePlus bringt er Schulen und Betriebe zusammen; "
                "außerdem produziert er den Podcast „Kassel fährt voraus“.",
                "With STEM ambassadors and SchulePlus it brings schools and companies together; "
                "it also produces the podcast “Kassel fährt voraus”.",
            ),
        ],
        {},
    ),
    "dgb": (
        PartnerRole.PARTNER,
        ("DGB Region Nordhessen", "DGB North Hesse Region"),
        "DGB",
        ("dgb-region-nordhessen", "dgb-north-hesse"),
        "#b3121a",
        [],
        [
            (
                "Der Deutsche Gewerkschaftsbund in der Region Nordhessen bringt die Sicht der "
                "Beschäftigten in das Netzwerk ein.",
                "The German Trade Union Confederation in the North Hesse region brings the "
                "employees' point of view into the network.",
            ),
        ],
        {},
    ),
    "dgb-bildungswerk": (
        PartnerRole.PARTNER,
        ("DGB Bildungswerk Hessen e.V.", "DGB Bildungswerk Hessen e.V."),
        "DGB Bildungswerk",
        ("dgb-bildungswerk-hessen", "dgb-education-centre-hesse"),
        "#8c1d40",
        [],
        [
            (
                "Das DGB Bildungswerk Hessen ist der Bildungsträger der Gewerkschaften. Es "
                "betreibt die Kooperations- und Beratungsstelle „Transformation nur MIT uns“ "
                "für Betriebs- und Personalräte.",
                "DGB Bildungswerk Hessen is the education provider of the trade unions. It runs "
                "the cooperation and advice office “Transformation nur MIT uns” (transformation "
                "only with us) for works councils.",
            ),
        ],
        {},
    ),
    "vsb": (
        PartnerRole.PARTNER,
        ("VSB – Akademie der Wirtschaft", "VSB – Akademie der Wirtschaft"),
        "VSB",
        ("vsb-akademie-der-wirtschaft", "vsb-business-academy"),
        "#2f6b2f",
        [],
        [
            (
                "Die VSB – Akademie der Wirtschaft steht für Weiterbildung in der Region. Sie "
                "veranstaltet den BildungsHackathon, das Frauennetzwerk Nordhessen, ein "
                "Mentoring-Programm und die Führungswerkstatt.",
                "VSB – Akademie der Wirtschaft stands for further education in the region. It "
                "organises the BildungsHackathon, the North Hesse women's network, a mentoring "
                "programme and a leadership workshop.",
            ),
            (
                "Mit der „Zukunftsreise“ hat sie ein Lernformat zu künstlicher Intelligenz für "
                "kleine und mittlere Unternehmen entwickelt.",
                "With the “Zukunftsreise” (journey into the future) it has developed a learning "
                "format on artificial intelligence for small and medium-sized companies.",
            ),
        ],
        {},
    ),
    "uni-kassel": (
        PartnerRole.PARTNER,
        ("Universität Kassel", "University of Kassel"),
        "Uni Kassel",
        ("universitaet-kassel", "university-of-kassel"),
        "#333f48",
        [],
        [
            (
                "Die Universität Kassel bringt Forschung in das Netzwerk. Mit dem „Mobility "
                "Transformation Hub“ verbindet sie Wissenschaft und regionale Unternehmen bei "
                "Fragen der Mobilität der Zukunft.",
                "The University of Kassel brings research into the network. Its “Mobility "
                "Transformation Hub” connects science and regional companies on questions of "
                "future mobility.",
            ),
        ],
        {},
    ),
}

COMPANY_TEXT = (
    "{name} ist eines der Unternehmen aus der Region, die in den Videogeschichten des "
    "Netzwerks zeigen, wie sie den Wandel im eigenen Betrieb angehen.",
    "{name} is one of the regional companies that show in the network's video stories how "
    "they tackle the change in their own business.",
)

COMPANIES = {
    "herkules-resotec": (
        "Herkules Resotec Elektronik GmbH",
        "Herkules Resotec",
        ("herkules-resotec-elektronik", "herkules-resotec-electronics"),
        "#44546a",
    ),
    "hanomag": (
        "HANOMAG Aluminium Solutions GmbH",
        "HANOMAG",
        ("hanomag-aluminium-solutions", "hanomag-aluminium"),
        "#5b5b5b",
    ),
    "smart-railway": (
        "SMART Railway Technology GmbH",
        "SMART Railway",
        ("smart-railway-technology", "smart-railway-tech"),
        "#1d5c63",
    ),
    "bode": (
        "BODE – Die Tür GmbH",
        "BODE",
        ("bode-die-tuer", "bode-doors"),
        "#6b4e16",
    ),
}


def build(context, options=None, stdout=None):
    """The partner directory, all profiles and the topics, in German and English."""
    topics = ensure_topics()
    context["topics"] = topics
    index = _partner_index(context["home_de"])
    context["partner_index"] = index
    profiles = {}
    for code, spec in PROFILES.items():
        profiles[code] = _consortium_profile(index, code, spec, topics)
    for code, spec in COMPANIES.items():
        profiles[code] = _company_profile(index, code, spec)
    context["partners"] = profiles


def _partner_index(home):
    t = Phrasebook()
    index = get_or_create_child(
        home,
        PartnerIndexPage,
        "partner",
        title=t("Partner", "Partners"),
        intro=rich_text(
            t,
            (
                "Sechs Konsortialpartner tragen das Netzwerk: Wirtschaftsförderung, "
                "Arbeitgeber, Gewerkschaften, Weiterbildung und Universität. Dazu kommen "
                "Unternehmen aus der Region, die ihre Erfahrungen mit dem Wandel teilen.",
                "Six consortium partners support the network: economic development, "
                "employers, trade unions, further education and the university. They are "
                "joined by companies from the region that share their experience of change.",
            ),
        ),
        show_in_menus=True,
    )
    t("partner", "partners")
    translate(index, t)
    return index


def _consortium_profile(index, code, spec, topics):
    (
        role,
        (title_de, title_en),
        short,
        (slug_de, slug_en),
        colour,
        groups,
        text,
        extra,
    ) = spec
    t = Phrasebook()
    fields = dict(extra, expert_groups=[topics[slug] for slug in groups])
    if "contact_role" in fields:
        fields["contact_role"] = t(*fields["contact_role"])
    profile = _profile(
        index,
        code,
        role,
        t(title_de, title_en),
        short,
        slug_de,
        colour,
        text,
        t,
        fields,
    )
    t(slug_de, slug_en)
    translate(profile, t)
    return profile


def _company_profile(index, code, spec):
    title, short, (slug_de, slug_en), colour = spec
    t = Phrasebook()
    text = [(COMPANY_TEXT[0].format(name=title), COMPANY_TEXT[1].format(name=title))]
    profile = _profile(
        index,
        code,
        PartnerRole.COMPANY,
        t(title, title),
        short,
        slug_de,
        colour,
        text,
        t,
        {},
    )
    t(slug_de, slug_en)
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


def ensure_sections(index_page):
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


def arrange_menu(context, options=None, stdout=None):
    """Put the partner directory after the content indexes (press, stories, podcast).

    The menu follows the tree order; "Über das Netzwerk" and "Kontakt" (content pages)
    come after it, so the directory moves right of the last other app's index.
    """
    for home in (context["home_de"], context["home_en"]):
        # child_of() rather than get_children(): the context's page objects carry stale
        # child counts, and treebeard returns nothing for a "leaf".
        children = list(Page.objects.child_of(home).select_related("content_type"))
        index = next(
            (p for p in children if p.content_type.model == "partnerindexpage"), None
        )
        others = [
            p for p in children if p.content_type.app_label not in {"home", "partners"}
        ]
        if index is None or not others:
            continue
        last = others[-1]
        if index.path < last.path:
            # Treebeard's own move: the URL stays the same, so Wagtail's move action
            # (log entry, automatic redirect) has nothing to add.
            MP_Node.move(Page.objects.get(pk=index.pk), last, pos="right")
