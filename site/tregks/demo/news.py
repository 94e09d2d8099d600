"""Demo builder of the press: the index, a section per consortium partner, the releases.

The texts are in data/news.yaml.
"""

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

from news.models import NewsIndexPage, PressReleasePage
from partners.models import PartnerProfilePage
from tregks.core.topics import ensure_topics

from .data import body_items, load, pair, pairs
from .pages import (
    Phrasebook,
    body,
    demo_image,
    get_locale,
    get_or_create_child,
    rich_text,
    translate,
)
from .partners import partner_sections_below


def build(context, options=None, stdout=None):
    """The press index "Presse"/"Press", partner sections and the demo releases."""
    data = load("news")
    t = Phrasebook()
    spec = data["index"]
    index = get_or_create_child(
        context["home_de"],
        NewsIndexPage,
        spec["slug"]["de"],
        title=pair(t, spec["title"]),
        intro=rich_text(t, *(pairs(text) for text in spec["intro"])),
        show_in_menus=True,
    )
    pair(t, spec["slug"])
    translate(index, t)
    context["news_index"] = index
    sections = partner_sections_below(index)
    topics = context.get("topics") or ensure_topics()
    german = get_locale("de")
    partners = {p.code: p for p in PartnerProfilePage.objects.filter(locale=german)}
    made = {}
    for release in data["releases"]:
        made[release["slug"]["de"]] = _release(
            sections, partners, topics, release, made, data
        )


def _release(sections, partners, topics, spec, made, data):
    t = Phrasebook()
    images = data["images"]
    lettering = spec["image"]["text"]
    title = pair(t, spec["title"])
    image = demo_image(
        images["title"].format(text=lettering),
        lettering,
        colour=spec["image"]["colour"],
        size=tuple(images["size"]),
        alt_text=images["alt"]["de"].format(text=lettering),
    )
    extra = {}
    contact = spec.get("contact")
    if contact:
        extra = {
            "contact_role": pair(t, contact["contact_role"]),
            "contact_phone": contact["contact_phone"],
            "contact_email": contact["contact_email"],
        }
    downloads = []
    if spec.get("download"):
        sheet = data["fact_sheet"]
        downloads = [
            (
                "document",
                {"document": _fact_sheet(sheet), "label": pair(t, sheet["label"])},
            )
        ]
    release = get_or_create_child(
        sections[spec["owner"]],
        PressReleasePage,
        spec["slug"]["de"],
        title=title,
        release_date=spec["date"],
        lead=pair(t, spec["lead"]),
        body=body(t, *body_items(spec["body"])),
        image=image,
        # The alt text is translated with the page (the image itself is shared).
        image_alt=t(
            images["alt"]["de"].format(text=lettering),
            images["alt"]["en"].format(text=lettering),
        ),
        image_caption=pair(t, spec["caption"]),
        image_credit=images["credit"],
        issuing_partners=[partners[code] for code in spec["issuers"]],
        topics=[topics[slug] for slug in spec["topics"]],
        network_wide=spec.get("network_wide", False),
        downloads=downloads,
        related_pages=[("page", made[slug]) for slug in spec.get("related", [])],
        **extra,
    )
    pair(t, spec["slug"])
    translate(release, t)
    return release


def _fact_sheet(sheet):
    document_model = get_document_model()
    existing = document_model.objects.filter(title=sheet["title"]).first()
    if existing is not None:
        return existing
    document = document_model(title=sheet["title"])
    document.file.save(
        sheet["file_name"], ContentFile(sheet["text"].encode("utf-8")), save=False
    )
    document.save()
    return document
