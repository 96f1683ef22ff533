"""Crash safety (issue 8, item 2): ``kill -9`` during ``warta ingest``, then the same command again, leaves a
consistent store whose content equals that of an uninterrupted run.

The corpus is generated: short Indonesian reports built from templates with varied actors, places and
dates, with exact duplicates, near-duplicate copies (another outlet's re-titled copy with a line of
debris) and rejects (broken JSON, a missing text, a text too short) among them. The ingest runs in a
subprocess with ``--progress`` off and ``--batch-size`` small; its progress is read from the store's
write-ahead log growing (the store itself is locked while it runs), and the kills land at real points of
the run: after some batches, after most of them, and in the final phase (stories, search index, snapshot),
detected as the moment the last batch is in the log.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

ACTORS = [  # (surface in text, country name as written)
    ("Menteri Luar Negeri China Wang Yi", "China"), ("Menteri Luar Negeri Rusia Sergei Lavrov", "Rusia"),
    ("Presiden Joko Widodo", "Indonesia"), ("Menteri Luar Negeri Retno Marsudi", "Indonesia"),
    ("Presiden Kazakhstan Kassym-Jomart Tokayev", "Kazakhstan"), ("Presiden Rusia Vladimir Putin", "Rusia"),
    ("Presiden China Xi Jinping", "China"), ("Perdana Menteri India Narendra Modi", "India"),
    ("Presiden Amerika Serikat Joe Biden", "Amerika Serikat"), ("Kanselir Jerman Olaf Scholz", "Jerman"),
    ("Presiden Prancis Emmanuel Macron", "Prancis"), ("Perdana Menteri Jepang Fumio Kishida", "Jepang"),
]
TOPICS = ["perdagangan", "energi", "keamanan kawasan", "pangan", "kesehatan", "pendidikan", "investasi",
          "infrastruktur", "pertahanan", "pariwisata", "teknologi digital", "perubahan iklim"]
VERBS = [("bertemu dengan", "Pertemuan"), ("menelepon", "Percakapan telepon"), ("mengunjungi", "Kunjungan"),
         ("mengkritik", "Kritik"), ("mendukung", "Dukungan"), ("menolak usulan", "Penolakan")]
OUTLETS = ["Antara", "Kompas.com", "Tempo.co", "Detik.com", "Okezone", "Republika", "Liputan6.com", "VIVA"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]
SYLLABLES = ["ka", "ra", "wi", "tu", "me", "lo", "sa", "ni", "po", "de", "ga", "ru", "ba", "si", "jo", "le"]
OPENINGS = [
    "{city} - {a} {verb} {b} pada {date} untuk membahas proyek {p1} di wilayah {p2}.",
    "{a} {verb} {b} di {city} pada {date}. Pembicaraan itu berpusat pada proyek {p1} di {p2}.",
    "Proyek {p1} di {p2} menjadi pokok pembicaraan ketika {a} {verb} {b} di {city}, {date}.",
]
MIDDLES = [
    "\"Kami ingin proyek {p1} selesai tepat waktu demi kerja sama {topic},\" kata {short} kepada wartawan.",
    "Menurut {short}, warga {p2} akan merasakan manfaat proyek {p1} senilai {amount} juta dolar.",
    "Kepala daerah {p2}, {p3}, menyebut proyek {p1} sebagai harapan baru bagi kerja sama {topic}.",
]
CLOSINGS = [
    "Pembicaraan lanjutan tentang {p1} dijadwalkan bulan depan dengan {people} peserta.",
    "Sebanyak {people} pejabat hadir dalam acara yang berlangsung selama {hours} jam tersebut.",
    "Para pengamat menilai proyek {p1} penting bagi stabilitas {p2} dan sekitarnya.",
]


def _name(index: int) -> str:
    """A made-up proper name, distinct for every index (four syllables, base 16)."""
    digits = [(index >> shift) & 15 for shift in (12, 8, 4, 0)]
    return "".join(SYLLABLES[d] for d in digits).capitalize()


def _story(rng: random.Random, s: int) -> dict:
    """What the reports of one happening share: two actors, a verb, three made-up names, a place, a week."""
    (a, country_a), (b, country_b) = rng.sample(ACTORS, 2)
    verb, noun = rng.choice(VERBS)
    return {"a": a, "b": b, "country_a": country_a, "country_b": country_b, "verb": verb, "noun": noun,
            "p1": _name(3 * s), "p2": _name(3 * s + 1), "p3": f"Bupati {_name(3 * s + 2)}",
            "topic": rng.choice(TOPICS), "city": rng.choice(["Jakarta", "Beijing", "Moskow", "Astana", "Tokyo"]),
            "start": 9 * s}  # stories a week and more apart: each report within three days of its story's start


def _article(rng: random.Random, story: dict, n: int) -> dict:
    """One distinct report of ``story``; ``n`` makes its numbers unique."""
    day = story["start"] + rng.randrange(3)
    year, month, mday = 2015 + day // 336, day % 336 // 28, 1 + day % 28
    values = story | {"date": f"{mday} {MONTHS[month]} {year}", "short": story["a"].split()[-1],
                      "amount": 100 + (n * 37) % 9000, "people": 20 + n % 480, "hours": 1 + n % 7}
    paragraphs = [rng.choice(OPENINGS), rng.choice(MIDDLES) + " " + rng.choice(MIDDLES), rng.choice(CLOSINGS)]
    text = "\n\n".join(p.format(**values) for p in paragraphs) + f" Laporan nomor {n}."
    outlet = rng.choice(OUTLETS)
    return {"title": f"{story['noun']} {story['country_a']}-{story['country_b']} soal proyek {story['p1']} ({n})",
            "outlet": outlet, "url": f"https://{outlet.lower()}.example/berita/{n}",
            "published": f"{year}-{month + 1:02d}-{mday:02d}T{8 + n % 10:02d}:{n % 60:02d}:00+07:00", "text": text}


def _near_copy(original: dict, n: int) -> dict:
    """Another outlet's copy: re-titled, its own last sentence, a reader widget and a 'Baca juga' line."""
    outlet = OUTLETS[(OUTLETS.index(original["outlet"]) + 1) % len(OUTLETS)]
    text = (f"loading...\n{original['text']} Berita ini disadur oleh redaksi {outlet} pada hari yang sama."
            f"\n\nBaca juga: Berita lain nomor {n}")
    return original | {"title": original["title"].upper(), "outlet": outlet,
                       "url": f"https://{outlet.lower()}.example/salinan/{n}", "text": text}


def _reject(n: int) -> str:
    return [f'{{"title": "rusak {n}", "text": "tanpa akhir', json.dumps({"title": f"kosong {n}"}),
            json.dumps({"title": f"pendek {n}", "text": "Singkat."})][n % 3]


def corpus_lines(count: int, *, seed: int = 8) -> list[str]:
    """``count`` JSONL lines in stories of one to eight reports: about 90 % distinct reports, 4 % exact
    duplicates, 4 % near-duplicate copies and 2 % rejects (broken JSON, no text field, a text too short)."""
    rng = random.Random(seed)
    lines: list[str] = []
    originals: list[dict] = []
    story, left, s = None, 0, 0
    for n in range(count):
        roll = rng.random()
        if roll < 0.04 and originals:
            lines.append(json.dumps(rng.choice(originals[-20:]), ensure_ascii=False))
        elif roll < 0.08 and originals:
            lines.append(json.dumps(_near_copy(rng.choice(originals[-20:]), n), ensure_ascii=False))
        elif roll < 0.10:
            lines.append(_reject(n))
        else:
            if left == 0:
                story, left, s = _story(rng, s), rng.choice([1, 1, 2, 3, 4, 8]), s + 1
            left -= 1
            originals.append(_article(rng, story, n))
            lines.append(json.dumps(originals[-1], ensure_ascii=False))
    return lines


def write_corpus(path: Path, count: int, *, seed: int = 8) -> Path:
    path.write_text("\n".join(corpus_lines(count, seed=seed)) + "\n", encoding="utf-8")
    return path


# -- running and killing `warta ingest` ------------------------------------------------------------------------

#: what the comparison ignores: when and by which run a row was written
VOLATILE = {"articles": ("run_id", "ingested_at"), "stories": ("updated_at",)}
CONTENT_TABLES = ("articles", "entities", "actors", "events", "quotes", "article_signatures", "near_duplicates",
                  "stories", "story_articles", "merged_events", "event_mentions", "search_docs", "search_postings")


def _ingest_command(corpus: Path, db: Path, batch_size: int) -> list[str]:
    return [sys.executable, "-c", "from warta.cli.main import main; main()", "-v", "ingest", str(corpus), "--db",
            str(db), "--no-progress", "--batch-size", str(batch_size), "--format", "json"]


def start_ingest(corpus: Path, db: Path, batch_size: int) -> subprocess.Popen:
    """The ingest in a subprocess, its output in files beside the store (a pipe nobody reads could fill up)."""
    out, err = (open(f"{db}.{name}.log", "w+", encoding="utf-8") for name in ("out", "err"))
    process = subprocess.Popen(_ingest_command(corpus, db, batch_size), stdout=out, stderr=err, text=True)
    process.log_files = (out, err)
    return process


def finish_ingest(process: subprocess.Popen) -> dict:
    """The run's JSON summary once the ingest ended (it must end well)."""
    process.wait(timeout=900)
    out, err = process.log_files
    out.seek(0), err.seek(0)
    summary, log = out.read(), err.read()
    out.close(), err.close()
    assert process.returncode == 0, log[-3000:]
    return json.loads(summary.strip().splitlines()[-1])


def run_and_kill(corpus: Path, db: Path, batch_size: int, *, marker: str, delay: float = 0.0) -> tuple[str, bool]:
    """Run the ingest and SIGKILL it ``delay`` seconds after a line of its log (``-v``) holds ``marker``;
    returns the last line of its log before the kill (where the run was) and whether the kill landed
    (the last phase, publishing the snapshot, may end before the signal arrives)."""
    process = subprocess.Popen(_ingest_command(corpus, db, batch_size), stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    last = ""
    try:
        for line in process.stderr:
            if line.startswith("INFO"):
                last = line.strip()
            if marker in line:
                time.sleep(delay)
                process.send_signal(signal.SIGKILL)
                break
        process.wait(timeout=900)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stderr.close()
    assert process.returncode in (0, -signal.SIGKILL), f"the ingest failed ({process.returncode}) before {marker!r}"
    assert last, "the ingest logged nothing"
    return last, process.returncode == -signal.SIGKILL


# -- what a consistent store is --------------------------------------------------------------------------------

CONSISTENCY = {
    "an article whose entity/actor/event/quote rows differ from its document": """
        SELECT a.id FROM articles a
        LEFT JOIN (SELECT article_id, count(*) n FROM entities GROUP BY 1) e ON e.article_id = a.id
        LEFT JOIN (SELECT article_id, count(*) n FROM actors GROUP BY 1) c ON c.article_id = a.id
        LEFT JOIN (SELECT article_id, count(*) n FROM events GROUP BY 1) v ON v.article_id = a.id
        LEFT JOIN (SELECT article_id, count(*) n FROM quotes GROUP BY 1) q ON q.article_id = a.id
        WHERE coalesce(e.n, 0) <> json_array_length(a.doc, '$.entities')
           OR coalesce(c.n, 0) <> json_array_length(a.doc, '$.actors')
           OR coalesce(v.n, 0) <> json_array_length(a.doc, '$.events')
           OR coalesce(q.n, 0) <> json_array_length(a.doc, '$.quotes')""",
    "a row of an article that is not stored": """
        SELECT article_id FROM (SELECT article_id FROM entities UNION ALL SELECT article_id FROM actors
            UNION ALL SELECT article_id FROM events UNION ALL SELECT article_id FROM quotes)
        WHERE article_id NOT IN (SELECT id FROM articles)""",
    "an article not stored by exactly one input": """
        SELECT a.id FROM articles a LEFT JOIN inputs i ON i.article_id = a.id AND i.outcome = 'stored'
        GROUP BY a.id HAVING count(i.article_id) <> 1""",
    "an input without its outcome": """
        SELECT input_ref FROM inputs WHERE outcome NOT IN ('stored', 'duplicate', 'rejected')
            OR (outcome = 'rejected' AND reason IS NULL)
            OR (outcome <> 'rejected' AND article_id NOT IN (SELECT id FROM articles))""",
    "a story member without its story": "SELECT article_id FROM story_articles WHERE story_id NOT IN "
                                        "(SELECT id FROM stories) OR article_id NOT IN (SELECT id FROM articles)",
    "a story whose counts differ from its members": """
        SELECT s.id FROM stories s LEFT JOIN story_articles m ON m.story_id = s.id
        GROUP BY s.id, s.size, s.articles, s.copies
        HAVING count(m.article_id) = 0 OR count(m.article_id) <> s.size OR s.articles + s.copies <> s.size
            OR count(m.copy_of) <> s.copies""",
    "a near-duplicate copy not in a story as the copy of its original": """
        SELECT n.article_id FROM near_duplicates n LEFT JOIN story_articles m ON m.article_id = n.article_id
        WHERE m.copy_of IS DISTINCT FROM n.original_id""",
    "a merged event whose mentions are missing": """
        SELECT e.id FROM merged_events e LEFT JOIN event_mentions m ON m.merged_id = e.id
        GROUP BY e.id, e.mentions, e.story_id HAVING count(m.merged_id) = 0 OR count(m.merged_id) <> e.mentions
            OR e.story_id NOT IN (SELECT id FROM stories)""",
    "a mention of no merged event or of no stored event": """
        SELECT m.merged_id FROM event_mentions m LEFT JOIN events v ON v.article_id = m.article_id AND v.seq = m.seq
        WHERE m.merged_id NOT IN (SELECT id FROM merged_events) OR v.article_id IS NULL""",
    "a story whose events are not merged": """
        SELECT m.article_id FROM story_articles m JOIN events v ON v.article_id = m.article_id
        WHERE (v.article_id, v.seq) NOT IN (SELECT (article_id, seq) FROM event_mentions)""",
}
SEARCH_CONSISTENCY = {
    "an indexed document that is not a stored article, or indexed twice": """
        SELECT article_id FROM search_docs GROUP BY article_id
        HAVING count(*) <> 1 OR article_id NOT IN (SELECT id FROM articles)""",
    "a posting of no indexed document": "SELECT doc FROM search_postings WHERE doc NOT IN (SELECT doc FROM search_docs)",
    "an indexed document whose length differs from its postings": """
        SELECT d.doc FROM search_docs d LEFT JOIN (SELECT doc, sum(tf) n FROM search_postings GROUP BY doc) p
            ON p.doc = d.doc WHERE coalesce(p.n, 0) <> d.length""",
}


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}


def inconsistencies(con: duckdb.DuckDBPyConnection) -> dict[str, list]:
    """Every rule a store breaks, with up to five offending keys."""
    checks = dict(CONSISTENCY)
    found = {}
    search_tables = _tables(con) & {"search_docs", "search_postings", "search_state"}
    if search_tables and len(search_tables) < 3:
        found["the search index's tables half made"] = sorted(search_tables)
    elif search_tables:
        checks |= SEARCH_CONSISTENCY
    for rule, query in checks.items():
        rows = con.execute(query).fetchall()
        if rows:
            found[rule] = [r[0] for r in rows[:5]]
    return found


def state(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """How far a store got: articles stored, placed in stories, indexed for search."""
    indexed = con.execute("SELECT count(*) FROM search_docs").fetchone()[0] if "search_docs" in _tables(con) else 0
    return {"articles": con.execute("SELECT count(*) FROM articles").fetchone()[0],
            "in_stories": con.execute("SELECT count(*) FROM story_articles").fetchone()[0], "indexed": indexed}


def content(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    """What the store holds, without when and by which run it was written."""
    out = {}
    for table in CONTENT_TABLES:
        exclude = f" EXCLUDE ({', '.join(VOLATILE[table])})" if table in VOLATILE else ""
        out[table] = con.execute(f"SELECT *{exclude} FROM {table} ORDER BY ALL").fetchall()
    return out


def open_read_only(path: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(path), read_only=True)


def kill_and_rerun(tmp_path: Path, count: int, batch_size: int, kills: list[tuple[str, float]]) -> list[dict]:
    """The reference (one uninterrupted run), then the same command killed at each of ``kills`` in turn
    (a log marker, and how long after it: seconds, or for ``phase stories`` the share of the reference's
    story update) and run once more to the end; checks each step, returns where each kill landed."""
    corpus = write_corpus(tmp_path / "corpus.jsonl", count)
    reference_db, crashed_db = tmp_path / "reference.duckdb", tmp_path / "crashed.duckdb"
    reference = start_ingest(corpus, reference_db, batch_size)  # on the other core meanwhile
    reference_run: dict | None = None
    report = []
    for marker, delay in kills:
        if marker == "phase stories":
            reference_run = reference_run or finish_ingest(reference)
            delay *= reference_run["stories"]["seconds"]
        where, killed = run_and_kill(corpus, crashed_db, batch_size, marker=marker, delay=delay)
        with open_read_only(crashed_db) as con:
            assert inconsistencies(con) == {}, f"inconsistent after a kill at {marker!r}"
            report.append({"kill": marker, "after_seconds": round(delay, 2), "killed": killed, "last_log": where,
                           **state(con)})
    final = finish_ingest(start_ingest(corpus, crashed_db, batch_size))
    assert final["read"] == count
    reference_run = reference_run or finish_ingest(reference)
    assert reference_run["read"] == count and reference_run["rejected"] > 0 and reference_run["duplicate"] > 0
    assert reference_run["stories"]["copies"] > 0 and reference_run["stories"]["new_stories"] > count // 10
    with open_read_only(reference_db) as ref, open_read_only(crashed_db) as con:
        assert inconsistencies(con) == {}
        expected, got = content(ref), content(con)
        stored = reference_run["stored"]
        assert state(con) == state(ref) == {"articles": stored, "in_stories": stored, "indexed": stored}
        for table in CONTENT_TABLES:
            assert got[table] == expected[table], f"{table} differs from the uninterrupted run's"
    with open_read_only(Path(str(crashed_db) + ".read")) as snapshot:  # the published snapshot: the same
        assert content(snapshot) == expected
    return report


def _batch_marker(count: int, batch_size: int, share: float) -> str:
    return f": batch {max(1, round(count / batch_size * share))} committed"


def test_kill_9_during_ingest_then_the_same_command_again(tmp_path):
    """Killed after 30 % and 60 % of the batches, halfway through the story update, at the search index
    and at the snapshot: consistent after every kill, and the final store equals an uninterrupted run's."""
    count, batch_size = 300, 10
    kills = [(_batch_marker(count, batch_size, 0.3), 0.0), (_batch_marker(count, batch_size, 0.6), 0.05),
             ("phase stories", 0.5), ("phase search-index", 0.0), ("phase snapshot", 0.0)]
    report = kill_and_rerun(tmp_path, count, batch_size, kills)
    print(json.dumps(report, indent=1))
    assert all(step["killed"] for step in report[:4])  # (the snapshot is published in milliseconds)
    assert report[0]["articles"] < report[1]["articles"]  # the kills landed in turn


@pytest.mark.slow
def test_kill_9_during_an_ingest_of_5000_documents(tmp_path):
    """The issue's case: 5,000 documents, killed after 30 % of the batches and halfway through the story update."""
    count, batch_size = 5000, 200
    report = kill_and_rerun(tmp_path, count, batch_size,
                            [(_batch_marker(count, batch_size, 0.3), 0.0), ("phase stories", 0.5)])
    print(json.dumps(report, indent=1))
    assert all(step["killed"] for step in report) and report[0]["articles"] < report[1]["articles"]
