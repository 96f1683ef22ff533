"""Shards hold every input exactly once, in the order and with the references of a whole read."""

from __future__ import annotations

import json

import pytest
from helpers import generated_articles, write_mixed_inputs

from warta.distributed.shards import plan_fingerprint, plan_shards
from warta.distributed.worker import read_shard
from warta.read import read_inputs
from warta.settings import DEFAULT_SETTINGS


def _docs(docs):
    return [(d.input_ref, d.source, d.raw, d.rejected, d.rejected_detail) for d in docs]


@pytest.mark.parametrize("shard_bytes", [1, 700, 5_000, 40_000, 10_000_000])
def test_shards_read_exactly_what_a_whole_read_reads(tmp_path, shard_bytes):
    inputs = write_mixed_inputs(tmp_path / "in")
    shards = plan_shards(inputs, shard_bytes=shard_bytes, max_files=3)
    assert [s.index for s in shards] == list(range(len(shards)))
    from_shards = [d for s in shards for d in read_shard(s, DEFAULT_SETTINGS)]
    assert _docs(from_shards) == _docs(read_inputs(inputs))


def test_a_large_jsonl_file_is_cut_at_line_starts_with_its_line_numbers(tmp_path):
    lines = [json.dumps(a, ensure_ascii=False) for a in generated_articles(40)]
    path = tmp_path / "big.jsonl"
    path.write_text("\ufeff" + "\n".join(lines[:20]) + "\n\n\n" + "\n".join(lines[20:]), encoding="utf-8")  # BOM, blanks, no final newline
    shards = plan_shards([str(path)], shard_bytes=2_000)
    assert len(shards) > 5
    data = path.read_bytes()
    for shard in shards:
        (item,) = shard.items
        assert item["start"] == 0 or data[item["start"] - 1 : item["start"]] == b"\n"
        assert item["first_line"] == data[: item["start"]].count(b"\n") + 1
    assert [s.items[0]["end"] for s in shards][-1] == len(data)
    refs = [d.input_ref for s in shards for d in read_shard(s, DEFAULT_SETTINGS)]
    assert refs == [d.input_ref for d in read_inputs([str(path)])]
    assert refs[0] == f"{path}:1" and refs[-1] == f"{path}:42"


def test_small_files_are_grouped_and_large_archives_stay_whole(tmp_path):
    inputs = write_mixed_inputs(tmp_path / "in")
    shards = plan_shards(inputs, shard_bytes=10_000_000, max_files=4)
    assert all(len(s.items) <= 4 for s in shards)
    assert sum(len(s.items) for s in shards) == 10
    warc = [s for s in plan_shards(inputs, shard_bytes=100) if s.items[0]["path"].endswith(".warc.gz")]
    assert len(warc) == 1 and "start" not in warc[0].items[0]  # gzip: one shard, never cut


def test_the_fingerprint_changes_with_the_inputs_and_the_settings(tmp_path):
    inputs = write_mixed_inputs(tmp_path / "in")
    plan = plan_shards(inputs, shard_bytes=5_000)
    settings = {"min_text_chars": 40}
    first = plan_fingerprint(plan, settings)
    assert first == plan_fingerprint(plan_shards(inputs, shard_bytes=5_000), settings)
    assert first != plan_fingerprint(plan_shards(inputs, shard_bytes=6_000), settings)
    assert first != plan_fingerprint(plan, {"min_text_chars": 41})
    (tmp_path / "in" / "c-page.html").write_text("<html><body><p>lain</p></body></html>", encoding="utf-8")
    assert first != plan_fingerprint(plan_shards(inputs, shard_bytes=5_000), settings)


def test_standard_input_and_bad_sizes_are_refused_with_a_reason():
    with pytest.raises(ValueError, match="standard input"):
        plan_shards(["-"])
    with pytest.raises(ValueError, match="shard_bytes"):
        plan_shards(["x"], shard_bytes=0)


def test_a_missing_input_becomes_a_rejected_document_in_its_shard(tmp_path):
    shards = plan_shards([str(tmp_path / "nope.jsonl")])
    (doc,) = list(read_shard(shards[0], DEFAULT_SETTINGS))
    assert doc.rejected == "not-found" and "nope.jsonl" in doc.rejected_detail
