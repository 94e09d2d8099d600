"""Shared helpers of the apps' page factories (tests and benchmarks; wagtail-factories).

Every app's `factories.py` builds its pages below the parents it needs: a parent that is
not given is found (the one of that type in that language) or made. The English version
comes from wagtail-localize, as an editor's translation does: `translate_page(page,
title=..., slug=...)`, or `english={...}` on a factory built on `TranslatablePageFactory`.
"""

import io

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail_localize.models import Translation, TranslationSource
from wagtailmedia.models import get_media_model

import factory
import wagtail_factories
from PIL import Image as PILImage

from .models import FooterLinks, Topic
from .topics import ensure_topics
from .translating import get_locale


def first_page(model, language_code="de", **filters):
    """The first real (not alias) page of this type in this language, or None."""
    return (
        model.objects.filter(
            locale__language_code=language_code, alias_of__isnull=True, **filters
        )
        .order_by("path")
        .first()
    )


def translate_page(page, language_code="en", publish=True, **fields):
    """The translation of `page` made through wagtail-localize, with `fields` set on it.

    Parents without a translation are translated first (their text stays as it is). A
    translation that exists already is updated with `fields`. The draft is saved without
    publishing and published afresh: wagtail-localize's own publishing runs on commit
    with a stale page object (see docs/engineering.md, "Languages").
    """
    locale = get_locale(language_code)
    page = page.specific
    parent = page.get_parent().specific
    if not parent.is_root() and parent.locale_id != locale.pk:
        existing = parent.get_translation_or_none(locale)
        if existing is None or existing.alias_of_id:
            translate_page(parent, language_code)
    # The source as the German page is now (an existing source is brought up to date,
    # as an editor's "Sync translated pages" does).
    source, _ = TranslationSource.update_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale
    )
    translation.save_target(publish=False)
    translated = page.get_translation(locale).specific
    for name, value in fields.items():
        setattr(translated, name, value)
    revision = translated.save_revision()
    if publish:
        revision.publish()
    translated.refresh_from_db()
    return translated


class TranslatablePageFactory(wagtail_factories.PageFactory):
    """A page factory whose `english` argument also makes the English translation.

    `english=True` translates with the German text; `english={"title": ..., "slug": ...}`
    (or `english__title=...`) sets fields of the English page. The translation is
    `page.get_translation(locale_en)`.
    """

    class Meta:
        abstract = True
        # The page is saved when made; the translation needs no second save.
        skip_postgeneration_save = True

    @factory.post_generation
    def english(obj, create, extracted, **kwargs):  # noqa: N805 - factory_boy's style
        if not create or not (extracted or kwargs):
            return
        fields = {**kwargs, **(extracted if isinstance(extracted, dict) else {})}
        translate_page(obj, "en", **fields)


TEST_PASSWORD = "tregks-test-2026"  # noqa: S105 - test accounts only


class UserFactory(factory.django.DjangoModelFactory):
    """An account with the test password; `groups=["Redaktion XY", ...]` (names or
    groups) makes it a member. An existing username is reused (and joins the groups)."""

    username = factory.Sequence(lambda n: f"testperson-{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@tregks.invalid")
    password = factory.django.Password(TEST_PASSWORD)

    class Meta:
        model = settings.AUTH_USER_MODEL
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(obj, create, extracted, **kwargs):  # noqa: N805 - factory_boy's style
        if not create or not extracted:
            return
        obj.groups.add(
            *(
                group if isinstance(group, Group) else Group.objects.get(name=group)
                for group in extracted
            )
        )


def make_image(title="Testbild", size=(800, 450), colour="#336699"):
    """A stored Wagtail image of this size (a plain colour)."""
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, format="PNG")
    image = get_image_model()(title=title)
    image.file = ImageFile(buffer, name="test.png")
    image.save()
    return image


def silent_mp3(seconds=1):
    """A valid MP3 of silence: MPEG-1 layer III frames, 128 kbit/s, 44.1 kHz."""
    frame = b"\xff\xfb\x90\x64" + bytes(413)  # 417 bytes, 26 ms each
    return frame * max(1, round(seconds * 44100 / 1152))


def make_media(content=None, name="test.mp3", media_type="audio"):
    """A stored wagtailmedia item with these bytes as its file (default: a second of
    silence as MP3)."""
    if content is None:
        content = silent_mp3()
    media = get_media_model()(title=name, type=media_type)
    media.file.save(name, ContentFile(content), save=False)
    media.save()
    return media


def root_page():
    return Page.get_first_root_node()


def topics(*slugs):
    """The German expert-group topics with these slugs, in this order (made, with
    their English translations, when missing); pass them to a page's `topics`."""
    found = Topic.objects.filter(locale__language_code="de", slug__in=slugs)
    if len(found) < len(slugs):
        ensure_topics()
    by_slug = {
        topic.slug: topic
        for topic in Topic.objects.filter(locale__language_code="de", slug__in=slugs)
    }
    return [by_slug[slug] for slug in slugs]


def expert_group_topic(slug, language_code="de"):
    """The expert-group topic with this slug in this language (all made when missing)."""
    (german,) = topics(slug)
    if language_code == "de":
        return german
    return Topic.objects.get(locale__language_code=language_code, slug=slug)


def footer_links(**pages):
    """The default site's footer links with these pages set (`privacy_page=page`)."""
    links = FooterLinks.for_site(Site.objects.get(is_default_site=True))
    for name, page in pages.items():
        setattr(links, name, page)
    links.save()
    return links


def make_document(title="Faktenblatt", name="faktenblatt.txt", content=b"Fakten.\n"):
    """A stored Wagtail document (in the root collection) with these bytes."""
    return get_document_model().objects.create(
        title=title, file=ContentFile(content, name=name)
    )


WEBVTT = b"WEBVTT\n\n00:00.000 --> 00:01.000\nEin Satz.\n"
