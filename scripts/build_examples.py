#!/usr/bin/env python3
"""Build and check warta's sample corpus (examples/).

    python scripts/build_examples.py           # (re)write examples/warc/crawl_sample.warc.gz
    python scripts/build_examples.py --check   # verify the corpus against tests/gold/clean_examples.json

The WARC file is made from the pages in scripts/examples_warc_src/*.html (sorted by name). Each page becomes
a request record and a response record (HTTP/1.1 200, text/html; charset=utf-8), after one warcinfo
record. The records are written by hand as WARC/1.0, each one compressed as its own gzip member
with mtime=0, and every date and record id is fixed, so the output is byte-identical on every run.

``--check`` verifies that:
- the gold file is valid JSON in the agreed shape (fields, reasons, languages, dates);
- every gold document exists (text file, HTML page, JSONL line, WARC response record), and the
  WARC on disk is exactly what this script builds from scripts/examples_warc_src/;
- for plain text (files and JSONL ``text``): every debris text occurs verbatim in the source, every
  body paragraph occurs verbatim once the gold repairs are applied to the source (so a repaired
  paragraph occurs with its glued form), every repair's glued form occurs in the source, and every
  non-blank source line is accounted for by the gold (a debris line, or a body paragraph with its
  dateline prefix and trailing author tag);
- for HTML (pages, WARC records, JSONL ``html``): every body paragraph is the text of a ``<p>`` of
  the page (the first one after its dateline prefix, an inline author tag cut off its end), in page
  order, and every debris text is the text of an element of the page or that dateline prefix;
- no line of the seed articles in ../shared (when present) occurs anywhere in examples/.
"""

from __future__ import annotations

import argparse
import base64
import gzip
import hashlib
import json
import re
import sys
import uuid
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
GOLD = REPO / "tests" / "gold" / "clean_examples.json"
WARC_SRC = Path(__file__).resolve().parent / "examples_warc_src"
WARC_OUT = EXAMPLES / "warc" / "crawl_sample.warc.gz"

#: capture time of each page in scripts/examples_warc_src (UTC), by file name
CAPTURED = {
    "01_cnnindonesia_patrushev.html": "2022-09-20T04:12:37Z",
    "02_suara_jokowi_g20.html": "2022-11-15T09:05:11Z",
}
WARCINFO_DATE = "2022-11-15T09:10:00Z"
WARC_NAMESPACE = uuid.UUID("6f1c3c9e-8a51-4b0e-9d2a-5b7e0c9a1f42")  # fixed: record ids are uuid5 in it

REASONS = {
    "title", "date", "byline", "author-tag", "dateline", "boilerplate", "caption", "related", "promo",
    "copyright", "tags", "heading", "comment-widget", "advertisement", "duplicate",
}
FIELDS = ["file", "title", "outlet", "dateline", "published", "author", "language", "body", "debris", "repairs"]
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?[+-]\d{2}:\d{2})?$")
_WS = re.compile(r"\s+")
_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')
_HTTP_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


# -- WARC ---------------------------------------------------------------------------------------

def _record_id(*parts: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(WARC_NAMESPACE, '|'.join(parts))}>"


def _digest(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def _http_date(warc_date: str) -> str:
    # 2022-09-20T04:12:37Z -> Tue, 20 Sep 2022 04:12:37 GMT (weekday computed without locale)
    import datetime as _dt

    d = _dt.datetime.strptime(warc_date, "%Y-%m-%dT%H:%M:%SZ")
    day = "Mon Tue Wed Thu Fri Sat Sun".split()[d.weekday()]
    return f"{day}, {d.day:02d} {_HTTP_MONTHS[d.month - 1]} {d.year} {d:%H:%M:%S} GMT"


def _record(headers: list[tuple[str, str]], block: bytes) -> bytes:
    head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers)
    head += f"Content-Length: {len(block)}\r\n\r\n"
    return head.encode("utf-8") + block + b"\r\n\r\n"


def _gz(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def warc_pages() -> list[tuple[str, str, bytes]]:
    """(file name, target URI, HTML bytes) of the pages that go into the WARC, in order."""
    pages = []
    for path in sorted(WARC_SRC.glob("*.html")):
        html = path.read_bytes()
        m = _CANONICAL.search(html.decode("utf-8"))
        if not m:
            raise SystemExit(f"{path}: no <link rel=\"canonical\"> to take the target URI from")
        if path.name not in CAPTURED:
            raise SystemExit(f"{path}: add its capture date to CAPTURED in {Path(__file__).name}")
        pages.append((path.name, m.group(1), html))
    return pages


def build_warc() -> bytes:
    out = []
    filename = WARC_OUT.name
    info = (
        "software: warta scripts/build_examples.py\r\n"
        "format: WARC File Format 1.0\r\n"
        "conformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.0/\r\n"
        "description: warta sample corpus, pages written for warta\r\n"
        "isPartOf: warta-examples\r\n"
    ).encode("utf-8")
    out.append(_gz(_record([
        ("WARC-Type", "warcinfo"),
        ("WARC-Record-ID", _record_id("warcinfo", filename)),
        ("WARC-Date", WARCINFO_DATE),
        ("WARC-Filename", filename),
        ("Content-Type", "application/warc-fields"),
    ], info)))
    for name, uri, html in warc_pages():
        date = CAPTURED[name]
        host = re.match(r"https?://([^/]+)", uri).group(1)
        path = uri.split(host, 1)[1] or "/"
        request = (
            f"GET {path} HTTP/1.1\r\n"
            f"Host: {host}\r\n"
            "User-Agent: Mozilla/5.0 (compatible; warta-examples/1.0)\r\n"
            "Accept: text/html,application/xhtml+xml\r\n"
            "Accept-Language: id,en;q=0.8\r\n"
            "\r\n"
        ).encode("utf-8")
        http_head = (
            "HTTP/1.1 200 OK\r\n"
            f"Date: {_http_date(date)}\r\n"
            "Content-Type: text/html; charset=utf-8\r\n"
            f"Content-Length: {len(html)}\r\n"
            "Connection: close\r\n"
            "\r\n"
        ).encode("utf-8")
        response = http_head + html
        response_id = _record_id("response", uri, date)
        out.append(_gz(_record([
            ("WARC-Type", "request"),
            ("WARC-Record-ID", _record_id("request", uri, date)),
            ("WARC-Date", date),
            ("WARC-Target-URI", uri),
            ("WARC-Concurrent-To", response_id),
            ("WARC-Block-Digest", _digest(request)),
            ("Content-Type", "application/http; msgtype=request"),
        ], request)))
        out.append(_gz(_record([
            ("WARC-Type", "response"),
            ("WARC-Record-ID", response_id),
            ("WARC-Date", date),
            ("WARC-Target-URI", uri),
            ("WARC-Block-Digest", _digest(response)),
            ("WARC-Payload-Digest", _digest(html)),
            ("Content-Type", "application/http; msgtype=response"),
        ], response)))
    return b"".join(out)


def read_warc_responses(data: bytes) -> list[tuple[str, bytes]]:
    """(target URI, HTTP body) of every response record; a small reader independent of warta's."""
    raw = gzip.decompress(data)  # all members
    pos, out = 0, []
    while pos < len(raw):
        end = raw.index(b"\r\n\r\n", pos)
        head = raw[pos:end].decode("utf-8").split("\r\n")
        if head[0] != "WARC/1.0":
            raise ValueError(f"record at byte {pos} does not start with WARC/1.0")
        fields = dict(line.split(": ", 1) for line in head[1:])
        length = int(fields["Content-Length"])
        block = raw[end + 4 : end + 4 + length]
        if raw[end + 4 + length : end + 8 + length] != b"\r\n\r\n":
            raise ValueError(f"record at byte {pos}: block not followed by CRLF CRLF")
        pos = end + 8 + length
        if fields["WARC-Type"] == "response":
            http_end = block.index(b"\r\n\r\n")
            out.append((fields["WARC-Target-URI"], block[http_end + 4 :]))
    return out


# -- check --------------------------------------------------------------------------------------

def norm(text: str) -> str:
    return _WS.sub(" ", text).strip()


class Problems(list):
    def add(self, where: str, msg: str) -> None:
        self.append(f"{where}: {msg}")


def check_shape(gold: object, problems: Problems) -> list[dict]:
    if not isinstance(gold, list):
        problems.add("gold", "not a JSON list")
        return []
    for i, g in enumerate(gold):
        where = f"gold[{i}] {g.get('file') if isinstance(g, dict) else '?'}"
        if not isinstance(g, dict):
            problems.add(where, "not an object")
            continue
        for f in FIELDS:
            if f not in g:
                problems.add(where, f"missing field {f!r}")
        extra = set(g) - set(FIELDS) - {"record"}
        if extra:
            problems.add(where, f"unexpected fields {sorted(extra)}")
        if g.get("file", "").endswith((".jsonl", ".warc.gz")) and not isinstance(g.get("record"), int):
            problems.add(where, "WARC/JSONL entries need an integer 'record'")
        if g.get("language") not in ("id", "en"):
            problems.add(where, f"language {g.get('language')!r}")
        pub = g.get("published")
        if pub is not None and not _ISO.match(pub):
            problems.add(where, f"published {pub!r} is not ISO 8601 with offset (or a date)")
        if not g.get("body") or not all(isinstance(p, str) and p.strip() for p in g.get("body", [])):
            problems.add(where, "body must be a non-empty list of non-empty strings")
        for d in g.get("debris", []):
            if set(d) != {"text", "reason"} or d["reason"] not in REASONS or not d["text"].strip():
                problems.add(where, f"bad debris item {d!r}")
        for r in g.get("repairs", []):
            if set(r) != {"before", "after"} or r["before"].replace(" ", "") != r["after"].replace(" ", "") \
                    or " " in r["before"] or " " not in r["after"]:
                problems.add(where, f"bad repair {r!r}")
    return [g for g in gold if isinstance(g, dict)]


def check_text(where: str, raw: str, g: dict, problems: Problems) -> None:
    for d in g["debris"]:
        if d["text"] not in raw:
            problems.add(where, f"debris not in source: {d['text'][:80]!r}")
    repaired = raw
    for r in g["repairs"]:
        if r["before"] not in raw:
            problems.add(where, f"glued form not in source: {r['before']!r}")
        repaired = repaired.replace(r["before"], r["after"])
    pos = 0
    for p in g["body"]:
        at = repaired.find(p, pos)
        if at < 0:
            problems.add(where, f"body paragraph not in source (or out of order): {p[:80]!r}")
        else:
            pos = at + len(p)
    # every non-blank line is accounted for
    debris = Counter(d["text"] for d in g["debris"])
    prefixes = [d["text"] for d in g["debris"] if d["reason"] == "dateline"]
    tags = [d["text"] for d in g["debris"] if d["reason"] == "author-tag"]
    unglue = lambda s: _apply(s, g["repairs"])  # noqa: E731
    body = Counter(g["body"])
    for n, line in enumerate(raw.split("\n"), 1):
        if not line.strip():
            continue
        if debris[line] > 0:
            debris[line] -= 1
            continue
        text, used = line, []
        for pre in prefixes:
            if text.startswith(pre + " ") and debris[pre] > 0:
                text = text[len(pre) + 1 :]
                used.append(pre)
        for tag in tags:
            if text.endswith(" " + tag) and debris[tag] > 0:
                text = text[: -len(tag) - 1]
                used.append(tag)
        text = unglue(text)
        if body[text] > 0:
            body[text] -= 1
            for piece in used:
                debris[piece] -= 1
        else:
            problems.add(where, f"line {n} is neither body nor debris in gold: {line[:80]!r}")
    if +debris:
        problems.add(where, f"debris listed more often than it occurs: {list((+debris).elements())[:3]}")


def _apply(text: str, repairs: list[dict]) -> str:
    for r in repairs:
        text = text.replace(r["before"], r["after"])
    return text


def check_html(where: str, html: str, g: dict, problems: Problems) -> None:
    from lxml import html as lxml_html

    tree = lxml_html.fromstring(html)
    paragraphs = [norm(p.text_content()) for p in tree.iter("p")]
    elements = {norm(el.text_content()) for el in tree.iter() if isinstance(el.tag, str)}
    prefixes = [d["text"] for d in g["debris"] if d["reason"] == "dateline"]
    tags = [d["text"] for d in g["debris"] if d["reason"] == "author-tag"]
    body_texts = set(g["body"])
    pos = 0
    for i, p in enumerate(g["body"]):
        want = [p] + [pre + " " + p for pre in prefixes if i == 0]
        want += [w + " " + t for w in list(want) for t in tags]
        hits = [k for k in range(pos, len(paragraphs)) if paragraphs[k] in want]
        if not hits:
            problems.add(where, f"body paragraph is not the text of a <p> (in order): {p[:80]!r}")
        else:
            pos = hits[0] + 1
    for d in g["debris"]:
        t = norm(d["text"])
        if d["reason"] == "dateline":
            if not any(par.startswith(t + " ") for par in paragraphs):
                problems.add(where, f"dateline prefix opens no <p>: {t!r}")
        elif t not in elements:
            problems.add(where, f"debris is not the text of an element: {t[:80]!r}")
        if t in body_texts:
            problems.add(where, f"debris also listed as body: {t[:80]!r}")


def check_seed_overlap(problems: Problems) -> int:
    """No line or sentence of the shared seed articles may occur in examples/ (when ../shared exists)."""
    seeds = REPO.parent / "shared" / "dev" / "seeds"
    if not seeds.is_dir():
        return 0
    pieces = set()
    for f in seeds.glob("*.txt"):
        for line in f.read_text(encoding="utf-8").splitlines():
            for sent in re.split(r"(?<=[.!?”\"])\s+", line.strip()):
                if len(sent) >= 40:
                    pieces.add(sent)
    corpus = []
    for f in EXAMPLES.rglob("*"):
        if f.is_file() and not f.name.endswith(".gz"):
            corpus.append(f.read_text(encoding="utf-8"))
    corpus.append(gzip.decompress(WARC_OUT.read_bytes()).decode("utf-8"))
    blob = "\n".join(corpus)
    for piece in sorted(pieces):
        if piece in blob:
            problems.add("examples", f"contains a sentence of the shared seeds: {piece[:80]!r}")
    return len(pieces)


def check() -> int:
    problems = Problems()
    try:
        gold = json.loads(GOLD.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        print(f"FAIL {GOLD}: {exc}")
        return 1
    entries = check_shape(gold, problems)
    built = build_warc()
    if not WARC_OUT.exists() or WARC_OUT.read_bytes() != built:
        problems.add(str(WARC_OUT.relative_to(REPO)), "differs from a fresh build: run scripts/build_examples.py")
    responses = read_warc_responses(built)
    pages = warc_pages()
    if [html for _, _, html in pages] != [body for _, body in responses]:
        problems.add("warc", "response payloads differ from scripts/examples_warc_src")
    seen = set()
    for g in entries:
        rel, rec = g.get("file", ""), g.get("record")
        where = f"{rel}" + (f"#{rec}" if rec is not None else "")
        seen.add((rel, rec))
        path = REPO / rel
        if not path.exists():
            problems.add(where, "file does not exist")
            continue
        if rel.endswith(".warc.gz"):
            if rec is None or not 0 <= rec < len(responses):
                problems.add(where, "no such response record")
                continue
            check_html(where, responses[rec][1].decode("utf-8"), g, problems)
        elif rel.endswith(".jsonl"):
            lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            if rec is None or not 0 <= rec < len(lines):
                problems.add(where, "no such JSONL line")
                continue
            obj = lines[rec]
            for key in ("url", "title", "published", "outlet"):
                if not obj.get(key):
                    problems.add(where, f"JSONL object lacks {key!r}")
            if "text" in obj:
                check_text(where, obj["text"], g, problems)
            elif "html" in obj:
                check_html(where, obj["html"], g, problems)
            else:
                problems.add(where, "JSONL object has neither 'text' nor 'html'")
        elif rel.endswith(".html"):
            check_html(where, path.read_text(encoding="utf-8"), g, problems)
        else:
            check_text(where, path.read_text(encoding="utf-8"), g, problems)
    # every document in examples/ has gold
    for f in sorted(EXAMPLES.rglob("*")):
        rel = str(f.relative_to(REPO))
        if not f.is_file() or "/warc/src/" in rel or f.name == "README.md":
            continue
        if rel.endswith(".jsonl"):
            n = sum(1 for line in f.read_text(encoding="utf-8").splitlines() if line.strip())
            recs = range(n)
        elif rel.endswith(".warc.gz"):
            recs = range(len(responses))
        else:
            recs = [None]
        for r in recs:
            if (rel, r) not in seen:
                problems.add(rel + ("" if r is None else f"#{r}"), "document has no gold entry")
    n_seed = check_seed_overlap(problems)
    for p in problems:
        print("FAIL", p)
    kinds = Counter(d["reason"] for g in entries for d in g.get("debris", []))
    print(f"{len(entries)} gold documents, {sum(len(g['body']) for g in entries)} body paragraphs, "
          f"{sum(kinds.values())} debris items, {sum(len(g['repairs']) for g in entries)} repairs; "
          f"{n_seed} seed sentences checked for overlap")
    print("debris by reason: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="verify examples/ against the gold instead of building")
    args = ap.parse_args(argv)
    if args.check:
        return check()
    data = build_warc()
    WARC_OUT.parent.mkdir(parents=True, exist_ok=True)
    WARC_OUT.write_bytes(data)
    print(f"wrote {WARC_OUT.relative_to(REPO)} ({len(data)} bytes, {len(warc_pages())} pages, "
          f"sha256 {hashlib.sha256(data).hexdigest()[:16]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
