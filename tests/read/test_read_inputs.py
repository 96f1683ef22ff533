"""read_inputs / read_bytes: paths, folders, stdin, and every bad input as a rejected document."""

from __future__ import annotations

import gzip
import io
import os
import sys
import zlib

import pytest
from read_helpers import PARAGRAPHS, PNG_BYTES, build_article

import warta.read.inputs as inputs_module
from warta.read import REASONS, read_bytes, read_inputs
from warta.settings import Settings

PROSE = "\n\n".join(PARAGRAPHS) + "\n"


def _summary(docs) -> list[tuple[str, str | None]]:
    return [(os.path.basename(d.input_ref), d.rejected) for d in docs]


def test_directory_is_read_recursively_in_sorted_path_order(tmp_path, write) -> None:
    write("korpus/b.txt", "Berita B.")
    write("korpus/a/z.txt", "Berita A/Z.")
    write("korpus/a/c.html", build_article())
    write("korpus/c/d.jsonl", '{"text": "Berita D1."}\n{"text": "Berita D2."}\n')
    write("korpus/.git/config", "[core]")
    write("korpus/.tersembunyi.txt", "tidak dibaca")
    write("korpus/a.txt", "Berita A.")
    docs = list(read_inputs([str(tmp_path / "korpus")]))
    root = str(tmp_path / "korpus")
    assert [d.input_ref for d in docs] == [
        f"{root}/a/c.html",
        f"{root}/a/z.txt",
        f"{root}/a.txt",
        f"{root}/b.txt",
        f"{root}/c/d.jsonl:1",
        f"{root}/c/d.jsonl:2",
    ]
    assert all(d.rejected is None for d in docs)


def test_files_and_folders_keep_input_order(write, tmp_path) -> None:
    second = write("dua.txt", "Kedua.")
    write("map/satu.txt", "Pertama.")
    docs = list(read_inputs([second, str(tmp_path / "map")]))
    assert [d.raw for d in docs] == ["Kedua.", "Pertama."]


def test_read_inputs_is_lazy(write) -> None:
    stream = read_inputs([write("a.txt", "A."), "/tidak/ada"])
    assert next(stream).raw == "A."


def test_read_inputs_refuses_a_single_string() -> None:
    with pytest.raises(ValueError, match="list of paths"):
        list(read_inputs("a.txt"))


def test_stdin_dash(monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PROSE.encode())))
    [doc] = list(read_inputs(["-"]))
    assert (doc.source, doc.input_ref, doc.input_kind, doc.raw) == ("<stdin>", "<stdin>", "text", PROSE)


def test_read_bytes_sniffs_like_a_file() -> None:
    [html] = list(read_bytes(build_article().encode(), "<stdin>"))
    assert html.input_kind == "html" and PARAGRAPHS[0] in html.raw
    docs = list(read_bytes(b'{"text": "Satu."}\n{"text": "Dua."}\n', "unggahan.jsonl"))
    assert [d.input_ref for d in docs] == ["unggahan.jsonl:1", "unggahan.jsonl:2"]
    [gz] = list(read_bytes(gzip.compress(PROSE.encode()), "<stdin>"))
    assert gz.raw == PROSE


def test_read_bytes_validates_arguments() -> None:
    with pytest.raises(ValueError):
        read_bytes("teks", "<stdin>")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        read_bytes(b"teks", "")


@pytest.fixture
def bad_inputs(write, tmp_path):
    """Every kind of bad single-file input, each followed by nothing else."""
    return {
        "not-found": str(tmp_path / "hilang.txt"),
        "empty": write("kosong.txt", b""),
        "empty-ws": write("spasi.txt", "  \n\t \r\n  "),
        "binary": write("gambar.txt", PNG_BYTES),
        "binary-pdf": write("laporan.html", b"%PDF-1.7\n" + bytes(range(256))),
        "undecodable": write("acak.txt", bytes(range(128, 256)) * 20),
        "truncated": write("putus.txt.gz", gzip.compress(PROSE.encode() * 50)[:300]),
        "malformed": write("rusak.gz", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + b"\xff" * 50),
    }


def test_every_bad_input_is_rejected_and_reading_goes_on(bad_inputs, write) -> None:
    good = write("zz-baik.txt", PROSE)
    paths = [*bad_inputs.values(), good]
    docs = list(read_inputs(paths))
    assert len(docs) == len(paths)
    expected = [name.split("-")[0] if name != "empty-ws" else "empty" for name in bad_inputs]
    expected = [{"binary": "binary", "not": "not-found"}.get(e, e) for e in expected]
    assert [d.rejected for d in docs[:-1]] == expected
    for path, doc in zip(paths[:-1], docs[:-1], strict=True):
        assert doc.raw == ""
        assert doc.source == path and doc.input_ref == path
        assert doc.rejected_detail.startswith(f"{path}: ")
        assert doc.rejected in REASONS
    assert docs[-1].rejected is None and docs[-1].raw == PROSE
    assert "PNG image" in docs[3].rejected_detail
    assert "PDF document" in docs[4].rejected_detail


def test_unreadable_file(monkeypatch, write) -> None:
    path = write("rahasia.txt", PROSE)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(inputs_module, "open", refuse, raising=False)
    [doc] = list(read_inputs([path]))
    assert doc.rejected == "unreadable"
    assert (
        doc.rejected_detail
        == f"{path}: cannot be opened (Permission denied); check that it is a readable file"
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_inside_a_folder_is_rejected_not_waited_on(tmp_path, write) -> None:
    write("map/a.txt", "Berita.")
    os.mkfifo(tmp_path / "map" / "b.pipe")
    docs = list(read_inputs([str(tmp_path / "map")]))
    assert _summary(docs) == [("a.txt", None), ("b.pipe", "unreadable")]
    assert "not a regular file" in docs[1].rejected_detail


def test_plain_text_above_max_doc_bytes_is_too_large(write) -> None:
    settings = Settings().with_overrides(max_doc_bytes=1_000)
    path = write("besar.txt", "Kalimat berita yang panjang. " * 2_000)  # stands in for a 50 MB file
    docs = list(read_inputs([path, write("kecil.txt", "Kecil.")], settings))
    assert [d.rejected for d in docs] == ["too-large", None]
    assert docs[0].rejected_detail.startswith(f"{path}: ") and "max_doc_bytes" in docs[0].rejected_detail


def test_six_megabyte_text_is_too_large_with_default_settings(write) -> None:
    path = write("enam-mb.txt", b"Kalimat berita yang panjang sekali. " * 175_000)  # ~6.1 MB > 5 MB default
    [doc] = list(read_inputs([path]))
    assert doc.rejected == "too-large" and doc.raw == ""


def test_gzip_bomb_is_refused(tmp_path, write) -> None:
    settings = Settings().with_overrides(max_gunzip_bytes=10_000_000)
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(1 << 20)
    path = tmp_path / "bom.txt.gz"
    with open(path, "wb") as out:
        for _ in range(300):  # 300 MB of zeros, about 300 KB compressed
            out.write(packer.compress(block))
        out.write(packer.flush())
    good = write("zz.txt", "Masih dibaca.")
    docs = list(read_inputs([str(path), good], settings))
    assert [d.rejected for d in docs] == ["gzip-bomb", None]
    assert str(path) in docs[0].rejected_detail and "max_gunzip_bytes" in docs[0].rejected_detail


def test_gzip_of_text_above_max_gunzip_bytes_is_a_bomb(write) -> None:
    settings = Settings().with_overrides(max_gunzip_bytes=50_000)
    path = write("besar.jsonl.gz", gzip.compress(b'{"text": "Berita pendek sekali."}\n' * 5_000))
    docs = list(read_inputs([path], settings))
    assert docs[-1].rejected == "gzip-bomb"
    assert all(d.rejected is None for d in docs[:-1]) and len(docs) > 100


def test_gzip_text_inside_is_read(write) -> None:
    [doc] = list(read_inputs([write("berita.txt.gz", gzip.compress(PROSE.encode("utf-16")))]))
    assert (doc.raw, doc.hints["encoding"]) == (PROSE, "utf-16-le")
