"""warta bench runs on any input and reports the contract of its JSON (no timing is asserted)."""

import json

from click.testing import CliRunner

from samples import DIRTY_ARTICLE
from warta.cli.main import main


def test_bench_json_on_given_inputs_for_each_layer(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(DIRTY_ARTICLE, encoding="utf-8")
    for layer, stages in (("clean", {"read", "clean", "repair", "store"}), ("full", {"entities", "actors"})):
        result = CliRunner().invoke(main, ["bench", str(path), "--json", "--repeat", "1", "--layer", layer,
                                           "--no-scaling"])
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        assert data["articles"] == 1 and data["layer"] == layer and stages <= set(data["stages"])
        assert data["articles_per_second_per_core"] > 0 and data["peak_rss_mb"] > 0


def test_story_bench_reports_clustering_of_a_generated_stream(shared_dir):
    from warta.bench import run_story_bench, story_stream

    items = story_stream(shared_dir, 300)
    assert len({i.id for i in items}) == 300 and all(i.date for i in items)
    result = run_story_bench(shared_dir, 300)
    assert result["articles"] == 300 and 0 < result["stories"] <= 300
    assert result["seconds"] > 0 and result["peak_rss_mb"] >= result["peak_rss_mb_before"]


def test_bench_reports_scaling_from_one_to_n_workers_as_json_and_as_a_table(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(json.dumps({"text": DIRTY_ARTICLE + f" Nomor {n}."}) for n in range(6)) + "\n",
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["bench", str(path), "--json", "--repeat", "1", "--workers", "2"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data["scaling"]) == {"1", "2"} and all(rate > 0 for rate in data["scaling"].values())
    detail = data["scaling_detail"]
    assert detail["runs"]["2"]["documents"] == detail["runs"]["1"]["documents"] == 6
    assert detail["runs"]["1"]["shards"] == detail["runs"]["2"]["shards"] > 1
    assert 0 < detail["peak_rss_mb_per_worker"] and set(detail["speedup"]) == {"1", "2"}
    table = CliRunner().invoke(main, ["bench", str(path), "--repeat", "1", "--workers", "1"])
    assert table.exit_code == 0 and "scaling with workers" in table.output


def test_the_bench_corpus_repeats_indosum_with_variations(shared_dir, tmp_path):
    from warta.bench import build_indosum_corpus

    path = build_indosum_corpus(shared_dir, tmp_path, limit=1_600)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    first, second = {r["url"] for r in rows[:1_499]}, {r["url"] for r in rows[1_499:]}
    assert len(rows) == 1_600 and len(second) == 101 and not first & second
    assert rows[0]["text"] != rows[1_499]["text"]  # the second round is made dirty anew
