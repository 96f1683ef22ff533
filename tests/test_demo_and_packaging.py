"""The demo runs on the shipped corpus; every package and data file ships."""

import json
import re
import tomllib
from pathlib import Path

from click.testing import CliRunner

from warta.cli.main import examples_dir, main

REPO = Path(__file__).resolve().parents[1]


def test_demo_ingests_the_sample_corpus_and_shows_it(tmp_path):
    db = tmp_path / "demo.duckdb"
    result = CliRunner().invoke(main, ["demo", "--db", str(db)], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    gold = json.loads((REPO / "tests" / "gold" / "clean_examples.json").read_text(encoding="utf-8"))
    assert re.search(rf"new\s+│\s+{len(gold)}\b", result.stdout), result.stdout
    assert re.search(r"rejected\s+│\s+0\b", result.stdout)
    for outlet in ("IVOOX.id", "IDN Times", "Kompas.com", "Antara"):
        assert outlet in result.stdout
    assert re.search(r"\d+ stories in .*\((\d+) reported by several articles\)", result.stdout)
    assert "warta story s" in result.stdout and "CHN – RUS by month" in result.stdout
    assert (tmp_path / "timeline-CHN-RUS-month.png").is_file() and (tmp_path / "timeline-CHN-RUS-month.html").is_file()
    again = CliRunner().invoke(main, ["demo", "--db", str(db)])
    assert re.search(rf"duplicate\s+│\s+{len(gold)}\b", again.stdout)


def test_examples_ship_inside_the_package():
    names = {p.name for p in examples_dir().rglob("*") if p.is_file()}
    assert {"crawl_sample.warc.gz", "agregator_berita.jsonl", "README.md"} <= names


def test_every_package_is_listed_in_pyproject():
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(REPO / "src").parts) for p in (REPO / "src").rglob("__init__.py")}
    assert found <= listed, f"add to pyproject packages: {sorted(found - listed)}"


def test_lexicon_ships_and_is_small():
    lexicon = REPO / "src" / "warta" / "lang" / "id" / "data" / "lexicon.tsv"
    assert lexicon.exists() and lexicon.stat().st_size < 20_000_000
