"""warta bench runs on any input and reports the contract of its JSON (no timing is asserted)."""

import json

from click.testing import CliRunner

from samples import DIRTY_ARTICLE
from warta.cli.main import main


def test_bench_json_on_given_inputs_for_each_layer(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(DIRTY_ARTICLE, encoding="utf-8")
    for layer, stages in (("clean", {"read", "clean", "repair", "store"}), ("full", {"entities", "actors"})):
        result = CliRunner().invoke(main, ["bench", str(path), "--json", "--repeat", "1", "--layer", layer])
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
