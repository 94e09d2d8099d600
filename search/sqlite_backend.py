"""Wagtail's SQLite FTS5 backend with titles ranked above body text (`make run`).

Imported only on SQLite with FTS5: the module it extends needs that database's index
model. FTS5's bm25() takes one weight per column of the index table, which Wagtail
creates as (autocomplete, body, title); lower (more negative) scores rank higher.

Wagtail's own ranking multiplies the whole score by the title's length norm, so a short
title that does not even contain the word can lift a page above one named after it.
Here the title's score and the body's score are computed apart and the title's counts
TITLE_BOOST times: BM25 saturates with repetitions, so one match in the title beats
many in the body.
"""

import re

from modelsearch.backends.database.sqlite.query import BM25
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import Not, Phrase, PlainText

from .ranking import TITLE_BOOST


class ColumnBM25(BM25):
    """bm25() of one column of Wagtail's FTS table: "body" or "title"."""

    def __init__(self, column):
        super().__init__()
        self.weights = {"body": "0, 1, 0", "title": "0, 0, 1"}[column]

    def as_sql(self, compiler, connection, function=None, template=None):
        return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, {self.weights})", []


# FTS5 reads a double quote inside a quoted term as its end, so a query such as
# 'a">b' is a syntax error (a 500 from the API's ?search=). The tokenizer drops
# punctuation anyway, so replacing it changes no result.
FTS5_UNSAFE = re.compile(r'["*^:(){}\[\]]')


class TitleFirstSQLiteQueryCompiler(SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            query = PlainText(
                FTS5_UNSAFE.sub(" ", query.query_string),
                operator=query.operator,
                boost=query.boost,
            )
        elif isinstance(query, Phrase):
            query = Phrase(FTS5_UNSAFE.sub(" ", query.query_string))
        return super().build_search_query_content(query, config=config)

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if isinstance(query, (Phrase, PlainText, Not)):
            rank = ColumnBM25("title") * TITLE_BOOST + ColumnBM25("body")
            return rank * boost if boost != 1.0 else rank
        return super().build_tsrank(vector, query, config=config, boost=boost)

    def get_index_vectors(self):
        # One vector: the rank above already covers title and body.
        return [(None, 1.0)]


class TitleFirstSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = TitleFirstSQLiteQueryCompiler
