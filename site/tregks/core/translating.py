"""Translations made in code through wagtail-localize, with the texts given.

The core's seed data (the expert-group topics) and the demo builders write German
objects and hand their English texts over as a `Phrasebook`; `translate` makes the
translation through the same machinery as a translator's work in the admin, so
editors can sync and edit it later like any other translation.
"""

import html

from wagtail.models import DraftStateMixin, Locale
from wagtail_localize.models import Translation, TranslationSource


class MissingTranslation(Exception):
    """A German string has no English counterpart in the strings given."""


def get_locale(language_code):
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    return locale


class Phrasebook(dict):
    """German text with its English translation, collected as it is written.

    `t("Presse", "Press")` returns the German text and remembers the pair, so that a page
    is written in German once and its translation uses the same book.
    """

    def __call__(self, german, english):
        self[german] = english
        return german


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
        raise MissingTranslation(
            f"No English text for {len(missing)} string(s) of {instance!r}: {missing}"
        )
    translation.import_po(po)
    # wagtail-localize publishes through transaction.on_commit with the page object it
    # held at save time; inside an outer transaction (the demo loader's) that stale
    # object would overwrite the tree's child counts on commit. Save a draft, publish
    # it afresh.
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
