"""``warta bench``: how fast each stage runs, per article and per core, and how much memory it takes.

The default corpus is the 1,500 IndoSum articles of ``../shared`` made dirty the way scrapers
deliver them (the cleaning evaluation's generator, all articles, fixed seed), written as one
JSON Lines file. Any other input can be given instead. One process, one core: the rates are
per core. Start-up (loading the lexicon and stemmer) is timed apart from the per-article work.
"""

from __future__ import annotations

import json
import resource
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .api import build_pipeline
from .ingest import ingest
from .pipeline import Pipeline
from .read import read_inputs
from .store import Store

__all__ = ["BenchResult", "build_indosum_corpus", "run_bench", "story_stream", "run_story_bench"]


@dataclass
class BenchResult:
    articles: int
    inputs: list[str]
    startup_seconds: float
    seconds: dict[str, float] = field(default_factory=dict)
    stages: dict[str, float] = field(default_factory=dict)
    whole_seconds: float = 0.0
    whole_runs: list[float] = field(default_factory=list)
    layer: str = "full"
    peak_rss_mb: float = 0.0
    scaling: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        rate = self.articles / self.whole_seconds if self.whole_seconds else 0.0
        return {
            "articles": self.articles,
            "articles_per_second_per_core": round(rate, 1),
            "whole_pipeline_seconds": round(self.whole_seconds, 3),
            "whole_pipeline_runs": [round(s, 3) for s in self.whole_runs],
            "startup_seconds": round(self.startup_seconds, 3),
            "stages": {k: round(v, 1) for k, v in self.stages.items()},
            "stage_seconds": {k: round(v, 4) for k, v in self.seconds.items()},
            "peak_rss_mb": round(self.peak_rss_mb, 1),
            "workers": 1,
            "layer": self.layer,
            "inputs": self.inputs,
        } | ({"scaling": self.scaling["articles_per_second"], "scaling_detail": self.scaling}
             if self.scaling else {})


def build_indosum_corpus(shared: Path, out_dir: Path, *, limit: int | None = None, seed: int = 7) -> Path:
    """Write the IndoSum dev articles, made dirty, as one JSONL file; returns its path.

    ``limit`` above the number of articles (1,499) repeats them with variations: each further round
    makes every article dirty again with another seed (other debris, dateline, glued words, duplicated
    paragraphs), as another outlet's scrape of the same story would be."""
    from .evaluate.dirty import make_dirty
    from .evaluate.indosum import load_indosum

    folder = shared / "data" / "news" / "indosum"
    articles = [a for f in sorted(folder.glob("dev.*.jsonl")) for a in load_indosum(f)]
    if not articles:
        raise FileNotFoundError(f"no IndoSum articles under {folder}")
    count = len(articles) if limit is None else limit
    path = out_dir / "indosum-dirty.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for n in range(count):
            art = articles[n % len(articles)]
            round_ = n // len(articles)
            dirty = make_dirty(art, seed + round_)
            url = art.url if not round_ else f"{art.url}#variation-{round_}"
            fh.write(json.dumps({"text": dirty.text, "url": url}, ensure_ascii=False) + "\n")
    return path


def peak_rss_mb() -> float:
    """This process's peak resident memory. Linux's VmHWM belongs to the process image, whereas ru_maxrss
    survives fork and exec: a worker started by a big parent would report the parent's peak."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


#: what ``warta bench --layer`` can time
LAYERS = ("full", "documents", "clean")
#: ``--layer clean`` times only these components (the foundation: read, clean, store)
CLEAN_LAYER = ("clean", "repair", "metadata", "language")


def bench_pipeline(layer: str) -> Pipeline:
    """The whole default pipeline (``full``; ``documents``: the same without the story update and search index
    that follow an ingest), or only its cleaning components (``clean``)."""
    if layer not in LAYERS:
        raise ValueError(f"layer must be one of {', '.join(LAYERS)}, got {layer!r}")
    full = build_pipeline()
    return full if layer != "clean" else Pipeline([c for c in full.components if c.name in CLEAN_LAYER])


def _time_stages(inputs: list[str], result: BenchResult, layer: str) -> None:
    started = time.perf_counter()
    docs = list(read_inputs(inputs))
    result.seconds["read"] = time.perf_counter() - started
    result.articles = len(docs)
    pipeline = bench_pipeline(layer)
    processed = list(pipeline.pipe(docs))
    result.seconds.update(pipeline.times.seconds)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
        started = time.perf_counter()
        run = store.start_run("bench")
        for start in range(0, len(processed), 200):
            store.add_batch(processed[start : start + 200], run)
        result.seconds["store"] = time.perf_counter() - started
        if layer == "full":
            from .stories.build import update_stories

            started = time.perf_counter()
            update_stories(store)
            result.seconds["stories"] = time.perf_counter() - started


def _warm_up(layer: str) -> float:
    started = time.perf_counter()
    bench_pipeline(layer).warm_up()
    return time.perf_counter() - started


def _cold() -> None:
    """Forget what earlier passes remembered, so that no pass profits from another."""
    from .clean.repair import default_repairer

    default_repairer().clear_cache()


def _time_whole(inputs: list[str], layer: str) -> float:
    _cold()
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "whole.duckdb") as store:
        started = time.perf_counter()
        ingest(inputs, store, command="bench", pipeline=bench_pipeline(layer), stories=layer == "full")
        return time.perf_counter() - started


def run_scaling(inputs: list[str], max_workers: int, *, engine: str = "local",
                shards_per_worker: int = 4) -> dict[str, Any]:
    """``warta run`` over ``inputs`` with 1, 2, ... ``max_workers`` workers, the same shards each time.

    For each worker count: documents per second of the whole run (start of the workers, the per-document
    pipeline over the shards, the story reduce), of its parallel part alone (``map``), and the largest
    peak RSS of one worker."""
    from .distributed import run_pipeline

    if max_workers < 1:
        raise ValueError(f"max_workers must be >= 1, got {max_workers}")
    total = sum(Path(p).stat().st_size for p in inputs if Path(p).is_file()) or 1
    shard_bytes = max(1, total // (shards_per_worker * max_workers))
    rates: dict[str, float] = {}
    runs: dict[str, dict[str, Any]] = {}
    for workers in range(1, max_workers + 1):
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            result = run_pipeline(inputs, Path(tmp) / "run", engine=engine, workers=workers, shard_bytes=shard_bytes,
                                  in_process=False)
            seconds = time.perf_counter() - started
        read = result.totals["read"]
        rates[str(workers)] = round(read / seconds, 1)
        runs[str(workers)] = {"documents": read, "shards": result.shards, "seconds": round(seconds, 2),
                              "map_seconds": round(result.map_seconds, 2),
                              "reduce_seconds": round(result.reduce_seconds, 2),
                              "map_articles_per_second": round(read / result.map_seconds, 1),
                              "worker_peak_rss_mb": result.worker_peak_rss_mb}
    first = runs["1"]
    speedup = {w: round(rates[w] / rates["1"], 2) for w in rates}
    map_speedup = {w: round(r["map_articles_per_second"] / first["map_articles_per_second"], 2) for w, r in runs.items()}
    return {"engine": engine, "articles_per_second": rates, "speedup": speedup, "map_speedup": map_speedup,
            "runs": runs, "peak_rss_mb_per_worker": max(r["worker_peak_rss_mb"] for r in runs.values())}


def run_bench(inputs: list[str], *, repeat: int = 3, layer: str = "full", scaling_workers: int | None = None,
              engine: str = "local", scaling_inputs: list[str] | None = None) -> BenchResult:
    """Time the whole ingest (read -> pipeline -> store) end to end ``repeat`` times, each cold, and
    report the median (this machine's neighbours make single runs vary by +-20 %); then each stage."""
    if repeat < 1:
        raise ValueError(f"repeat must be >= 1, got {repeat}")
    result = BenchResult(articles=0, inputs=inputs, startup_seconds=_warm_up(layer), layer=layer)
    result.whole_runs = [_time_whole(inputs, layer) for _ in range(repeat)]
    result.whole_seconds = statistics.median(result.whole_runs)
    _cold()
    _time_stages(inputs, result, layer)
    result.stages = {name: result.articles / secs for name, secs in result.seconds.items() if secs > 0}
    result.peak_rss_mb = peak_rss_mb()
    if scaling_workers:
        result.scaling = run_scaling(scaling_inputs or inputs, scaling_workers, engine=engine)
    return result


def story_stream(shared: Path, count: int, *, seed: int = 11) -> list:
    """``count`` articles for timing story clustering: the IndoSum articles, each re-told several times
    (sentences dropped and reordered, another outlet, a later date), spread over about a year, as the
    clustering sees them (:class:`warta.stories.features.StoryItem`)."""
    import datetime as dt
    import random

    from .evaluate.indosum import load_indosum
    from .stories.features import StoryItem

    folder = shared / "data" / "news" / "indosum"
    bases = [a for f in sorted(folder.glob("dev.*.jsonl")) for a in load_indosum(f)]
    if not bases:
        raise FileNotFoundError(f"no IndoSum articles under {folder}")
    rng = random.Random(seed)
    start = dt.date(2022, 1, 1)
    items = []
    for n in range(count):
        base = bases[n % len(bases)]
        round_ = n // len(bases)
        paragraphs = list(base.paragraphs)
        if round_:
            paragraphs = [p for p in paragraphs if rng.random() > 0.3] or paragraphs[:1]
            rng.shuffle(paragraphs)
        day = start + dt.timedelta(days=(n % len(bases)) * 365 // len(bases) + rng.randint(0, 3 * round_))
        items.append(StoryItem(id=f"{n:06d}-{base.id[:20]}", title=base.title or "", text="\n\n".join(paragraphs),
                               date=day, outlet=f"outlet-{rng.randint(1, 40)}"))
    return items


def run_story_bench(shared: Path, count: int = 10_000) -> dict[str, Any]:
    """Time near-duplicate detection and story clustering of ``count`` articles on one core."""
    from .stories.cluster import Clusterer
    from .stories.neardup import NearDuplicateIndex

    items = story_stream(shared, count)
    rss_before = peak_rss_mb()
    started = time.perf_counter()
    index = NearDuplicateIndex()
    copies = 0
    for item in items:
        if index.find_or_add(item.id, item.text) is not None:
            copies += 1
    near_dup_seconds = time.perf_counter() - started
    started = time.perf_counter()
    clusterer = Clusterer()
    assignments = clusterer.run(items)
    cluster_seconds = time.perf_counter() - started
    stories = len({a.story_id for a in assignments})
    total = near_dup_seconds + cluster_seconds
    return {"articles": count, "near_duplicate_seconds": round(near_dup_seconds, 2),
            "cluster_seconds": round(cluster_seconds, 2), "seconds": round(total, 2),
            "articles_per_second": round(count / total, 1) if total else None, "copies": copies,
            "stories": stories, "open_stories_at_end": len(clusterer.stories),
            "peak_rss_mb_before": round(rss_before, 1), "peak_rss_mb": round(peak_rss_mb(), 1)}
