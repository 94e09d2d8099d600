"""A large site for benchmarks: `bench/build_archive.py 10000` after `manage.py load_demo`.

After the normal demo, thousands of archive pages are inserted in bulk, in German and
English: `build_archive.py N` adds N press releases, N/20 podcast episodes, N/50 video stories and
3N/100 partner and member profiles (10,000 / 500 / 200 / 300 at the default benchmark
scale), each with an English translation that shares its translation_key.

Wagtail creates pages one by one (add_child, a revision, a publish): far too slow for
tens of thousands of pages. Here the tree paths are computed as treebeard would, the
wagtailcore_page rows are bulk-inserted, then the rows of the specific model's own table
(Django's bulk_create refuses multi-table inheritance, so they go through the model's
insert query directly), then parents' child counts, and the search index once at the end.
Page types that do not exist yet (or lack their parent page) are skipped with a note.

The text is generated from German and English phrase lists written for this purpose.
"""

import datetime
import random
import uuid

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.core.management import call_command
from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.text import slugify

from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

MARKER_SLUG = "archiv-pressemitteilung-1"
BATCH = 1000

# Phrase lists (German, English); combined, they give thousands of distinct titles.
ACTORS = [
    ("Zulieferer aus Baunatal", "Suppliers from Baunatal"),
    ("Betriebsräte der Region", "Works councils of the region"),
    ("Die Universität Kassel", "The University of Kassel"),
    ("Handwerksbetriebe in Nordhessen", "Craft businesses in North Hesse"),
    ("Ein Mittelständler aus Lohfelden", "A medium-sized firm from Lohfelden"),
    ("Weiterbildungsträger", "Further education providers"),
    ("Logistiker am Autobahnkreuz", "Logistics firms at the motorway junction"),
    ("Auszubildende im Fahrzeugbau", "Apprentices in vehicle manufacturing"),
]
ACTIONS = [
    ("erproben", "are testing"),
    ("starten", "are launching"),
    ("vernetzen sich für", "are joining forces for"),
    ("stellen Ergebnisse vor zu", "present results on"),
    ("laden ein zu einer Werkstatt über", "invite you to a workshop on"),
    ("bilden Fachkräfte weiter in", "train skilled workers in"),
]
SUBJECTS = [
    ("Wasserstoff in der Produktion", "hydrogen in production"),
    ("digitale Zwillinge", "digital twins"),
    ("Ladeinfrastruktur für Betriebe", "charging infrastructure for companies"),
    ("Kreislaufwirtschaft im Werk", "circular production"),
    ("künstliche Intelligenz in der Qualitätsprüfung", "AI in quality inspection"),
    ("neue Arbeitszeitmodelle", "new working-time models"),
    ("Batterierecycling", "battery recycling"),
    ("Energieeffizienz in der Halle", "energy efficiency on the shop floor"),
    ("Qualifizierung für Elektromobilität", "qualification for electric mobility"),
    ("Datenaustausch in der Lieferkette", "data exchange in the supply chain"),
]
LEADS = [
    (
        "Das Netzwerk bringt Unternehmen, Beschäftigte und Forschung an einen Tisch.",
        "The network brings companies, employees and research to one table.",
    ),
    (
        "Die Ergebnisse stehen allen Betrieben der Region kostenfrei zur Verfügung.",
        "The results are available to every business in the region free of charge.",
    ),
    (
        "Kleine und mittlere Unternehmen profitieren von kurzen Wegen und klaren Angeboten.",
        "Small and medium-sized firms benefit from short distances and clear offers.",
    ),
]
PARAGRAPHS = [
    (
        "Der Wandel der Fahrzeugindustrie verändert Arbeitsplätze in der ganzen Region. "
        "Wer früh gemeinsam plant, kann neue Chancen nutzen.",
        "The change in the vehicle industry alters jobs across the whole region. "
        "Those who plan together early can seize new opportunities.",
    ),
    (
        "In mehreren Terminen arbeiten Fachleute aus Betrieben und Hochschule an "
        "konkreten Lösungen für den Alltag in der Produktion.",
        "Over several sessions, experts from companies and the university work on "
        "concrete solutions for everyday production.",
    ),
    (
        "Interessierte Unternehmen können sich jederzeit bei der Netzwerkkoordination "
        "melden und an den nächsten Schritten mitwirken.",
        "Interested companies can contact the network coordination at any time and "
        "help shape the next steps.",
    ),
]
MEMBER_KINDS = [
    ("Maschinenbau", "Mechanical engineering"),
    ("Kunststofftechnik", "Plastics engineering"),
    ("Elektronik", "Electronics"),
    ("Logistik", "Logistics"),
    ("Beratung", "Consulting"),
    ("Metallbau", "Metalwork"),
]
PLACES = ["Kassel", "Baunatal", "Vellmar", "Lohfelden", "Fuldatal", "Hofgeismar"]


def build_scale(scale, stdout, seed=6):
    """Add the archive for scale N; a second run finds the marker and adds nothing."""
    random.seed(seed)
    release_model = _model("news.PressReleasePage")
    if release_model and release_model.objects.filter(slug=MARKER_SLUG).exists():
        stdout.write("The scaled archive exists already: nothing added.")
        return
    started = timezone.now()
    counts = add_archive(
        releases=scale,
        stories=max(scale // 50, 1),
        episodes=max(scale // 20, 1),
        profiles=scale * 3 // 100,
    )
    for label, count in counts.items():
        if count is None:
            stdout.write(f"Skipped {label}: the page type or its parent is missing.")
        else:
            stdout.write(f"Added {count} {label} in German and English.")
    stdout.write("Updating the search index …")
    call_command("update_index", verbosity=0)
    _refresh_planner_statistics()
    seconds = (timezone.now() - started).total_seconds()
    stdout.write(f"Scaled archive ready in {seconds:.0f} s.")


def _refresh_planner_statistics():
    """PostgreSQL plans with row counts from before the bulk insert until autovacuum
    runs ANALYZE, minutes later: searches then loop over every page instead of using
    the full-text index (170 ms instead of 20 ms at 22,000 pages)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def add_archive(releases, stories, episodes, profiles, topics_per_page=1, partners=1):
    """Bulk-add pages in both languages; returns {label: count or None if skipped}.

    Tests use it with many topics and issuing partners per page to expose N+1 queries.
    """
    context = {
        "de": Locale.objects.get(language_code="de"),
        "en": Locale.objects.get(language_code="en"),
        "topics_per_page": topics_per_page,
        "partners": partners,
    }
    with transaction.atomic():
        return {
            "partner profiles": _profiles(context, profiles),
            "press releases": _releases(context, releases),
            "video stories": _stories(context, stories),
            "podcast episodes": _episodes(context, episodes),
        }


# --- content ---------------------------------------------------------------------------


def _model(label):
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def _pairs_body(count):
    """(German, English) StreamField values of a short body."""
    chosen = random.sample(PARAGRAPHS, k=min(count, len(PARAGRAPHS)))
    return (
        [("paragraph", RichText(f"<p>{de}</p>")) for de, _en in chosen],
        [("paragraph", RichText(f"<p>{en}</p>")) for _de, en in chosen],
    )


def _headline(number):
    actor = ACTORS[number % len(ACTORS)]
    action = ACTIONS[(number // len(ACTORS)) % len(ACTIONS)]
    subject = SUBJECTS[(number // (len(ACTORS) * len(ACTIONS))) % len(SUBJECTS)]
    place = PLACES[number % len(PLACES)]
    return (
        f"{actor[0]} {action[0]} {subject[0]} ({place})",
        f"{actor[1]} {action[1]} {subject[1]} ({place})",
    )


def _date(number, total, start=datetime.date(2015, 1, 1)):
    span = (datetime.date(2026, 10, 31) - start).days
    return start + datetime.timedelta(days=span * number // max(total, 1))


def _releases(context, count):
    model = _model("news.PressReleasePage")
    index_model = _model("news.NewsIndexPage")
    if not model or not index_model:
        return None
    index = index_model.objects.filter(locale=context["de"]).first()
    sections = list(index.get_children().specific()) if index else []
    if not sections:
        return None
    topics = _topics(context)
    partners = list(
        _model("partners.PartnerProfilePage")
        .objects.filter(locale=context["de"])
        .values_list("pk", flat=True)
    )
    pairs = []
    for number in range(1, count + 1):
        section = sections[number % len(sections)]
        title_de, title_en = _headline(number)
        lead = LEADS[number % len(LEADS)]
        body_de, body_en = _pairs_body(2)
        common = {"release_date": _date(number, count)}
        pairs.append(
            (
                section,
                f"archiv-pressemitteilung-{number}",
                f"archive-press-release-{number}",
                {**common, "title": title_de, "lead": lead[0], "body": body_de},
                {**common, "title": title_en, "lead": lead[1], "body": body_en},
                {
                    "issuing_partners": [
                        getattr(section, "partner_id", None),
                        *_some(partners, number, context["partners"] - 1),
                    ],
                    "topics": _some(topics, number, context["topics_per_page"]),
                },
            )
        )
    return _insert_pairs(model, pairs, context)


def _stories(context, count):
    model = _model("stories.VideoStoryPage")
    index_model = _model("stories.StoryIndexPage")
    if not model or not index_model:
        return None
    index = index_model.objects.filter(locale=context["de"]).first()
    sections = list(index.get_children().specific()) if index else []
    if not sections:
        return None
    topics = _topics(context)
    pairs = []
    for number in range(1, count + 1):
        section = sections[number % len(sections)]
        kind = MEMBER_KINDS[number % len(MEMBER_KINDS)]
        place = PLACES[number % len(PLACES)]
        lead = LEADS[number % len(LEADS)]
        common = {"date": _date(number, count, datetime.date(2023, 6, 1))}
        pairs.append(
            (
                section,
                f"archiv-videogeschichte-{number}",
                f"archive-video-story-{number}",
                {
                    **common,
                    "title": f"Zu Besuch: {kind[0]} in {place} ({number})",
                    "summary": lead[0],
                },
                {
                    **common,
                    "title": f"A visit: {kind[1]} in {place} ({number})",
                    "summary": lead[1],
                },
                {"topics": _some(topics, number, context["topics_per_page"])},
            )
        )
    return _insert_pairs(model, pairs, context)


def _episodes(context, count):
    model = _model("podcast.PodcastEpisodePage")
    show_model = _model("podcast.PodcastShowPage")
    if not model or not show_model:
        return None
    show = show_model.objects.filter(locale=context["de"]).first()
    if show is None:
        return None
    existing = model.objects.filter(locale=context["de"]).aggregate(
        models.Max("episode_number")
    )
    first_number = (existing["episode_number__max"] or 0) + 1
    topics = _topics(context)
    # The demo's recorded audio, so that archive episodes appear in the feed too.
    recorded = (
        model.objects.filter(locale=context["de"], audio__isnull=False)
        .values("audio_id", "duration", "file_size", "measured_file")
        .first()
        if hasattr(model, "audio")
        else None
    ) or {}
    pairs = []
    for offset in range(count):
        number = first_number + offset
        subject = SUBJECTS[number % len(SUBJECTS)]
        lead = LEADS[number % len(LEADS)]
        common = {
            **recorded,
            "episode_number": number,
            "release_date": _date(offset, count, datetime.date(2023, 6, 20)),
        }
        pairs.append(
            (
                show,
                f"archiv-folge-{number}",
                f"archive-episode-{number}",
                {
                    **common,
                    "title": f"Folge {number}: {subject[0]}",
                    "summary": lead[0],
                },
                {
                    **common,
                    "title": f"Episode {number}: {subject[1]}",
                    "summary": lead[1],
                },
                {"topics": _some(topics, number, context["topics_per_page"])},
            )
        )
    return _insert_pairs(model, pairs, context)


def _profiles(context, count):
    model = _model("partners.PartnerProfilePage")
    index_model = _model("partners.PartnerIndexPage")
    if not model or not index_model:
        return None
    index = index_model.objects.filter(locale=context["de"]).first()
    if index is None:
        return None
    pairs = []
    for number in range(1, count + 1):
        kind = MEMBER_KINDS[number % len(MEMBER_KINDS)]
        place = PLACES[number % len(PLACES)]
        role = "company" if number % 3 else "member"
        common = {
            "short_name": f"M{number:03d}",
            "code": f"mitglied-{number:03d}",
            "role": role,
            "city": place,
            "website": f"https://mitglied-{number:03d}.example.org",
        }
        pairs.append(
            (
                index,
                f"archiv-mitglied-{number}",
                f"archive-member-{number}",
                {
                    **common,
                    "title": f"{kind[0]} {place} Nr. {number}",
                    "description": f"<p>Ein Betrieb für {kind[0]} aus {place}.</p>",
                },
                {
                    **common,
                    "title": f"{kind[1]} {place} no. {number}",
                    "description": f"<p>A {kind[1].lower()} business from {place}.</p>",
                },
                {},
            )
        )
    return _insert_pairs(model, pairs, context)


def _topics(context):
    model = _model("core.Topic")
    return list(model.objects.filter(locale=context["de"]).values_list("pk", flat=True))


def _some(values, number, count):
    """`count` values from the list, starting at a position that moves with `number`."""
    if not values:
        return []
    return [values[(number + offset) % len(values)] for offset in range(count)]


# --- bulk insertion ----------------------------------------------------------------


def _insert_pairs(model, pairs, context):
    """Insert German pages below their parents and English ones below the parents'
    translations. `pairs`: (parent, slug_de, slug_en, fields_de, fields_en, m2m)."""
    translations = {}
    for parent in {pair[0].pk: pair[0] for pair in pairs}.values():
        translated = parent.get_translation_or_none(context["en"])
        if translated is None or translated.alias_of_id:
            return None
        translations[parent.pk] = translated.specific
    german, english = [], []
    for parent, slug_de, slug_en, fields_de, fields_en, m2m in pairs:
        key = uuid.uuid4()
        german.append((parent, slug_de, fields_de, key, m2m))
        english.append((translations[parent.pk], slug_en, fields_en, key, m2m))
    for locale, rows in ((context["de"], german), (context["en"], english)):
        _bulk_children(model, rows, locale)
    return len(pairs)


def _bulk_children(model, rows, locale):
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    instances, m2m_values = [], []
    next_step = {}
    by_parent = {}
    for parent, slug, fields, key, m2m in rows:
        if parent.pk not in next_step:
            last = parent.get_last_child()
            next_step[parent.pk] = (
                Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
            )
            by_parent[parent.pk] = [parent, 0]
        step = next_step[parent.pk]
        next_step[parent.pk] += 1
        by_parent[parent.pk][1] += 1
        page = model(
            slug=slug,
            path=Page._get_path(parent.path, parent.depth + 1, step),
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"{parent.url_path}{slug}/",
            locale=locale,
            translation_key=key,
            content_type=content_type,
            live=True,
            has_unpublished_changes=False,
            first_published_at=now,
            last_published_at=now,
            **fields,
        )
        page.draft_title = page.title
        _fill_required(page, locale)
        instances.append(page)
        m2m_values.append(m2m)

    page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    own_fields = model._meta.local_concrete_fields
    for start in range(0, len(instances), BATCH):
        chunk = instances[start : start + BATCH]
        bases = Page.objects.bulk_create(
            [
                Page(**{f.attname: getattr(obj, f.attname) for f in page_fields})
                for obj in chunk
            ]
        )
        for obj, base in zip(chunk, bases, strict=True):
            obj.pk = obj.page_ptr_id = obj.id = base.pk
        # The specific table: page_ptr plus the model's own columns.
        model._base_manager._insert(chunk, fields=own_fields, raw=True)
    _bulk_m2m(model, instances, m2m_values)
    for parent, added in by_parent.values():
        Page.objects.filter(pk=parent.pk).update(numchild=models.F("numchild") + added)


def _bulk_m2m(model, instances, m2m_values):
    for name in {name for values in m2m_values for name in values}:
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:  # noqa: S112 - the page type has no such relation yet
            continue
        through = field.remote_field.through
        source = field.m2m_field_name()
        target = field.m2m_reverse_field_name()
        rows = [
            through(**{f"{source}_id": obj.pk, f"{target}_id": pk})
            for obj, values in zip(instances, m2m_values, strict=True)
            for pk in dict.fromkeys(values.get(name, []))  # once per pair
            if pk
        ]
        through.objects.bulk_create(rows, batch_size=BATCH)


def _fill_required(page, locale):
    """Values for required fields this builder does not know (models keep growing)."""
    for field in type(page)._meta.local_concrete_fields:
        if field.primary_key or getattr(page, field.attname) not in (None, ""):
            continue
        if field.null or (field.blank and not field.is_relation):
            if getattr(page, field.attname) is None and not field.null:
                setattr(page, field.attname, "")
            continue
        setattr(page, field.attname, _placeholder(field, page, locale))


def _placeholder(field, page, locale):
    if isinstance(field, models.ForeignKey):
        related = field.related_model._default_manager
        if hasattr(field.related_model, "locale"):
            related = related.filter(locale=locale)
        return related.values_list("pk", flat=True).first()
    if isinstance(field, StreamField):
        return []
    if isinstance(field, RichTextField):
        return f"<p>{page.title}</p>"
    if isinstance(field, models.DateTimeField):
        return timezone.now()
    if isinstance(field, models.DateField):
        return datetime.date.today()
    if isinstance(field, (models.IntegerField, models.FloatField, models.DecimalField)):
        return 0
    if isinstance(field, models.BooleanField):
        return False
    if isinstance(field, models.URLField):
        return "https://example.org/"
    if isinstance(field, models.EmailField):
        return "info@example.org"
    if isinstance(field, models.SlugField):
        return slugify(page.title)[: field.max_length or 50]
    if isinstance(field, models.CharField):
        return page.title[: field.max_length or 100]
    return page.title
