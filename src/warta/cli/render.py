"""How the CLI shows things to a person: rich tables and panels. JSON output goes elsewhere."""

from __future__ import annotations

from collections import Counter
from typing import Any

from rich import box
from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..store import RunSummary

__all__ = ["print_document", "print_summary", "print_article_table", "print_bench", "print_scores", "print_actor_table",
           "print_event_table", "print_quote_table", "print_merged_event_table", "print_story_table", "print_story",
           "print_timeline", "print_audit"]

#: how each entity label is marked in the text
LABEL_STYLES = {"PER": "bold cyan", "ORG": "bold magenta", "LOC": "bold yellow", "GPE": "bold blue",
                "NORP": "bold green", "EVT": "bold red"}


def _header(doc: dict[str, Any]) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold cyan", no_wrap=True)
    grid.add_column()
    for key in ("id", "source", "outlet", "url", "title", "published", "language", "dateline", "author", "story",
                "copy_of"):
        if key in ("story", "copy_of") and not doc.get(key):
            continue
        grid.add_row(key, escape(str(doc.get(key))) if doc.get(key) is not None else Text("—", style="dim"))
    return grid


def _body(doc: dict[str, Any]) -> Text:
    text = Text(doc.get("text", ""))
    for rep in doc.get("repairs", []):
        if rep.get("start", -1) >= 0:
            text.stylize("bold green", rep["start"], rep["end"])
    for ent in doc.get("entities", []):
        text.stylize(LABEL_STYLES.get(ent["label"], "underline"), ent["start"], ent["end"])
    for ev in doc.get("events", []):
        start, end = ev.get("trigger_span") or (None, None)
        if start is not None:
            text.stylize("reverse", start, end)
    return text


def _actors_table(doc: dict[str, Any]) -> Table:
    table = Table(title="actors", title_justify="left", expand=True, box=box.SIMPLE_HEAD)
    for col in ("actor", "country", "sector", "role", "mentions"):
        table.add_column(col, overflow="fold")
    text = doc.get("text", "")
    for actor in doc.get("actors", []):
        surfaces = sorted({text[s:e] for s, e in actor.get("mentions", [])})
        table.add_row(escape(actor["name"]), actor.get("country") or "—", actor.get("sector") or "—",
                      escape(actor.get("role") or "—"), escape(", ".join(surfaces)))
    return table


def _quotes_table(doc: dict[str, Any]) -> Table:
    table = Table(title=f"{len(doc['quotes'])} quotes", title_justify="left", expand=True, box=box.SIMPLE_HEAD)
    for col, kw in (("speaker", {"ratio": 1}), ("", {"no_wrap": True}), ("quote", {"ratio": 4}), ("via", {"ratio": 1})):
        table.add_column(col, **kw)
    for q in doc["quotes"]:
        speaker = q.get("speaker") or {}
        table.add_row(escape(speaker.get("name") or speaker.get("text") or "?"), "“”" if q.get("direct") else "≈",
                      escape(q["text"]), escape(q.get("attributed_to") or "—"))
    return table


def _removed_table(doc: dict[str, Any]) -> Table:
    table = Table(title="removed", title_justify="left", show_lines=False, expand=True)
    table.add_column("reason", style="yellow", no_wrap=True)
    table.add_column("text", overflow="fold")
    for item in doc.get("removed", []):
        table.add_row(item["reason"], escape(item["text"]))
    return table


def _repairs_table(doc: dict[str, Any]) -> Table:
    table = Table(title="repaired glued words", title_justify="left", expand=True)
    table.add_column("before", style="red")
    table.add_column("after", style="green")
    for rep in doc.get("repairs", []):
        table.add_row(escape(rep["before"]), escape(rep["after"]))
    return table


def print_document(console: Console, doc: dict[str, Any], *, show_removed: bool = True) -> None:
    """One document: metadata, the cleaned text (repairs in green), then what was removed and why."""
    parts: list[Any] = [_header(doc), Text(""), _body(doc)]
    if doc.get("entities"):
        legend = Text("entities: ")
        for label, style in LABEL_STYLES.items():
            legend.append(f"{label} ", style=style)
        parts += [Text(""), legend]
    if doc.get("actors"):
        parts += [Text(""), _actors_table(doc)]
    if doc.get("events"):
        table = _event_rows_table(f"{len(doc['events'])} events", with_article=False)
        for ev in doc["events"]:
            table.add_row(*_event_cells(ev))
        parts += [Text(""), table]
    if doc.get("quotes"):
        parts += [Text(""), _quotes_table(doc)]
    if show_removed and doc.get("removed"):
        parts += [Text(""), _removed_table(doc)]
    if doc.get("repairs"):
        parts += [Text(""), _repairs_table(doc)]
    if doc.get("warnings"):
        parts += [Text(""), Text("warnings: " + "; ".join(doc["warnings"]), style="magenta")]
    console.print(Panel(Group(*parts), title=escape(doc.get("title") or doc.get("source") or ""), expand=True))


def print_summary(console: Console, summary: RunSummary, *, seconds: float, db: str, max_rejects: int = 20) -> None:
    """The end-of-ingest summary: read, new, duplicate, rejected with reasons."""
    table = Table(title=f"ingest into {db}", title_justify="left")
    table.add_column("outcome")
    table.add_column("documents", justify="right")
    table.add_row("read", str(summary.read))
    table.add_row("new", str(summary.stored), style="green")
    table.add_row("duplicate", str(summary.duplicate), style="cyan")
    table.add_row("rejected", str(summary.rejected), style="red" if summary.rejected else None)
    for reason, n in summary.reasons.most_common():
        table.add_row(f"  {reason}", str(n), style="red")
    console.print(table)
    rate = summary.read / seconds if seconds > 0 else 0.0
    console.print(f"{summary.read} documents in {seconds:.1f} s ({rate:.0f}/s)")
    if summary.stories:
        st = summary.stories
        console.print(f"stories: {st['articles']} new articles placed ({st['copies']} near-duplicate copies), "
                      f"{st['new_stories']} new stories, {st['touched_stories']} updated, "
                      f"{st['merged_events']} merged events in them ({st['seconds']:.1f} s)")
    for ref, reason, detail in summary.rejects[:max_rejects]:
        console.print(f"[red]rejected[/red] {escape(f'[{reason}]')} {escape(detail)}", soft_wrap=True, highlight=False)
    if len(summary.rejects) > max_rejects:
        console.print(f"... and {len(summary.rejects) - max_rejects} more rejected (see `warta show`/the inputs table)")


def print_article_table(console: Console, docs: list[dict[str, Any]], title: str) -> None:
    """One line per article: outlet, date, title, how much was removed and repaired."""
    table = Table(title=title, title_justify="left", expand=True, box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("id", no_wrap=True, style="dim")
    table.add_column("outlet", no_wrap=True, max_width=14, overflow="ellipsis")
    table.add_column("date", no_wrap=True)
    table.add_column("lg", no_wrap=True)
    table.add_column("title", ratio=1, min_width=24)
    table.add_column("rm", justify="right", no_wrap=True)
    table.add_column("fix", justify="right", no_wrap=True)
    for doc in docs:
        table.add_row(doc["id"][:8], escape(doc.get("outlet") or "—"), (doc.get("published") or "—")[:10],
                      doc.get("language") or "—", escape(doc.get("title") or "—"),
                      str(len(doc.get("removed", []))), str(len(doc.get("repairs", []))))
    console.print(table)
    reasons = Counter(r["reason"] for doc in docs for r in doc.get("removed", []))
    if reasons:
        console.print("removed, by reason: " + ", ".join(f"{k} {v}" for k, v in reasons.most_common()))


def print_bench(console: Console, result: dict[str, Any]) -> None:
    """Articles per second for each stage and for the whole pipeline, and peak memory."""
    table = Table(title=f"warta bench: {result['articles']} articles, 1 worker", title_justify="left")
    table.add_column("stage")
    table.add_column("articles/s", justify="right")
    table.add_column("seconds", justify="right")
    for name, rate in result["stages"].items():
        table.add_row(name, f"{rate:,.0f}", f"{result['stage_seconds'][name]:.3f}")
    table.add_row("whole pipeline (read + clean + store)", f"{result['articles_per_second_per_core']:,.0f}",
                  f"{result['whole_pipeline_seconds']:.3f}", style="bold")
    console.print(table)
    runs = ", ".join(f"{s:.2f}" for s in result.get("whole_pipeline_runs", []))
    console.print(f"whole pipeline: median of runs [{runs}] s · start-up {result['startup_seconds']:.2f} s · "
                  f"peak RSS {result['peak_rss_mb']:.0f} MB")
    detail = result.get("scaling_detail")
    if detail:
        scaling = Table(title=f"warta run ({detail['engine']} engine): scaling with workers", title_justify="left")
        for column in ("workers", "articles/s", "speed-up", "pipeline articles/s", "pipeline speed-up",
                       "stories (s)", "peak RSS/worker"):
            scaling.add_column(column, justify="right")
        for workers, run in detail["runs"].items():
            scaling.add_row(workers, f"{detail['articles_per_second'][workers]:,.1f}", f"{detail['speedup'][workers]:.2f}×",
                            f"{run['map_articles_per_second']:,.1f}", f"{detail['map_speedup'][workers]:.2f}×",
                            f"{run['reduce_seconds']:.1f}", f"{run['worker_peak_rss_mb']:,.0f} MB")
        console.print(scaling)


def print_scores(console: Console, results: dict[str, dict[str, Any]]) -> None:
    """One column per gold set, one row per score."""
    sets = [name for name, scores in results.items() if "skipped" not in scores and name != "clean-text"]
    table = Table(title="cleaning quality", title_justify="left")
    table.add_column("score")
    for name in sets:
        table.add_column(name, justify="right")
    keys = [k for k in results[sets[-1]] if k != "examples"] if sets else []
    for key in keys:
        table.add_row(key, *[_fmt(results[name].get(key)) for name in sets])
    console.print(table)
    for name, scores in results.items():
        if "skipped" in scores:
            console.print(f"{name}: skipped ({scores['skipped']})", style="yellow")
    if "clean-text" in results:
        ct = results["clean-text"]
        console.print(f"repairs on unglued text (IndoSum dev.02, {ct['tokens']:,} tokens): {ct['splits']} "
                      f"({ct['splits_per_1000_tokens']} per 1,000 tokens), e.g. " + "; ".join(ct["examples"][:8]))


def _fmt(value: Any) -> str:
    if value is None:
        return "—"
    return f"{value:.4f}" if isinstance(value, float) else str(value)


def print_actor_table(console: Console, rows: list[dict[str, Any]], title: str) -> None:
    """Actors across articles: who, country, sector, kind, role, how often."""
    table = Table(title=title, title_justify="left", expand=True, box=box.SIMPLE_HEAD, pad_edge=False)
    for col, kw in (("name", {"ratio": 2, "min_width": 16}), ("country", {"no_wrap": True}),
                    ("sector", {"no_wrap": True}), ("kind", {"no_wrap": True}), ("role", {"ratio": 1}),
                    ("mentions", {"justify": "right", "no_wrap": True}), ("articles", {"justify": "right", "no_wrap": True}),
                    ("id", {"style": "dim", "no_wrap": True, "max_width": 18, "overflow": "ellipsis"})):
        table.add_column(col, **kw)
    for row in rows:
        table.add_row(escape(row["name"] or "—"), row["country"] or "—", row["sector"] or "—", row["kind"] or "—",
                      escape(row["role"] or "—"), str(row["mentions"]), str(row["articles"]), escape(row["id"]))
    console.print(table)


def _side(side: dict[str, Any] | None) -> str:
    if not side:
        return "—"
    code = side.get("country") or "?"
    label = side.get("text") or side.get("actor") or ""
    return f"{code} {label}".strip()


def _event_flags(ev: dict[str, Any]) -> str:
    flags = []
    if ev.get("negated"):
        flags.append("NOT")
    if ev.get("modality") and ev["modality"] != "asserted":
        flags.append(ev["modality"])
    return " ".join(flags) or "—"


def _event_rows_table(title: str, *, with_article: bool) -> Table:
    table = Table(title=title, title_justify="left", expand=True, box=box.SIMPLE_HEAD, pad_edge=False)
    columns = [("date", {"no_wrap": True}), ("source", {"ratio": 2}), ("type", {"no_wrap": True}),
               ("mode", {"no_wrap": True}), ("target", {"ratio": 2}), ("flags", {"no_wrap": True}),
               ("trigger", {"ratio": 1}), ("said by / via", {"ratio": 1}),
               ("int.", {"justify": "right", "no_wrap": True})]
    if with_article:
        columns.append(("article", {"style": "dim", "no_wrap": True}))
    for col, kw in columns:
        table.add_column(col, **kw)
    return table


def _event_cells(ev: dict[str, Any]) -> list[str]:
    said = (ev.get("reported_by") or {}).get("text") or ""
    via = ev.get("attributed_to") or ""
    credit = " / ".join(x for x in (said, via) if x) or "—"
    return [ev.get("date") or "—", escape(_side(ev.get("source"))), ev["type"], ev.get("mode") or "—",
            escape(_side(ev.get("target"))), _event_flags(ev), escape(ev.get("trigger") or "—"), escape(credit),
            f"{ev.get('intensity', 0):+.1f}"]


def print_event_table(console: Console, rows: list[dict[str, Any]], title: str) -> None:
    """Events across articles: when, who, what, to whom, negation/modality, who said it."""
    table = _event_rows_table(title, with_article=True)
    for ev in rows:
        table.add_row(*_event_cells(ev), f"{ev['article_id'][:8]}#{ev['seq']}")
    console.print(table)


def print_quote_table(console: Console, rows: list[dict[str, Any]], title: str) -> None:
    """Quotes across articles: speaker, direct or not, the words, the upstream source."""
    table = Table(title=title, title_justify="left", expand=True, box=box.SIMPLE_HEAD, pad_edge=False)
    for col, kw in (("speaker", {"ratio": 1}), ("", {"no_wrap": True}), ("quote", {"ratio": 4}),
                    ("via", {"ratio": 1}), ("article", {"style": "dim", "no_wrap": True})):
        table.add_column(col, **kw)
    for q in rows:
        speaker = q.get("speaker_name") or q.get("speaker_text") or "?"
        table.add_row(escape(speaker), "“”" if q.get("direct") else "≈", escape(q["text"]),
                      escape(q.get("attributed_to") or "—"), q["article_id"][:8])
    console.print(table)


def _merged_cells(ev: dict[str, Any]) -> list[str]:
    credit = " / ".join(", ".join(ev.get(k) or []) for k in ("reported_by", "attributed_to") if ev.get(k)) or "—"
    return [ev.get("date") or "—", escape(_side(ev.get("source"))), ev["type"], ev.get("mode") or "—",
            escape(_side(ev.get("target"))), _event_flags(ev), escape(credit), f"{ev.get('intensity', 0):+.1f}",
            f"{ev['articles']}/{ev['mentions']}", escape(", ".join(ev.get("outlets") or []) or "—")]


def _merged_table(title: str) -> Table:
    table = Table(title=title, title_justify="left", expand=True, box=box.SIMPLE_HEAD, pad_edge=False)
    for col, kw in (("date", {"no_wrap": True}), ("source", {"ratio": 2}), ("type", {"no_wrap": True}),
                    ("mode", {"no_wrap": True}), ("target", {"ratio": 2}), ("flags", {"no_wrap": True}),
                    ("said by / via", {"ratio": 1}), ("int.", {"justify": "right", "no_wrap": True}),
                    ("art./ment.", {"justify": "right", "no_wrap": True}), ("outlets", {"ratio": 2}),
                    ("id", {"style": "dim", "no_wrap": True})):
        table.add_column(col, **kw)
    return table


def print_merged_event_table(console: Console, rows: list[dict[str, Any]], title: str,
                             show_mentions: bool = False) -> None:
    """Merged events: one row per real-world event, with how many articles and mentions report it."""
    table = _merged_table(title)
    for ev in rows:
        table.add_row(*_merged_cells(ev), ev["id"][:9])
        if show_mentions:
            for m in ev.get("mention_list", []):
                copy = f" copy of {m['copy_of'][:8]}" if m.get("copy_of") else ""
                table.add_row("", Text(f"  ↳ {m['article_id'][:8]}#{m['seq']} {m.get('outlet') or ''}{copy}",
                                       style="dim"), "", "", escape(m.get("trigger") or ""), "", "", "", "", "", "")
    console.print(table)


def _actor_names(actors: list[dict[str, Any]], n: int = 4) -> str:
    return ", ".join(a.get("name") or a["id"] for a in actors[:n]) or "—"


def print_story_table(console: Console, stories: list[dict[str, Any]], title: str) -> None:
    """Stories: span, title, how many articles (and copies), outlets, key actors, merged events."""
    table = Table(title=title, title_justify="left", expand=True, box=box.SIMPLE_HEAD, pad_edge=False)
    for col, kw in (("span", {"no_wrap": True}), ("title", {"ratio": 3}),
                    ("art.", {"justify": "right", "no_wrap": True}), ("outlets", {"ratio": 2}),
                    ("key actors", {"ratio": 2}), ("events", {"justify": "right", "no_wrap": True}),
                    ("id", {"style": "dim", "no_wrap": True})):
        table.add_column(col, **kw)
    for s in stories:
        span = s["start"] or "—" if s["start"] == s["end"] else f"{s['start'] or '?'} … {s['end'] or '?'}"
        count = str(s["article_count"]) + (f"+{s['copies']}" if s.get("copies") else "")
        table.add_row(span, escape(s["title"] or "—"), count, escape(", ".join(s["outlets"]) or "—"),
                      escape(_actor_names(s["key_actors"])), str(s["events"]), s["id"])
    console.print(table)


def print_story(console: Console, story: dict[str, Any]) -> None:
    """One story: header, summary, timeline of merged events, articles, quotes."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold cyan", no_wrap=True)
    grid.add_column()
    span = story["start"] if story["start"] == story["end"] else f"{story['start']} … {story['end']}"
    copies = f" (+{story['copies']} near-duplicate copies)" if story.get("copies") else ""
    for key, value in (("id", story["id"]), ("title", story["title"]), ("span", span),
                       ("articles", f"{story['article_count']}{copies}"), ("outlets", ", ".join(story["outlets"])),
                       ("key actors", ", ".join(f"{a.get('name') or a['id']} ({a.get('country') or '?'}, "
                                                f"{a['articles']} art.)" for a in story["key_actors"]))):
        grid.add_row(key, escape(str(value or "—")))
    console.print(Panel(grid, title="story", title_align="left"))
    if story["summary"]:
        summary = Text()
        for s in story["summary"]:
            summary.append("• " + s["text"] + " ")
            summary.append(f"[{s.get('outlet') or s['article_id'][:8]}]\n", style="dim")
        console.print(Panel(summary, title="summary", title_align="left"))
    if story["events"]:
        print_merged_event_table(console, story["events"], f"timeline: {len(story['events'])} merged events")
    table = Table(title=f"{len(story['articles'])} articles", title_justify="left", expand=True, box=box.SIMPLE_HEAD,
                  pad_edge=False)
    for col, kw in (("published", {"no_wrap": True}), ("outlet", {"no_wrap": True}), ("title", {"ratio": 3}),
                    ("sim.", {"justify": "right", "no_wrap": True}), ("id", {"style": "dim", "no_wrap": True})):
        table.add_column(col, **kw)
    for a in story["articles"]:
        title = (a["title"] or "—") + (f"  (copy of {a['copy_of'][:8]})" if a.get("copy_of") else "")
        table.add_row(a["published"] or "—", escape(a["outlet"] or "—"), escape(title),
                      f"{a['similarity']:.2f}" if a.get("similarity") is not None else "—", a["id"][:8])
    console.print(table)
    if story["quotes"]:
        print_quote_table(console, story["quotes"], f"{len(story['quotes'])} quotes")


def print_timeline(console: Console, timeline: dict[str, Any]) -> None:
    """A dyad's merged events per period, cooperation and conflict apart."""
    a, b = timeline["a"], timeline["b"]
    table = Table(title=f"{a} – {b} by {timeline['by']}: {timeline['events']} merged events "
                        f"({timeline['cooperation']} cooperation, {timeline['conflict']} conflict)",
                  title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    for col in ("period", "events", "coop.", "conflict", "coop. int.", "conflict int.", "net", f"{a}→{b}", f"{b}→{a}"):
        table.add_column(col, justify="left" if col == "period" else "right", no_wrap=True)
    for p in timeline["periods"]:
        net = p["net_intensity"]
        table.add_row(p["period"], str(p["events"]), str(p["cooperation"]), str(p["conflict"]),
                      f"{p['cooperation_intensity']:+.1f}", f"{p['conflict_intensity']:+.1f}",
                      Text(f"{net:+.1f}", style="green" if net > 0 else "red" if net < 0 else ""),
                      str(p["a_to_b"]), str(p["b_to_a"]))
    console.print(table)


def print_audit(console: Console, data: dict[str, Any], *, db: str) -> None:
    """Where every input ended, with the reasons and the rejects listed."""
    table = Table(title=f"every input read into {db}", title_justify="left")
    table.add_column("outcome")
    table.add_column("documents", justify="right")
    table.add_row("read", str(data["read"]), style="bold")
    table.add_row("stored", str(data["stored"]), style="green")
    if data["near_duplicate_copies"]:
        table.add_row("  of which near-duplicate copies", str(data["near_duplicate_copies"]), style="cyan")
    table.add_row("duplicate", str(data["duplicate"]), style="cyan")
    table.add_row("rejected", str(data["rejected"]), style="red" if data["rejected"] else None)
    for reason, n in data["reasons"].items():
        table.add_row(f"  {reason}", str(n), style="red")
    console.print(table)
    balanced = data["read"] == data["stored"] + data["duplicate"] + data["rejected"]
    console.print(f"read = stored + duplicate + rejected: {'yes' if balanced else 'NO'}",
                  style="green" if balanced else "bold red")
    for r in data["rejects"]:
        reason = escape(f"[{r['reason']}]")
        console.print(f"[red]rejected[/red] {reason} {escape(r['detail'] or r['input'])}", soft_wrap=True,
                      highlight=False)
    for d in data["duplicates"]:
        console.print(f"[cyan]duplicate[/cyan] {escape(d['input'])} = article {d['duplicate_of']}", soft_wrap=True,
                      highlight=False)
