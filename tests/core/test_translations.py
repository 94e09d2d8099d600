"""The German UI comes from compiled catalogues that cover every string in the code."""

import ast
import re
from pathlib import Path

from django.utils.translation.template import templatize

import polib

ROOT = Path(__file__).resolve().parents[2]
SOURCE_DIRS = [
    "site",
    "home",
    "news",
    "stories",
    "podcast",
    "partners",
    "search",
    "registrations",
    "newsletter",
    "barriers",
]
GETTEXT_NAMES = {
    "_",
    "gettext",
    "gettext_lazy",
    "pgettext",
    "pgettext_lazy",
    "ngettext",
}


def po_files():
    """The project catalogue in site/tregks/locale and one per app (make messages)."""
    return [
        path
        for folder in SOURCE_DIRS
        for path in (ROOT / folder).rglob("locale/de/LC_MESSAGES/django.po")
    ]


def catalogue(po_path=None):
    entries = {}
    for path in [po_path] if po_path else po_files():
        entries.update(
            {
                (entry.msgctxt, entry.msgid): _translation(entry)
                for entry in polib.pofile(str(path))
                if not entry.obsolete and "fuzzy" not in entry.flags
            }
        )
    return entries


def _translation(entry):
    """The German text; for a plural entry (ngettext) its first form, when every form
    is translated."""
    if entry.msgid_plural:
        forms = entry.msgstr_plural.values()
        return entry.msgstr_plural.get(0, "") if all(forms) else ""
    return entry.msgstr


def strings_in_code():
    found = set()
    for folder in SOURCE_DIRS:
        for path in (ROOT / folder).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(), str(path))):
                if (
                    isinstance(node, ast.Call)
                    and getattr(node.func, "id", getattr(node.func, "attr", None))
                    in GETTEXT_NAMES
                    and node.args
                    and all(isinstance(arg, ast.Constant) for arg in node.args[:2])
                ):
                    if node.func.__dict__.get("id", "").startswith("p") or getattr(
                        node.func, "attr", ""
                    ).startswith("p"):
                        found.add((node.args[0].value, node.args[1].value, path))
                    else:
                        found.add((None, node.args[0].value, path))
        for path in (ROOT / folder).rglob("*.html"):
            python = templatize(path.read_text(), origin=str(path))
            for context, message in re.findall(
                r"pgettext\('((?:[^'\\]|\\.)*)', '((?:[^'\\]|\\.)*)'\)", python
            ):
                found.add((context, _unescape(message), path))
            for message in re.findall(
                r"(?<![np])gettext\('((?:[^'\\]|\\.)*)'\)", python
            ):
                found.add((None, _unescape(message), path))
    return found


def _unescape(text):
    return text.replace("\\'", "'").replace("\\\\", "\\")


def test_compiled_catalogues_exist_and_match_their_sources():
    assert po_files(), "No German catalogue found"
    for po_path in po_files():
        mo_path = po_path.with_suffix(".mo")
        assert mo_path.exists(), f"{mo_path} is missing: run make messages"
        compiled = {
            (entry.msgctxt, entry.msgid): _translation(entry)
            for entry in polib.mofile(str(mo_path))
            if entry.msgid
        }
        source = {k: v for k, v in catalogue(po_path).items() if v and k[1]}
        stale = [key for key, value in source.items() if compiled.get(key) != value]
        assert not stale, (
            f"{mo_path} is older than django.po: run make messages ({stale[:5]})"
        )


def test_every_string_in_code_and_templates_has_a_german_translation():
    german = catalogue()
    missing = sorted(
        f"{path.relative_to(ROOT)}: {message!r}"
        for context, message, path in strings_in_code()
        if not german.get((context, message))
    )
    assert not missing, (
        "Missing from the German catalogue (run make messages):\n" + "\n".join(missing)
    )
