"""Text handling of the search: cleaning the query, excerpts and highlighting.

Highlighting escapes every piece of text first and only then wraps the matches in
<mark>, so neither the query nor the page text can inject markup.
"""

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe

from modelsearch.index import SearchField

MAX_QUERY_LENGTH = 200
EXCERPT_LENGTH = 240
# Terms shorter than this are not highlighted (they would mark half the text).
MIN_TERM_LENGTH = 2


def clean_query(raw):
    """The query without control characters and runs of spaces, cut to 200 characters.

    Returns (query, was_cut). Control and format characters (NUL among them) never reach
    the database: PostgreSQL refuses NUL in text.
    """
    text = "".join(
        " " if unicodedata.category(char)[0] in {"C", "Z"} else char
        for char in str(raw)
    )
    text = " ".join(text.split())
    if len(text) <= MAX_QUERY_LENGTH:
        return text, False
    return text[:MAX_QUERY_LENGTH].rstrip(), True


def search_words(query):
    """The words of a query as the search backend gets them, punctuation removed.

    Full-text search ignores punctuation anyway, and quotes or operators in raw input
    would break the query syntax of SQLite FTS5.
    """
    return " ".join(re.findall(r"\w+", query))


def query_terms(query):
    """The words of a query worth highlighting, longest first."""
    words = {
        word for word in re.split(r"[\W_]+", query) if len(word) >= MIN_TERM_LENGTH
    }
    return sorted(words, key=len, reverse=True)


def _stem_pattern(terms):
    """A pattern for words that start like a term, so "Netzwerke" marks "Netzwerk".

    Long terms lose up to two trailing letters: a rough, language-neutral stand-in for
    the stemming the database did when it found the page.
    """
    if not terms:
        return None
    prefixes = []
    for term in terms:
        prefixes.append(term[: max(4, len(term) - 2)] if len(term) > 5 else term)
    alternatives = "|".join(re.escape(prefix) for prefix in sorted(set(prefixes)))
    return re.compile(rf"(?<!\w)(?:{alternatives})\w*", re.IGNORECASE)


def highlight(text, terms):
    """Escaped text with the query's words wrapped in <mark> (safe to render)."""
    pattern = _stem_pattern(terms)
    if pattern is None:
        return escape(text)
    pieces, position = [], 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 – every piece is escaped above


def page_text(page):
    """The plain text of a page's searchable fields except the title, in order."""
    parts = [page.search_description or ""]
    for field in page.get_search_fields():
        if not isinstance(field, SearchField) or field.field_name == "title":
            continue
        value = field.get_value(page)  # the same call that indexed the page
        if isinstance(value, (list, tuple)):
            value = " ".join(str(item) for item in value)
        if isinstance(value, str):
            # Rich text and StreamFields arrive as plain text already (their
            # get_searchable_content strips the markup); plain fields stay as typed.
            parts.append(value)
    return " ".join(" ".join(parts).split())


def excerpt(text, terms, length=EXCERPT_LENGTH):
    """About `length` characters of text around the first match, with ellipses."""
    if not text:
        return ""
    pattern = _stem_pattern(terms)
    match = pattern.search(text) if pattern else None
    start = 0
    if match and match.start() > length // 3:
        start = text.rfind(" ", 0, match.start() - length // 3) + 1
    end = start + length
    if end < len(text):
        cut = text.rfind(" ", start, end)
        end = cut if cut > start else end
    snippet = text[start:end].strip()
    if start > 0:
        snippet = "… " + snippet
    if end < len(text):
        snippet += " …"
    return snippet
