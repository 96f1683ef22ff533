"""The ``warta`` command line. Only this module configures logging."""

from __future__ import annotations

import contextlib
import json
import logging
import sys
import time
import importlib.util
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from .. import __version__
from ..analyse.plover import MODALITIES, PLOVER_TYPES
from ..api import analyze_many
from ..ingest import ingest as run_ingest
from ..store import DEFAULT_DB, Store, StoreError
from rich.markup import escape

from .render import (print_actor_table, print_article_table, print_bench, print_document, print_event_table,
                     print_audit, print_merged_event_table, print_quote_table, print_scores, print_story, print_story_table,
                     print_summary, print_timeline)

log = logging.getLogger("warta")
DB_OPTION = click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB store file.")


@contextlib.contextmanager
def _reading(db: str):
    """The store opened read-only; a store that is missing or cannot be read ends the command with its message."""
    try:
        with Store(db, read_only=True) as store:
            yield store
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


def _consoles() -> tuple[Console, Console]:
    return Console(), Console(stderr=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="warta")
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
def main(verbose: int) -> None:
    """warta: turn raw scraped news (Indonesian first) into clean, queryable records."""
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "pretty"]), default="jsonl", show_default=True)
def analyze(paths: tuple[str, ...], fmt: str) -> None:
    """Print the contract JSON of every document in PATHS (files, directories, - for stdin), without storing."""
    out, err = _consoles()
    rejected = 0
    for doc in analyze_many(paths):
        if doc.rejected:
            rejected += 1
            err.print(f"[red]rejected[/red] {escape(f'[{doc.rejected}]')} {escape(doc.rejected_detail)}",
                      highlight=False, soft_wrap=True)
        elif fmt == "jsonl":
            sys.stdout.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
        else:
            print_document(out, doc.to_dict())
    if rejected:
        err.print(f"{rejected} input(s) rejected", style="red")


def _progress(err: Console, enabled: bool) -> Progress:
    return Progress(SpinnerColumn(), TextColumn("[bold]ingest[/bold]"), BarColumn(bar_width=None),
                    TextColumn("{task.completed} docs · {task.fields[rate]:.0f}/s · new {task.fields[new]} · "
                               "dup {task.fields[dup]} · rejected {task.fields[rej]}"),
                    TimeElapsedColumn(), console=err, transient=True, disable=not enabled)


def _ingest_with_progress(paths: list[str], db: str, err: Console, *, progress: bool, command: str, batch_size: int):
    started = time.perf_counter()
    with Store(db) as store, _progress(err, progress) as bar:
        task = bar.add_task("ingest", total=None, rate=0.0, new=0, dup=0, rej=0)

        def update(run) -> None:
            elapsed = time.perf_counter() - started
            bar.update(task, completed=run.read, rate=run.read / elapsed if elapsed else 0.0,
                       new=run.stored, dup=run.duplicate, rej=run.rejected)

        summary = run_ingest(paths, store, batch_size=batch_size, command=command, on_batch=update)
    return summary, time.perf_counter() - started


@main.command()
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
@click.option("--batch-size", default=200, show_default=True, help="Documents written per transaction.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal).")
@click.option("--format", "fmt", type=click.Choice(["pretty", "json"]), default="pretty", show_default=True,
              help="json prints the run summary as one JSON object.")
def ingest(paths: tuple[str, ...], db: str, batch_size: int, progress: bool | None, fmt: str) -> None:
    """Read, clean and store every document in PATHS; ends with a summary of what happened to each."""
    out, err = _consoles()
    try:
        summary, seconds = _ingest_with_progress(list(paths), db, err, command="ingest", batch_size=batch_size,
                                                 progress=err.is_terminal if progress is None else progress)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "json":
        sys.stdout.write(json.dumps(summary.to_dict() | {"seconds": round(seconds, 3)}) + "\n")
    else:
        print_summary(out, summary, seconds=seconds, db=db)


@main.command()
@click.argument("article_id")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["pretty", "json"]), default="pretty", show_default=True)
def show(article_id: str, db: str, fmt: str) -> None:
    """Print one stored article (id or id prefix) with what was removed and why."""
    out, _ = _consoles()
    with _reading(db) as store:
        doc = store.get_article(article_id)
        if doc is not None:
            doc["story"], doc["copy_of"] = store.story_of_article(doc["id"])
    if doc is None:
        raise click.ClickException(f"no article with id {article_id!r} in {db}; `warta articles --db {db}` lists them")
    if fmt == "json":
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:
        print_document(out, doc)


@main.command()
@DB_OPTION
@click.option("--limit", default=50, show_default=True)
@click.option("--outlet", default=None, help="Only this outlet (case-insensitive).")
@click.option("--format", "fmt", type=click.Choice(["pretty", "json"]), default="pretty", show_default=True)
def articles(db: str, limit: int, outlet: str | None, fmt: str) -> None:
    """List stored articles."""
    out, _ = _consoles()
    with _reading(db) as store:
        rows = store.list_articles(limit=limit, outlet=outlet)
        docs = [store.get_article(r["id"]) for r in rows]
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, default=str) + "\n")
    else:
        print_article_table(out, docs, title=f"{len(docs)} articles in {db}")


@main.command()
@DB_OPTION
@click.option("--country", default=None, help="ISO 3166-1 alpha-3 code or IGO code (CHN, RUS, UN, CSTO).")
@click.option("--sector", default=None, type=click.Choice(["GOV", "MIL", "LEG", "JUD", "COP", "OPP", "REB", "CVL",
                                                            "MED", "BUS"], case_sensitive=False))
@click.option("--kind", default=None, type=click.Choice(["person", "state", "org", "igo", "group"], case_sensitive=False))
@click.option("--name", default=None, help="Part of the actor's name or id.")
@click.option("--limit", default=50, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["pretty", "json"]), default="pretty", show_default=True)
def actors(db: str, country: str | None, sector: str | None, kind: str | None, name: str | None, limit: int,
           fmt: str) -> None:
    """List actors across stored articles with their mention counts (filter by country, sector, kind, name)."""
    out, _ = _consoles()
    with _reading(db) as store:
        rows = store.list_actors(country=country, sector=sector, kind=kind, name=name, limit=limit)
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False) + "\n")
    else:
        print_actor_table(out, rows, title=f"{len(rows)} actors in {db}")


def _iso_date(ctx, param, value: str | None):
    """A --since/--until value: YYYY-MM-DD, or YYYY-MM (the month's first day)."""
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value if len(value) == 10 else f"{value}-01")
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date: give YYYY-MM-DD or YYYY-MM") from None


def _pair(ctx, param, value: str | None):
    if value is None:
        return None
    separator = "," if "," in value else "-"  # actor ids hold hyphens: sergey-lavrov,wang-yi
    parts = [p.strip() for p in value.split(separator) if p.strip()]
    if len(parts) != 2:
        raise click.BadParameter(f"{value!r} is not a pair: give two actors or countries as A-B (CHN-RUS), or "
                                 f"two actor ids as A,B (sergey-lavrov,wang-yi)")
    return parts[0], parts[1]


def _warn_unplaced(store: Store, err: Console, db: str) -> None:
    unplaced = store.unplaced_articles()
    if unplaced:
        err.print(f"[yellow]{unplaced} stored article(s) are not in a story yet, so their events are not merged: "
                  f"run `warta stories --update --db {db}`[/yellow]")


@main.command()
@DB_OPTION
@click.option("--actor", default=None, help="Either side is this actor (id, country code or part of its text).")
@click.option("--country", default=None, help="Either side is this country or IGO code (CHN, RUS, CSTO).")
@click.option("--pair", default=None, callback=_pair, help="Between two actors/countries, either direction: CHN-RUS, or sergey-lavrov,wang-yi.")
@click.option("--directed", is_flag=True, help="With --pair: only from the first to the second.")
@click.option("--type", "type_", default=None, help="PLOVER type (CONSULT, ACCUSE, ...).")
@click.option("--since", default=None, callback=_iso_date, help="Events on or after this date (YYYY-MM-DD or YYYY-MM).")
@click.option("--until", default=None, callback=_iso_date, help="Events on or before this date.")
@click.option("--negated/--asserted-only", default=None, help="Only negated (or only non-negated) events.")
@click.option("--modality", default=None,
              type=click.Choice(MODALITIES))
@click.option("--article", default=None, help="Only events reported in this article (id or id prefix).")
@click.option("--story", default=None, help="Only events of this story (id or id prefix).")
@click.option("--id", "event_id", default=None, help="One merged event (id or id prefix), with its mentions.")
@click.option("--mentions", "by_article", is_flag=True,
              help="One row per report (article#event) instead of one per merged real-world event.")
@click.option("--limit", default=50, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["pretty", "json"]), default="pretty", show_default=True)
def events(db: str, actor, country, pair, directed, type_, since, until, negated, modality, article, story, event_id,
           by_article, limit, fmt) -> None:
    """List coded events with filters: one row per real-world event (merged across the reports of a story,
    with how many articles report it); --mentions lists every report with its article and sentence."""
    if type_ and type_.upper() not in PLOVER_TYPES:
        raise click.BadParameter(f"{type_!r} is not a PLOVER type; one of {', '.join(PLOVER_TYPES)}",
                                 param_hint="--type")
    if by_article and (story or event_id):
        raise click.BadParameter("--story and --id select merged events; drop --mentions", param_hint="--mentions")
    out, err = _consoles()
    filters = dict(actor=actor, country=country, pair=pair, directed=directed, type=type_, since=since, until=until,
                   negated=negated, modality=modality, article=article, limit=limit)
    with _reading(db) as store:
        if by_article:
            rows = store.list_events(**filters)
        else:
            rows = store.list_merged(**filters, story=story, event_id=event_id)
            _warn_unplaced(store, err, db)
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, default=str) + "\n")
    elif by_article:
        print_event_table(out, rows, title=f"{len(rows)} event mentions in {db}")
    else:
        print_merged_event_table(out, rows, title=f"{len(rows)} events in {db} (merged across reports; "
                                                  f"art./ment. = articles/mentions)", show_mentions=bool(event_id))


@main.command()
@DB_OPTION
@click.option("--speaker", default=None, help="Part of the speaker's name, surface text or actor id.")
@click.option("--article", default=None, help="Only quotes of this article (id or id prefix).")
@click.option("--direct/--indirect", default=None, help="Only direct (or only indirect) speech.")
@click.option("--copies", is_flag=True, help="Also the quotes of near-duplicate copies (left out by default).")
@click.option("--limit", default=50, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["pretty", "json"]), default="pretty", show_default=True)
def quotes(db: str, speaker, article, direct, copies, limit, fmt) -> None:
    """List who said what across stored articles, with the upstream source each quote is credited to."""
    out, _ = _consoles()
    with _reading(db) as store:
        rows = store.list_quotes(speaker=speaker, article=article, direct=direct, copies=copies, limit=limit)
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, default=str) + "\n")
    else:
        print_quote_table(out, rows, title=f"{len(rows)} quotes in {db}")


@main.command()
@DB_OPTION
@click.option("--actor", default=None, help="Stories in which this actor appears (id, part of its name, or country).")
@click.option("--country", default=None, help="Stories in which this country or IGO appears (CHN, RUS, CSTO).")
@click.option("--since", default=None, callback=_iso_date, help="Stories still running on or after this date.")
@click.option("--until", default=None, callback=_iso_date, help="Stories begun on or before this date.")
@click.option("--min-articles", default=1, show_default=True, help="Only stories with at least this many articles.")
@click.option("--title", "text", default=None, help="Part of the story's title.")
@click.option("--update", is_flag=True, help="First place articles not yet in a story (needed for older stores).")
@click.option("--rebuild", is_flag=True, help="First recompute every story from scratch.")
@click.option("--limit", default=50, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["pretty", "json"]), default="pretty", show_default=True)
def stories(db: str, actor, country, since, until, min_articles, text, update, rebuild, limit, fmt) -> None:
    """List stories (articles about one real-world happening, across outlets), newest first."""
    out, err = _consoles()
    try:
        if update or rebuild:
            from ..stories.build import update_stories

            with Store(db) as store:
                done = update_stories(store, rebuild=rebuild)
            err.print(f"stories: {done.articles} articles placed ({done.copies} copies), {done.new_stories} new "
                      f"stories, {done.touched_stories} updated in {done.seconds:.1f} s")
        with Store(db, read_only=True) as store:
            rows = store.list_stories(actor=actor, country=country, since=since, until=until,
                                      min_articles=min_articles, text=text, limit=limit)
            total = store.story_count()
            _warn_unplaced(store, err, db)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, default=str) + "\n")
    else:
        print_story_table(out, rows, title=f"{len(rows)} of {total} stories in {db}")
        if rows:
            out.print(f"One story: [bold]warta story {rows[0]['id']} --db {db}[/bold]")


@main.command()
@click.argument("story_id")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["pretty", "json"]), default="pretty", show_default=True)
def story(story_id: str, db: str, fmt: str) -> None:
    """One story (id, id prefix, or an article id in it): span, outlets, key actors, summary, the timeline
    of its merged events, its articles and quotes."""
    out, _ = _consoles()
    with _reading(db) as store:
        data = store.get_story(story_id)
    if data is None:
        raise click.ClickException(f"no story {story_id!r} in {db}; `warta stories --db {db}` lists them")
    if fmt == "json":
        sys.stdout.write(json.dumps(data, ensure_ascii=False, default=str, indent=2) + "\n")
    else:
        print_story(out, data)


@main.command()
@click.argument("a")
@click.argument("b")
@DB_OPTION
@click.option("--by", type=click.Choice(["day", "week", "month"]), default="month", show_default=True)
@click.option("--since", default=None, callback=_iso_date, help="From this date (YYYY-MM-DD or YYYY-MM).")
@click.option("--until", default=None, callback=_iso_date, help="Up to this date.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
              show_default=True, help="Folder for the chart (PNG and HTML).")
@click.option("--chart/--no-chart", default=True, show_default=True, help="Write the chart files.")
@click.option("--format", "fmt", type=click.Choice(["pretty", "json"]), default="pretty", show_default=True)
def timeline(a: str, b: str, db: str, by: str, since, until, out_dir: Path, chart: bool, fmt: str) -> None:
    """Merged events between two actors or states (A B: country codes like CHN RUS, or actor ids) per day,
    week or month, cooperation and conflict apart; writes a chart (PNG and HTML) and prints its path."""
    from ..stories.timeline import write_charts

    out, err = _consoles()
    with _reading(db) as store:
        series = store.timeline(a, b, by=by, since=since, until=until)
    paths: dict[str, Path] = {}
    if chart and series.periods:
        try:
            paths = write_charts(series, out_dir)
        except OSError as exc:
            raise click.ClickException(f"cannot write the chart into {out_dir}: {exc}") from exc
    data = series.to_dict() | {"charts": {k: str(v.resolve()) for k, v in paths.items()}}
    if fmt == "json":
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
        return
    if not series.periods:
        out.print(f"no merged events between {a} and {b} in {db}")
        return
    print_timeline(out, data)
    for kind, path in paths.items():
        out.print(f"chart ({kind}): {path.resolve().as_uri()}")


@main.command()
@DB_OPTION
@click.option("--limit", default=100, show_default=True, help="Rejects and duplicates listed (newest first).")
@click.option("--format", "fmt", type=click.Choice(["pretty", "json"]), default="pretty", show_default=True)
def audit(db: str, limit: int, fmt: str) -> None:
    """Account for every input ever read into the store: stored, duplicate (of which article) or rejected
    (with the reason); read = stored + duplicate + rejected, always."""
    out, _ = _consoles()
    with _reading(db) as store:
        data = store.audit(limit=limit)
    if fmt == "json":
        sys.stdout.write(json.dumps(data, ensure_ascii=False, default=str) + "\n")
    else:
        print_audit(out, data, db=db)


#: the sample corpus's folders, one per input format (its README.md is not an article)
DEMO_FORMATS = ("text", "html", "warc", "jsonl")


def examples_dir() -> Path:
    """The sample corpus: packaged as warta.examples by a normal install, examples/ in a checkout."""
    spec = importlib.util.find_spec("warta.examples")
    if spec is not None and spec.submodule_search_locations:
        return Path(list(spec.submodule_search_locations)[0])
    checkout = Path(__file__).resolve().parents[3] / "examples"  # an editable install maps only src/
    if checkout.is_dir():
        return checkout
    raise click.ClickException("the sample corpus (warta.examples) is not installed; reinstall warta")


@main.command()
@DB_OPTION
@click.option("--charts", "chart_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for the demo's timeline chart (PNG and HTML); default: the store's folder.")
@click.option("--serve", "serve_after", is_flag=True, help="Then serve the dashboard on 127.0.0.1 (Ctrl+C stops it).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port for --serve.")
def demo(db: str, chart_dir: Path | None, serve_after: bool, port: int) -> None:
    """Ingest the sample corpus (examples/) into the store and show what warta found."""
    out, err = _consoles()
    corpus = examples_dir()
    paths = [str(corpus / kind) for kind in DEMO_FORMATS if (corpus / kind).is_dir()]
    if not paths:
        raise click.ClickException(f"the sample corpus at {corpus} has none of the folders {', '.join(DEMO_FORMATS)}")
    out.print(f"[bold]warta demo[/bold]: ingesting the sample corpus at {corpus} ({', '.join(DEMO_FORMATS)}) into {db}")
    try:
        summary, seconds = _ingest_with_progress(paths, db, err, command="demo", batch_size=50,
                                                 progress=err.is_terminal)
        with Store(db, read_only=False) as store:
            rows = store.list_articles(limit=1000)
            docs = [store.get_article(r["id"]) for r in rows]
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    print_summary(out, summary, seconds=seconds, db=db)
    print_article_table(out, docs, title=f"{len(docs)} articles in {db}")
    if docs:
        out.print(f"\nLook at one: [bold]warta show {docs[0]['id'][:8]} --db {db}[/bold]")
    _demo_stories(out, db, chart_dir or Path(db).resolve().parent)
    if serve_after:
        from ..server.cli import serve_demo

        serve_demo(db, port, open_browser=True)


def _busiest_pair(store: Store) -> tuple[str, str] | None:
    """The two states with the most merged events between them (CHN-RUS first if they have any)."""
    rows = store.con.execute(
        "SELECT least(source_country, target_country), greatest(source_country, target_country), count(*) "
        "FROM merged_events WHERE source_country IS NOT NULL AND target_country IS NOT NULL "
        "AND source_country <> target_country GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2").fetchall()
    pairs = [(a, b) for a, b, _ in rows]
    return ("CHN", "RUS") if ("CHN", "RUS") in pairs else (pairs[0] if pairs else None)


def _demo_stories(out: Console, db: str, chart_dir: Path) -> None:
    """The demo's second half: the stories found and one dyad's timeline with its chart."""
    from ..stories.timeline import write_charts

    with _reading(db) as store:
        rows = store.list_stories(limit=1000)
        total = store.story_count()
        pair = _busiest_pair(store)
        series = store.timeline(*pair, by="month") if pair else None
    grouped = [r for r in rows if r["article_count"] > 1]
    print_story_table(out, grouped + [r for r in rows if r["article_count"] <= 1],
                      title=f"{total} stories in {db} ({len(grouped)} reported by several articles)")
    if grouped:
        out.print(f"One story: [bold]warta story {grouped[0]['id']} --db {db}[/bold]")
    if series is not None and series.periods:
        print_timeline(out, series.to_dict())
        try:
            paths = write_charts(series, chart_dir)
        except OSError as exc:
            out.print(f"[yellow]the chart could not be written into {chart_dir}: {exc}[/yellow]")
            return
        for kind, path in paths.items():
            out.print(f"chart ({kind}): {path.resolve().as_uri()}")


def _default_shared() -> Path:
    from ..evaluate import find_shared

    return find_shared()


@main.group()
def evaluate() -> None:
    """Measure quality on gold data (needs ../shared for the real-article sets)."""


@evaluate.command("clean")
@click.option("--shared", type=click.Path(path_type=Path), default=None, help="The shared datasets folder.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--failures/--no-failures", default=False, help="List every miss (debris kept, repair missed, ...).")
def evaluate_clean(shared: Path | None, as_json: bool, failures: bool) -> None:
    """Cleaning against gold: paragraph precision/recall/F1, debris removed, repairs, metadata."""
    from ..evaluate.clean_eval import evaluate_cleaning

    out, _ = _consoles()
    results = evaluate_cleaning(shared or _default_shared())
    if as_json:
        sys.stdout.write(json.dumps(results if failures else _without_failures(results), ensure_ascii=False) + "\n")
        return
    print_scores(out, _without_failures(results))
    if failures:
        for name, scores in results.items():
            for line in scores.get("failures", []):
                out.print(f"[yellow]{escape(line)}[/yellow]")


@evaluate.command("tokens")
@click.option("--shared", type=click.Path(path_type=Path), default=None, help="The shared datasets folder.")
def evaluate_tokens(shared: Path | None) -> None:
    """Token and sentence boundaries on UD Indonesian-CSUI test (P/R/F1, tokens/s), as JSON."""
    from ..evaluate.tokens_eval import evaluate_ud

    path = (shared or _default_shared()) / "data" / "ud" / "id-csui" / "test.conllu"
    if not path.exists():
        raise click.ClickException(f"{path} not found: give --shared PATH")
    sys.stdout.write(json.dumps(evaluate_ud(path), ensure_ascii=False, indent=2) + "\n")


@evaluate.command("ner")
@click.option("--shared", type=click.Path(path_type=Path), default=None, help="The shared datasets folder.")
def evaluate_ner_command(shared: Path | None) -> None:
    """Entity-level P/R/F1 of the shipped recogniser on each NER dataset's test split, as JSON."""
    from ..evaluate.ner_eval import evaluate_ner

    sys.stdout.write(json.dumps(evaluate_ner(shared or _default_shared()), ensure_ascii=False, indent=2) + "\n")


@evaluate.command("actors")
@click.option("--shared", type=click.Path(path_type=Path), default=None, help="The shared datasets folder.")
@click.option("--misses", is_flag=True, help="Include every miss (not found, wrong country/sector, spurious).")
def evaluate_actors_command(shared: Path | None, misses: bool) -> None:
    """Actor resolution: P/R of (mention, country, sector, name) on the IndoSum actor gold, and the seeds."""
    from ..evaluate.actors_eval import evaluate_actors, evaluate_seed_actors

    folder = shared or _default_shared()
    result = evaluate_actors(folder)
    if not misses:
        result.pop("misses", None)
    result["seeds"] = evaluate_seed_actors(folder)
    sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")


@evaluate.command("events")
@click.option("--shared", type=click.Path(path_type=Path), default=None, help="The shared datasets folder.")
@click.option("--errors", is_flag=True, help="Include every miss, false positive and wrong attribute or speaker.")
def evaluate_events_command(shared: Path | None, errors: bool) -> None:
    """Events (P/R/F1 of source country, target country, type; negation, modality, dates) and quote speakers
    on the gold of tests/gold/events_*.json and the seeds, as JSON."""
    from ..evaluate.events_eval import evaluate_events

    result = evaluate_events(shared or _default_shared(), errors=errors)
    sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2, default=str) + "\n")


@evaluate.command("stories")
@click.option("--shared", type=click.Path(path_type=Path), default=None, help="The shared datasets folder.")
@click.option("--threshold", type=click.FloatRange(0.01, 1.0), default=None,
              help="Similarity an article needs to join a story (default: the shipped setting).")
@click.option("--window", "window_days", type=click.IntRange(0, 365), default=None,
              help="Days a story stays open after its latest article (default: the shipped setting).")
@click.option("--errors", is_flag=True, help="List every gold story split over clusters and every mixed cluster.")
def evaluate_stories_command(shared: Path | None, threshold: float | None, window_days: int | None,
                             errors: bool) -> None:
    """Story clustering on the gold of tests/gold/stories_gold.json: BCubed P/R/F1, hard negatives kept
    apart, per source kind, as JSON."""
    from ..evaluate.stories_eval import evaluate_stories
    from ..stories.cluster import DEFAULT_THRESHOLD, DEFAULT_WINDOW_DAYS

    result = evaluate_stories(shared or _default_shared(), errors=errors,
                              threshold=DEFAULT_THRESHOLD if threshold is None else threshold,
                              window_days=DEFAULT_WINDOW_DAYS if window_days is None else window_days)
    sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2, default=str) + "\n")


@evaluate.command("neardup")
@click.option("--shared", type=click.Path(path_type=Path), default=None, help="The shared datasets folder.")
@click.option("--pairs", type=click.IntRange(1, 5000), default=400, show_default=True,
              help="Copies made per kind (debris, re-titled, cut at 70 %, debris + cut).")
def evaluate_neardup_command(shared: Path | None, pairs: int) -> None:
    """Near-duplicate detection: recall on copies made from IndoSum articles (debris, re-titled, cut at 70 %),
    false pairs among the distinct IndoSum articles, speed; JSON."""
    from ..evaluate.neardup_eval import evaluate_near_duplicates

    result = evaluate_near_duplicates(shared or _default_shared(), pairs_per_kind=pairs)
    sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=1, default=str) + "\n")


@evaluate.command("summaries")
@click.option("--shared", type=click.Path(path_type=Path), default=None, help="The shared datasets folder.")
@click.option("--limit", type=click.IntRange(1, None), default=None, help="Only the first N articles of each file.")
def evaluate_summaries_command(shared: Path | None, limit: int | None) -> None:
    """ROUGE-1/2/L F1 of warta's extractive summaries against IndoSum's gold summaries, beside LEAD-3 and the
    extractive oracle; each fold's model is scored only on the file it did not see. JSON."""
    from ..evaluate.summary_eval import evaluate_summaries

    result = evaluate_summaries(shared or _default_shared(), limit=limit)
    sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=1, default=str) + "\n")


def _without_failures(results: dict) -> dict:
    return {k: {a: b for a, b in v.items() if a != "failures"} for k, v in results.items()}


@main.command()
@click.argument("inputs", nargs=-1)
@click.option("--shared", type=click.Path(path_type=Path), default=None,
              help="The shared datasets folder (default: ../shared) for the IndoSum corpus.")
@click.option("--articles", "limit", type=click.IntRange(1, 10_000_000), default=None,
              help="Use the first N IndoSum articles; above 1,499 they are repeated, each round made dirty anew.")
@click.option("--repeat", type=click.IntRange(1, 20), default=3, show_default=True,
              help="Whole-pipeline passes; the median is reported.")
@click.option("--layer", type=click.Choice(["full", "documents", "clean"]), default="full", show_default=True,
              help="full: the whole ingest (pipeline, store, story update, search index); documents: the "
                   "per-document pipeline and the store only; clean: read -> clean -> store only.")
@click.option("--stories", "story_count", type=click.IntRange(1, 10_000_000), default=None,
              help="Instead: time near-duplicate detection and story clustering of N generated articles "
                   "(IndoSum articles re-told with variations over a year), one core.")
@click.option("--workers", type=click.IntRange(1, 256), default=None,
              help="Scaling: time `warta run` with 1 .. N workers (default: this machine's cores).")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="Engine for the scaling runs.")
@click.option("--scaling/--no-scaling", default=True, show_default=True,
              help="Also time `warta run` with 1 .. --workers workers (with --layer full).")
@click.option("--scaling-articles", type=click.IntRange(1, 10_000_000), default=6_000, show_default=True,
              help="Without INPUTS: the scaling runs use this many IndoSum articles (repeated with variations), "
                   "enough that starting the workers does not dominate.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of a table.")
def bench(inputs: tuple[str, ...], shared: Path | None, limit: int | None, repeat: int, layer: str,
          story_count: int | None, workers: int | None, engine: str, scaling: bool, scaling_articles: int,
          as_json: bool) -> None:
    """Time each stage and the whole pipeline on INPUTS (default: the 1,500 IndoSum articles made dirty)."""
    import tempfile

    if story_count is not None:
        from ..bench import run_story_bench

        shared = shared or _default_shared()
        if not (shared / "data" / "news" / "indosum").is_dir():
            raise click.ClickException(f"{shared}/data/news/indosum not found: --stories needs --shared PATH")
        result = run_story_bench(shared, story_count)
        if as_json:
            sys.stdout.write(json.dumps(result) + "\n")
        else:
            Console().print(f"story clustering of {result['articles']:,} articles on one core: {result['seconds']} s "
                      f"({result['articles_per_second']} articles/s): near-duplicates {result['near_duplicate_seconds']} s "
                      f"({result['copies']:,} copies), clustering {result['cluster_seconds']} s "
                      f"({result['stories']:,} stories, {result['open_stories_at_end']} open at the end); "
                      f"peak RSS {result['peak_rss_mb']} MB ({result['peak_rss_mb_before']} MB before)")
        return

    from ..bench import build_indosum_corpus, run_bench

    out, err = _consoles()
    with tempfile.TemporaryDirectory() as tmp:
        paths = list(inputs)
        if not paths:
            shared = shared or _default_shared()
            if not (shared / "data" / "news" / "indosum").is_dir():
                raise click.ClickException(f"{shared}/data/news/indosum not found: give INPUTS or --shared PATH")
            err.print(f"building the IndoSum corpus from {shared} ...")
            paths = [str(build_indosum_corpus(shared, Path(tmp), limit=limit))]
        import os

        scaling_workers = (workers or os.cpu_count() or 1) if scaling and layer == "full" else None
        scaling_paths = None
        if scaling_workers and not inputs:
            folder = Path(tmp) / "scaling"
            folder.mkdir()
            scaling_paths = [str(build_indosum_corpus(shared, folder, limit=scaling_articles))]
        result = run_bench(paths, repeat=repeat, layer=layer, scaling_workers=scaling_workers,
                           engine=engine, scaling_inputs=scaling_paths).to_dict()
    if as_json:
        sys.stdout.write(json.dumps(result) + "\n")
    else:
        print_bench(out, result)


from ..server.cli import serve  # noqa: E402  (the server package loads FastAPI only when serving)
from .distributed import load, run  # noqa: E402

main.add_command(serve)
main.add_command(run)
main.add_command(load)


if __name__ == "__main__":  # pragma: no cover
    main()
