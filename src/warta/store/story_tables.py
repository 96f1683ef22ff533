"""The store's story tables and their queries (mixed into :class:`warta.store.Store`).

- ``article_signatures``: each article's MinHash signature, so near-duplicates are found incrementally;
- ``near_duplicates``: a copy and the original it repeats (with the estimated similarity);
- ``stories`` + ``story_articles``: the story clusters, their span, outlets, key actors, title, summary
  and the clusterer's state (centroid) so later ingests continue them;
- ``merged_events`` + ``event_mentions``: one row per real-world event, and each report of it.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from .sql import LIKE_ESCAPE_CLAUSE, escape_like

__all__ = ["STORY_SCHEMA", "StoryQueries", "MERGED_COLUMNS", "STORY_COLUMNS"]

STORY_SCHEMA = [
    """CREATE TABLE IF NOT EXISTS article_signatures (article_id VARCHAR PRIMARY KEY, signature BLOB)""",
    """CREATE TABLE IF NOT EXISTS near_duplicates (
        article_id VARCHAR PRIMARY KEY, original_id VARCHAR, similarity DOUBLE)""",
    """CREATE TABLE IF NOT EXISTS stories (
        id VARCHAR PRIMARY KEY, title VARCHAR, title_article VARCHAR, start_date DATE, end_date DATE,
        articles INTEGER, copies INTEGER, outlets JSON, actors JSON, events INTEGER, quotes INTEGER,
        summary JSON, centroid JSON, size INTEGER, updated_at TIMESTAMPTZ)""",
    """CREATE TABLE IF NOT EXISTS story_articles (
        article_id VARCHAR PRIMARY KEY, story_id VARCHAR, score DOUBLE, copy_of VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS merged_events (
        id VARCHAR PRIMARY KEY, story_id VARCHAR, type VARCHAR, mode VARCHAR, cameo VARCHAR,
        source_actor VARCHAR, source_country VARCHAR, source_sector VARCHAR, source_text VARCHAR,
        target_actor VARCHAR, target_country VARCHAR, target_sector VARCHAR, target_text VARCHAR,
        negated BOOLEAN, modality VARCHAR, date VARCHAR, event_date DATE, published_date DATE,
        last_reported DATE, intensity DOUBLE, articles INTEGER, mentions INTEGER, outlets JSON,
        reported_by JSON, attributed_to JSON)""",
    """CREATE TABLE IF NOT EXISTS event_mentions (
        merged_id VARCHAR, story_id VARCHAR, article_id VARCHAR, seq INTEGER, outlet VARCHAR,
        published_date DATE, sent_start INTEGER, sent_end INTEGER, trigger VARCHAR, date VARCHAR,
        copy_of VARCHAR)""",
]

STORY_COLUMNS = ("id", "title", "title_article", "start_date", "end_date", "articles", "copies", "outlets",
                 "actors", "events", "quotes", "summary", "centroid", "size", "updated_at")
MERGED_COLUMNS = ("id", "story_id", "type", "mode", "cameo", "source_actor", "source_country", "source_sector",
                  "source_text", "target_actor", "target_country", "target_sector", "target_text", "negated",
                  "modality", "date", "event_date", "published_date", "last_reported", "intensity", "articles",
                  "mentions", "outlets", "reported_by", "attributed_to")
MENTION_COLUMNS = ("merged_id", "story_id", "article_id", "seq", "outlet", "published_date", "sent_start",
                   "sent_end", "trigger", "date", "copy_of")
STORY_TABLES = ("stories", "story_articles", "merged_events", "event_mentions", "near_duplicates",
                "article_signatures")


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else (value or [])


def _side(row: dict[str, Any], prefix: str) -> dict[str, Any] | None:
    side = {k: row[f"{prefix}_{k}"] for k in ("actor", "country", "sector", "text")}
    return side if any(side[k] for k in ("actor", "country", "text")) else None


def merged_record(row: dict[str, Any], mentions: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A merged_events row in the nested shape of the contract's events, with its mention count."""
    record = {"id": row["id"], "story_id": row["story_id"], "type": row["type"], "mode": row["mode"],
              "cameo": row["cameo"], "source": _side(row, "source"), "target": _side(row, "target"),
              "negated": row["negated"], "modality": row["modality"], "date": row["date"],
              "first_reported": _iso(row["published_date"]), "last_reported": _iso(row["last_reported"]),
              "intensity": row["intensity"], "articles": row["articles"], "mentions": row["mentions"],
              "outlets": _json(row["outlets"]), "reported_by": _json(row["reported_by"]),
              "attributed_to": _json(row["attributed_to"])}
    if mentions is not None:
        record["mention_list"] = mentions
    return record


def _mention_record(row: dict[str, Any]) -> dict[str, Any]:
    return {"article_id": row["article_id"], "seq": row["seq"], "outlet": row["outlet"],
            "published": _iso(row["published_date"]), "sentence": [row["sent_start"], row["sent_end"]],
            "trigger": row["trigger"], "date": row["date"], "copy_of": row["copy_of"]}


class StoryQueries:
    """Reading the story tables; ``self.con`` is the store's DuckDB connection."""

    con: Any

    # -- merged events -----------------------------------------------------------------------

    def mentions_of(self, merged_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        if not merged_ids:
            return {}
        rows = self.con.execute(
            f"SELECT {', '.join(MENTION_COLUMNS)} FROM event_mentions WHERE merged_id IN (SELECT unnest(?)) "
            f"ORDER BY published_date NULLS LAST, article_id, seq", [merged_ids]).fetchall()
        out: dict[str, list[dict[str, Any]]] = {}
        for row in rows:
            record = dict(zip(MENTION_COLUMNS, row))
            out.setdefault(record["merged_id"], []).append(_mention_record(record))
        return out

    def list_merged_events(self, *, where: list[str], params: list[Any], story: str | None = None,
                           limit: int = 50, with_mentions: bool = True) -> list[dict[str, Any]]:
        """Merged events filtered by clauses built by ``_event_filters`` over merged_events' columns."""
        where = list(where)
        params = list(params)
        if story:
            where.append("starts_with(story_id, ?)")
            params.append(story)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        rows = self.con.execute(
            f"SELECT {', '.join(MERGED_COLUMNS)} FROM merged_events {clause} "
            f"ORDER BY coalesce(event_date, published_date) NULLS LAST, id LIMIT ?", params + [limit]).fetchall()
        records = [dict(zip(MERGED_COLUMNS, row)) for row in rows]
        mentions = self.mentions_of([r["id"] for r in records]) if with_mentions else {}
        return [merged_record(r, mentions.get(r["id"], []) if with_mentions else None) for r in records]

    # -- stories -----------------------------------------------------------------------------

    def unplaced_articles(self) -> int:
        """Stored articles not yet in a story (written without the story update, or by an older warta)."""
        return self.con.execute("SELECT count(*) FROM articles WHERE id NOT IN "
                                "(SELECT article_id FROM story_articles)").fetchone()[0]

    def story_count(self) -> int:
        return self.con.execute("SELECT count(*) FROM stories").fetchone()[0]

    def list_stories(self, *, actor: str | None = None, country: str | None = None, since: dt.date | None = None,
                     until: dt.date | None = None, min_articles: int = 1, text: str | None = None,
                     limit: int = 50) -> list[dict[str, Any]]:
        """Stories, newest first; ``actor``/``country`` must be among the actors of the story's articles."""
        self.require_stories()
        where, params = ["articles >= ?"], [min_articles]
        if since:
            where.append("coalesce(end_date, start_date) >= ?")
            params.append(since)
        if until:
            where.append("coalesce(start_date, end_date) <= ?")
            params.append(until)
        if text:
            where.append(f"title ILIKE ? {LIKE_ESCAPE_CLAUSE}")
            params.append(f"%{escape_like(text)}%")
        for value, condition in ((actor, f"(a.actor_id ILIKE ? {LIKE_ESCAPE_CLAUSE} OR a.name ILIKE ? "
                                         f"{LIKE_ESCAPE_CLAUSE} OR a.country = ?)"),
                                 (country, "(a.country = ? OR a.actor_id = ? OR a.actor_id = ?)")):
            if value:
                where.append(f"id IN (SELECT sa.story_id FROM story_articles sa JOIN actors a "
                             f"ON a.article_id = sa.article_id WHERE {condition})")
                params += ([escape_like(value), f"%{escape_like(value)}%", value.upper()]
                           if condition.startswith("(a.actor_id ILIKE")
                           else [value.upper(), value.upper(), value])
        query = (f"SELECT id, title, start_date, end_date, articles, copies, outlets, actors, events, quotes "
                 f"FROM stories WHERE {' AND '.join(where)} "
                 f"ORDER BY end_date DESC NULLS LAST, articles DESC, id LIMIT ?")
        rows = self.con.execute(query, params + [limit]).fetchall()
        stories = []
        members = self._story_members([row[0] for row in rows])
        actor_counts = self._actor_counts([row[0] for row in rows])
        for row in rows:
            sid, title, start, end, n_articles, copies, outlets, actors, n_events, n_quotes = row
            stories.append({"id": sid, "title": title, "start": _iso(start), "end": _iso(end),
                            "articles": members.get(sid, []), "article_count": n_articles, "copies": copies,
                            "outlets": json.loads(outlets), "key_actors": json.loads(actors),
                            "actors": actor_counts.get(sid, 0), "events": n_events, "quotes": n_quotes})
        return stories

    def _actor_counts(self, story_ids: list[str]) -> dict[str, int]:
        """Distinct actors in each story's original articles (copies add nothing)."""
        if not story_ids:
            return {}
        return dict(self.con.execute(
            "SELECT sa.story_id, count(DISTINCT a.actor_id)::INTEGER FROM story_articles sa JOIN actors a "
            "ON a.article_id = sa.article_id WHERE sa.story_id IN (SELECT unnest(?)) AND sa.copy_of IS NULL "
            "GROUP BY 1", [story_ids]).fetchall())

    def _story_members(self, story_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        if not story_ids:
            return {}
        rows = self.con.execute(
            "SELECT sa.story_id, a.id, a.source, a.outlet, a.title, a.published, sa.score, sa.copy_of "
            "FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE sa.story_id IN (SELECT unnest(?)) "
            "ORDER BY a.published_date NULLS LAST, a.published, a.id", [story_ids]).fetchall()
        out: dict[str, list[dict[str, Any]]] = {}
        for sid, aid, source, outlet, title, published, score, copy_of in rows:
            out.setdefault(sid, []).append({"id": aid, "source": source, "outlet": outlet, "title": title,
                                            "published": published, "similarity": score, "copy_of": copy_of})
        return out

    def resolve_story(self, ref: str) -> str | None:
        """A story id from an id or a unique prefix (>= 4 characters), or from an article id in it."""
        from .duckdb_store import StoreError

        rows = self.con.execute("SELECT id FROM stories WHERE id = ?", [ref]).fetchall()
        if not rows and len(ref) >= 4:
            rows = self.con.execute("SELECT id FROM stories WHERE starts_with(id, ?) LIMIT 2", [ref]).fetchall()
            if not rows:
                rows = self.con.execute("SELECT DISTINCT story_id FROM story_articles WHERE starts_with(article_id, ?) "
                                        "LIMIT 2", [ref]).fetchall()
            if len(rows) > 1:
                raise StoreError(f"{ref!r} matches several stories; give more characters")
        return rows[0][0] if rows else None

    def get_story(self, ref: str) -> dict[str, Any] | None:
        """One story: span, outlets, key actors, articles, merged-event timeline, quotes and summary."""
        self.require_stories()
        story_id = self.resolve_story(ref)
        if story_id is None:
            return None
        row = self.con.execute(f"SELECT {', '.join(STORY_COLUMNS)} FROM stories WHERE id = ?", [story_id]).fetchone()
        data = dict(zip(STORY_COLUMNS, row))
        articles = self._story_members([story_id]).get(story_id, [])
        events = self.list_merged_events(where=[], params=[], story=story_id, limit=100_000)
        originals = [a["id"] for a in articles if not a["copy_of"]]
        quote_rows = self.con.execute(
            "SELECT article_id, seq, text, direct, speaker_actor, speaker_name, speaker_text, attributed_to, "
            "published_date, outlet FROM quotes WHERE article_id IN (SELECT unnest(?)) "
            "ORDER BY published_date NULLS LAST, article_id, seq", [originals]).fetchall()
        quote_keys = ("article_id", "seq", "text", "direct", "speaker_actor", "speaker_name", "speaker_text",
                      "attributed_to", "published", "outlet")
        quotes = [{k: _iso(v) for k, v in zip(quote_keys, q)} for q in quote_rows]
        summary = json.loads(data["summary"])
        if not summary and originals:  # a one-article story is summarised when shown
            from ..stories.build import summarise_articles

            summary = summarise_articles(self.con, originals[:1])
        return {"id": story_id, "title": data["title"], "title_article": data["title_article"],
                "start": _iso(data["start_date"]), "end": _iso(data["end_date"]),
                "outlets": json.loads(data["outlets"]), "key_actors": json.loads(data["actors"]),
                "article_count": data["articles"], "copies": data["copies"], "articles": articles,
                "actor_count": self._actor_counts([story_id]).get(story_id, 0), "event_count": len(events),
                "summary": summary, "events": events, "quotes": quotes}

    def stories_of(self, article_ids: list[str]) -> dict[str, str]:
        if not article_ids:
            return {}
        rows = self.con.execute("SELECT article_id, story_id FROM story_articles WHERE article_id IN (SELECT unnest(?))",
                                [article_ids]).fetchall()
        return dict(rows)
