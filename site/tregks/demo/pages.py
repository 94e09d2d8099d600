"""Building blocks of the demo builders: pages, translations and generated images.

Every function is idempotent: it finds what an earlier run made and makes nothing twice.
The builders in this package use them, and so do tests that need a translated page.
"""

import html
import io
import logging

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.text import slugify

from wagtail.images import get_image_model
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

logger = logging.getLogger(__name__)


class MissingDemoTranslation(Exception):
    """Demo content has a German string without an English counterpart."""


def get_locale(language_code):
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    return locale


def get_or_create_child(parent, model, slug, publish=True, **fields):
    """The child of `parent` with this slug, created (and published) if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, **fields)
    with transaction.atomic():
        parent.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
    page.refresh_from_db()
    return page


def translate(instance, strings, language_code="en", publish=True):
    """Create the translation of a page or snippet through wagtail-localize.

    `strings` maps each German source string (segment) to its translation. The
    translation goes through the same machinery as a translator's work in the admin:
    a TranslationSource, a Translation and its PO import, then `save_target`.
    Returns the translated instance; an existing translation is returned unchanged.
    """
    target_locale = get_locale(language_code)
    existing = instance.get_translation_or_none(target_locale)
    if existing is not None and not getattr(existing, "alias_of_id", None):
        return existing
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=target_locale
    )
    po = translation.export_po()
    missing = []
    for entry in po:
        if entry.msgid in strings:
            entry.msgstr = strings[entry.msgid]
        elif html.unescape(entry.msgid) in strings:
            # Rich-text segments are HTML: "&" arrives as "&amp;".
            entry.msgstr = html.escape(strings[html.unescape(entry.msgid)], quote=False)
        elif _is_language_neutral(entry.msgid):
            entry.msgstr = entry.msgid
        else:
            missing.append(entry.msgid)
    if missing:
        raise MissingDemoTranslation(
            f"No English text for {len(missing)} string(s) of {instance!r}: {missing}"
        )
    translation.import_po(po)
    # wagtail-localize publishes through transaction.on_commit with the page object it
    # held at save time; inside the demo loader's transaction that stale object would
    # overwrite the tree's child counts on commit. Save a draft, publish it afresh.
    # Snippets without draft state (topics) can only be saved published.
    draftable = isinstance(instance, DraftStateMixin)
    translation.save_target(publish=not draftable)
    translated = instance.get_translation(target_locale)
    if publish and draftable:
        translated.get_latest_revision().publish()
        translated.refresh_from_db()
    return translated


def _is_language_neutral(text):
    """Names, codes, addresses and numbers read the same in both languages."""
    stripped = text.strip()
    return (
        not stripped
        or "@" in stripped
        or stripped.replace(" ", "").replace("+", "").replace("-", "").isdigit()
        or (stripped.isupper() and len(stripped) <= 20)
    )


def translate_tree(page, strings, language_code="en"):
    """Translate a page after making sure its parent has a real translation."""
    parent = page.get_parent().specific
    if not parent.is_root() and parent.locale.language_code != language_code:
        parent_translation = parent.get_translation_or_none(get_locale(language_code))
        if parent_translation is None or parent_translation.alias_of_id:
            raise MissingDemoTranslation(f"Translate {parent!r} before {page!r}.")
    return translate(page, strings, language_code)


def demo_image(title, text, colour="#0b4f6c", size=(1600, 900), alt_text=""):
    """A generated picture (solid colour, a pattern and a caption), stored once by title."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    picture = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(picture)
    width, height = size
    for index in range(0, width + height, max(40, width // 20)):
        draw.line(
            [(index, 0), (index - height, height)], fill=_shade(colour, 18), width=6
        )
    font = _font(max(24, min(width, height) // 10))
    box = draw.textbbox((0, 0), text, font=font)
    draw.text(
        ((width - (box[2] - box[0])) / 2, (height - (box[3] - box[1])) / 2),
        text,
        fill="#ffffff",
        font=font,
    )
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    image = image_model(title=title)
    if hasattr(image, "description"):
        image.description = alt_text or title
    image.file = ImageFile(buffer, name=f"{_slug(title)}.png")
    image.save()
    return image


def _font(size):
    for name in ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf", "Arial.ttf"):
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def _shade(hex_colour, amount):
    rgb = [int(hex_colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)]
    return tuple(min(255, channel + amount) for channel in rgb)


def _slug(text):
    return slugify(text) or "bild"


def root_page():
    return Page.get_first_root_node()


class Phrasebook(dict):
    """German demo text with its English translation, collected as it is written.

    `t("Presse", "Press")` returns the German text and remembers the pair, so that a page
    is written in German once and its translation uses the same book.
    """

    def __call__(self, german, english):
        self[german] = english
        return german


def rich_text(t, *paragraphs):
    """Paragraphs given as (German, English) pairs, as rich-text HTML in German."""
    return "".join(f"<p>{t(german, english)}</p>" for german, english in paragraphs)


def body(t, *items):
    """StreamField data for the shared BodyStreamBlock from compact (kind, ...) tuples.

    Kinds: ("h2"|"h3", de, en), ("p", de, en), ("ul", [(de, en), ...]),
    ("quote", de, en, source_de, source_en), ("cta", title_de, title_en, text_de, text_en,
    label_de, label_en, page_or_url), ("image", image, caption_de, caption_en, credit),
    ("document", document, label_de, label_en).
    """
    blocks = []
    for item in items:
        kind = item[0]
        if kind in {"h2", "h3", "h4"}:
            blocks.append(("heading", {"text": t(item[1], item[2]), "level": kind}))
        elif kind == "p":
            blocks.append(("paragraph", f"<p>{t(item[1], item[2])}</p>"))
        elif kind == "ul":
            entries = "".join(f"<li>{t(de, en)}</li>" for de, en in item[1])
            blocks.append(("paragraph", f"<ul>{entries}</ul>"))
        elif kind == "quote":
            blocks.append(
                ("quote", {"quote": t(item[1], item[2]), "source": t(item[3], item[4])})
            )
        elif kind == "cta":
            target = item[7]
            value = {
                "title": t(item[1], item[2]),
                "text": t(item[3], item[4]),
                "button_label": t(item[5], item[6]),
                "page": target if isinstance(target, Page) else None,
                "url": "" if isinstance(target, Page) else target,
            }
            blocks.append(("call_to_action", value))
        elif kind == "image":
            value = {
                "image": item[1].pk,
                "alt_text": "",
                "decorative": False,
                "caption": t(item[2], item[3]),
                "credit": item[4],
            }
            blocks.append(("image", value))
        elif kind == "document":
            blocks.append(
                ("document", {"document": item[1].pk, "label": t(item[2], item[3])})
            )
        else:
            raise ValueError(f"Unknown demo block kind {kind!r}.")
    return blocks
