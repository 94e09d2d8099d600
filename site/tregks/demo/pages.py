"""Building blocks of the demo builders: pages, translations and generated images.

Every function is idempotent: it finds what an earlier run made and makes nothing twice.
The builders in this package use them, and so do tests that need a translated page.
"""

import io
import logging

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.text import slugify

from wagtail.images import get_image_model
from wagtail.models import Page

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from tregks.core.translating import (  # noqa: F401 (the demo builders' building blocks)
    MissingTranslation,
    Phrasebook,
    get_locale,
    translate,
)

logger = logging.getLogger(__name__)


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


def translate_tree(page, strings, language_code="en"):
    """Translate a page after making sure its parent has a real translation."""
    parent = page.get_parent().specific
    if not parent.is_root() and parent.locale.language_code != language_code:
        parent_translation = parent.get_translation_or_none(get_locale(language_code))
        if parent_translation is None or parent_translation.alias_of_id:
            raise MissingTranslation(f"Translate {parent!r} before {page!r}.")
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
