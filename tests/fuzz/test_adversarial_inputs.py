"""Hostile inputs to the readers: bombs, absurd nesting, broken WARC records, JSON past what can be read.

Each ends as documents or rejected documents whose reason is one of REASONS and whose detail names the input;
the bombs are also checked for memory: the peak resident size may grow by less than 200 MB while one is read.
"""

from __future__ import annotations

import gzip
import json
import resource
import zlib

import pytest

from warta.read import REASONS, read_bytes

NAME = "hostile-input"
ARTICLE = "Rusia mengecam China dan Wang Yi mengatakan bahwa Lavrov akan datang ke Kazakhstan pada Senin."
PAGE = f"<p>{ARTICLE}</p>"
MEMORY_LIMIT_MB = 200


def read_all(data: bytes) -> list:
    docs = list(read_bytes(data, NAME))
    assert docs, "every input ends as at least one document, accepted or rejected"
    for doc in docs:
        assert doc.rejected is None or doc.rejected in REASONS, doc.rejected
        assert doc.rejected is None or doc.rejected_detail.startswith(NAME), doc.rejected_detail
    return docs


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def gzip_stream(block: bytes, total: int) -> bytes:
    """``total`` bytes of ``block`` repeated, gzip-compressed block by block (never held uncompressed)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [packer.compress(block) for _ in range(total // len(block))]
    return b"".join(parts) + packer.flush()


# -- JSON ---------------------------------------------------------------------------------------------------------

def test_json_lines_nested_thousands_deep_are_invalid_json_not_a_reader_failure():
    """Regression: a line nested 100,000 deep raised RecursionError in json and was rejected as 'unreadable'
    with a traceback in the log ('reading failed ... report it as a bug')."""
    deep = '{"text": "' + ARTICLE + '", "d": ' + "[" * 100_000 + "]" * 100_000 + "}\n"
    docs = read_all((deep + json.dumps({"text": ARTICLE}) + "\n").encode())
    assert [d.rejected for d in docs] == ["invalid-json", None]
    assert "nested too deeply" in docs[0].rejected_detail and docs[0].input_ref == f"{NAME}:1"


def test_a_json_file_nested_thousands_deep_is_invalid_json():
    docs = read_all(("[" * 200_000 + "]" * 200_000).encode())
    assert [d.rejected for d in docs] == ["invalid-json"]


def test_a_number_of_thousands_of_digits_is_invalid_json_not_a_reader_failure():
    line = '{"text": "' + ARTICLE + '", "published": ' + "9" * 5000 + "}\n"
    docs = read_all((line + json.dumps({"text": ARTICLE}) + "\n").encode())
    assert [d.rejected for d in docs] == ["invalid-json", None]
    assert "cannot be read" in docs[0].rejected_detail


def test_a_first_line_nested_too_deep_to_sniff_is_still_read_as_json_lines():
    """Regression: sniffing parsed the first line and let its RecursionError escape, so the whole file was
    'unreadable'; now that line is rejected and the next one read."""
    first = '{"d": ' + '{"a": ' * 5000 + "1" + "}" * 5000 + "}\n"
    docs = read_all((first + json.dumps({"text": ARTICLE}) + "\n").encode())
    assert [d.rejected for d in docs] == ["invalid-json", None]


# -- HTML ---------------------------------------------------------------------------------------------------------

def test_an_html_bomb_of_a_million_tiny_elements_is_rejected_before_parsing():
    """Regression: 600,000 empty elements took trafilatura 18 s and 300 MB; now refused by counting tags."""
    data = ("<html><body>" + "<i></i>" * 600_000 + PAGE * 3 + "</body></html>").encode()
    before = peak_rss_mb()
    docs = read_all(data)
    assert [d.rejected for d in docs] == ["too-large"] and "600,00" in docs[0].rejected_detail
    assert peak_rss_mb() - before < MEMORY_LIMIT_MB


@pytest.mark.parametrize("depth", [300, 10_000, 99_000, 200_000])
def test_html_nested_deeper_than_the_parser_goes_is_read_or_says_why(depth):
    data = ("<html><body>" + "<div>" * depth + PAGE + "</div>" * depth + "</body></html>").encode()
    [doc] = read_all(data)
    assert (doc.rejected is None and ARTICLE in doc.raw or doc.rejected == "no-text" and "nests" in doc.rejected_detail
            or doc.rejected == "too-large" and depth > 100_000 and "elements" in doc.rejected_detail)


def test_unclosed_tags_a_hundred_thousand_deep():
    [doc] = read_all(("<html><body>" + "<b><i>" * 40_000 + PAGE).encode())
    assert doc.rejected in (None, "no-text")


def test_entity_expansion_is_not_performed():
    """A 'billion laughs' DOCTYPE: the HTML parser does not expand internal entities, so nothing blows up."""
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10))
    data = f'<?xml version="1.0"?><!DOCTYPE lolz [{entities}]><html><body><p>&lol9;</p>{PAGE}</body></html>'
    [doc] = read_all(data.encode())
    assert doc.rejected is None and "lollol" not in doc.raw and ARTICLE in doc.raw


def test_a_flood_of_character_references():
    body = "&amp;&#x1F600;&#99999999;&#0;&#xD800;&nbsp;&unknown;" * 50_000
    [doc] = read_all(f"<html><body><p>{body}</p>{PAGE}</body></html>".encode())
    assert doc.rejected is None or doc.rejected in ("no-text", "too-large")
