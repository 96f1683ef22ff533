"""Build the Indonesian word-frequency lexicon shipped in warta/lang/id/data/lexicon.tsv.

The lexicon is what the glued-word repair segments against. It merges
- wordfreq's Indonesian list (Zipf frequencies; Apache-2.0 code, data under CC BY-SA 4.0), and
- word counts computed here from training material in ../shared:
  IndoSum dev fold 01 only (fold 02 is kept unseen for the cleaning evaluation),
  the train splits of idner-news-2k, NERGrit and NERP, and the UD Indonesian-CSUI train split.

Only lower-cased alphabetic word types with their Zipf value are written: no sentences.
Run:  python scripts/build_lexicon.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import collections
import json
import math
import re
from pathlib import Path

import wordfreq

OUT = Path(__file__).resolve().parents[1] / "src" / "warta" / "lang" / "id" / "data" / "lexicon.tsv"
WORD = re.compile(r"^[a-z]+(?:-[a-z]+)*$")
MIN_COUNT = 3
MAX_LEN = 24


def count_indosum(path: Path, counts: collections.Counter) -> None:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            for para in art["paragraphs"]:
                for sent in para:
                    counts.update(t.lower() for t in sent)


def count_conll(path: Path, counts: collections.Counter, column: int) -> None:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t") if "\t" in line else line.split()
            if len(cols) > column and not ("-" in cols[0] and cols[0].replace("-", "").isdigit()):
                counts[cols[column].lower()] += 1


def corpus_counts(shared: Path) -> collections.Counter:
    counts: collections.Counter = collections.Counter()
    count_indosum(shared / "data/news/indosum/dev.01.jsonl", counts)
    count_conll(shared / "data/ner/idner-news-2k/train.txt", counts, 0)
    count_conll(shared / "data/ner/nergrit/train.txt", counts, 0)
    count_conll(shared / "data/ner/nerp/train.txt", counts, 0)
    count_conll(shared / "data/ud/id-csui/train.conllu", counts, 1)
    return counts


def merge(counts: collections.Counter) -> dict[str, float]:
    total = sum(counts.values())
    lexicon: dict[str, float] = {}
    for word in wordfreq.top_n_list("id", 1_000_000):
        if WORD.match(word) and len(word) <= MAX_LEN:
            lexicon[word] = wordfreq.zipf_frequency(word, "id")
    for word, n in counts.items():
        if n >= MIN_COUNT and WORD.match(word) and len(word) <= MAX_LEN:
            zipf = math.log10(n / total * 1e9)
            lexicon[word] = max(lexicon.get(word, 0.0), round(zipf, 2))
    return lexicon


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    args = parser.parse_args()
    lexicon = merge(corpus_counts(args.shared))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write("# word\tzipf  (wordfreq id + counts from IndoSum dev.01, NER and UD train splits)\n")
        for word in sorted(lexicon):
            fh.write(f"{word}\t{lexicon[word]:.2f}\n")
    print(f"wrote {len(lexicon)} words to {OUT}")


if __name__ == "__main__":
    main()
