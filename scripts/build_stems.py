"""Precompute the PySastrawi stems of the shipped lexicon's words: src/warta/lang/id/data/stems.tsv.

Stemming is the event coder's costliest step in a fresh process (every new word goes through PySastrawi's
prefix rules); a table of the stems of the 32,918 words of lang/id/data/lexicon.tsv, computed by the very
function the coder uses, makes a fresh worker as fast as a warm one. Words outside the table are still
stemmed as they come. Each line: ``word<TAB>stem``, with an empty stem where the word is its own stem.
Rebuild after changing lexicon.tsv or PySastrawi's version:  python scripts/build_stems.py
"""

from __future__ import annotations

from pathlib import Path

from warta.analyse.lexicon import compute_stem

DATA = Path(__file__).resolve().parents[1] / "src" / "warta" / "lang" / "id" / "data"


def main() -> None:
    words = []
    for line in (DATA / "lexicon.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            words.append(line.split("\t", 1)[0])
    lines = ["# word\tstem (empty: the word is its own stem); built by scripts/build_stems.py from lexicon.tsv"]
    for word in sorted(set(words)):
        stem = compute_stem(word)
        lines.append(f"{word}\t{'' if stem == word else stem}")
    (DATA / "stems.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 1} stems written to {DATA / 'stems.tsv'}")


if __name__ == "__main__":
    main()
