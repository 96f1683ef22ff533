"""Event-trigger words of Indonesian news and the intensity of each event type.

The knowledge lives in two data files; this module reads, checks and applies them:

- ``lang/id/data/event_triggers.tsv``: one row per trigger, ``lemma next type mode cameo forms note``.
  ``lemma`` is the PySastrawi stem of the head word (``dukung`` for *mendukung, dukungan, didukung*) or a
  literal word (``bertemu``) where the stem would collide with unrelated common words (*menemukan* is also
  ``temu``). ``next`` lists, ``|``-separated, the stems of a complement that must follow the head within
  :data:`WINDOW` words (``tarik`` + ``diri|pasu``: *menarik* alone means "interesting"); an alternative may be
  several stems in a row (``pasu damai``, *pasukan perdamaian*), a leading ``+`` asks for it right after the
  head (``kerja`` + ``+sama``, *kerja sama*), and a leading ``~`` lets it start up to :data:`FAR_WINDOW` words
  after the head, the words between being the object (``desak`` + ``~agar``, *mendesak Israel dan Mesir
  agar*). Rows of type ``-`` are blockers: they consume their words and report nothing (``serang`` +
  ``jantung``, *serangan jantung*).
- ``data/intensity.tsv``: ``type mode intensity meaning``, a Goldstein-like value from -10 (most hostile)
  to +10 (most cooperative) per PLOVER type, with rows for the modes that differ from their type.

:class:`TriggerIndex` matches the tokens of a sentence against the lexicon. A word is looked up once: its
lower-cased surface (clitics ``-nya -lah -kah -pun -ku -mu`` stripped) against the literal lemmas, then its
stem against the stem lemmas, and the answer is cached per surface string, so a sentence costs one dictionary
look-up per word that is not a trigger. Rules of the match:

- a literal lemma claims its word: the stem's head-alone row no longer applies to it (``bertolak`` is
  "depart", not ``tolak`` "reject"); the stem's complement rows still do;
- an agent noun (``peN-`` without ``-an``: *pendukung*, *penyerang*, *pengunjung*) never matches through its
  stem, since it names a participant, not an event; list it as a literal lemma to make it a trigger;
- a complement is looked for in the :data:`WINDOW` words after the head, not across clause punctuation;
  after a passive head also before it (*pasukan ... ditarik*, *sanksi dijatuhkan*); the longest complement
  wins, then the nearest;
- overlapping matches: the longer span wins, then the earlier; a word belongs to one match at most.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

__all__ = [
    "PLOVER_TYPES",
    "CAMEO_ROOTS",
    "WINDOW",
    "ADJACENT",
    "FAR",
    "FAR_WINDOW",
    "Trigger",
    "TriggerMatch",
    "TriggerIndex",
    "stem",
    "word_form",
    "load_triggers",
    "load_intensities",
    "intensity",
]

log = logging.getLogger(__name__)

#: The 16 PLOVER types and the CAMEO code prefixes each covers (``spec/output.md``). COERCE also takes
#: blockade (191) and occupation (192), which the contract counts as coercion.
CAMEO_ROOTS: dict[str, tuple[str, ...]] = {
    "AGREE": ("03",),
    "CONSULT": ("04",),
    "SUPPORT": ("05",),
    "COOPERATE": ("06",),
    "AID": ("07",),
    "CONCEDE": ("080", "081", "082", "083"),
    "RETREAT": ("084", "085", "086", "087"),
    "REQUEST": ("02", "10"),
    "ACCUSE": ("09", "11"),
    "REJECT": ("12",),
    "THREATEN": ("13",),
    "PROTEST": ("14",),
    "SANCTION": ("16",),
    "MOBILIZE": ("15",),
    "COERCE": ("17", "191", "192"),
    "ASSAULT": ("18", "19", "20"),
}
PLOVER_TYPES: tuple[str, ...] = tuple(CAMEO_ROOTS)
BLOCKER = "-"
#: How many words after (or, for a passive head, before) the head a required complement may start.
WINDOW = 3
#: Marks a complement that must follow the head at once (``kerja`` + ``+sama``: *kerja sama*, not
#: *kerja guru akan sama*).
ADJACENT = "+"
#: Marks a complement that may start up to :data:`FAR_WINDOW` words after the head, for complements that
#: close an object phrase (``minta`` + ``~agar``: *meminta negara-negara Barat agar ...*).
FAR = "~"
FAR_WINDOW = 6
#: Surface words whose look-up an index keeps; past this the cache starts again.
MAX_CACHED_WORDS = 500_000

COLUMNS = ("lemma", "next", "type", "mode", "cameo", "forms", "note")
INTENSITY_COLUMNS = ("type", "mode", "intensity", "meaning")
FORMS = ("verb", "passive", "noun", "other")
_CLITICS = ("nya", "lah", "kah", "pun", "ku", "mu")
_CLAUSE_PUNCT = frozenset(",;:.!?()[]–—…") | {"--", "...", "?!"}
_MODE = re.compile(r"^[a-z][a-z-]*$")
_CAMEO = re.compile(r"^\d{3,4}$")
_LEMMA = re.compile(r"^[a-z][a-z-]*$")
_STEMMABLE = re.compile(r"^[a-z]+(?:-[a-z]+)*$")


# --------------------------------------------------------------------------------------------- stems

@lru_cache(maxsize=1)
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer().delegatedStemmer


@lru_cache(maxsize=1)
def _shipped_stems() -> dict[str, str]:
    """The stems of the lexicon's words, computed ahead by scripts/build_stems.py with :func:`compute_stem`."""
    from importlib import resources

    table: dict[str, str] = {}
    text = resources.files("warta.lang.id").joinpath("data/stems.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            word, _, stem = line.partition("\t")
            table[word] = stem or word
    return table


@lru_cache(maxsize=300_000)
def _stem_lower(word: str) -> str:
    shipped = _shipped_stems().get(word)
    return shipped if shipped is not None else compute_stem(word)


def compute_stem(word: str) -> str:
    """The stem of one lower-cased word by PySastrawi (and the reduplication rule below), uncached."""
    if not _STEMMABLE.match(word):
        return word  # digits, symbols, non-Latin letters: PySastrawi's regular expressions break on some
    stemmed = _stemmer().stem_word(word)
    if "-" in word:
        return _stem_hyphenated(word, stemmed)
    return stemmed


def _stem_hyphenated(word: str, stemmed: str) -> str:
    """``mewanti-wanti`` -> ``wanti``: reduplication with an affix on one half, which PySastrawi leaves."""
    parts = word.split("-")
    if len(parts) != 2 or not all(parts):
        return stemmed
    left, right = parts
    if "-" not in stemmed and stemmed != left:
        return stemmed
    if left == right or left.endswith(right) or right.endswith(left):
        return _stemmer().stem_word(min(left, right, key=len))
    return stemmed


def stem(word: str) -> str:
    """The lower-cased PySastrawi stem of one word, cached (``Mendukungnya`` -> ``dukung``)."""
    return _stem_lower(word.lower())


def _strip_clitic(word: str) -> list[str]:
    """The word and, if it ends in a clitic, the word without it (``menentangnya`` -> ``menentang``)."""
    out = [word]
    for clitic in _CLITICS:
        if word.endswith(clitic) and len(word) > len(clitic) + 3:
            out.append(word[: -len(clitic)].rstrip("-"))
    return out


# --------------------------------------------------------------------------------------------- forms

def _affixes(word: str, root: str) -> tuple[str, str]:
    """What comes before and after the stem in a word (``menolaknya``, ``tolak`` -> ``men``, ``nya``)."""
    if "-" in word:
        word = next((part for part in word.split("-") if root[1:] in part), word)
    at = word.find(root)
    if at >= 0:
        return word[:at], word[at + len(root):]
    at = word.find(root[1:]) if len(root) > 3 else -1  # nasal assimilation: menolak, mengirim, memukul
    if at > 0:
        return word[:at], word[at + len(root) - 1:]
    return "", ""


def _without_clitic(suffix: str) -> str:
    for clitic in _CLITICS:
        if suffix.endswith(clitic):
            return suffix[: -len(clitic)]
    return suffix


def word_form(word: str) -> str:
    """``verb`` (meN-, memper-, ber-, ter-), ``passive`` (di-), ``noun`` (peN-/per-/ke-...-an, ...-an) or
    ``other``, judged from the surface affixes around the word's stem."""
    return _form_of(word.lower(), stem(word))


def _form_of(word: str, root: str) -> str:
    prefix, suffix = _affixes(word, root)
    suffix = _without_clitic(suffix)
    if prefix.startswith("di"):
        return "passive"
    if prefix.startswith(("me", "ber", "be", "ter", "te")):
        return "verb"
    if suffix.startswith("an"):
        return "noun"
    if not prefix and suffix in ("kan", "i"):
        return "verb"
    return "other"


def _is_agent_noun(word: str, root: str) -> bool:
    """``pendukung``, ``penyerang``, ``pengunjung``: peN- without -an names a person, not an event."""
    prefix, suffix = _affixes(word, root)
    return prefix.startswith("pe") and not _without_clitic(suffix)


# --------------------------------------------------------------------------------------------- triggers

@dataclass(frozen=True, kw_only=True)
class Trigger:
    """One row of the trigger lexicon."""

    lemma: str
    next: tuple[str, ...] = ()
    type: str
    mode: str | None = None
    cameo: str | None = None
    forms: tuple[str, ...] = ()
    note: str = ""

    @property
    def key(self) -> tuple[str, tuple[str, ...]]:
        return self.lemma, self.next

    @property
    def is_blocker(self) -> bool:
        """A ``-`` row: its words are no event (``serangan jantung``) and are never reported."""
        return self.type == BLOCKER


@dataclass(frozen=True, kw_only=True)
class TriggerMatch:
    """Tokens ``[start, end)`` of a sentence that carry an event: the head word and its complement.
    ``complement`` is the first token of a complement that follows the head (``end`` when there is none): the
    words between the head and it may name the object (``menyebut Taiwan sebagai ...``)."""

    start: int
    end: int
    head: int
    trigger: Trigger
    form: str
    complement: int = -1

    @property
    def gap(self) -> range:
        """Token indices between the head and a complement after it (empty when they touch)."""
        if self.complement <= self.head:
            return range(0)
        return range(self.head + 1, self.complement)

    @property
    def type(self) -> str:
        return self.trigger.type

    @property
    def mode(self) -> str | None:
        return self.trigger.mode

    @property
    def cameo(self) -> str | None:
        return self.trigger.cameo


def _fail(where: str, message: str) -> ValueError:
    return ValueError(f"{where}: {message}")


def _split_row(line: str, where: str) -> list[str]:
    cells = line.rstrip("\n").split("\t")
    if len(cells) < len(COLUMNS):
        cells += [""] * (len(COLUMNS) - len(cells))
    if len(cells) != len(COLUMNS):
        raise _fail(where, f"expected {len(COLUMNS)} tab-separated columns {COLUMNS}, found {len(cells)}")
    return [cell.strip() for cell in cells]


def _check_lemma(lemma: str, where: str) -> None:
    if not _LEMMA.match(lemma):
        raise _fail(where, f"lemma {lemma!r} must be one lower-case word (letters and hyphens)")


def _parse_next(text: str, where: str) -> tuple[str, ...]:
    alternatives = tuple(" ".join(alt.split()) for alt in text.split("|")) if text else ()
    for alt in alternatives:
        words = _bare(alt).split()
        if not words or not all(_LEMMA.match(w) or w.isdigit() for w in words):
            raise _fail(where, f"bad complement {alt!r} in next {text!r}: lower-case stems separated by '|', "
                               f"'{ADJACENT}' before one that must follow the head at once, '{FAR}' before one "
                               f"that may come up to {FAR_WINDOW} words later")
    if len(set(alternatives)) != len(alternatives):
        raise _fail(where, f"next {text!r} repeats an alternative")
    return alternatives


def _bare(alt: str) -> str:
    """A complement without its ``+``/``~`` mark."""
    return alt.removeprefix(ADJACENT).removeprefix(FAR)


def _reach(alt: str) -> int:
    """How many words after the head a complement may start: 1 (``+``), FAR_WINDOW (``~``) or WINDOW."""
    if alt.startswith(ADJACENT):
        return 1
    return FAR_WINDOW if alt.startswith(FAR) else WINDOW


def _check_type(type_: str, mode: str, cameo: str, where: str) -> None:
    if type_ == BLOCKER:
        if mode or cameo:
            raise _fail(where, "a blocker row (type '-') takes no mode and no cameo")
        return
    if type_ not in CAMEO_ROOTS:
        raise _fail(where, f"unknown type {type_!r}; expected one of {', '.join(PLOVER_TYPES)} or '-'")
    if mode and not _MODE.match(mode):
        raise _fail(where, f"bad mode {mode!r}: lower-case letters and hyphens")
    if not _CAMEO.match(cameo):
        raise _fail(where, f"bad cameo {cameo!r}: a CAMEO code of 3 or 4 digits such as '042'")
    if not cameo.startswith(CAMEO_ROOTS[type_]):
        raise _fail(where, f"cameo {cameo} does not belong to {type_} (CAMEO {', '.join(CAMEO_ROOTS[type_])})")


def _parse_row(cells: list[str], where: str) -> Trigger:
    lemma, next_, type_, mode, cameo, forms, note = cells
    _check_lemma(lemma, where)
    _check_type(type_, mode, cameo, where)
    form_list = tuple(f.strip() for f in forms.split(",") if f.strip())
    if type_ != BLOCKER and not form_list:
        raise _fail(where, "no forms: list the surface forms the entry must match, comma-separated")
    return Trigger(lemma=lemma, next=_parse_next(next_, where), type=type_, mode=mode or None,
                   cameo=cameo or None, forms=form_list, note=note)


def _check_unique(trigger: Trigger, where: str, seen: dict, complements: dict) -> None:
    if trigger.key in seen:
        raise _fail(where, f"duplicate entry {trigger.lemma!r} + {'|'.join(trigger.next) or '(alone)'}, "
                           f"first at {seen[trigger.key]}; merge the two rows")
    seen[trigger.key] = where
    for alt in (_bare(a) for a in trigger.next):
        if (trigger.lemma, alt) in complements:
            raise _fail(where, f"complement {alt!r} of {trigger.lemma!r} is already in the row at "
                               f"{complements[trigger.lemma, alt]}; a complement may lead to one entry only")
        complements[trigger.lemma, alt] = where


def _read_text(path: str | Path | None) -> tuple[str, str]:
    if path is None:
        ref = resources.files("warta.lang.id").joinpath("data/event_triggers.tsv")
        return ref.read_text(encoding="utf-8"), "event_triggers.tsv"
    return Path(path).read_text(encoding="utf-8"), str(path)


def load_triggers(path: str | Path | None = None) -> list[Trigger]:
    """Read and check a trigger lexicon (the shipped one by default); raise ValueError naming the line."""
    text, name = _read_text(path)
    triggers: list[Trigger] = []
    seen: dict = {}
    complements: dict = {}
    header_seen = False
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        where = f"{name} line {number}"
        if not header_seen:
            if tuple(c.strip() for c in line.split("\t")) != COLUMNS:
                raise _fail(where, f"expected the header {chr(9).join(COLUMNS)!r}")
            header_seen = True
            continue
        trigger = _parse_row(_split_row(line, where), where)
        _check_unique(trigger, where, seen, complements)
        triggers.append(trigger)
    if not header_seen:
        raise ValueError(f"{name}: no header line; expected {chr(9).join(COLUMNS)!r}")
    return triggers


# --------------------------------------------------------------------------------------------- index

@dataclass
class _Group:
    """The rows of one lemma: the head-alone row and the rows with a complement."""

    alone: Trigger | None = None
    with_next: list[Trigger] = field(default_factory=list)


@dataclass(frozen=True)
class _Head:
    """What a surface word can start: its head-alone trigger, its complements indexed by first and last stem."""

    alone: Trigger | None
    by_first: dict[str, list[tuple[tuple[str, ...], int, Trigger]]]
    by_last: dict[str, list[tuple[tuple[str, ...], int, Trigger]]]
    form: str
    reach: int = WINDOW  # the farthest a complement of this head may start


def _group_triggers(triggers: list[Trigger]) -> tuple[dict[str, _Group], dict[str, _Group]]:
    """Rows grouped by lemma, split into literal-word lemmas and stem lemmas."""
    literal: dict[str, _Group] = {}
    stems: dict[str, _Group] = {}
    for trigger in triggers:
        table = stems if stem(trigger.lemma) == trigger.lemma else literal
        group = table.setdefault(trigger.lemma, _Group())
        if trigger.next:
            group.with_next.append(trigger)
        else:
            group.alone = trigger
    return literal, stems


def _complement_tables(groups: list[_Group]) -> tuple[dict, dict]:
    by_first: dict[str, list] = {}
    by_last: dict[str, list] = {}
    for group in groups:
        for trigger in group.with_next:
            for alt in trigger.next:
                reach = _reach(alt)
                seq = tuple(_bare(alt).split())
                by_first.setdefault(seq[0], []).append((seq, reach, trigger))
                by_last.setdefault(seq[-1], []).append((seq, reach, trigger))
    for table in (by_first, by_last):
        for entries in table.values():
            entries.sort(key=lambda entry: -len(entry[0]))  # stable: literal rows stay first
    return by_first, by_last


class TriggerIndex:
    """Finds event triggers in the tokens of a sentence; build once, match many sentences."""

    def __init__(self, triggers: list[Trigger]) -> None:
        if not triggers:
            raise ValueError("TriggerIndex needs at least one trigger; load them with load_triggers()")
        self.triggers = list(triggers)
        self._literal, self._stems = _group_triggers(self.triggers)
        self._heads: dict[str, _Head | None] = {}
        self._keys: dict[str, tuple[str, str]] = {}

    @classmethod
    def default(cls) -> TriggerIndex:
        """The index of the shipped lexicon, built once per process."""
        return _default_index()

    # -- looking words up

    def _key(self, word: str) -> tuple[str, str]:
        """(lower-cased word, stem) of a token, cached."""
        key = self._keys.get(word)
        if key is None:
            lower = word.lower()
            key = self._keys[word] = (lower, _stem_lower(lower))
        return key

    def _head(self, word: str) -> _Head | None:
        if word in self._heads:
            return self._heads[word]
        if len(self._heads) >= MAX_CACHED_WORDS:  # a long run meets names and typos without end
            self._heads.clear()
            self._keys.clear()
        head = self._heads[word] = self._build_head(word)
        return head

    def _build_head(self, word: str) -> _Head | None:
        lower, root = self._key(word)
        if not lower[:1].isalpha():
            return None
        forms = _strip_clitic(lower)
        literal = next((self._literal[w] for w in forms if w in self._literal), None)
        by_stem = self._stems.get(root) or next((self._stems[w] for w in forms[1:] if w in self._stems), None)
        if by_stem is not None and _is_agent_noun(lower, root):
            by_stem = None
        if literal is None and by_stem is None:
            return None
        groups = [g for g in (literal, by_stem) if g is not None]
        alone = literal.alone if literal is not None else by_stem.alone
        by_first, by_last = _complement_tables(groups)
        reach = max((r for entries in by_first.values() for _, r, _ in entries), default=WINDOW)
        return _Head(alone, by_first, by_last, _form_of(lower, root), max(reach, WINDOW))

    # -- complements

    def _seq_at(self, seq: tuple[str, ...], words: list[str], start: int) -> bool:
        if start < 0 or start + len(seq) > len(words):
            return False
        for offset, want in enumerate(seq):
            lower, root = self._key(words[start + offset])
            if want != root and want != lower:
                return False
        return True

    def _after(self, head: _Head, words: list[str], i: int) -> tuple | None:
        best = None
        for p in range(i + 1, min(len(words), i + 1 + head.reach)):
            if words[p] in _CLAUSE_PUNCT:
                break
            lower, root = self._key(words[p])
            for seq, reach, trigger in head.by_first.get(root, ()) or head.by_first.get(lower, ()):
                rank = (len(seq), -(p - i))
                if p - i > reach:
                    continue
                if (best is None or rank > best[0]) and self._seq_at(seq, words, p):
                    best = (rank, i, p + len(seq), trigger, p)
        return best

    def _before(self, head: _Head, words: list[str], i: int) -> tuple | None:
        best = None
        for q in range(i - 1, max(-1, i - 1 - WINDOW), -1):
            if words[q] in _CLAUSE_PUNCT:
                break
            lower, root = self._key(words[q])
            for seq, reach, trigger in head.by_last.get(root, ()) or head.by_last.get(lower, ()):
                rank = (len(seq), -(i - q))
                if reach == 1 and q != i - 1:
                    continue
                if (best is None or rank > best[0]) and self._seq_at(seq, words, q - len(seq) + 1):
                    best = (rank, q - len(seq) + 1, i + 1, trigger, -1)
        return best

    def _candidates(self, head: _Head, words: list[str], i: int) -> list[TriggerMatch]:
        found = []
        if head.by_first:
            best = self._after(head, words, i)
            if head.form == "passive":
                before = self._before(head, words, i)
                if before is not None and (best is None or before[0] > best[0]):
                    best = before
            if best is not None:
                found.append(TriggerMatch(start=best[1], end=best[2], head=i, trigger=best[3], form=head.form,
                                          complement=best[4]))
        if head.alone is not None:
            found.append(TriggerMatch(start=i, end=i + 1, head=i, trigger=head.alone, form=head.form))
        return found

    # -- matching

    def match(self, words: list[str]) -> list[TriggerMatch]:
        """Trigger matches in one sentence's tokens (as written), in text order, never sharing a token."""
        candidates: list[TriggerMatch] = []
        heads = self._heads
        for i, word in enumerate(words):
            head = heads[word] if word in heads else self._head(word)
            if head is not None:
                candidates.extend(self._candidates(head, words, i))
        if not candidates:
            return []
        return _select(candidates)


def _select(candidates: list[TriggerMatch]) -> list[TriggerMatch]:
    """Longest span first, then earliest; drop overlaps and blockers; return in text order."""
    candidates.sort(key=lambda m: (m.start - m.end, m.start))
    used: set[int] = set()
    chosen = []
    for m in candidates:
        span = range(m.start, m.end)
        if any(t in used for t in span):
            continue
        used.update(span)
        if not m.trigger.is_blocker:
            chosen.append(m)
    chosen.sort(key=lambda m: m.start)
    return chosen


@lru_cache(maxsize=1)
def _default_index() -> TriggerIndex:
    return TriggerIndex(load_triggers())


# --------------------------------------------------------------------------------------------- intensity

def _parse_intensity_row(cells: list[str], where: str) -> tuple[tuple[str, str], float, str]:
    if len(cells) != len(INTENSITY_COLUMNS):
        raise _fail(where, f"expected {len(INTENSITY_COLUMNS)} tab-separated columns {INTENSITY_COLUMNS}")
    type_, mode, value, meaning = (c.strip() for c in cells)
    if type_ not in CAMEO_ROOTS:
        raise _fail(where, f"unknown type {type_!r}; expected one of {', '.join(PLOVER_TYPES)}")
    if mode and not _MODE.match(mode):
        raise _fail(where, f"bad mode {mode!r}: lower-case letters and hyphens")
    try:
        number = float(value)
    except ValueError:
        raise _fail(where, f"intensity {value!r} is not a number") from None
    if not -10.0 <= number <= 10.0:
        raise _fail(where, f"intensity {number} is outside -10..+10")
    return (type_, mode), number, meaning


def load_intensities(path: str | Path | None = None) -> dict[tuple[str, str], tuple[float, str]]:
    """(type, mode) -> (intensity, meaning); mode '' is the type's default. Every type needs a default row."""
    if path is None:
        text, name = resources.files("warta").joinpath("data/intensity.tsv").read_text(encoding="utf-8"), \
            "intensity.tsv"
    else:
        text, name = Path(path).read_text(encoding="utf-8"), str(path)
    table: dict[tuple[str, str], tuple[float, str]] = {}
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.startswith("#")]
    if not lines or tuple(c.strip() for c in lines[0][1].split("\t")) != INTENSITY_COLUMNS:
        raise ValueError(f"{name}: the first line must be the header {chr(9).join(INTENSITY_COLUMNS)!r}")
    for number, line in lines[1:]:
        key, value, meaning = _parse_intensity_row(line.split("\t"), f"{name} line {number}")
        if key in table:
            raise _fail(f"{name} line {number}", f"duplicate row for {key[0]} {key[1] or '(default)'}")
        table[key] = (value, meaning)
    missing = [t for t in PLOVER_TYPES if (t, "") not in table]
    if missing:
        raise ValueError(f"{name}: no default row (empty mode) for {', '.join(missing)}")
    return table


@lru_cache(maxsize=1)
def _intensities() -> dict[tuple[str, str], tuple[float, str]]:
    return load_intensities()


def intensity(type: str, mode: str | None = None) -> float:  # noqa: A002 - the contract's field name
    """Goldstein-like intensity of an event: the row for (type, mode), else the type's default row."""
    table = _intensities()
    if (type, "") not in table:
        raise ValueError(f"unknown event type {type!r}; expected one of {', '.join(PLOVER_TYPES)}")
    return table.get((type, mode or ""), table[type, ""])[0]
