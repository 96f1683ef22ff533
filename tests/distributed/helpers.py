"""Inputs for the ``warta run`` tests, and comparing the content of two stores or two runs."""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

import duckdb

from read.read_helpers import build_article, gzip_members, http_response, standard_records, warc_record

REPO = Path(__file__).resolve().parents[2]
STORIES_CORPUS = REPO / "tests" / "gold" / "stories_corpus" / "articles.jsonl"

#: columns that belong to one run, not to the content (ids of runs, clock times, the position in one run)
RUN_COLUMNS = {"run_id", "ingested_at", "read_at", "started", "finished", "command", "updated_at"}
CONTENT_TABLES = ("articles", "entities", "actors", "events", "quotes", "inputs", "article_signatures",
                  "near_duplicates", "stories", "story_articles", "merged_events", "event_mentions")
_JSON_COLUMNS = {"removed", "repairs", "warnings", "doc", "outlets", "actors", "summary", "centroid",
                 "reported_by", "attributed_to", "spans"}

ACTORS = [("Presiden China Xi Jinping", "Presiden Rusia Vladimir Putin"),
          ("Menteri Luar Negeri Retno Marsudi", "Menteri Luar Negeri Malaysia Saifuddin Abdullah"),
          ("Presiden Joko Widodo", "Perdana Menteri Jepang Fumio Kishida"),
          ("Menteri Luar Negeri Rusia Sergey Lavrov", "Menteri Luar Negeri China Wang Yi")]
VERBS = ["bertemu dengan", "mengecam", "menandatangani perjanjian dengan", "mengundang", "menolak usulan"]


def generated_articles(count: int, seed: int = 3) -> list[dict]:
    """``count`` short distinct Indonesian articles as JSON Lines objects."""
    rng = random.Random(seed)
    items = []
    for n in range(count):
        a, b = ACTORS[n % len(ACTORS)]
        verb = VERBS[(n // len(ACTORS)) % len(VERBS)]
        day = 1 + n % 27
        text = (f"JAKARTA - {a} {verb} {b} di Jakarta pada Senin ({day}/3/2023), kata juru bicara nomor {n}. "
                f"Pertemuan ke-{n} itu membahas kerja sama perdagangan, keamanan kawasan dan investasi senilai "
                f"{rng.randint(1, 900)} juta dolar. \"Kami ingin hubungan yang lebih erat,\" kata {a.split()[-1]}.")
        items.append({"title": f"{a.split()[-1]} {verb} {b.split()[-1]} ({n})", "text": text,
                      "published": f"2023-03-{day:02d}T10:00:00+07:00", "outlet": f"Outlet {n % 5}",
                      "url": f"https://warta.example/{n}"})
    return items


def write_mixed_inputs(folder: Path, *, generated: int = 60) -> list[str]:
    """A folder of every kind of input, with exact duplicates across files and some rejects."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(a, ensure_ascii=False) for a in generated_articles(generated)]
    big = lines + [lines[3], "{not json", "", json.dumps({"text": ""}), lines[10]]
    (folder / "a-big.jsonl").write_text("\n".join(big) + "\n", encoding="utf-8")
    (folder / "b-stories.jsonl").write_bytes(STORIES_CORPUS.read_bytes())
    (folder / "c-page.html").write_text(build_article(), encoding="utf-8")
    (folder / "d-archive.warc.gz").write_bytes(gzip_members(standard_records()))
    records = [warc_record("response", f"https://warta.example/w{n}",
                           http_response(build_article(f"Berita arsip {n}", comments=False).encode()),
                           "application/http; msgtype=response", 10 + n) for n in range(3)]
    (folder / "e-plain.warc").write_bytes(b"".join(records))
    (folder / "f-copy.jsonl").write_text("\n".join(lines[:5]) + "\n", encoding="utf-8")  # duplicates of a-big
    (folder / "g-empty.txt").write_bytes(b"")
    (folder / "h-binary.bin").write_bytes(bytes(range(256)) * 4)
    (folder / "i-packed.jsonl.gz").write_bytes(gzip.compress(("\n".join(lines[20:30]) + "\n").encode()))
    sub = folder / "j-sub"
    sub.mkdir(exist_ok=True)
    (sub / "k-note.txt").write_text("JAKARTA - " + generated_articles(1, seed=9)[0]["text"], encoding="utf-8")
    return [str(folder)]


def _normal(column: str, value):
    if column in _JSON_COLUMNS and isinstance(value, str) and value[:1] in ("{", "["):
        return json.dumps(json.loads(value), sort_keys=True, ensure_ascii=False)
    return value


def content(db: str | Path) -> dict[str, list]:
    """Every content table's rows (run columns left out, JSON compared by value), sorted."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return _content(con, lambda t: t)
    finally:
        con.close()


def tables_content(tables_dir: Path) -> dict[str, list]:
    """The same from a run's ``tables/*.parquet``."""
    con = duckdb.connect()
    try:
        return _content(con, lambda t: f"read_parquet('{tables_dir / (t + '.parquet')}')")
    finally:
        con.close()


def _content(con, source) -> dict[str, list]:
    out: dict[str, list] = {}
    for table in CONTENT_TABLES:
        cursor = con.execute(f"SELECT * FROM {source(table)}")
        columns = [d[0] for d in cursor.description]
        keep = [i for i, c in enumerate(columns) if c not in RUN_COLUMNS and not (table == "inputs" and c == "seq")]
        rows = [tuple(_normal(columns[i], row[i]) for i in keep) for row in cursor.fetchall()]
        out[table] = sorted(rows, key=repr)
    return out


def inputs_in_order(db: str | Path) -> list[tuple]:
    """(input_ref, outcome, article_id, reason) of every input read, in reading order."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT input_ref, outcome, article_id, reason FROM inputs ORDER BY run_id, seq").fetchall()
    finally:
        con.close()
