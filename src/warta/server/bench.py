"""API latency benchmark: ``generate_store`` writes a large synthetic store without running the pipeline,
``bench_api`` times the list, filter and page endpoints against it; ``python -m warta.server.bench`` does
both and prints the figures (a benchmark, never a timed test).

The synthetic store multiplies a real store (by default the demo corpus of ``examples/``): copy ``k`` of
every article gets a new id, its dates moved by a fixed number of days for that copy (within two years
either side), one extra closing line ``arsip<k>`` (so a rare word exists for search), and every row that
hangs on it (entities, actors, events, quotes, story, merged events and their mentions, near-duplicate
links, signatures, the input record) is copied with the new ids. The ``doc`` JSON (entities, events ... of
the contract) is copied unchanged.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb

from ..store import Store
from ..store.search import update_search_index
from ..store.sql import transaction

__all__ = ["generate_store", "bench_api", "TARGETS_MS"]

#: issue 6's targets: p95 of list and filter endpoints, and of a story page
TARGETS_MS = {"list": 100.0, "story": 300.0}

_NEW_ARTICLE = "substr(md5({col} || ':' || k.k), 1, 16)"
_NEW_STORY = "'s' || substr(md5({col} || ':' || k.k), 1, 15)"
_NEW_MERGED = "'m' || substr(md5({col} || ':' || k.k), 1, 15)"


def _new(template: str, col: str) -> str:
    return template.format(col=col)


def _shift_text_date(text_col: str, date_col: str) -> str:
    """A date string (YYYY-MM-DD or YYYY-MM) moved with its parsed date; anything else kept."""
    return (f"CASE WHEN length({text_col}) = 10 AND {date_col} IS NOT NULL "
            f"THEN strftime({date_col} + k.shift, '%Y-%m-%d') "
            f"WHEN length({text_col}) = 7 AND {date_col} IS NOT NULL THEN strftime({date_col} + k.shift, '%Y-%m') "
            f"ELSE {text_col} END")


def _copy_statements() -> list[str]:
    art = _new(_NEW_ARTICLE, "x.id")
    aid = _new(_NEW_ARTICLE, "x.article_id")
    published = ("CASE WHEN x.published_date IS NOT NULL AND length(x.published) >= 10 THEN "
                 "strftime(x.published_date + k.shift, '%Y-%m-%d') || substr(x.published, 11) ELSE x.published END")
    copy_of = f"CASE WHEN x.copy_of IS NULL THEN NULL ELSE {_new(_NEW_ARTICLE, 'x.copy_of')} END"
    return [
        f"""INSERT INTO articles SELECT {art}, x.source, x.input_ref || '#copy' || k.k, x.input_kind, x.outlet,
            x.url || '?copy=' || k.k, x.title, {published}, x.published_date + k.shift, x.language, x.dateline,
            x.author, x.text || '\n\narsip' || k.k, x.removed, x.repairs, x.warnings, x.doc, 'generated', now()
            FROM src.articles x CROSS JOIN k""",
        f"""INSERT INTO inputs SELECT 'generated', row_number() OVER () - 1, x.input_ref || '#copy' || k.k, x.source,
            'stored', {art}, NULL, NULL, now() FROM src.articles x CROSS JOIN k""",
        f"INSERT INTO entities SELECT {aid}, x.start_char, x.end_char, x.text, x.label, x.actor_id "
        f"FROM src.entities x CROSS JOIN k",
        f"INSERT INTO actors SELECT {aid}, x.actor_id, x.name, x.country, x.sector, x.role, x.kind, x.mentions, "
        f"x.spans "
        f"FROM src.actors x CROSS JOIN k",
        f"""INSERT INTO events SELECT {aid}, x.seq, x.type, x.mode, x.cameo, x.source_actor, x.source_country,
            x.source_sector, x.source_text, x.target_actor, x.target_country, x.target_sector, x.target_text, x.negated,
            x.modality, {_shift_text_date('x.date', 'x.event_date')}, x.event_date + k.shift, x.location, x.sent_start,
            x.sent_end, x.trigger, x.reported_by, x.reported_by_actor, x.attributed_to, x.intensity,
            x.published_date + k.shift, x.outlet FROM src.events x CROSS JOIN k""",
        f"""INSERT INTO quotes SELECT {aid}, x.seq, x.start_char, x.end_char, x.text, x.direct, x.speaker_actor,
            x.speaker_name, x.speaker_text, x.attributed_to, x.published_date + k.shift, x.outlet
            FROM src.quotes x CROSS JOIN k""",
        f"INSERT INTO article_signatures SELECT {aid}, x.signature FROM src.article_signatures x CROSS JOIN k",
        f"INSERT INTO near_duplicates SELECT {aid}, {_new(_NEW_ARTICLE, 'x.original_id')}, x.similarity "
        f"FROM src.near_duplicates x CROSS JOIN k",
        f"INSERT INTO story_articles SELECT {aid}, {_new(_NEW_STORY, 'x.story_id')}, x.score, {copy_of} "
        f"FROM src.story_articles x CROSS JOIN k",
        f"""INSERT INTO merged_events SELECT {_new(_NEW_MERGED, 'x.id')}, {_new(_NEW_STORY, 'x.story_id')}, x.type,
            x.mode, x.cameo, x.source_actor, x.source_country, x.source_sector, x.source_text, x.target_actor,
            x.target_country, x.target_sector, x.target_text, x.negated, x.modality,
            {_shift_text_date('x.date', 'x.event_date')}, x.event_date + k.shift, x.published_date + k.shift,
            x.last_reported + k.shift, x.intensity, x.articles, x.mentions, x.outlets, x.reported_by, x.attributed_to
            FROM src.merged_events x CROSS JOIN k""",
        f"""INSERT INTO event_mentions SELECT {_new(_NEW_MERGED, 'x.merged_id')}, {_new(_NEW_STORY, 'x.story_id')},
            {aid}, x.seq, x.outlet, x.published_date + k.shift, x.sent_start, x.sent_end, x.trigger,
            CASE WHEN length(x.date) = 10 THEN strftime(try_cast(x.date AS DATE) + k.shift, '%Y-%m-%d')
                 WHEN length(x.date) = 7 THEN strftime(try_cast(x.date || '-01' AS DATE) + k.shift, '%Y-%m')
                 ELSE x.date END, {copy_of} FROM src.event_mentions x CROSS JOIN k""",
    ]


def _copy_stories(con: duckdb.DuckDBPyConnection, copies: int, shifts: list[int]) -> int:
    """Stories in Python: their summaries name article ids inside JSON, which get the copies' ids."""
    rows = con.execute("SELECT * FROM src.stories").fetchall()
    columns = [d[0] for d in con.description]
    members = con.execute("SELECT story_id, article_id FROM src.story_articles").fetchall()
    title_at = columns.index("title_article")
    ids = {aid for _, aid in members} | {r[title_at] for r in rows if r[title_at]}
    out: list[tuple] = []
    hashes = _md5_table(con, sorted(ids | {r[0] for r in rows}), copies)
    for k in range(copies):
        for row in rows:
            record = dict(zip(columns, row))
            summary = record["summary"] or "[]"
            for aid in ids:
                if aid in summary:
                    summary = summary.replace(aid, hashes[(aid, k)][:16])
            title_article = record["title_article"]
            out.append((("s" + hashes[(record["id"], k)][:15]), record["title"],
                        hashes[(title_article, k)][:16] if title_article else None,
                        _shift(record["start_date"], shifts[k]), _shift(record["end_date"], shifts[k]),
                        record["articles"], record["copies"], record["outlets"], record["actors"], record["events"],
                        record["quotes"], summary, record["centroid"], record["size"], record["updated_at"]))
    values = [list(column) for column in zip(*out)] if out else [[] for _ in columns]
    unnest = ", ".join(f"unnest(${i + 1})" for i in range(len(columns)))
    con.execute(f"INSERT INTO stories ({', '.join(columns)}) SELECT {unnest}", values)
    return len(out)


def _md5_table(con: duckdb.DuckDBPyConnection, values: list[str], copies: int) -> dict[tuple[str, int], str]:
    rows = con.execute("SELECT v, k, md5(v || ':' || k) FROM unnest(?::VARCHAR[]) t(v) CROSS JOIN range(?) r(k)",
                       [values, copies]).fetchall()
    return {(v, k): h for v, k, h in rows}


def _shift(day: Any, days: int) -> Any:
    import datetime as dt

    return day + dt.timedelta(days=days) if day is not None else None


def _demo_source(folder: Path) -> Path:
    from ..cli.main import DEMO_FORMATS, examples_dir
    from ..ingest import ingest

    path = folder / "demo-source.duckdb"
    corpus = examples_dir()
    with Store(path) as store:
        ingest([str(corpus / kind) for kind in DEMO_FORMATS if (corpus / kind).is_dir()], store, batch_size=50)
    return path


def generate_store(path: str | Path, articles: int = 100_000, *, source: str | Path | None = None) -> dict[str, Any]:
    """Write a synthetic store of about ``articles`` articles at ``path`` (which must not exist) by copying
    the rows of ``source`` (default: the demo corpus, ingested first) with new ids and dates, then build its
    search index. Returns what was written and how long it took."""
    if articles < 1:
        raise ValueError(f"articles must be >= 1, got {articles}")
    path = Path(path)
    if path.exists():
        raise FileExistsError(f"{path} exists; generate_store writes a new store")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="warta-gen-") as tmp:
        source_path = Path(source) if source is not None else _demo_source(Path(tmp))
        with Store(source_path, read_only=True) as src:
            per_copy = src.con.execute("SELECT count(*) FROM articles").fetchone()[0]
        if per_copy == 0:
            raise ValueError(f"{source_path} holds no article to copy")
        copies = math.ceil(articles / per_copy)
        Store(path).close()  # the schema, as warta writes it
        con = duckdb.connect(str(path))
        try:
            con.execute("SET enable_progress_bar = false")
            con.execute("ATTACH ? AS src (READ_ONLY)", [str(source_path)])
            shifts = [((k * 37) % 1461) - 730 for k in range(copies)]
            con.execute("CREATE TEMP TABLE k AS SELECT unnest(range(?)) AS k, unnest(?::INTEGER[]) AS shift",
                        [copies, shifts])
            with transaction(con):
                for statement in _copy_statements():
                    con.execute(statement)
                stories = _copy_stories(con, copies, shifts)
                con.execute("INSERT INTO runs VALUES ('generated', 'generate_store', now(), now(), ?, ?, 0, 0)",
                            [copies * per_copy, copies * per_copy])
            con.execute("DETACH src")
            copied = time.perf_counter() - started
            index = update_search_index(con)
            con.execute("CHECKPOINT")
        finally:
            con.close()
    return {"path": str(path), "articles": copies * per_copy, "copies": copies, "stories": stories,
            "seconds": round(time.perf_counter() - started, 1), "copy_seconds": round(copied, 1),
            "search_index_seconds": round(time.perf_counter() - started - copied, 1),
            "search_postings_resorted": index["resorted"]}


# -- timing ---------------------------------------------------------------------------------------------------

def _samples(db_path: str) -> dict[str, list[str]]:
    with Store(db_path, read_only=True) as store:
        con = store.con
        stories = [r[0] for r in con.execute("SELECT id FROM stories ORDER BY articles DESC, id LIMIT 200").fetchall()]
        articles = [r[0] for r in con.execute("SELECT id FROM articles USING SAMPLE 200 ROWS").fetchall()]
        events = [r[0] for r in con.execute("SELECT id FROM merged_events USING SAMPLE 200 ROWS").fetchall()]
        outlets = [r[0] for r in con.execute("SELECT outlet FROM articles WHERE outlet IS NOT NULL "
                                             "GROUP BY 1 ORDER BY count(*) DESC LIMIT 10").fetchall()]
        copies = con.execute("SELECT count(*) FROM runs WHERE run_id = 'generated'").fetchone()[0]
    return {"stories": stories or ["none"], "articles": articles or ["none"], "events": events or ["none"],
            "outlets": outlets or ["none"], "generated": ["1"] if copies else []}


def _endpoints(s: dict[str, list[str]]) -> dict[str, tuple[str, Callable[[int], str]]]:
    """name -> (kind, url for the i-th request): kind 'list' (target 100 ms) or 'story' (300 ms) or 'page'."""
    pick = lambda key, i: s[key][i % len(s[key])]  # noqa: E731
    months = [f"2021-{m:02d}" for m in range(1, 13)] + [f"2022-{m:02d}" for m in range(1, 13)]
    rare = (lambda i: f"/api/search?q=arsip{(i * 7) % 5000}") if s["generated"] else (lambda i: "/api/search?q=lavrov")
    return {
        "articles": ("list", lambda i: f"/api/articles?limit=50&offset={(i * 50) % 5000}"),
        "articles?order=desc": ("list", lambda i: f"/api/articles?limit=50&order=desc&offset={(i * 50) % 2000}"),
        "articles?outlet": ("list", lambda i: f"/api/articles?outlet={pick('outlets', i)}&limit=50"),
        "articles?since&until": ("list", lambda i: f"/api/articles?since={months[i % 24]}&until=2023-12-31&limit=50"),
        "articles?story": ("list", lambda i: f"/api/articles?story={pick('stories', i)}"),
        "stories": ("list", lambda i: f"/api/stories?limit=50&offset={(i * 50) % 1000}"),
        "stories?country": ("list", lambda i: f"/api/stories?country={('RUS', 'CHN', 'IDN', 'KAZ')[i % 4]}&limit=50"),
        "stories?since&min_articles": ("list", lambda i: f"/api/stories?since={months[i % 24]}&min_articles=2"),
        "events": ("list", lambda i: f"/api/events?limit=50&offset={(i * 50) % 2000}"),
        "events?pair": ("list", lambda i: f"/api/events?pair={('CHN-RUS', 'RUS-KAZ', 'USA-RUS')[i % 3]}&limit=50"),
        "events?type&since": ("list", lambda i: f"/api/events?type={('CONSULT', 'ACCUSE', 'AGREE')[i % 3]}"
                                                f"&since={months[i % 24]}&limit=50"),
        "events?story": ("list", lambda i: f"/api/events?story={pick('stories', i)}"),
        "events?mentions": ("list", lambda i: "/api/events?mentions=true&country=RUS&limit=50"),
        "actors": ("list", lambda i: f"/api/actors?limit=50&offset={(i * 50) % 500}"),
        "actors?country": ("list", lambda i: f"/api/actors?country={('RUS', 'CHN', 'IDN')[i % 3]}&limit=50"),
        "quotes": ("list", lambda i: f"/api/quotes?limit=50&offset={(i * 50) % 2000}"),
        "quotes?speaker": ("list", lambda i: f"/api/quotes?speaker={('lavrov', 'wang', 'jokowi')[i % 3]}&limit=50"),
        "search (rare word)": ("list", rare),
        "search (two common words)": ("list", lambda i: "/api/search?q=rusia+china"),
        "article": ("page", lambda i: f"/api/articles/{pick('articles', i)}"),
        "event": ("page", lambda i: f"/api/events/{pick('events', i)}"),
        "story page": ("story", lambda i: f"/api/stories/{pick('stories', i)}"),
        "timeline (one month)": ("page", lambda i: f"/api/timeline?a=CHN&b=RUS&by=day&since={months[i % 24]}"
                                                   f"&until={months[i % 24]}-28"),
    }


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(share * len(ordered)) - 1))]


def bench_api(db_path: str | Path, requests: int = 100, *, warmup: int = 3, cold: bool = False,
              only: list[str] | None = None) -> dict[str, Any]:
    """Time every list/filter endpoint, an article, an event and a story page ``requests`` times each
    (in process, through FastAPI's TestClient, so the figures include routing, the store query and JSON
    encoding but no network); returns p50/p95/max in ms per endpoint. ``cold`` empties the server's result
    cache before every request (DuckDB's own buffer cache stays warm, as in a running server); ``only``
    names the endpoints to time (default: all)."""
    from fastapi.testclient import TestClient

    from .app import create_app

    db = str(db_path)
    with Store(db, read_only=True) as store:
        size = store.con.execute("SELECT count(*) FROM articles").fetchone()[0]
    samples = _samples(db)
    with TestClient(create_app(db)) as client:
        clear = client.app.state.cache.clear if cold else (lambda: None)
        results = _time_endpoints(client, samples, requests, warmup, clear, only)
    return {"db": db, "articles": size, "requests_per_endpoint": requests, "cold": cold, "endpoints": results}


def _time_endpoints(client: Any, samples: dict[str, list[str]], requests: int, warmup: int,
                    clear: Callable[[], None], only: list[str] | None = None) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for name, (kind, url) in _endpoints(samples).items():
        if only and name not in only:
            continue
        for i in range(warmup):
            client.get(url(i))
        times, failures = [], []
        for i in range(requests):
            clear()
            started = time.perf_counter()
            response = client.get(url(i))
            times.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                failures.append(f"{url(i)} -> {response.status_code}: {response.text[:200]}")
        target = TARGETS_MS.get(kind)
        p95 = round(_percentile(times, 0.95), 1)
        results[name] = {"kind": kind, "p50_ms": round(statistics.median(times), 1), "p95_ms": p95,
                         "max_ms": round(max(times), 1), "requests": requests, "target_ms": target,
                         "meets_target": p95 <= target if target else None, "failures": failures[:3]}
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m warta.server.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="the store to time (generated first with --generate)")
    parser.add_argument("--generate", type=int, default=None, metavar="N",
                        help="first write a synthetic store of N articles at --db")
    parser.add_argument("--source", default=None, help="the store to multiply (default: the demo corpus)")
    parser.add_argument("--requests", type=int, default=100, help="requests per endpoint")
    parser.add_argument("--cold", action="store_true", help="empty the result cache before every request")
    parser.add_argument("--only", default=None, help="comma-separated endpoint names to time (default: all)")
    args = parser.parse_args(argv)
    if args.generate:
        made = generate_store(args.db, args.generate, source=args.source)
        print(json.dumps({"generated": made}), file=sys.stderr)
    result = bench_api(args.db, args.requests, cold=args.cold, only=args.only.split(",") if args.only else None)
    width = max(len(name) for name in result["endpoints"])
    print(f"{result['articles']:,} articles, {args.requests} requests per endpoint, result cache "
          f"{'emptied before each request' if args.cold else 'on'} (ms)")
    for name, r in result["endpoints"].items():
        verdict = "" if r["target_ms"] is None else \
            ("ok" if r["meets_target"] else "OVER") + f" (p95 <= {r['target_ms']:.0f})"
        print(f"{name:<{width}}  p50 {r['p50_ms']:7.1f}  p95 {r['p95_ms']:7.1f}  max {r['max_ms']:7.1f}  {verdict}"
              + (f"  FAILED: {r['failures'][0]}" if r["failures"] else ""))
    print(json.dumps(result))


if __name__ == "__main__":  # pragma: no cover
    main()
