"""Repair words glued together where a scraper stripped links: ``bahwaRusiadanChina`` -> ``bahwa Rusia dan China``.

A token is only considered when it is not a known word. It is cut at case changes
(``bahwa|Rusia``, ``di|AS``) and its unknown pieces are segmented against a word-frequency
lexicon (wordfreq's Indonesian list extended with counts from news text) by a unigram model.
A split is kept only when it is confident: every piece a known, frequent-enough word; no
clitic standing alone; a capitalised token (maybe a name: ``Tokayev``) split only around
function words; and never when the stemmer (PySastrawi) recognises the token as an affixed
word (``menstabilkan``, ``didiskualifikasinya``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..lang.id import segment as data

__all__ = ["Lexicon", "GlueRepairer", "load_lexicon", "default_repairer"]

_CHUNK = re.compile(r"\S+")
_LETTERS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
_URLISH = re.compile(r"://|www\.|@|\.(com|id|org|net|co)\b|/", re.IGNORECASE)
_CASE_CUT = re.compile(r"(?<=[a-z])(?=[A-Z])")
_UPPER_RUN = re.compile(r"^([A-Z]{2,})([a-z].*)$")
MAX_TOKEN = 80
MIN_TOKEN = 6


@dataclass(frozen=True)
class Lexicon:
    """Word -> Zipf frequency (log10 of occurrences per billion words)."""

    zipf: dict[str, float]

    def __contains__(self, word: str) -> bool:
        return word in self.zipf

    def get(self, word: str) -> float:
        return self.zipf.get(word, 0.0)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The shipped Indonesian lexicon (built by ``scripts/build_lexicon.py``)."""
    text = resources.files("warta.lang.id").joinpath("data/lexicon.tsv").read_text(encoding="utf-8")
    zipf: dict[str, float] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            word, _, value = line.partition("\t")
            zipf[word] = float(value)
    return Lexicon(zipf)


class GlueRepairer:
    """Finds and splits glued tokens in a paragraph."""

    def __init__(self, lexicon: Lexicon, stem_word=None, roots: frozenset[str] | None = None,
                 foreign: frozenset[str] | None = None) -> None:
        self.lexicon = lexicon
        self.stem_word = stem_word
        self.roots = roots or frozenset()
        self.foreign = foreign or frozenset()  # words of other languages quoted in the text: never split
        self.protected = data.CAMEL_NAMES | _outlet_names()
        self._cache: dict[str, list[str] | None] = {}

    def repair(self, text: str) -> tuple[str, list[tuple[str, str]]]:
        """The text with glued tokens split, and the (before, after) pairs of each repair."""
        repairs: list[tuple[str, str]] = []
        out: list[str] = []
        last = 0
        known = self.lexicon.zipf
        for tok in _LETTERS.finditer(text):
            word = tok.group()
            if len(word) < 4 or ((word.islower() or word[1:].islower()) and word.lower() in known):
                continue  # the fast path: most tokens are short or known words
            pieces = self.split_hyphenated(word)
            if pieces and not _in_url(text, tok.start(), tok.end()):
                out.append(text[last : tok.start()])
                out.append(" ".join(pieces))
                last = tok.end()
                repairs.append((word, " ".join(pieces)))
        if not repairs:
            return text, []
        out.append(text[last:])
        return "".join(out), repairs

    def clear_cache(self) -> None:
        """Forget remembered splits (benchmarks start each pass cold)."""
        self._cache.clear()
        cache_clear = getattr(self.stem_word, "cache_clear", None)
        if cache_clear is not None:
            cache_clear()

    def split_hyphenated(self, token: str) -> list[str] | None:
        """Like ``split``; in ``memintanegara-negara`` only the outer ends can carry glue."""
        parts = token.split("-")
        if len(parts) == 1:
            return self.split(token)
        head = self.split(parts[0]) or [parts[0]]
        tail = self.split(parts[-1]) or [parts[-1]]
        if len(head) == 1 and len(tail) == 1:
            return None
        return head[:-1] + ["-".join([head[-1], *parts[1:-1], tail[0]])] + tail[1:]

    def split(self, token: str) -> list[str] | None:
        """The pieces of a glued token, or None when it should stay whole."""
        if token not in self._cache:
            if len(self._cache) > 200_000:
                self._cache.clear()
            pieces = self._split(token)
            if (pieces and not _CASE_CUT.search(token) and not _UPPER_RUN.match(token)
                    and not any(p.lower() in data.GLUE_WORDS for p in pieces) and self.is_stemmed_word(token.lower())):
                pieces = None  # the stemmer knows it as one affixed word (didiskualifikasinya)
            self._cache[token] = pieces
        return self._cache[token]

    def _split(self, token: str) -> list[str] | None:
        low = token.lower()
        if len(token) > MAX_TOKEN or token.isupper() or low in self.protected or low in self.lexicon:
            return None
        case_pieces = [p for p in _CASE_CUT.split(token) if p]
        if len(case_pieces) == 1 and not _UPPER_RUN.match(token):
            if len(token) < MIN_TOKEN or self.is_word(low):
                return None
        groups: list[list[str]] = []
        anchored = len(case_pieces) > 1  # a case change inside: a stripped link's anchor text is in here
        for piece in case_pieces:
            parts = self._split_piece(piece, anchored=anchored)
            if parts is None:
                return None
            groups.append(parts)
        if not self._case_cuts_ok([g[-1] for g in groups[:-1]], case_pieces[1:]):
            return None
        pieces = [p for g in groups for p in g]
        return pieces if len(pieces) > 1 else None

    def _case_cuts_ok(self, lefts: list[str], rights: list[str]) -> bool:
        """``PresidenJoko`` splits; CamelCase names (``PollingVox``, ``PermenKP``) do not."""
        for left, right in zip(lefts, rights):
            if left.isupper():
                continue
            if not left[:1].isupper():  # lower word before a capital: the usual stripped-link glue
                if len(left) <= 3 and left not in data.GLUE_WORDS | data.SHORT_WORDS and self.lexicon.get(left) < 5.0:
                    return False  # mmHg, comScore, eBOSS
                if right.isupper() and left.lower() not in data.GLUE_WORDS and not self._strong(left.lower()):
                    return False  # uberXL, uberMOTOR
                continue
            if left.lower() not in data.TITLE_WORDS:
                return False  # TopKarir, PetaPixel, JakartaKuat: CamelCase names
        return True

    def _split_piece(self, piece: str, *, anchored: bool = False) -> list[str] | None:
        """Pieces of one case-piece; None when the piece cannot stand (``i`` of ``iPhone``)."""
        low = piece.lower()
        if len(piece) < 2:
            return None  # the i of iPhone
        if low in self.lexicon or (piece.isupper() and len(piece) >= 2):
            return [piece]
        run = _UPPER_RUN.match(piece)
        if run:
            return self._split_acronym_run(run.group(1), run.group(2))
        capitalised = piece[:1].isupper()
        words = self.segment(low, capitalised=capitalised, anchored=anchored)
        if words:
            return _apply_case(piece, words)
        if capitalised:
            named = self._split_name(piece)
            if named:
                return named
        elif len(low) >= 9 and not self.is_word(low):
            derived = self._split_derived(low)
            if derived:
                return _apply_case(piece, derived)
        if self.is_word(low) or (capitalised and len(piece) >= 3):
            return [piece]  # an affixed word, or an unknown capitalised word: a name
        return None

    def _split_name(self, piece: str) -> list[str] | None:
        """``Tamimiitu`` -> Tamimi + itu: an unknown name with known words glued after it."""
        best: list[str] | None = None
        low = piece.lower()
        for cut in range(4, len(piece) - 1):
            tail = low[cut:]
            words = [tail] if self._piece_ok(tail) else self.segment(tail, capitalised=False)
            if not words or not self._starts_name_tail(words[0], cut):
                continue
            if best is None or cut < len(best[0]):
                best = [piece[:cut]] + _apply_case(piece[cut:], words)
        return best

    def _split_derived(self, low: str) -> list[str] | None:
        """``berniatmendonorkan`` -> berniat + mendonorkan: a known word, then an affixed word whose
        root is known."""
        for cut in range(len(low) - 6, 2, -1):
            left, right = low[:cut], low[cut:]
            if left in data.BOUND_PREFIXES or not self._piece_ok(left) or self.lexicon.get(left) < 4.0:
                continue
            if right.startswith(data.VERB_PREFIXES + ("pe",)) and self._is_derived(right):
                return [left, right]
            if right.endswith(("isasi", "isme")) and self._is_derived(right):
                return [left, right]
        return None

    def _starts_name_tail(self, word: str, name_length: int) -> bool:
        if word in data.GLUE_WORDS:
            return word not in data.WEAK_GLUE or (word not in data.WEAKEST_GLUE and name_length >= 5)
        return (len(word) >= 6 and word.startswith(data.VERB_PREFIXES) and self.lexicon.get(word) >= 4.0
                and name_length >= 4)

    def _split_acronym_run(self, run: str, rest: str) -> list[str] | None:
        """``KPKMenangkap`` -> KPK + Menangkap; ``ASdan`` -> AS + dan; ``ARKit``, ``BRIsat`` stay."""
        word = (run[-1] + rest).lower()
        if len(run) >= 4 and len(word) >= 6 and self.lexicon.get(word) >= 4.0:
            return [run[:-1], run[-1] + rest]
        if rest in data.GLUE_WORDS or (self._strong(rest) and rest not in self.foreign):
            return [run, rest]
        words = self.segment(rest, capitalised=False)
        return [run] + _apply_case(rest, words) if words and words[0] in data.GLUE_WORDS else None

    def is_word(self, low: str) -> bool:
        """A known word or a regular derivation of one (cheap checks only)."""
        if len(low) < 2:
            return False
        if low in self.lexicon or low in self.roots or low in self.foreign:
            return True
        return len(low) >= MIN_TOKEN and self._is_derived(low)

    def is_stemmed_word(self, low: str) -> bool:
        """PySastrawi recognises an affixed word (slow: asked only before a split is made)."""
        if self.stem_word is None or len(low) < MIN_TOKEN:
            return False
        stem = self.stem_word(low)
        return stem != low and (stem in self.roots or stem in self.lexicon)

    def _is_derived(self, low: str) -> bool:
        """prefix + known root + suffix (``terdelete``, ``balitanya``, ``bervaluasi``)."""
        for prefix in data.DERIVATION_PREFIXES:
            if not low.startswith(prefix):
                continue
            for suffix in data.DERIVATION_SUFFIXES:
                if (prefix or suffix) and low.endswith(suffix):
                    root = low[len(prefix) : len(low) - len(suffix)]
                    if self._is_root(root, 4 if prefix else 5):
                        return True
                    if prefix in data.NASAL_REPLACED and self._is_root(data.NASAL_REPLACED[prefix] + root, 4):
                        return True
        return False

    def _is_root(self, root: str, min_length: int) -> bool:
        return len(root) >= min_length and (root in self.lexicon or root in self.roots or root in self.foreign)

    def segment(self, low: str, *, capitalised: bool, anchored: bool = False) -> list[str] | None:
        """Most probable split of ``low`` into known words, if it is a confident one."""
        n = len(low)
        best: list[tuple[float, list[str]] | None] = [None] * (n + 1)
        best[0] = (0.0, [])
        for end in range(1, n + 1):
            for start in range(max(0, end - 24), end - 1):
                prev = best[start]
                word = low[start:end]
                if prev is None or not self._piece_ok(word):
                    continue
                score = prev[0] + self.lexicon.get(word) - 9.0
                if best[end] is None or score > best[end][0]:
                    best[end] = (score, prev[1] + [word])
        found = best[n]
        if found is None or len(found[1]) < 2:
            return None
        return found[1] if self._confident(found[1], capitalised, anchored) else None

    def _piece_ok(self, word: str) -> bool:
        if word in data.NEVER_ALONE or word not in self.lexicon:
            return False
        if len(word) == 3:
            return word in data.GLUE_WORDS or self.lexicon.get(word) >= 4.8
        return len(word) > 3 or word in data.SHORT_WORDS

    def _confident(self, words: list[str], capitalised: bool, anchored: bool = False) -> bool:
        if words[0] in data.BOUND_PREFIXES or words[-1] in data.NUMERAL_TAILS:
            return False
        for pos, word in enumerate(words):
            zipf = self.lexicon.get(word)
            if len(word) <= 3 and word not in data.GLUE_WORDS and word not in data.SHORT_WORDS and zipf < 4.0:
                return False
            if zipf < (2.0 if len(word) >= 7 else 2.8):
                return False
            if word.startswith(data.SUFFIX_STARTS) and word not in data.GLUE_WORDS and zipf < 4.5:
                return False  # -annya, -kannya: the tail of an affixed word, not a word
            if len(word) == 2 and pos + 1 < len(words) and not self._strong(words[pos + 1]):
                return False  # Marta|di|nata: a short word inside a name
        glue = [w for w in words if w in data.GLUE_WORDS]
        if not glue and all(w in self.foreign for w in words):
            return False  # chatbot, pageviews, beatbox: an English compound
        if capitalised:
            if len(words[0]) <= 2:
                return False  # Kemenlu, Dijual: a prefix, not a preposition
            head = self.lexicon.get(words[0])
            if not glue:  # Purawisata, Sukamiskin: compound place names; saatIndonesiatakluk: glue
                return anchored and head >= 4.0 and len(words[0]) >= 4 and all(self._strong(w) for w in words[1:])
            weak_ok = all(w not in data.WEAKEST_GLUE or (head >= (4.3 if w == "di" else 4.0) and len(words[0]) >= 5)
                          for w in glue) and len(words[0]) >= 4
            return head >= 5.0 or weak_ok or any(w not in data.WEAK_GLUE for w in glue)
        if glue:
            return True
        long_enough = sum(map(len, words)) >= 10
        return long_enough and all(len(w) >= 4 and self.lexicon.get(w) >= (3.8 if len(w) < 7 else 3.2) for w in words)

    def _strong(self, word: str) -> bool:
        return len(word) >= 5 and self.lexicon.get(word) >= 4.0


def _in_url(text: str, start: int, end: int) -> bool:
    """Whether the token at [start, end) sits inside a URL, e-mail address or path."""
    left = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    right = min((p for p in (text.find(" ", end), text.find("\n", end)) if p >= 0), default=len(text))
    return bool(_URLISH.search(text[left:right]))


def _apply_case(piece: str, words: list[str]) -> list[str]:
    """Cut the original piece (with its letters' case) at the boundaries of ``words``."""
    out, pos = [], 0
    for word in words:
        out.append(piece[pos : pos + len(word)])
        pos += len(word)
    return out


@lru_cache(maxsize=1)
def _outlet_names() -> frozenset[str]:
    """Outlet names (Katadata, detikNews) are names, never glue."""
    from ..lang.id.outlets import OUTLETS

    names = {n for name, (spellings, _) in OUTLETS.items() for n in [name, *spellings]}
    return frozenset(n.lower() for n in names if " " not in n and "." not in n)


@lru_cache(maxsize=1)
def default_repairer() -> GlueRepairer:
    """The repairer with the shipped lexicon and PySastrawi's stemmer and root dictionary."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    stemmer = StemmerFactory().create_stemmer().delegatedStemmer
    roots = frozenset(stemmer.get_dictionary().words)
    english = frozenset(resources.files("warta.lang.en").joinpath("data/words.txt").read_text(encoding="utf-8").split())
    return GlueRepairer(load_lexicon(), stem_word=_memo(stemmer.stem_word), roots=roots, foreign=english)


def _memo(func):
    return lru_cache(maxsize=100_000)(func)
