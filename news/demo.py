"""Demo content of the news app: the press index, partner sections and press releases.

All text is written for this project from the network's public facts, German first.
"""

import datetime

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

from tregks.core.demo import (
    Phrasebook,
    body,
    demo_image,
    get_locale,
    get_or_create_child,
    rich_text,
    translate,
)
from tregks.core.topics import ensure_topics
from tregks.demo.partners import ensure_sections

from .models import NewsIndexPage, PressReleasePage

WFG_CONTACT = {
    "contact_role": ("Projektleitung tregks, WFG", "tregks project management, WFG"),
    "contact_phone": "+49 561 70733-50",
    "contact_email": "tregks@wfg-kassel.de",
}

FACT_SHEET = """Transformationsnetzwerk Region Kassel (tregks) – Faktenblatt zur Gründung

Gegründet: April 2023
Förderung: Bundesministerium für Wirtschaft und Klimaschutz, Programm
"Transformationsstrategien für Regionen der Fahrzeug- und Zuliefererindustrie",
3,1 Millionen Euro, 2023 bis Mitte 2025.
Konsortialleitung: Wirtschaftsförderung Region Kassel GmbH (WFG)
Konsortialpartner: Arbeitgeberverband HESSENMETALL Nordhessen, DGB Region Nordhessen,
DGB Bildungswerk Hessen e.V., VSB – Akademie der Wirtschaft, Universität Kassel
Fachgruppen: Digitalisierung, Dekarbonisierung, Mobilität der Zukunft, Qualifizierung,
Arbeitsbeziehungen
Kontakt: Kurfürstenstraße 9, 34117 Kassel, +49 561 70733-50, tregks@wfg-kassel.de
"""

# Each release: code of the owning partner, further issuers, date, slugs, title, lead,
# body items (tregks.core.demo.body), topics, image text and colour, extras.
RELEASES = [
    {
        "owner": "wfg",
        "issuers": ["wfg"],
        "date": datetime.date(2023, 4, 12),
        "slug": (
            "transformationsnetzwerk-region-kassel-gegruendet",
            "kassel-region-transformation-network-founded",
        ),
        "title": (
            "Fahrzeugindustrie wandelt sich: Transformationsnetzwerk Region Kassel gegründet",
            "The vehicle industry is changing: Kassel Region Transformation Network founded",
        ),
        "lead": (
            "Wirtschaftsförderung, Arbeitgeber, Gewerkschaften, Weiterbildung und Universität "
            "gründen gemeinsam das Transformationsnetzwerk Region Kassel. Der Bund fördert "
            "das Vorhaben mit 3,1 Millionen Euro.",
            "Business development, employers, trade unions, further education and the "
            "university jointly found the Kassel Region Transformation Network. The federal "
            "government funds the project with 3.1 million euros.",
        ),
        "body": [
            (
                "p",
                "Die Region Kassel ist vom Fahrzeugbau geprägt wie kaum eine andere: Fast die "
                "Hälfte der rund 186.000 sozialversicherungspflichtig Beschäftigten arbeitet in "
                "der Fahrzeugindustrie. Eine Studie des Bundes zählt die Region deshalb zu den "
                "fünf Regionen Deutschlands, die der Wandel der Autoindustrie am stärksten "
                "trifft.",
                "Few regions are shaped by vehicle manufacturing as much as the Kassel region: "
                "almost half of the around 186,000 employees subject to social insurance work "
                "in the vehicle industry. A federal study therefore counts the region among the "
                "five German regions most affected by the change in the car industry.",
            ),
            ("h2", "Sechs Partner, ein Ziel", "Six partners, one goal"),
            (
                "p",
                "Das neue Netzwerk soll Wettbewerbsfähigkeit, Arbeitsplätze und Wohlstand "
                "sichern und die Region zu einem nachhaltigen, klimafreundlichen Standort für "
                "Technologie und Produktion entwickeln. Die Teilnahme ist für alle kostenfrei "
                "und barrierefrei.",
                "The new network aims to secure competitiveness, jobs and prosperity and to "
                "develop the region into a sustainable, climate-friendly location for "
                "technology and production. Taking part is free of charge and barrier-free "
                "for everyone.",
            ),
            (
                "quote",
                "Den Wandel schafft keiner allein. Deshalb setzen wir uns an einen Tisch.",
                "Nobody can manage the change alone. That is why we are sitting down at one "
                "table.",
                "Projektleitung, WFG",
                "Project management, WFG",
            ),
        ],
        "topics": ["mobilitaet-der-zukunft", "arbeitsbeziehungen"],
        "image": ("Gründung", "#0b4f6c"),
        "caption": (
            "Sechs Partner gründen das Netzwerk.",
            "Six partners found the network.",
        ),
        "network_wide": True,
        "contact": WFG_CONTACT,
        "download": True,
    },
    {
        "owner": "agv",
        "issuers": ["agv"],
        "date": datetime.date(2023, 6, 20),
        "slug": (
            "podcast-kassel-faehrt-voraus-startet",
            "podcast-kassel-faehrt-voraus-launches",
        ),
        "title": (
            "Podcast „Kassel fährt voraus“ geht an den Start",
            "Podcast “Kassel fährt voraus” goes live",
        ),
        "lead": (
            "Im neuen Podcast des Netzwerks erzählen Menschen aus Wirtschaft, Bildung, "
            "Politik und Gesellschaft, wie sie den Wandel in der Region erleben.",
            "In the network's new podcast, people from business, education, politics and "
            "society talk about how they experience the change in the region.",
        ),
        "body": [
            (
                "p",
                "Fachkräfte, Unternehmenskultur, Mobilität und Innovation: Der Podcast greift "
                "die Fragen auf, die Betriebe und Beschäftigte gerade beschäftigen. Produziert "
                "wird er vom Arbeitgeberverband.",
                "Skilled workers, company culture, mobility and innovation: the podcast takes "
                "up the questions that companies and employees are dealing with right now. "
                "It is produced by the employers' association.",
            ),
        ],
        "topics": ["arbeitsbeziehungen", "qualifizierung"],
        "image": ("Podcast", "#7a2e0e"),
        "caption": ("Der Podcast des Netzwerks.", "The network's podcast."),
    },
    {
        "owner": "dgb-bildungswerk",
        "issuers": ["dgb-bildungswerk", "dgb"],
        "date": datetime.date(2023, 6, 28),
        "slug": (
            "beratungsstelle-transformation-nur-mit-uns",
            "advice-office-transformation-only-with-us",
        ),
        "title": (
            "Beratungsstelle „Transformation nur MIT uns“ lädt zum ersten Netzwerktreffen",
            "Advice office “Transformation only with us” holds its first network meeting",
        ),
        "lead": (
            "Betriebs- und Personalräte aus der Region tauschen sich zum ersten Mal in der "
            "Kooperations- und Beratungsstelle des DGB Bildungswerks Hessen aus.",
            "Works councils from the region meet for the first time at the cooperation and "
            "advice office of DGB Bildungswerk Hessen.",
        ),
        "body": [
            (
                "p",
                "Wer den Wandel im Betrieb mitgestalten will, braucht Wissen und Verbündete. "
                "Die Beratungsstelle bietet beides: Schulungen, Beratung und ein Netzwerk von "
                "Interessenvertretungen, die vor ähnlichen Fragen stehen.",
                "Anyone who wants to help shape change at work needs knowledge and allies. The "
                "advice office offers both: training, advice and a network of employee "
                "representatives facing similar questions.",
            ),
        ],
        "topics": ["arbeitsbeziehungen", "qualifizierung"],
        "image": ("Beratung", "#8c1d40"),
        "caption": (
            "Austausch unter Interessenvertretungen.",
            "Exchange among employee representatives.",
        ),
    },
    {
        "owner": "wfg",
        "issuers": ["wfg"],
        "date": datetime.date(2023, 7, 13),
        "slug": ("fuenf-fachgruppen-starten", "five-expert-groups-start"),
        "title": (
            "Fünf Fachgruppen nehmen die Arbeit auf",
            "Five expert groups start their work",
        ),
        "lead": (
            "Digitalisierung, Dekarbonisierung, Mobilität der Zukunft, Qualifizierung und "
            "Arbeitsbeziehungen: In fünf Fachgruppen arbeiten die Mitglieder des Netzwerks "
            "ab sofort an konkreten Vorhaben.",
            "Digitalisation, decarbonisation, mobility of the future, qualification and "
            "industrial relations: from now on, the network's members work on concrete "
            "projects in five expert groups.",
        ),
        "body": [
            (
                "p",
                "Jede Fachgruppe wird von einem oder mehreren Konsortialpartnern geleitet und "
                "steht allen Mitgliedern offen. Leichtbau, Wasserstoff sowie Batterie- und "
                "Speichertechnik gehören zu den Zukunftsthemen, die dort zur Sprache kommen.",
                "Each expert group is led by one or more consortium partners and is open to "
                "all members. Lightweight construction, hydrogen and battery and storage "
                "technology are among the future topics they discuss.",
            ),
        ],
        "topics": [
            "digitalisierung",
            "dekarbonisierung",
            "mobilitaet-der-zukunft",
            "qualifizierung",
            "arbeitsbeziehungen",
        ],
        "image": ("Fachgruppen", "#0b4f6c"),
        "caption": (
            "Fünf Fachgruppen, ein Netzwerk.",
            "Five expert groups, one network.",
        ),
        "contact": WFG_CONTACT,
        "related": [0],
    },
    {
        "owner": "vsb",
        "issuers": ["vsb"],
        "date": datetime.date(2023, 9, 21),
        "slug": ("bildungshackathon", "education-hackathon"),
        "title": (
            "BildungsHackathon: Ideen für die Weiterbildung von morgen",
            "BildungsHackathon: ideas for tomorrow's further education",
        ),
        "lead": (
            "Beim BildungsHackathon der VSB entwickeln Teams aus Betrieben, Schulen und "
            "Bildungsträgern an einem Tag neue Lernformate für die Transformation.",
            "At the VSB's BildungsHackathon, teams from companies, schools and education "
            "providers develop new learning formats for the transformation in a single day.",
        ),
        "body": [
            (
                "p",
                "Transformatives Lernen braucht ein passendes Umfeld. Der Hackathon zeigt, wie "
                "viel entsteht, wenn Menschen aus verschiedenen Branchen gemeinsam an einer "
                "Aufgabe arbeiten.",
                "Transformative learning needs a fitting environment. The hackathon shows how "
                "much comes about when people from different sectors work on one task "
                "together.",
            ),
        ],
        "topics": ["qualifizierung", "digitalisierung"],
        "image": ("Hackathon", "#2f6b2f"),
        "caption": ("Teams beim BildungsHackathon.", "Teams at the BildungsHackathon."),
    },
    {
        "owner": "uni-kassel",
        "issuers": ["uni-kassel"],
        "date": datetime.date(2023, 9, 28),
        "slug": (
            "auftakt-mobility-transformation-hub",
            "mobility-transformation-hub-kick-off",
        ),
        "title": (
            "Auftakt für den Mobility Transformation Hub",
            "Kick-off for the Mobility Transformation Hub",
        ),
        "lead": (
            "Die Universität Kassel startet den Mobility Transformation Hub. Er bringt "
            "Forschung und regionale Unternehmen bei Fragen der Mobilität zusammen.",
            "The University of Kassel launches the Mobility Transformation Hub. It brings "
            "research and regional companies together on questions of mobility.",
        ),
        "body": [
            (
                "p",
                "Im Hub finden Betriebe einen direkten Zugang zu Forschungsergebnissen, etwa "
                "zu Antrieben, Leichtbau und Batterietechnik, und die Wissenschaft erfährt, "
                "welche Fragen die Praxis bewegen.",
                "In the hub, companies find direct access to research results, for example on "
                "drive systems, lightweight construction and battery technology, and science "
                "learns which questions matter in practice.",
            ),
        ],
        "topics": ["mobilitaet-der-zukunft", "dekarbonisierung"],
        "image": ("Mobility Hub", "#333f48"),
        "caption": ("Forschung trifft Praxis.", "Research meets practice."),
    },
    {
        "owner": "wfg",
        "issuers": ["wfg", "agv", "dgb", "dgb-bildungswerk", "vsb", "uni-kassel"],
        "date": datetime.date(2024, 4, 30),
        "slug": ("strategieentwurf-eingereicht", "strategy-draft-submitted"),
        "title": (
            "Entwurf der regionalen Transformationsstrategie eingereicht",
            "Draft of the regional transformation strategy submitted",
        ),
        "lead": (
            "Das Netzwerk hat dem Bundesministerium für Wirtschaft und Klimaschutz den "
            "Entwurf seiner Transformationsstrategie für die Region Kassel vorgelegt.",
            "The network has submitted the draft of its transformation strategy for the "
            "Kassel region to the Federal Ministry for Economic Affairs and Climate Action.",
        ),
        "body": [
            (
                "p",
                "In den Entwurf sind die Ergebnisse der Fachgruppen und zweier "
                "Transformationswerkstätten eingeflossen. Er beschreibt, wo die Region "
                "ansetzen will: bei Qualifizierung, neuen Technologien und einer "
                "Zusammenarbeit über Branchengrenzen hinweg.",
                "The draft draws on the results of the expert groups and two transformation "
                "workshops. It describes where the region wants to start: with qualification, "
                "new technologies and cooperation across sector boundaries.",
            ),
        ],
        "topics": ["digitalisierung", "dekarbonisierung", "qualifizierung"],
        "image": ("Strategie", "#0b4f6c"),
        "caption": ("Die Strategie nimmt Gestalt an.", "The strategy takes shape."),
        "network_wide": True,
        "contact": WFG_CONTACT,
        "related": [3],
    },
    {
        "owner": "wfg",
        "issuers": ["wfg"],
        "date": datetime.date(2025, 6, 6),
        "slug": ("tregks-im-dialog-2025", "tregks-in-dialogue-2025"),
        "title": (
            "„tregks im Dialog“: Netzwerk zieht Bilanz",
            "“tregks im Dialog”: the network takes stock",
        ),
        "lead": (
            "Bei der Jahresveranstaltung „tregks im Dialog“ stellt das Netzwerk vor, was es "
            "in der ersten Förderphase gelernt hat, und blickt auf die nächsten Schritte.",
            "At the annual event “tregks im Dialog”, the network presents what it has "
            "learned in the first funding phase and looks ahead to the next steps.",
        ),
        "body": [
            (
                "p",
                "Vertrauen ist der Katalysator, gute Geschichten motivieren, und Sprache "
                "schafft Zugang: Diese Erkenntnisse teilen die Partner mit Gästen aus der "
                "ganzen Region.",
                "Trust is the catalyst, good stories motivate, and language creates access: "
                "the partners share these findings with guests from across the region.",
            ),
        ],
        "topics": ["arbeitsbeziehungen", "digitalisierung"],
        "image": ("Im Dialog", "#0b4f6c"),
        "caption": ("Gäste im Gespräch.", "Guests in conversation."),
        "contact": WFG_CONTACT,
    },
]


def build(context, options=None, stdout=None):
    """The press index "Presse"/"Press", partner sections and the demo releases."""
    t = Phrasebook()
    index = get_or_create_child(
        context["home_de"],
        NewsIndexPage,
        "presse",
        title=t("Presse", "Press"),
        intro=rich_text(
            t,
            (
                "Pressemitteilungen der Konsortialpartner über das Netzwerk, seine "
                "Fachgruppen und Veranstaltungen.",
                "Press releases of the consortium partners about the network, its expert "
                "groups and events.",
            ),
        ),
        show_in_menus=True,
    )
    t("presse", "press")
    translate(index, t)
    context["news_index"] = index
    sections = ensure_sections(index)
    topics = context.get("topics") or ensure_topics()
    partners = _partners()
    made = []
    for spec in RELEASES:
        made.append(_release(sections, partners, topics, spec, made))


def _partners():
    from partners.models import PartnerProfilePage

    german = get_locale("de")
    return {p.code: p for p in PartnerProfilePage.objects.filter(locale=german)}


def _release(sections, partners, topics, spec, made):
    t = Phrasebook()
    section = sections[spec["owner"]]
    title = t(*spec["title"])
    image = demo_image(
        f"Pressebild {spec['image'][0]}",
        spec["image"][0],
        colour=spec["image"][1],
        size=(1200, 675),
        alt_text=f"Grafik in Farbe mit dem Schriftzug „{spec['image'][0]}“",
    )
    extra = {}
    contact = spec.get("contact")
    if contact:
        extra = {
            "contact_role": t(*contact["contact_role"]),
            "contact_phone": contact["contact_phone"],
            "contact_email": contact["contact_email"],
        }
    downloads = []
    if spec.get("download"):
        downloads = [
            (
                "document",
                {
                    "document": _fact_sheet(),
                    "label": t(
                        "Faktenblatt zur Gründung (Text)",
                        "Fact sheet on the founding (text, in German)",
                    ),
                },
            )
        ]
    release = get_or_create_child(
        section,
        PressReleasePage,
        spec["slug"][0],
        title=title,
        release_date=spec["date"],
        lead=t(*spec["lead"]),
        body=body(t, *spec["body"]),
        image=image,
        # The alt text is translated with the page (the image itself is shared).
        image_alt=t(
            f"Grafik in Farbe mit dem Schriftzug „{spec['image'][0]}“",
            f"Colour graphic with the lettering “{spec['image'][0]}”",
        ),
        image_caption=t(*spec["caption"]),
        image_credit="tregks",
        issuing_partners=[partners[code] for code in spec["issuers"]],
        topics=[topics[slug] for slug in spec["topics"]],
        network_wide=spec.get("network_wide", False),
        downloads=downloads,
        related_pages=[("page", made[i]) for i in spec.get("related", [])],
        **extra,
    )
    t(spec["slug"][0], spec["slug"][1])
    translate(release, t)
    return release


def _fact_sheet():
    document_model = get_document_model()
    title = "Faktenblatt Gründung tregks"
    existing = document_model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    document = document_model(title=title)
    document.file.save(
        "faktenblatt-gruendung-tregks.txt",
        ContentFile(FACT_SHEET.encode("utf-8")),
        save=False,
    )
    document.save()
    return document
