"""Full-text search over stored articles without DuckDB's fts extension (not available offline).

An inverted index kept in the store, built by DuckDB itself (vectorised, no Python loop per word):

- ``search_docs``: one row per indexed article (a small integer ``doc`` for the postings, its length);
- ``search_postings``: one row per (term, doc) with the term's weight there (title words count three times);
- ``search_state``: how many postings were in term order after the last re-sort.

Words are lowercased and split on anything that is neither a letter nor a digit, by the same SQL
expression for the articles and for the query. Postings are kept sorted by term, so DuckDB's per-row-group
min/max (zone maps) skip everything but the few row groups that hold a term; appended postings are
re-sorted once they exceed a fifth of the table. Ranking is BM25 (k1 1.2, b 0.75); a query's words must
all occur (AND). Call :func:`update_search_index` after every ingest (it indexes only the new articles).
"""

from __future__ import annotations

import logging
import re
from typing import Any

from .sql import transaction

__all__ = ["SEARCH_TABLES", "update_search_index", "search_articles", "index_status", "query_terms",
           "make_snippet", "MAX_QUERY_TERMS"]

log = logging.getLogger(__name__)

#: the word split shared by indexing and querying (RE2 syntax, DuckDB's regexp engine)
_SPLIT = r"[^\p{L}\p{N}]+"
MAX_TERM_CHARS = 40          # longer "words" (a megabyte without a space) are not indexed
MAX_QUERY_TERMS = 8
TITLE_WEIGHT = 3
RESORT_SHARE = 0.2           # re-sort the postings when this share of them is out of term order
SEARCH_TABLES = ("search_docs", "search_postings", "search_state")

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS search_docs (doc INTEGER PRIMARY KEY, article_id VARCHAR, length INTEGER)",
    "CREATE TABLE IF NOT EXISTS search_postings (term VARCHAR, doc INTEGER, tf INTEGER)",
    "CREATE TABLE IF NOT EXISTS search_state (key VARCHAR PRIMARY KEY, value BIGINT)",
)

_TOKENS = f"""
    SELECT doc, unnest(string_split_regex(lower(coalesce(title, '')), '{_SPLIT}')) AS term, {TITLE_WEIGHT} AS w
    FROM search_new
    UNION ALL
    SELECT doc, unnest(string_split_regex(lower(coalesce(text, '')), '{_SPLIT}')) AS term, 1 AS w FROM search_new"""


def _has_tables(con: Any, names: tuple[str, ...]) -> bool:
    found = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main' "
                        "AND list_contains(?, table_name)", [list(names)]).fetchone()[0]
    return found == len(names)


def update_search_index(con: Any, *, rebuild: bool = False) -> dict[str, Any]:
    """Index the articles the search index does not hold yet (all of them with ``rebuild``), in one
    transaction; ``con`` is a writable DuckDB connection to the store (``store.con``). Returns counts."""
    try:
        with transaction(con):
            for statement in _SCHEMA:  # in the transaction: a crash never leaves some tables without the rest
                con.execute(statement)
            if rebuild:
                con.execute("DELETE FROM search_postings")
                con.execute("DELETE FROM search_docs")
                con.execute("DELETE FROM search_state")
            added = _index_new_articles(con)
            resorted = _resort_if_needed(con)
    finally:
        con.execute("DROP TABLE IF EXISTS search_new")
    status = index_status(con)
    log.info("search index: %d articles added, %d indexed, re-sorted: %s", added, status["indexed"], resorted)
    return {"added": added, "resorted": resorted} | status


def _index_new_articles(con: Any) -> int:
    con.execute("""CREATE OR REPLACE TEMP TABLE search_new AS
        SELECT (SELECT coalesce(max(doc), 0) FROM search_docs) + row_number() OVER (ORDER BY id) AS doc,
               id, title, text FROM articles WHERE id NOT IN (SELECT article_id FROM search_docs)""")
    added = con.execute("SELECT count(*) FROM search_new").fetchone()[0]
    if not added:
        return 0
    con.execute(f"""CREATE OR REPLACE TEMP TABLE search_new_postings AS
        SELECT term, doc::INTEGER AS doc, sum(w)::INTEGER AS tf FROM ({_TOKENS})
        WHERE term <> '' AND length(term) <= {MAX_TERM_CHARS} GROUP BY term, doc""")
    con.execute("INSERT INTO search_postings SELECT term, doc, tf FROM search_new_postings ORDER BY term, doc")
    con.execute("""INSERT INTO search_docs SELECT n.doc, n.id, coalesce(p.length, 0)::INTEGER FROM search_new n
        LEFT JOIN (SELECT doc, sum(tf) AS length FROM search_new_postings GROUP BY doc) p ON p.doc = n.doc""")
    con.execute("DROP TABLE search_new_postings")
    return added


def _resort_if_needed(con: Any) -> bool:
    total = con.execute("SELECT count(*) FROM search_postings").fetchone()[0]
    row = con.execute("SELECT value FROM search_state WHERE key = 'sorted_postings'").fetchone()
    sorted_rows = row[0] if row else 0
    if total == 0 or (total - sorted_rows) <= RESORT_SHARE * total:
        return False
    con.execute("CREATE OR REPLACE TEMP TABLE search_sorted AS SELECT * FROM search_postings ORDER BY term, doc")
    con.execute("DELETE FROM search_postings")
    con.execute("INSERT INTO search_postings SELECT * FROM search_sorted")
    con.execute("DROP TABLE search_sorted")
    con.execute("INSERT OR REPLACE INTO search_state VALUES ('sorted_postings', ?)", [total])
    return True


def index_status(con: Any) -> dict[str, Any]:
    """How many articles the index holds of how many stored; ``complete`` when it holds them all."""
    articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    if not _has_tables(con, SEARCH_TABLES):
        return {"articles": articles, "indexed": 0, "complete": articles == 0, "present": False}
    indexed = con.execute("SELECT count(*) FROM search_docs").fetchone()[0]
    return {"articles": articles, "indexed": indexed, "complete": indexed == articles, "present": True}


def query_terms(con: Any, query: str) -> list[str]:
    """The query's distinct words, split exactly as the articles were (first ``MAX_QUERY_TERMS``)."""
    rows = con.execute(f"SELECT unnest(string_split_regex(lower(?), '{_SPLIT}'))", [query]).fetchall()
    terms: list[str] = []
    for (term,) in rows:
        if term and len(term) <= MAX_TERM_CHARS and term not in terms:
            terms.append(term)
    return terms[:MAX_QUERY_TERMS]


def search_articles(con: Any, terms: list[str], *, limit: int = 20, offset: int = 0) -> dict[str, Any]:
    """Articles holding every term, best first: ``{"method", "total", "hits": [(article_id, score)]}``.

    Uses the index when it covers every stored article, else a (slower) scan of titles and texts."""
    if not terms:
        return {"method": "none", "total": 0, "hits": []}
    status = index_status(con)
    if status["present"] and status["complete"]:
        return {"method": "index", **_search_index(con, terms, limit, offset)}
    return {"method": "scan", **_search_scan(con, terms, limit, offset)}


def _search_index(con: Any, terms: list[str], limit: int, offset: int) -> dict[str, Any]:
    hits = " UNION ALL ".join("SELECT term, doc, tf FROM search_postings WHERE term = ?" for _ in terms)
    query = f"""
        WITH hits AS ({hits}),
        df AS (SELECT term, count(*) AS df FROM hits GROUP BY term),
        stats AS (SELECT count(*) AS n, greatest(avg(length), 1) AS avglen FROM search_docs),
        matched AS (
            SELECT h.doc, sum(ln(1 + (s.n - df.df + 0.5) / (df.df + 0.5))
                              * h.tf * 2.2 / (h.tf + 1.2 * (0.25 + 0.75 * d.length / s.avglen))) AS score
            FROM hits h JOIN df USING (term) JOIN search_docs d ON d.doc = h.doc CROSS JOIN stats s
            GROUP BY h.doc HAVING count(*) = ?)
        SELECT d.article_id, m.score, count(*) OVER () FROM matched m JOIN search_docs d ON d.doc = m.doc
        ORDER BY m.score DESC, d.article_id LIMIT ? OFFSET ?"""
    rows = con.execute(query, terms + [len(terms), limit, offset]).fetchall()
    total = rows[0][2] if rows else _count_index(con, terms) if offset else 0
    return {"total": total, "hits": [(aid, round(score, 4)) for aid, score, _ in rows]}


def _count_index(con: Any, terms: list[str]) -> int:
    hits = " UNION ALL ".join("SELECT doc FROM search_postings WHERE term = ?" for _ in terms)
    return con.execute(f"SELECT count(*) FROM (SELECT doc FROM ({hits}) GROUP BY doc HAVING count(*) = ?)",
                       terms + [len(terms)]).fetchone()[0]


def _search_scan(con: Any, terms: list[str], limit: int, offset: int) -> dict[str, Any]:
    """Every term as a whole word of the title or text; terms hold only letters and digits, so the
    pattern built from them has no regex syntax of the user's."""
    where = " AND ".join("regexp_matches(lower(coalesce(title, '') || ' ' || coalesce(text, '')), ?)"
                         for _ in terms)
    patterns = [f"(^|[^\\p{{L}}\\p{{N}}]){term}($|[^\\p{{L}}\\p{{N}}])" for term in terms]
    rows = con.execute(f"SELECT id, count(*) OVER () FROM articles WHERE {where} "
                       f"ORDER BY published_date DESC NULLS LAST, id LIMIT ? OFFSET ?",
                       patterns + [limit, offset]).fetchall()
    total = rows[0][1] if rows else 0
    return {"total": total, "hits": [(aid, None) for aid, _ in rows]}


def make_snippet(text: str, terms: list[str], *, before: int = 60, after: int = 160) -> dict[str, Any]:
    """A window of ``text`` around the first whole-word match of a term, with the matches in it as
    offsets relative to the snippet (``start``/``end`` place the snippet in the article's text)."""
    if not terms or not text:
        return {"text": text[: before + after], "start": 0, "end": min(len(text), before + after), "highlights": []}
    pattern = re.compile(r"(?<![^\W_])(?:" + "|".join(re.escape(t) for t in terms) + r")(?![^\W_])", re.IGNORECASE)
    first = pattern.search(text)
    anchor = first.start() if first else 0
    start = max(0, anchor - before)
    end = min(len(text), anchor + after)
    if start > 0 and " " in text[start:anchor]:
        start = text.index(" ", start) + 1
    if end < len(text) and " " in text[anchor:end]:
        end = text.rindex(" ", anchor, end)
    window = text[start:end]
    highlights = [[m.start(), m.end()] for m in pattern.finditer(window)]
    return {"text": window, "start": start, "end": end, "highlights": highlights}
