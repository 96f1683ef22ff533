"""Near-duplicate articles: syndicated copies and re-posts found with MinHash LSH (datasketch).

A cleaned article text becomes a set of word shingles: NFKC, casefolded, word tokens only
(punctuation, symbols and emoji ignored), every run of ``shingle_words`` consecutive words. Its
MinHash (``num_perm`` permutations, fixed seed, datasketch's ``affine32`` scheme over the CRC-32 of
each shingle, which datasketch mixes before permuting) and the exact numbers of shingles and words
form a :class:`Signature`: picklable, and 531 bytes with :func:`signature_to_bytes`, so the store can
keep one BLOB per article and rebuild the index from them.

Candidates come from an LSH index over the MinHashes; each candidate is verified by the estimated
*containment* of the smaller shingle set in the larger one, not by Jaccard: a re-post cut at 70 %
shares only ~0.7 of the union with its original, yet all of it is contained in the original.
With the exact set sizes kept in the signature, containment follows from the estimated Jaccard
``J``: ``|A ∩ B| = J (|A| + |B|) / (1 + J)``. A pair is a near-duplicate when

- the smaller text has at least ``min_words`` words (shorter texts are never judged: a few words
  shared by two texts say nothing; exact copies are the store's stable id's job),
- the smaller set is at least ``min_ratio`` of the larger (a teaser quoting a fifth of an article
  is no copy of it, and containment estimates of a much smaller set are too noisy),
- its estimated containment is at least ``threshold``, or ``short_threshold`` when the smaller
  text has fewer than ``short_words`` words (each shingle of a short text weighs more, so one
  shared sentence or an outlet's formula goes further, and the estimate is noisier).

The LSH bands are chosen so that a pair at the weakest qualifying Jaccard similarity becomes a
candidate with probability >= 0.995 (see :func:`lsh_bands`; 64 bands of 2 rows for the defaults).
Results are deterministic: the same texts added in the same order give the same answers (candidates
are sorted by similarity, then by insertion order).

The defaults were measured with :func:`warta.evaluate.neardup_eval.evaluate_near_duplicates` on
1,465 distinct IndoSum articles and 2,000 copies (debris, re-titled, cut at 70 %, debris + cut):
5-word shingles keep the nearest distinct pair furthest from the threshold (3- and 4-word shingles
bring same-outlet formulas closer, 7-word shingles lose more to unrepaired glued words); copies
score >= 0.80 and distinct articles <= 0.19 (short texts: <= ~0.57), so 0.7 (short: 0.75) sits in
the gap. 256 permutations narrow the estimates but double the LSH bands and the rebuild time.
"""

from __future__ import annotations

import logging
import re
import struct
import unicodedata
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from datasketch import MinHash, MinHashLSH

__all__ = [
    "NearDuplicateIndex",
    "NearDuplicateSettings",
    "Signature",
    "estimated_containment",
    "lsh_bands",
    "shingles",
    "signature_from_bytes",
    "signature_to_bytes",
    "words",
]

logger = logging.getLogger(__name__)

_WORD = re.compile(r"\w+")
_SCHEME = "affine32"
_MAGIC = b"WND1"  # warta near-duplicate signature, format 1
_HEADER = struct.Struct("<4sBHIII")  # magic, shingle_words, num_perm, seed, shingles, words
_CANDIDATE_RECALL = 0.995


@dataclass(kw_only=True, frozen=True)
class NearDuplicateSettings:
    """How texts are compared; the defaults were chosen by measurement (``warta.evaluate.neardup_eval``)."""

    threshold: float = 0.7
    num_perm: int = 128
    shingle_words: int = 5
    seed: int = 1
    min_ratio: float = 0.5
    min_words: int = 10
    short_words: int = 40
    short_threshold: float = 0.75

    def __post_init__(self) -> None:
        for name in ("threshold", "short_threshold", "min_ratio"):
            value = getattr(self, name)
            if not 0.0 < value <= 1.0:
                raise ValueError(f"{name} must be in (0, 1], got {value!r}")
        if not 16 <= self.num_perm <= 1024:
            raise ValueError(f"num_perm must be between 16 and 1024, got {self.num_perm!r}")
        if not 1 <= self.shingle_words <= 16:
            raise ValueError(f"shingle_words must be between 1 and 16, got {self.shingle_words!r}")
        if not 0 <= self.seed < 2**32:
            raise ValueError(f"seed must be a 32-bit unsigned integer, got {self.seed!r}")
        if self.min_words < self.shingle_words:
            raise ValueError(f"min_words ({self.min_words}) must be at least shingle_words ({self.shingle_words})")
        if self.short_words < self.min_words:
            raise ValueError(f"short_words ({self.short_words}) must be at least min_words ({self.min_words})")

    @property
    def weakest_jaccard(self) -> float:
        """The lowest Jaccard similarity a qualifying pair can have: the smaller set at ``min_ratio`` of
        the larger and contained in it at the lower of the two thresholds."""
        c, r = min(self.threshold, self.short_threshold), self.min_ratio
        return c * r / (1.0 + r - c * r)


@dataclass(frozen=True, eq=False)
class Signature:
    """The MinHash of one text's shingles, with the exact counts that containment needs."""

    hashvalues: np.ndarray = field(repr=False)  # uint32, one per permutation
    shingles: int
    words: int
    shingle_words: int
    seed: int

    @property
    def num_perm(self) -> int:
        return len(self.hashvalues)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Signature):
            return NotImplemented
        return signature_to_bytes(self) == signature_to_bytes(other)

    def __hash__(self) -> int:
        return hash(signature_to_bytes(self))


def words(text: str) -> list[str]:
    """The word tokens of a text: NFKC, casefolded, punctuation and symbols (and emoji) ignored."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def shingles(tokens: list[str], size: int) -> set[str]:
    """Every run of ``size`` consecutive tokens (a text shorter than that is one shingle, or none)."""
    if len(tokens) < size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def signature_to_bytes(sig: Signature) -> bytes:
    """A compact self-describing form: a 20-byte header and ``num_perm`` little-endian uint32 values."""
    header = _HEADER.pack(_MAGIC, sig.shingle_words, sig.num_perm, sig.seed, sig.shingles, sig.words)
    return header + sig.hashvalues.astype("<u4", copy=False).tobytes()


def signature_from_bytes(data: bytes) -> Signature:
    """The signature written by :func:`signature_to_bytes`; ``ValueError`` for anything else."""
    if len(data) < _HEADER.size or data[:4] != _MAGIC:
        raise ValueError(f"not a warta near-duplicate signature ({len(data)} bytes, starts {bytes(data[:4])!r})")
    _, k, num_perm, seed, n_shingles, n_words = _HEADER.unpack_from(data)
    if len(data) != _HEADER.size + 4 * num_perm:
        needed = _HEADER.size + 4 * num_perm
        raise ValueError(f"signature of {num_perm} permutations needs {needed} bytes, got {len(data)}")
    values = np.frombuffer(data, dtype="<u4", offset=_HEADER.size).astype(np.uint32)
    return Signature(hashvalues=values, shingles=n_shingles, words=n_words, shingle_words=k, seed=seed)


def lsh_bands(num_perm: int, weakest_jaccard: float, recall: float = _CANDIDATE_RECALL) -> tuple[int, int]:
    """LSH ``(bands, rows)``: the most rows per band (fewest chance candidates) for which a pair at
    ``weakest_jaccard`` still shares a band with probability ``>= recall``."""
    for rows in range(num_perm // 2, 0, -1):
        bands = num_perm // rows
        if bands >= 2 and 1.0 - (1.0 - weakest_jaccard**rows) ** bands >= recall:
            return bands, rows
    raise ValueError(
        f"no LSH banding of {num_perm} permutations reaches recall {recall} at Jaccard {weakest_jaccard:.3f}"
    )


def estimated_containment(a: Signature, b: Signature) -> float:
    """Estimated share of the smaller shingle set that is in the larger one."""
    jaccard = float(np.count_nonzero(a.hashvalues == b.hashvalues)) / len(a.hashvalues)
    small = min(a.shingles, b.shingles)
    if small == 0:
        return 0.0
    return min(1.0, jaccard * (a.shingles + b.shingles) / ((1.0 + jaccard) * small))


class NearDuplicateIndex:
    """Finds near-duplicates of a text among those added before.

    ``find_or_add`` is the one-call form for a stream in time order: a copy is linked to the original
    it repeats (the first article of its group) and remembered, so that a copy of a copy still finds the
    original. ``add`` with ``original=`` rebuilds the same index from stored signatures and links.
    """

    def __init__(self, *, threshold: float = 0.7, num_perm: int = 128, shingle_words: int = 5, seed: int = 1,
                 min_ratio: float = 0.5, min_words: int = 10, short_words: int = 40,
                 short_threshold: float = 0.75) -> None:  # fmt: skip
        self.settings = NearDuplicateSettings(
            threshold=threshold, num_perm=num_perm, shingle_words=shingle_words, seed=seed, min_ratio=min_ratio,
            min_words=min_words, short_words=short_words, short_threshold=short_threshold,
        )  # fmt: skip
        self.bands = lsh_bands(num_perm, self.settings.weakest_jaccard)
        self._lsh = MinHashLSH(num_perm=num_perm, params=self.bands)
        self._template = MinHash(num_perm=num_perm, seed=seed, scheme=_SCHEME, hashfunc=zlib.crc32)
        self._signatures: dict[str, Signature] = {}
        self._order: dict[str, int] = {}
        self._original: dict[str, str] = {}

    @classmethod
    def from_settings(cls, settings: NearDuplicateSettings) -> NearDuplicateIndex:
        return cls(**{f: getattr(settings, f) for f in settings.__dataclass_fields__})

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, key: object) -> bool:
        return key in self._signatures

    def signature(self, text: str) -> Signature:
        """The signature of a cleaned article text (any string: empty, emoji-only and huge texts are fine)."""
        tokens = words(text)
        sh = shingles(tokens, self.settings.shingle_words)
        minhash = self._minhash(None)
        minhash.update_batch([s.encode("utf-8") for s in sh])
        return Signature(hashvalues=minhash.hashvalues.astype(np.uint32), shingles=len(sh), words=len(tokens),
                         shingle_words=self.settings.shingle_words, seed=self.settings.seed)  # fmt: skip

    def add(self, key: str, signature: Signature, *, original: str | None = None) -> None:
        """Remember ``key``; ``original`` is the key it is a near-duplicate of (None: it is an original)."""
        self._check(signature)
        if key in self._signatures:
            raise ValueError(f"key {key!r} is already in the near-duplicate index")
        if original is not None and original not in self._signatures:
            raise ValueError(f"original {original!r} of {key!r} is not in the near-duplicate index; add it first")
        self._order[key] = len(self._order)
        self._signatures[key] = signature
        if original is not None:
            self._original[key] = self._original.get(original, original)
        if self._judgeable(signature):
            self._lsh.insert(key, self._minhash(signature.hashvalues), check_duplication=False)

    def add_many(self, entries: Iterable[tuple[str, Signature | bytes, str | None]]) -> None:
        """Rebuild from stored ``(key, signature or its bytes, original key or None)``, in ingest order."""
        for key, sig, original in entries:
            self.add(key, signature_from_bytes(sig) if isinstance(sig, bytes | bytearray | memoryview) else sig,
                     original=original)  # fmt: skip

    def query(self, signature: Signature) -> list[tuple[str, float]]:
        """Keys whose texts are near-duplicates of this signature's text, with the estimated containment,
        best first (ties: the earlier added first)."""
        self._check(signature)
        if not self._judgeable(signature):
            return []
        found = []
        for key in self._lsh.query(self._minhash(signature.hashvalues)):
            similarity = self._verify(signature, self._signatures[key])
            if similarity is not None:
                found.append((key, similarity))
        found.sort(key=lambda item: (-item[1], self._order[item[0]]))
        return found

    def candidates(self, signature: Signature) -> list[tuple[str, float, float]]:
        """Every LSH candidate with its estimated containment and size ratio, unverified, best first
        (to see how close the nearest non-duplicates come)."""
        self._check(signature)
        found = []
        for key in self._lsh.query(self._minhash(signature.hashvalues)):
            other = self._signatures[key]
            small, large = sorted((signature.shingles, other.shingles))
            ratio = round(small / large, 4) if large else 0.0
            found.append((key, round(estimated_containment(signature, other), 4), ratio))
        found.sort(key=lambda item: (-item[1], self._order[item[0]]))
        return found

    def signature_of(self, key: str) -> Signature:
        """The signature stored under ``key``."""
        if key not in self._signatures:
            raise KeyError(f"{key!r} is not in the near-duplicate index")
        return self._signatures[key]

    def original_of(self, key: str) -> str:
        """The original a key was linked to (the key itself when it is an original)."""
        if key not in self._signatures:
            raise KeyError(f"{key!r} is not in the near-duplicate index")
        return self._original.get(key, key)

    def find_or_add(self, key: str, text: str) -> tuple[str, float] | None:
        """``(original key, similarity to the best match)`` if ``text`` repeats an earlier one, else None;
        the key is added either way (as a copy linked to its original, or as a new original)."""
        signature = self.signature(text)
        matches = self.query(signature)
        if not matches:
            self.add(key, signature)
            return None
        best, similarity = matches[0]
        original = self.original_of(best)
        self.add(key, signature, original=original)
        return original, similarity

    # -- internals ---------------------------------------------------------------------------------

    def _minhash(self, hashvalues: np.ndarray | None) -> MinHash:
        if hashvalues is None:
            return MinHash(num_perm=self.settings.num_perm, seed=self.settings.seed, scheme=_SCHEME,
                           hashfunc=zlib.crc32, permutations=self._template.permutations)  # fmt: skip
        return MinHash(seed=self.settings.seed, scheme=_SCHEME, hashvalues=hashvalues,
                       permutations=self._template.permutations)  # fmt: skip

    def _check(self, sig: Signature) -> None:
        s = self.settings
        if (sig.num_perm, sig.seed, sig.shingle_words) != (s.num_perm, s.seed, s.shingle_words):
            raise ValueError(
                f"signature made with num_perm={sig.num_perm}, seed={sig.seed}, shingle_words={sig.shingle_words} "
                f"does not fit this index (num_perm={s.num_perm}, seed={s.seed}, shingle_words={s.shingle_words}); "
                "recompute the signatures from the article texts"
            )

    def _judgeable(self, sig: Signature) -> bool:
        return sig.words >= self.settings.min_words

    def _verify(self, a: Signature, b: Signature) -> float | None:
        """The estimated containment when the pair is a near-duplicate, else None."""
        s = self.settings
        small, large = sorted((a.shingles, b.shingles))
        if min(a.words, b.words) < s.min_words or small < s.min_ratio * large:
            return None
        needed = s.short_threshold if min(a.words, b.words) < s.short_words else s.threshold
        similarity = estimated_containment(a, b)
        return round(similarity, 4) if similarity >= needed else None
