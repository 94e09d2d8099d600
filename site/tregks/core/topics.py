"""The five expert groups of the network: the topic taxonomy of every content type.

`ensure_topics()` creates them (German, with English translations through
wagtail-localize) for the demo and for tests; content apps look topics up by their slug,
which is the same in both languages.
"""

from .models import Topic
from .translating import Phrasebook, get_locale, translate

# (slug, German name, English name, German description, English description)
EXPERT_GROUPS = [
    (
        "digitalisierung",
        "Digitalisierung",
        "Digitalisation",
        "Wie Betriebe Daten, Vernetzung und künstliche Intelligenz in Produktion und "
        "Verwaltung nutzen.",
        "How companies use data, connectivity and artificial intelligence in production "
        "and administration.",
    ),
    (
        "dekarbonisierung",
        "Dekarbonisierung",
        "Decarbonisation",
        "Wege zu einer klimafreundlichen Produktion: Energie, Wasserstoff, Leichtbau und "
        "Kreislaufwirtschaft.",
        "Paths to climate-friendly production: energy, hydrogen, lightweight construction "
        "and the circular economy.",
    ),
    (
        "mobilitaet-der-zukunft",
        "Mobilität der Zukunft",
        "Mobility of the future",
        "Antriebe, Batterie- und Speichertechnik, Schiene und Ladeinfrastruktur in der "
        "Region.",
        "Drive systems, battery and storage technology, rail and charging infrastructure "
        "in the region.",
    ),
    (
        "qualifizierung",
        "Qualifizierung",
        "Qualification",
        "Aus- und Weiterbildung, damit Beschäftigte den Wandel mitgehen und mitgestalten "
        "können.",
        "Training and further education so that employees can keep pace with the change "
        "and help shape it.",
    ),
    (
        "arbeitsbeziehungen",
        "Arbeitsbeziehungen",
        "Industrial relations",
        "Wie Arbeitgeber, Beschäftigte und Gewerkschaften den Wandel im Betrieb "
        "gemeinsam gestalten.",
        "How employers, employees and trade unions shape the change in the workplace "
        "together.",
    ),
]


def ensure_topics():
    """The German expert-group topics by slug, each with its English translation."""
    german = get_locale("de")
    topics = {}
    for slug, name_de, name_en, text_de, text_en in EXPERT_GROUPS:
        topic = Topic.objects.filter(locale=german, slug=slug).first()
        if topic is None:
            topic = Topic.objects.create(
                locale=german, slug=slug, name=name_de, description=text_de
            )
        t = Phrasebook()
        t(name_de, name_en)
        t(text_de, text_en)
        translate(topic, t)
        topics[slug] = topic
    return topics
