"""How search results are ranked, shared by the PostgreSQL and the SQLite backend."""

# A match in the title counts this many times a match in the body, so a page named
# after a word comes before a long page that only mentions it (docs/search.md).
TITLE_BOOST = 10.0
