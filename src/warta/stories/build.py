"""Bring the store's stories up to date after an ingest: near-duplicates, clustering, merged events,
per-story title, span, outlets, key actors and summary.

Only articles not yet in a story are processed, in time order; the stories still open around their dates
are loaded with their clusterer state, and only the stories that received articles are recomputed. The
whole update is one transaction: a crash leaves the stories as they were before it.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
import time
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any

from ..store.sql import transaction
from ..store.story_tables import MENTION_COLUMNS, MERGED_COLUMNS, STORY_COLUMNS, STORY_TABLES
from .cluster import DEFAULT_THRESHOLD, DEFAULT_WINDOW_DAYS, Clusterer, Story
from .features import StoryItem, Vector, vectorise
from .merge import merge_events

__all__ = ["update_stories", "StoriesUpdate", "story_items", "article_features", "FEATURES_TABLE", "KEY_ACTORS"]

log = logging.getLogger(__name__)
KEY_ACTORS = 8
#: how far back (days before the earliest new article) earlier originals are compared for near-duplicates
NEAR_DUPLICATE_DAYS = 31
_SUMMARY_ARTICLES = 12
_SUMMARY_SENTENCES = 5


@dataclass
class StoriesUpdate:
    articles: int = 0  # articles placed in stories by this update
    copies: int = 0  # of which near-duplicates of an earlier article
    new_stories: int = 0
    touched_stories: int = 0
    merged_events: int = 0  # merged events of the touched stories
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _near_duplicate_index():
    from .neardup import NearDuplicateIndex

    return NearDuplicateIndex()


def story_items(con, article_ids: list[str]) -> dict[str, StoryItem]:
    """The clustering view of stored articles: text, title, date, actors and event pairs."""
    items: dict[str, StoryItem] = {}
    rows = con.execute("SELECT id, title, text, published_date, outlet, language FROM articles "
                       "WHERE id IN (SELECT unnest(?))", [article_ids]).fetchall()
    for aid, title, text, date, outlet, language in rows:
        items[aid] = StoryItem(id=aid, title=title or "", text=text or "", date=date, outlet=outlet,
                               language=language or "id")
    # rows in a fixed order: the vectors' sums and the centroids' ties must not depend on where the rows lie in
    # the file (an ingest killed and run again writes them in other row groups than an uninterrupted one)
    for aid, actor_id, kind, mentions in con.execute(
            "SELECT article_id, actor_id, kind, mentions FROM actors WHERE article_id IN (SELECT unnest(?)) "
            "ORDER BY ALL", [article_ids]).fetchall():
        items[aid].actors.append((actor_id, kind, mentions or 1))
    for aid, sa, sc, ta, tc, type_ in con.execute(
            "SELECT article_id, source_actor, source_country, target_actor, target_country, type FROM events "
            "WHERE article_id IN (SELECT unnest(?)) ORDER BY article_id, seq", [article_ids]).fetchall():
        items[aid].events.append((sc or sa, tc or ta, type_))
    return items


#: a connection-local table of per-article story features computed elsewhere (``warta run``'s workers)
FEATURES_TABLE = "article_features"


def article_features(con, article_ids: list[str]) -> list[tuple[str, bytes, str]]:
    """(article id, near-duplicate signature, story vector as JSON) of stored articles: the per-article part
    of the story update, which ``warta run`` computes in its workers (see :func:`_precomputed`)."""
    from .neardup import signature_to_bytes

    index = _near_duplicate_index()
    return [(aid, signature_to_bytes(index.signature(item.text)), json.dumps(vectorise(item), ensure_ascii=False))
            for aid, item in story_items(con, article_ids).items()]


def _precomputed(con, article_ids: list[str]) -> dict[str, tuple[bytes, Vector]]:
    """Signatures and vectors of these articles from the temporary :data:`FEATURES_TABLE`, when this
    connection has one (the same values the update would compute: same functions, same rows)."""
    exists = con.execute("SELECT count(*) FROM duckdb_tables() WHERE temporary AND table_name = ?",
                         [FEATURES_TABLE]).fetchone()[0]
    if not exists:
        return {}
    rows = con.execute(f"SELECT article_id, signature, vector FROM temp.main.{FEATURES_TABLE} "
                       f"WHERE article_id IN (SELECT unnest(?))", [article_ids]).fetchall()
    return {aid: (blob, json.loads(vector)) for aid, blob, vector in rows}


def _load_story(con, clusterer: Clusterer, story_id: str) -> None:
    row = con.execute("SELECT id, centroid, start_date, end_date, size FROM stories WHERE id = ?",
                      [story_id]).fetchone()
    if row is not None:
        clusterer.load(Story(id=row[0], centroid=json.loads(row[1] or "{}"), start=row[2], end=row[3],
                             size=row[4] or 0))


def update_stories(store, *, rebuild: bool = False, threshold: float = DEFAULT_THRESHOLD,
                   window_days: int = DEFAULT_WINDOW_DAYS) -> StoriesUpdate:
    """Place every article not yet in a story; recompute the stories that changed. One transaction."""
    started = time.perf_counter()
    con = store.con
    with transaction(con):
        if rebuild:
            for table in STORY_TABLES:
                con.execute(f"DELETE FROM {table}")
        result = _update(con, threshold, window_days)
    result.seconds = round(time.perf_counter() - started, 3)
    log.info("stories: %s", result.to_dict())
    return result


def _update(con, threshold: float, window_days: int) -> StoriesUpdate:
    from .neardup import signature_from_bytes, signature_to_bytes

    new_ids = [r[0] for r in con.execute(
        "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM story_articles) "
        "ORDER BY published_date NULLS LAST, published NULLS LAST, id").fetchall()]
    result = StoriesUpdate()
    if not new_ids:
        return result
    items = story_items(con, new_ids)
    precomputed = _precomputed(con, new_ids)

    # near-duplicates: against every earlier original (signatures kept in the store) and each other
    index = _near_duplicate_index()
    dates = [it.date for it in items.values() if it.date is not None]
    query, params = "SELECT s.article_id, s.signature FROM article_signatures s", []
    if dates and all(it.date is not None for it in items.values()):
        # copies follow their original within days: only originals from a month before on are compared,
        # which keeps the index (memory and time) independent of the archive's size
        query += (" JOIN articles a ON a.id = s.article_id WHERE a.published_date IS NULL OR a.published_date >= ?")
        params.append(min(dates) - dt.timedelta(days=NEAR_DUPLICATE_DAYS))
    for aid, blob in con.execute(query + " ORDER BY s.article_id", params).fetchall():
        index.add(aid, signature_from_bytes(blob))
    copy_of: dict[str, tuple[str, float]] = {}
    signature_rows = []
    for aid in new_ids:
        signature = signature_from_bytes(precomputed[aid][0]) if aid in precomputed \
            else index.signature(items[aid].text)
        hits = [(key, sim) for key, sim in index.query(signature) if key != aid]
        if hits:
            copy_of[aid] = hits[0]
        else:
            index.add(aid, signature)
            signature_rows.append((aid, signature_to_bytes(signature)))

    # clustering: open the stories around the new articles' dates, then add the articles in time order
    clusterer = Clusterer(threshold=threshold, window_days=window_days)
    horizon = (min(dates) - 2 * clusterer.window) if dates else None
    query = "SELECT id FROM stories"
    params: list[Any] = []
    if horizon is not None:
        query += " WHERE end_date IS NULL OR end_date >= ?"
        params.append(horizon)
    for (story_id,) in con.execute(query + " ORDER BY id", params).fetchall():  # ties go the same way every time
        _load_story(con, clusterer, story_id)
    story_of = dict(con.execute("SELECT article_id, story_id FROM story_articles WHERE article_id IN (SELECT unnest(?))",
                                [[orig for orig, _ in copy_of.values()]]).fetchall()) if copy_of else {}
    vectors: dict[str, Vector] = {}
    member_rows = []
    for aid in new_ids:
        item = items[aid]
        vectors[aid] = precomputed[aid][1] if aid in precomputed else vectorise(item)
        join = None
        if aid in copy_of:
            original = copy_of[aid][0]
            join = story_of.get(original)
            if join is not None and join not in clusterer.stories:
                _load_story(con, clusterer, join)
        assignment = clusterer.add(item, vector=vectors[aid], join=join)
        story_of[aid] = assignment.story_id
        result.new_stories += assignment.new_story
        member_rows.append((aid, assignment.story_id, assignment.score,
                            copy_of[aid][0] if aid in copy_of else None))
    result.articles = len(new_ids)
    result.copies = len(copy_of)

    from ..store.duckdb_store import _insert_many

    _insert_many(con, "article_signatures", ("article_id", "signature"), signature_rows)
    _insert_many(con, "near_duplicates", ("article_id", "original_id", "similarity"),
                 [(aid, orig, round(sim, 4)) for aid, (orig, sim) in copy_of.items()])
    _insert_many(con, "story_articles", ("article_id", "story_id", "score", "copy_of"), member_rows)

    touched = sorted({row[1] for row in member_rows})
    result.touched_stories = len(touched)
    result.merged_events = _refresh_stories(con, clusterer, touched)
    return result


def _refresh_stories(con, clusterer: Clusterer, story_ids: list[str]) -> int:
    """Recompute the aggregates, merged events and summaries of these stories from the tables."""
    from ..store.duckdb_store import _EVENT_COLUMNS, _insert_many

    for table in ("merged_events", "event_mentions"):
        con.execute(f"DELETE FROM {table} WHERE story_id IN (SELECT unnest(?))", [story_ids])
    con.execute("DELETE FROM stories WHERE id IN (SELECT unnest(?))", [story_ids])
    members: dict[str, list[tuple]] = {}
    for row in con.execute(
            "SELECT sa.story_id, a.id, a.title, a.outlet, a.published_date, a.published, sa.copy_of "
            "FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE sa.story_id IN (SELECT unnest(?)) "
            "ORDER BY a.published_date NULLS LAST, a.published NULLS LAST, a.id", [story_ids]).fetchall():
        members.setdefault(row[0], []).append(row[1:])
    copy_of = {m[0]: m[5] for ms in members.values() for m in ms if m[5]}

    events_by_story: dict[str, list[dict]] = {}
    article_story = {m[0]: sid for sid, ms in members.items() for m in ms}
    for row in con.execute(f"SELECT {', '.join(_EVENT_COLUMNS)} FROM events WHERE article_id IN (SELECT unnest(?)) "
                           f"ORDER BY article_id, seq", [list(article_story)]).fetchall():
        event = dict(zip(_EVENT_COLUMNS, row))
        events_by_story.setdefault(article_story[event["article_id"]], []).append(event)

    actor_rows = con.execute(
        "SELECT article_id, actor_id, name, country, kind, mentions FROM actors "
        "WHERE article_id IN (SELECT unnest(?)) ORDER BY ALL",
        [[a for a in article_story if a not in copy_of]]).fetchall()
    actors_by_story: dict[str, list[tuple]] = {}
    for row in actor_rows:
        actors_by_story.setdefault(article_story[row[0]], []).append(row)
    quote_counts = dict(con.execute(
        "SELECT article_id, count(*) FROM quotes WHERE article_id IN (SELECT unnest(?)) GROUP BY article_id",
        [[a for a in article_story if a not in copy_of]]).fetchall())

    summaries = _summaries(con, members, copy_of)
    story_rows, merged_rows, mention_rows = [], [], []
    now = dt.datetime.now(dt.timezone.utc)
    for sid in story_ids:
        ms = members.get(sid, [])
        if not ms:
            continue
        originals = [m for m in ms if not m[5]]
        dates = [m[3] for m in ms if m[3] is not None]
        merged = merge_events(sid, events_by_story.get(sid, []), duplicate_of=copy_of)
        for m in merged:
            merged_rows.append(_merged_row(m))
            mention_rows.extend((m["id"], sid, x["article_id"], x["seq"], x["outlet"],
                                 dt.date.fromisoformat(x["published"]) if x["published"] else None,
                                 x["sentence"][0], x["sentence"][1], x["trigger"], x["date"], x["duplicate_of"])
                                for x in m["mentions"])
        story = clusterer.stories.get(sid)
        centroid = story.to_state()["centroid"] if story else {}
        title, title_article = _title(ms, centroid)
        story_rows.append((sid, title, title_article, min(dates) if dates else None, max(dates) if dates else None,
                           len(originals), len(ms) - len(originals),
                           json.dumps(sorted({m[2] for m in ms if m[2]})),
                           json.dumps(_key_actors(actors_by_story.get(sid, [])), ensure_ascii=False),
                           len(merged), sum(quote_counts.get(m[0], 0) for m in originals),
                           json.dumps(summaries.get(sid, []), ensure_ascii=False),
                           json.dumps(centroid, ensure_ascii=False, sort_keys=True),  # same bytes in every process
                           len(ms), now))
    _insert_many(con, "stories", STORY_COLUMNS, story_rows)
    _insert_many(con, "merged_events", MERGED_COLUMNS, merged_rows)
    _insert_many(con, "event_mentions", MENTION_COLUMNS, mention_rows)
    return len(merged_rows)


def _merged_row(m: dict[str, Any]) -> tuple:
    src, tgt = m["source"] or {}, m["target"] or {}
    date = dt.date.fromisoformat(m["date"]) if m["date"] and len(m["date"]) == 10 else None
    first = dt.date.fromisoformat(m["first_reported"]) if m["first_reported"] else None
    last = dt.date.fromisoformat(m["last_reported"]) if m["last_reported"] else None
    return (m["id"], m["story_id"], m["type"], m["mode"], m["cameo"], src.get("actor"), src.get("country"),
            src.get("sector"), src.get("text"), tgt.get("actor"), tgt.get("country"), tgt.get("sector"),
            tgt.get("text"), m["negated"], m["modality"], m["date"], date, first, last, m["intensity"],
            m["articles"], len(m["mentions"]), json.dumps(m["outlets"], ensure_ascii=False),
            json.dumps(m["reported_by"], ensure_ascii=False), json.dumps(m["attributed_to"], ensure_ascii=False))


def _title(members: list[tuple], centroid: Vector) -> tuple[str | None, str | None]:
    """The title of the member whose headline carries most of the story's distinctive words."""
    from .features import _words

    best, best_score = None, -1.0
    for aid, title, _outlet, _date, _published, copy in members:
        if not title or copy:
            continue
        words = set(_words(title))
        score = sum(centroid.get(w, 0.0) for w in words) / math.sqrt(len(words) + 1)
        if score > best_score:
            best, best_score = (title, aid), score
    if best is None:
        first = members[0]
        return first[1], first[0]
    return best


def _key_actors(rows: list[tuple]) -> list[dict[str, Any]]:
    """The actors in most of the story's articles (then most mentioned)."""
    articles: dict[str, set[str]] = {}
    mentions: Counter[str] = Counter()
    info: dict[str, tuple] = {}
    for article_id, actor_id, name, country, kind, n in rows:
        articles.setdefault(actor_id, set()).add(article_id)
        mentions[actor_id] += n or 0
        info.setdefault(actor_id, (name, country, kind))
    ranked = sorted(articles, key=lambda a: (-len(articles[a]), -mentions[a], a))[:KEY_ACTORS]
    return [{"id": a, "name": info[a][0], "country": info[a][1], "kind": info[a][2],
             "articles": len(articles[a]), "mentions": mentions[a]} for a in ranked]


def _summaries(con, members: dict[str, list[tuple]], copy_of: dict[str, str]) -> dict[str, list[dict[str, Any]]]:
    """The extractive summary of each story of several articles, from its earliest and latest originals.

    A story of one article (most stories) is summarised when it is shown (:func:`summarise_articles`), which
    costs a few milliseconds then and keeps the update after an ingest cheap.
    """
    chosen: dict[str, list[str]] = {}
    for sid, ms in members.items():
        originals = [m[0] for m in ms if m[0] not in copy_of]
        if len(originals) < 2:
            continue
        half = _SUMMARY_ARTICLES // 2
        chosen[sid] = originals if len(originals) <= _SUMMARY_ARTICLES else originals[:half] + originals[-half:]
    return {sid: summarise_articles(con, ids) for sid, ids in chosen.items()}


def summarise_articles(con, article_ids: list[str]) -> list[dict[str, Any]]:
    """An extractive summary (sentences with their article, offsets and outlet) of these stored articles."""
    from ..analyse.tokens import split_sentences
    from .summary import summarise_story

    if not article_ids:
        return []
    texts = {aid: (text, published, outlet) for aid, text, published, outlet in con.execute(
        "SELECT id, text, published, outlet FROM articles WHERE id IN (SELECT unnest(?))", [article_ids]).fetchall()}
    articles = [_SummaryArticle(aid, texts[aid][0] or "", split_sentences(texts[aid][0] or ""), texts[aid][1])
                for aid in article_ids if aid in texts]
    picks = summarise_story(articles, n=_SUMMARY_SENTENCES) if articles else []
    return [{"article_id": aid, "start": s, "end": e, "text": texts[aid][0][s:e], "outlet": texts[aid][2]}
            for aid, s, e in picks]


@dataclass
class _SummaryArticle:
    id: str
    text: str
    sentences: list[tuple[int, int]]
    published: str | None
