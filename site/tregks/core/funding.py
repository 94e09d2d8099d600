"""Which funding notice a page shows, and the two funding phases as seed data.

The first phase (2023 to mid-2025) was funded by the Bundesministerium für Wirtschaft
und Klimaschutz; the ministry is now the Bundesministerium für Wirtschaft und Energie,
which funds the second phase up to 2029. A page shows the notice valid on its own date
(`latest_date`: the release date of a press release or episode, a story's date) and
pages without a date (home, indexes, profiles, content pages) the notice valid today.
"""

import datetime
import io
import json
from pathlib import Path

from django.core.files.images import ImageFile
from django.db.models import Prefetch
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Locale

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from tregks.cache.generation import cached_for_generation

from . import models, renditions
from .images import images_with_rendition, rendition_or_none

SEED_FILE = Path(__file__).resolve().parent / "data" / "funding_notices.json"


def notice_table(locale_id):
    """Every notice as plain values in the locale (else the default language's row),
    with its logo's rendition, oldest first; kept per cache generation, so a page
    render needs no query for it."""
    return cached_for_generation(
        f"funding-notices:{locale_id}", lambda: _build_table(locale_id)
    )


def _build_table(locale_id):
    default_locale_id = Locale.get_default().pk
    images = images_with_rendition(renditions.FUNDING_LOGO)
    notices = models.FundingNotice.objects.filter(
        locale_id__in={locale_id, default_locale_id}
    ).prefetch_related(Prefetch("logo", queryset=images))
    chosen = {}
    for notice in notices:
        if notice.locale_id == locale_id or notice.translation_key not in chosen:
            chosen[notice.translation_key] = notice
    rows = []
    for notice in sorted(chosen.values(), key=lambda n: n.valid_from):
        logo = rendition_or_none(notice.logo, renditions.FUNDING_LOGO)
        rows.append(
            {
                "ministry": notice.ministry,
                "line": notice.line,
                "alt": notice.alt_text,
                "programme": notice.programme,
                "valid_from": notice.valid_from,
                "valid_until": notice.valid_until,
                "logo_url": logo.url if logo else "",
                "logo_width": logo.width if logo else 0,
                "logo_height": logo.height if logo else 0,
            }
        )
    return rows


def page_date(page):
    """The day a page's notice is chosen for: its own date, else today."""
    date = getattr(page, "latest_date", None) if page is not None else None
    if isinstance(date, datetime.datetime):
        return timezone.localdate(date)
    return date or timezone.localdate()


def notice_for(page, locale_id):
    """The notice valid on the page's date, or None where no period covers it.

    Before the first period (a page dated earlier) the first notice counts; after the
    last one ended, the last: the footer never loses its funder.
    """
    rows = notice_table(locale_id)
    if not rows:
        return None
    day = page_date(page)
    for row in rows:
        if row["valid_from"] <= day and (
            row["valid_until"] is None or day <= row["valid_until"]
        ):
            return row
    return rows[0] if day < rows[0]["valid_from"] else rows[-1]


def seed_notices(with_logos=False):
    """Create the two funding phases in German and English where none exist yet.

    Idempotent: rows are found by their start date. `with_logos` (the demo) gives
    rows without a logo a generated placeholder; a real deployment uploads the logo
    from its grant notice instead (docs/funding-notice.md).
    """
    german, _ = Locale.objects.get_or_create(language_code="de")
    english = Locale.objects.filter(language_code="en").first()
    for phase in json.loads(SEED_FILE.read_text("utf-8")):
        start = datetime.date.fromisoformat(phase["valid_from"])
        until = datetime.date.fromisoformat(phase["valid_until"])
        source = models.FundingNotice.objects.filter(
            locale=german, valid_from=start
        ).first()
        if source is None:
            source = models.FundingNotice.objects.create(
                locale=german, valid_from=start, valid_until=until, **phase["de"]
            )
        if with_logos and source.logo_id is None:
            source.logo = placeholder_logo(phase["short"], phase["de"])
            source.save()
        if english is None:
            continue
        translated = models.FundingNotice.objects.filter(
            locale=english, translation_key=source.translation_key
        ).first()
        if translated is None:
            translated = models.FundingNotice(
                locale=english,
                translation_key=source.translation_key,
                valid_from=start,
                valid_until=until,
                **phase["en"],
            )
        translated.logo = source.logo  # synchronised
        translated.save()


def placeholder_logo(short, texts):
    """A neutral, generated stand-in for the ministry's logo (not the real one).

    Black text on white, marked "PLATZHALTER" in the picture and in its title, so
    nobody mistakes it for the official logo.
    """
    title = f"Platzhalter-Förderlogo {short} (durch das Logo aus dem Bescheid ersetzen)"
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    picture = PILImage.new("RGB", (720, 320), "#ffffff")
    draw = ImageDraw.Draw(picture)

    def font(size):
        for name in ("DejaVuSans.ttf", "LiberationSans-Regular.ttf"):
            try:
                return ImageFont.truetype(name, size)
            except OSError:
                continue
        return ImageFont.load_default(size=size)

    draw.rectangle([0, 0, 719, 319], outline="#6b6b6b", width=3)
    draw.text((28, 24), "Gefördert durch:", fill="#000000", font=font(30))
    ministry = texts["ministry"].replace(" für ", "\nfür ", 1)
    draw.multiline_text((28, 78), ministry, fill="#000000", font=font(34), spacing=8)
    draw.text((28, 186), texts["line"], fill="#000000", font=font(22))
    draw.text((28, 260), "PLATZHALTER", fill="#8a1c1c", font=font(26))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    image = image_model(title=title)
    if hasattr(image, "description"):
        image.description = texts["logo_alt"]
    image.file = ImageFile(buffer, name=f"platzhalter-foerderlogo-{short.lower()}.png")
    image.save()
    return image
