"""Build the Indonesian word-frequency lexicon shipped in warta/lang/id/data/lexicon.tsv.

The lexicon is what the glued-word repair segments against. It merges
- wordfreq's Indonesian list (Zipf frequencies; Apache-2.0 code, data under CC BY-SA 4.0), and
- word counts computed here from training material in ../shared:
  IndoSum dev fold 01 only (fold 02 is kept unseen for the cleaning evaluation),
  the train splits of idner-news-2k, NERGrit and NERP, and the UD Indonesian-CSUI train split.

Only lower-cased alphabetic word types with their Zipf value are written: no sentences.
It also writes two small lists taken from wordfreq, so that warta needs no wordfreq at run time:
the 60,000 most frequent English words (words in English quotes are never split as glue) and the
400 most frequent words of each of 17 Latin-script languages (language identification).
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

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "warta"
OUT = PACKAGE / "lang" / "id" / "data" / "lexicon.tsv"
ENGLISH_OUT = PACKAGE / "lang" / "en" / "data" / "words.txt"
TOP_WORDS_OUT = PACKAGE / "lang" / "data" / "top_words.json"
ENGLISH_WORDS = 60_000
TOP_WORDS = 400
#: languages told apart by their most frequent words (Latin script); others are told by script
LATIN_LANGS = ("id", "en", "ms", "de", "fr", "es", "nl", "pt", "it", "tr", "vi", "fil", "pl", "sv", "da", "ro", "ca")
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
    write_word_lists()


def write_word_lists() -> None:
    ENGLISH_OUT.parent.mkdir(parents=True, exist_ok=True)
    english = wordfreq.top_n_list("en", ENGLISH_WORDS)
    ENGLISH_OUT.write_text("\n".join(english) + "\n", encoding="utf-8")
    TOP_WORDS_OUT.parent.mkdir(parents=True, exist_ok=True)
    top = {lang: wordfreq.top_n_list(lang, TOP_WORDS) for lang in LATIN_LANGS}
    TOP_WORDS_OUT.write_text(json.dumps(top, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {len(english)} English words to {ENGLISH_OUT} and top words of {len(top)} languages to {TOP_WORDS_OUT}")


if __name__ == "__main__":
    main()
