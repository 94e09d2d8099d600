"""Demo content of the home app: the home pages, legal pages and the network's story.

All text is written for this project from the network's public facts, German first.
"""

import datetime
import io
import json
from pathlib import Path

from django.core.management import call_command

from wagtail.models import Site

from tregks.core.demo import (
    Phrasebook,
    body,
    demo_image,
    get_locale,
    get_or_create_child,
    rich_text,
    root_page,
    translate,
)
from tregks.core.models import FooterLinks

from .models import ContentPage, HomePage

ACCESSIBILITY_DATA = Path(__file__).parent / "demo" / "accessibility.json"

MILESTONES = [
    (
        datetime.date(2023, 1, 20),
        ("Projektstart", "Project start"),
        (
            "Gemeinsam mit dem Projektträger beginnt die Arbeit.",
            "Work begins together with the project management agency.",
        ),
    ),
    (
        datetime.date(2023, 3, 5),
        ("Förderbescheid", "Funding decision"),
        (
            "Der endgültige Förderbescheid des Bundes liegt vor.",
            "The final federal funding decision arrives.",
        ),
    ),
    (
        datetime.date(2023, 4, 12),
        ("Gründung verkündet", "Founding announced"),
        (
            "Eine Pressemitteilung macht die Gründung des Netzwerks öffentlich.",
            "A press release makes the founding of the network public.",
        ),
    ),
    (
        datetime.date(2023, 6, 20),
        ("Podcast startet", "Podcast launches"),
        (
            "Die erste Folge von „Kassel fährt voraus“ erscheint.",
            "The first episode of “Kassel fährt voraus” is released.",
        ),
    ),
    (
        datetime.date(2023, 6, 30),
        ("Plattform und Auftakt", "Platform and kick-off"),
        (
            "Die Netzwerkplattform geht online, das Netzwerk feiert seinen Auftakt.",
            "The network platform goes online and the network celebrates its kick-off.",
        ),
    ),
    (
        datetime.date(2023, 7, 13),
        ("Fünf Fachgruppen", "Five expert groups"),
        (
            "Digitalisierung, Dekarbonisierung, Mobilität der Zukunft, Qualifizierung und "
            "Arbeitsbeziehungen nehmen die Arbeit auf.",
            "Digitalisation, decarbonisation, future mobility, qualification and industrial "
            "relations start their work.",
        ),
    ),
    (
        datetime.date(2023, 11, 30),
        ("Erste Transformationswerkstatt", "First transformation workshop"),
        (
            "Alle fünf Fachgruppen arbeiten zum ersten Mal gemeinsam an einem Tag.",
            "All five expert groups work together for the first time in one day.",
        ),
    ),
    (
        datetime.date(2024, 4, 30),
        ("Strategieentwurf", "Strategy draft"),
        (
            "Der Entwurf der regionalen Transformationsstrategie geht an das Ministerium.",
            "The draft of the regional transformation strategy goes to the ministry.",
        ),
    ),
    (
        datetime.date(2024, 9, 10),
        ("Ladeinfrastruktur", "Charging infrastructure"),
        (
            "Ein erstes Treffen prüft, wie gemeinsame Ladeinfrastruktur gelingen kann.",
            "A first meeting explores how shared charging infrastructure can work.",
        ),
    ),
    (
        datetime.date(2025, 6, 6),
        ("tregks im Dialog", "tregks in dialogue"),
        (
            "Die Jahresveranstaltung bringt das Netzwerk und die Region zusammen.",
            "The annual event brings the network and the region together.",
        ),
    ),
]


def build_site():
    """German home page as the site root, its English translation, and the shared context."""
    german = get_locale("de")
    get_locale("en")
    root = root_page()
    t = Phrasebook()
    home = HomePage.objects.filter(locale=german).first()
    if home is None:
        hero = demo_image(
            "Kopfbild Startseite",
            "tregks",
            colour="#0b4f6c",
            alt_text="Stilisierte Linien in Petrol mit dem Schriftzug tregks",
        )
        home = get_or_create_child(
            root,
            HomePage,
            "start",
            title=t("Startseite", "Home"),
            hero_title=t(
                "Gemeinsam Richtung Morgen: die Region Kassel im Wandel",
                "Heading for tomorrow together: the Kassel region in transition",
            ),
            hero_text=t(
                "Das Transformationsnetzwerk Region Kassel verbindet Unternehmen, Beschäftigte, "
                "Bildung und Forschung, damit aus dem Wandel der Fahrzeugindustrie neue Stärke "
                "entsteht.",
                "The Kassel Region Transformation Network connects companies, employees, "
                "education and research so that the change in the vehicle industry becomes a "
                "new source of strength.",
            ),
            hero_image=hero,
            hero_image_alt=t(
                "Stilisierte Linien in Petrol mit dem Schriftzug tregks",
                "Stylised petrol-blue lines with the word tregks",
            ),
            intro=rich_text(
                t,
                (
                    "Rund 186.000 Menschen arbeiten in der Region sozialversicherungspflichtig, "
                    "fast die Hälfte davon in der Fahrzeugindustrie. Eine Studie des Bundes zählt "
                    "Kassel zu den fünf Regionen Deutschlands, die der Umbruch der Autoindustrie "
                    "am stärksten trifft.",
                    "Around 186,000 people in the region hold jobs subject to social insurance, "
                    "almost half of them in the vehicle industry. A federal study counts Kassel "
                    "among the five German regions hit hardest by the upheaval in the car "
                    "industry.",
                ),
                (
                    "Sechs Partner haben sich deshalb zusammengetan: Wirtschaftsförderung, "
                    "Arbeitgeber, Gewerkschaften, Weiterbildung und Universität. Die Teilnahme ist "
                    "kostenfrei und barrierefrei für alle, die den Wandel mitgestalten wollen.",
                    "That is why six partners have joined forces: economic development, employers, "
                    "trade unions, further education and the university. Taking part is free of "
                    "charge and barrier-free for everyone who wants to help shape the change.",
                ),
            ),
            timeline_title=t("Meilensteine des Netzwerks", "Milestones of the network"),
            timeline=[
                (
                    "milestone",
                    {"date": date, "title": t(*title), "text": t(*text)},
                )
                for date, title, text in MILESTONES
            ],
            search_description=t(
                "Das Transformationsnetzwerk Region Kassel gestaltet den Wandel der "
                "Fahrzeugindustrie in Nordhessen gemeinsam.",
                "The Kassel Region Transformation Network shapes the change of the vehicle "
                "industry in North Hesse together.",
            ),
        )

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="tregks",
        )
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "tregks"
        site.save()
        # Wagtail's own placeholder page from its first migration.
        if (
            not isinstance(old_root.specific, HomePage)
            and not old_root.get_children().exists()
        ):
            old_root.delete()
    if home.get_translation_or_none(get_locale("en")) is None:
        t("start", "home")
        translate(home, t)
    english_home = home.get_translation(get_locale("en"))
    call_command("sync_site", verbosity=0, stdout=io.StringIO())
    site.refresh_from_db()
    return {"home_de": home.specific, "home_en": english_home.specific, "site": site}


def finish_site(context):
    """Pages that come last in the menu, and the footer links, once the apps are built."""
    home = context["home_de"]
    pages = {
        "about": _about_page(home),
        "contact": _contact_page(home),
        "imprint": _imprint_page(home),
        "privacy": _privacy_page(home),
        "accessibility": _accessibility_page(home),
    }
    footer = FooterLinks.for_site(context["site"])
    footer.imprint_page = pages["imprint"]
    footer.privacy_page = pages["privacy"]
    footer.accessibility_page = pages["accessibility"]
    footer.contact_page = pages["contact"]
    footer.save()


def _content_page(
    home, slug, english_slug, title, lead, blocks, t, show_in_menus=False
):
    page = get_or_create_child(
        home,
        ContentPage,
        slug,
        title=title,
        lead=lead,
        body=blocks,
        show_in_menus=show_in_menus,
    )
    t(slug, english_slug)
    translate(page, t)
    return page


def _about_page(home):
    t = Phrasebook()
    return _content_page(
        home,
        "ueber-das-netzwerk",
        "about-the-network",
        t("Über das Netzwerk", "About the network"),
        t(
            "Wie aus einer Region des Fahrzeugbaus ein Standort für nachhaltige Mobilität und "
            "Produktion werden soll, und wer dabei mitmacht.",
            "How a region built on vehicle manufacturing aims to become a location for "
            "sustainable mobility and production, and who takes part.",
        ),
        body(
            t,
            ("h2", "Warum es das Netzwerk gibt", "Why the network exists"),
            (
                "p",
                "Von Henschel & Sohn über Hübner bis zu Volkswagen und Mercedes-Benz: Der "
                "Fahrzeugbau prägt die Region Kassel seit Generationen. Elektromobilität, "
                "Digitalisierung und Klimaziele verändern diese Industrie nun grundlegend.",
                "From Henschel & Sohn and Hübner to Volkswagen and Mercedes-Benz, vehicle "
                "manufacturing has shaped the Kassel region for generations. Electric mobility, "
                "digitalisation and climate targets are now changing this industry at its core.",
            ),
            (
                "p",
                "Das Netzwerk will Wettbewerbsfähigkeit, Wertschöpfung, Arbeitsplätze und Wohlstand "
                "sichern und die Region zu einem nachhaltigen, innovativen und klimafreundlichen "
                "Technologie- und Produktionsstandort entwickeln.",
                "The network wants to secure competitiveness, value creation, jobs and prosperity "
                "and to develop the region into a sustainable, innovative and climate-friendly "
                "location for technology and production.",
            ),
            ("h2", "Förderung", "Funding"),
            (
                "p",
                "Das Bundesministerium für Wirtschaft und Klimaschutz fördert das Netzwerk im "
                "Programm „Transformationsstrategien für Regionen der Fahrzeug- und "
                "Zuliefererindustrie“ mit 3,1 Millionen Euro. Die erste Förderphase lief von 2023 "
                "bis Mitte 2025.",
                "The Federal Ministry for Economic Affairs and Climate Action funds the network "
                "with 3.1 million euros in its programme “Transformation strategies for regions "
                "of the vehicle and supplier industry”. The first funding phase ran from 2023 to "
                "mid-2025.",
            ),
            ("h2", "Fünf Fachgruppen", "Five expert groups"),
            (
                "ul",
                [
                    ("Digitalisierung", "Digitalisation"),
                    ("Dekarbonisierung", "Decarbonisation"),
                    ("Mobilität der Zukunft", "Mobility of the future"),
                    ("Qualifizierung", "Qualification"),
                    ("Arbeitsbeziehungen", "Industrial relations"),
                ],
            ),
            ("h2", "Was wir gelernt haben", "What we have learned"),
            (
                "quote",
                "Vertrauen ist der Katalysator: Wer sich kennt, probiert gemeinsam Neues aus.",
                "Trust is the catalyst: people who know each other try new things together.",
                "Erkenntnis aus der ersten Förderphase",
                "Finding from the first funding phase",
            ),
            (
                "p",
                "Veranstaltungen sind keine Selbstläufer. Kleine und mittlere Unternehmen brauchen "
                "kompakte Formate mit direktem Nutzen, und gute Geschichten aus der Praxis "
                "motivieren mehr als jede Folie.",
                "Events do not run themselves. Small and medium-sized companies need compact "
                "formats with a direct benefit, and good stories from practice motivate more than "
                "any slide.",
            ),
        ),
        t,
        show_in_menus=True,
    )


def _contact_page(home):
    t = Phrasebook()
    return _content_page(
        home,
        "kontakt",
        "contact",
        t("Kontakt", "Contact"),
        t(
            "Fragen zum Netzwerk, zur Teilnahme oder zu dieser Website beantwortet die "
            "Geschäftsstelle bei der Wirtschaftsförderung Region Kassel.",
            "The network office at the Kassel Region Business Development Agency answers "
            "questions about the network, taking part, or this website.",
        ),
        body(
            t,
            ("h2", "Geschäftsstelle", "Network office"),
            (
                "p",
                "Wirtschaftsförderung Region Kassel GmbH, Kurfürstenstraße 9, 34117 Kassel",
                "Wirtschaftsförderung Region Kassel GmbH, Kurfürstenstraße 9, 34117 Kassel, Germany",
            ),
            ("p", "Telefon: +49 561 70733-50", "Phone: +49 561 70733-50"),
            ("p", "E-Mail: tregks@wfg-kassel.de", "Email: tregks@wfg-kassel.de"),
        ),
        t,
        show_in_menus=True,
    )


def _imprint_page(home):
    t = Phrasebook()
    return _content_page(
        home,
        "impressum",
        "legal-notice",
        t("Impressum", "Legal notice"),
        t(
            "Angaben zum Anbieter dieser Website.",
            "Information about the provider of this website.",
        ),
        body(
            t,
            ("h2", "Anbieter", "Provider"),
            (
                "p",
                "Wirtschaftsförderung Region Kassel GmbH als Konsortialleitung des "
                "Transformationsnetzwerks Region Kassel, Kurfürstenstraße 9, 34117 Kassel.",
                "Wirtschaftsförderung Region Kassel GmbH as consortium lead of the Kassel Region "
                "Transformation Network, Kurfürstenstraße 9, 34117 Kassel, Germany.",
            ),
            (
                "p",
                "Vertreten durch die Geschäftsführung. Kontakt: +49 561 70733-50, "
                "tregks@wfg-kassel.de.",
                "Represented by the management. Contact: +49 561 70733-50, tregks@wfg-kassel.de.",
            ),
            ("h2", "Verantwortlich für die Inhalte", "Responsible for the content"),
            (
                "p",
                "Jeder Konsortialpartner verantwortet die Beiträge, die er veröffentlicht. Der "
                "herausgebende Partner steht bei jeder Pressemitteilung.",
                "Each consortium partner is responsible for what it publishes. The issuing partner "
                "is named on every press release.",
            ),
        ),
        t,
    )


def _privacy_page(home):
    t = Phrasebook()
    return _content_page(
        home,
        "datenschutz",
        "privacy",
        t("Datenschutz", "Privacy"),
        t(
            "Diese Website kommt ohne Tracking aus und lädt nichts von fremden Servern, bevor "
            "Sie zustimmen.",
            "This website does without tracking and loads nothing from other servers before "
            "you agree.",
        ),
        body(
            t,
            ("h2", "Keine Cookies beim Lesen", "No cookies while reading"),
            (
                "p",
                "Wer die Seiten nur liest, erhält kein Cookie. Schriften, Bilder und Skripte "
                "liefern wir selbst aus; es gibt keine Analysewerkzeuge.",
                "Readers get no cookie. We serve fonts, images and scripts ourselves; there are "
                "no analytics tools.",
            ),
            ("h2", "Videos", "Videos"),
            (
                "p",
                "Videos von YouTube oder Vimeo laden erst, wenn Sie die Schaltfläche „Video "
                "laden“ drücken. Erst dann erfährt der Anbieter Ihre IP-Adresse. YouTube-Videos "
                "binden wir im erweiterten Datenschutzmodus ein.",
                "Videos from YouTube or Vimeo only load when you press the “Load video” button. "
                "Only then does the provider learn your IP address. We embed YouTube videos in "
                "privacy-enhanced mode.",
            ),
            ("h2", "Server-Protokolle", "Server logs"),
            (
                "p",
                "Der Server speichert technisch notwendige Zugriffsdaten für höchstens sieben "
                "Tage, um Angriffe abwehren zu können.",
                "The server keeps technically necessary access data for at most seven days in "
                "order to fend off attacks.",
            ),
        ),
        t,
    )


def _accessibility_page(home):
    """The statement from demo/accessibility.json (text is data, see its comment)."""
    data = json.loads(ACCESSIBILITY_DATA.read_text(encoding="utf-8"))
    t = Phrasebook()
    items = []
    for item in data["body"]:
        if item[0] == "cta":
            target = home.get_children().filter(slug=item[-1]["page_slug"]).first()
            if target is None:
                continue
            item = [*item[:-1], target]
        items.append(tuple(item))
    return _content_page(
        home,
        data["slug"][0],
        data["slug"][1],
        t(*data["title"]),
        t(*data["lead"]),
        body(t, *items),
        t,
    )


DEMO_PASSWORD = "tregks-demo-2026"  # noqa: S105 - development only, named in the README


def create_admin_account(stdout):
    """The site administrator of the demo (only ever called with DEBUG on)."""
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    if not user_model.objects.filter(username="admin").exists():
        user_model.objects.create_superuser(
            "admin",
            "admin@tregks.invalid",
            DEMO_PASSWORD,
            first_name="Demo",
            last_name="Admin",
        )
        stdout.write("Created the demo account admin.")
