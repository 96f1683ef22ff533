"""Who said what, and which upstream source the article cites for it.

:func:`find_attributions` finds every upstream source an article cites (``dilansir Reuters``,
``seperti dikutip dari Russia Today``, ``kutip Reuters``, ``mengutip Al Jazeera``, ``menurut laporan
Xinhua``, ``(Sumber: AFP)``) with the passage it covers:

- a cue at the start of a paragraph (``Dilansir Reuters, ...``; the article's start is a paragraph start)
  covers that paragraph;
- a ``Sumber: X`` line that is a paragraph of its own covers the whole article;
- any other cue covers its own sentence; :class:`FindQuotes` then stretches it over the quote it is
  attached to (``"...," jelas Wang, seperti dikutip dari Russia Today`` covers the quote even when the
  quote began paragraphs earlier).

A person is never a source (``mengutip Wang`` quotes a speaker); ``menurut X`` is a source only when X is a
report or an outlet (``menurut laporan Xinhua``), otherwise X is a speaker.

:func:`find_quotes` finds reported speech and its speaker, as contract QUOTE dicts:

- direct quotes in every mark style (``"..."``, ``“...”``, ``'...'``, ``‘...’``, ``«...»``); quotes nested in
  a quote are part of it; a quote that opens a paragraph and is not closed there continues into the next
  paragraph when that one opens with a mark, else ends with its paragraph; any other unclosed mark is
  ignored. A short quote in the middle of a sentence with no speaker tag is a scare quote (``menjuluki
  demonstrasi sebagai "upaya kudeta"``), and so is a tagless quote the sentence goes on after (a title):
  not speech. A tagless quote right after another quote goes on with that quote's speaker;
- indirect speech: ``X mengatakan (bahwa) ...`` and the other speech verbs of ``lang/id/speech.py``,
  ``menurut X, ...``, ``..., kata X.`` and ``A, kata X, B``, and ``Demikian diungkapkan X`` /
  ``Hal itu disampaikan X`` (the sentence(s) before it in the paragraph are the quote).

The speaker of a quote is found from its tag (``kata Wang``, ``ujarnya``, ``Wang mengatakan: "..."``) or the
subject of its speech verb, then resolved to an actor of ``doc.actors``: the actor whose mention covers the
speaker's words (a person before an organisation before a group before a state, so ``Menteri Luar Negeri
China, Wang Yi`` is Wang Yi). Pronouns (``-nya``, ``dia``, ``ia``, ``mereka``) are the speaker of the previous
quote in the same or the previous paragraph, else the most recent fitting actor mentioned before the quote
outside any quote; a statement (``bunyi pernyataan resmi tersebut``) is its author named earlier. A speaker
phrase no actor covers keeps its text, with ``actor`` and ``name`` null.

Every QUOTE's ``text`` is exactly ``doc.text[start:end]`` (an interrupting ``, kata X,`` stays inside it).
Beside the contract's keys a QUOTE has ``sentence`` (``[start, end]`` of the sentences it spans) and ``cue``
(what marked it: ``tag`` or ``direct`` for direct speech, else the speech verb, ``menurut``, the tag verb or
``back``); ``speaker`` also has ``start`` and ``end`` (null when the quote has no speaker).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..document import Document
from ..lang.id import speech as words

__all__ = ["Attribution", "FindQuotes", "find_attributions", "find_quotes"]

Span = tuple[int, int]

_KIND_RANK = {"person": 0, "org": 1, "igo": 1, "group": 2, "state": 3}
_SHORT_QUOTE_WORDS = 5  # a quote shorter than this inside a sentence, without a speaker tag, is a scare quote
_MAX_SPEAKER_WORDS = 9
_MAX_LOWER_SUBJECT = 4  # a subject without a capital or a name: 'pihak kepolisian setempat'
_TAG_WINDOW = 160  # characters after a closing mark searched for a speaker tag
_PRE_WINDOW = 200  # characters before an opening mark searched for a speaker tag
_MAX_BACK_SENTENCES = 2  # sentences before ``Demikian diungkapkan X`` that are its quote


def _alternation(phrases: Sequence[str]) -> str:
    """Whole-word alternation of phrases, longest first, any run of spaces between their words."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in ordered)


def _trie(phrases: Sequence[str]) -> str:
    """An alternation with common prefixes factored out, so the engine tries one branch per letter."""
    root: dict[str, dict] = {}
    for phrase in phrases:
        node = root
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_node(root)


def _trie_node(node: dict[str, dict]) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _trie_node(sub) for ch, sub in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and len(branches[0]) == 1 else f"(?:{'|'.join(branches)})"
    return body + ("?" if ends else "")


_B = r"(?<![\w-])"  # word start
_E = r"(?![\w-])"  # word end
_NAME_TOKEN = r"(?:[A-Z0-9À-Þ](?:[\w&'’-]|\.(?=\w))*|[a-z0-9-]+(?:\.[a-z0-9-]+)+)"
_NAME = rf"{_NAME_TOKEN}(?:\s+(?:{_NAME_TOKEN}|of|the|de|al|von|bin)){{0,5}}"
_NOT_SOURCE_WORDS = frozenset({
    "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "januari", "februari", "maret",
    "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november", "desember", "pada", "dari",
})
_AMBIGUOUS_CITE = frozenset({"dilaporkan", "diberitakan", "diwartakan", "disiarkan", "dirilis"})

_CITE = re.compile(
    rf"(?P<cue>(?i:(?P<verb>{_alternation(words.PASSIVE_CITE + words.ACTIVE_CITE)}){_E}"
    rf"(?:\s+(?P<by>oleh|dari|dalam))?"
    rf"|(?P<report>menurut\s+(?:{_alternation(words.ACCORDING_TO_REPORT)})){_E}))"
    rf"\s+(?:(?i:{_alternation(words.OUTLET_PREFIXES)})\s+)?(?P<src>{_NAME})"
)
_OPENER = re.compile(rf"(?i:{_alternation(words.CITE_OPENERS)})\s+$")
_SOURCE_LINE = re.compile(
    rf"(?P<cue>\(\s*(?i:{_alternation(words.SOURCE_LABELS)})\s*:|^[ \t]*(?i:{_alternation(words.SOURCE_LABELS)})\s*:)"
    r"[ \t]*(?P<src>[^\n()]{1,120}?)[ \t.]*(?:\)|$)",
    re.MULTILINE,
)

# Direct speech marks: family, and whether a mark opens ("o"), closes ("c") or may do either ("?").
_MARKS = re.compile("[\"“”„«»‘’']")
_MARK_ROLE = {"“": ("d", "o"), "„": ("d", "o"), "”": ("d", "c"), '"': ("d", "?"), "«": ("g", "o"),
              "»": ("g", "c"), "‘": ("s", "o"), "’": ("s", "c"), "'": ("s", "?")}
_OPENING_MARKS = "\"“„«‘'"

_TAG_ROOTS = _alternation(words.TAG_VERBS)
_SPEECH = _alternation(words.SPEECH_VERBS)
_WEAK = _alternation(words.WEAK_SPEECH_VERBS)
_PRONOUN = _alternation(sorted((words.PERSON_PRONOUNS | words.GROUP_PRONOUNS) - {"nya"}))
_POST_TAG = re.compile(
    rf"[ \t]*,?[ \t]*(?:(?:demikian[ \t]+)?(?P<verb>{_TAG_ROOTS})(?P<nya>nya)?{_E}(?:[ \t]+(?P<pro>{_PRONOUN}){_E})?"
    rf"|(?P<pro2>{_PRONOUN})[ \t]+(?:{_SPEECH}|{_WEAK}){_E}"
    rf"|demikian[ \t]+(?=(?:{_alternation(words.STATEMENT_NOUNS)}){_E}))",
    re.IGNORECASE,
)
_PRE_TAG_VERB = re.compile(
    rf"(?:^|[.!?]\s+|,\s*|\n)(?P<verb>{_TAG_ROOTS})(?P<nya>nya)?{_E}(?P<rest>[^.!?“”\"«»\n]{{0,80}}?)\s*[,:]\s*$",
    re.IGNORECASE,
)
_PRE_SPEECH_VERB = re.compile(rf"{_B}(?P<verb>{_SPEECH}|{_WEAK}){_E}(?:\s+bahwa)?\s*[,:]?\s*$", re.IGNORECASE)
_SPEECH_VERB = re.compile(
    rf"(?P<verb>(?P<strong>{_SPEECH})|{_WEAK}){_E}(?P<link>\s*:\s*|\s*,?\s*bahwa{_E}\s*|\s*,\s*|\s+)",
    re.IGNORECASE,
)
_MENURUT = re.compile(
    rf"(?P<intro>(?i:{_alternation(words.ACCORDING_TO + words.PASSIVE_INTROS)}))"
    rf"(?:(?P<nya>nya)|\s+(?:oleh\s+)?(?P<who>[^,.;:!?“”\"\n]{{1,80}}?))\s*(?P<after>,|[.!?](?=\s|$)|$)"
)
_TAIL_TAG = re.compile(
    rf",\s+(?P<verb>{_TAG_ROOTS})"
    rf"(?P<nya>nya)?{_E}(?P<rest>[^,.;!?“”\"\n]{{0,80}}?)\s*(?P<after>[,.!?]|$)",
    re.IGNORECASE,
)
_BACK_POINTER = re.compile(
    rf"(?i:(?:{_alternation(words.BACK_POINTERS)})\s+(?:{_alternation(words.PASSIVE_SPEECH)})"
    rf"(?:\s+oleh)?){_E}(?P<rest>[^,.;!?“”\"\n]{{1,100}})",
)
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def _trigger_words() -> dict[str, str]:
    """First words of every construction, lower-case, with the finder each one starts."""
    kinds = {w: "speech" for w in words.SPEECH_VERBS + words.WEAK_SPEECH_VERBS}
    kinds.update({w: "cite" for w in words.PASSIVE_CITE + words.ACTIVE_CITE})
    kinds.update({p.split()[0]: "back" for p in words.BACK_POINTERS})
    kinds.update({w: "menurut" for w in words.ACCORDING_TO + words.PASSIVE_INTROS})
    kinds.update({w + "nya": "menurut" for w in words.ACCORDING_TO})
    return kinds


_TRIGGER_KIND = _trigger_words()
#: One pass over the text finds where every construction may start (case-sensitive trie with capitalised
#: variants: much faster than an IGNORECASE alternation per construction).
_TRIGGER = re.compile(r"\b(?:" + _trie(sorted({v for w in _TRIGGER_KIND for v in (w, w.capitalize())})) + r")(?![\w-])")
_STATEMENT = re.compile(rf"{_B}(?i:{_alternation(words.STATEMENT_NOUNS)}){_E}")
_NOT_CLAUSE = re.compile(rf"(?i:{_alternation(words.NOT_A_CLAUSE)}){_E}")
_REPORT = re.compile(rf"(?i:{_alternation(words.ACCORDING_TO_REPORT)}){_E}")
_TAG_ROOT = re.compile(rf"(?i:{_TAG_ROOTS})")
_SPEAKER_STOP = frozenset(words.SPEAKER_STOPS)
_TRAILERS = frozenset(words.SUBJECT_TRAILERS)
_LEADERS = frozenset(words.SUBJECT_LEADERS)
_AFTER_NAME = frozenset(words.AFTER_NAME)
_CLAUSE_OPENERS = frozenset(words.CLAUSE_OPENERS)
_NOT_SPEECH_BEFORE = frozenset(words.NOT_SPEECH_BEFORE)
_NOT_SUBJECT = frozenset(words.NOT_SUBJECTS)
_ROLE = re.compile(rf"(?i:{_alternation(words.PERSON_ROLES)}){_E}")
_DETERMINER = re.compile(rf"(?i:{_alternation(words.SPEAKER_DETERMINERS)})\s+(?=\w)")
_LEADING_STATEMENT = re.compile(rf"(?i:{_alternation(words.STATEMENT_NOUNS)})(?:\s+(?:resmi|tertulis|bersama))?"
                                rf"(?:\s+(?:dari|oleh))?\s+(?=[^\W\d_])")
_JOINERS = frozenset(words.TITLE_JOINERS)
#: Pieces of a sentence before a speech verb: commas, semicolons, colons and a dateline's dash
#: (``Jakarta, CNN Indonesia -- Kementerian Luar Negeri menegaskan``).
_PIECE_SEP = re.compile(r"[,;:]|\s(?:--|—|–|-)\s|--|—")
#: A title run between a speaker phrase and a person's name: ``... Kelautan dan Perikanan KKP Nilanto``.
_TITLE_GAP = re.compile(rf"(?:\s*,)?(?:\s+(?:[A-Z][\w.&'’-]*|{'|'.join(sorted(words.TITLE_JOINERS))}))*\s+")
#: Lower-case words that look like a verb (me-, ber-) but are not a predicate.
_NOT_PREDICATE = frozenset({"mereka", "meski", "meskipun", "memang", "menurut", "menurutnya", "merupakan"})


@dataclass(frozen=True, kw_only=True)
class Attribution:
    """An upstream source the article cites (``source``), the passage it covers and where its cue is."""

    start: int
    end: int
    source: str
    cue_start: int
    cue_end: int

    def __post_init__(self) -> None:
        if not (0 <= self.start <= self.end and 0 <= self.cue_start <= self.cue_end):
            raise ValueError(f"Attribution spans must be ordered: passage ({self.start}, {self.end}), "
                             f"cue ({self.cue_start}, {self.cue_end})")
        if not self.source:
            raise ValueError("Attribution.source must name the cited source")

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "source": self.source,
                "cue_start": self.cue_start, "cue_end": self.cue_end}


@dataclass
class _Speaker:
    """Where a quote's speaker is said: a name phrase, a pronoun, a statement, or nothing."""

    start: int | None = None
    end: int | None = None
    pronoun: str | None = None  # "person" | "group" for -nya, dia, ia, mereka
    stated: bool = False  # the phrase named a statement whose author it is (``pernyataan misi Uni Afrika``)


@dataclass
class _Quote:
    start: int
    end: int
    direct: bool
    cue: str
    speaker: _Speaker = field(default_factory=_Speaker)
    tag_end: int = 0  # end of the speaker tag or speech clause, for attributions and pronoun order
    continues: bool = False  # a tagless direct quote right after another quote: same speaker
    actor: dict[str, Any] | None = None
    personal: bool = False  # the speaker is a person, though maybe resolved to their organisation or state


@dataclass
class _Index:
    """Lookups over one document: sentences, paragraphs and actor mentions, sorted by start."""

    doc: Document
    sentences: list[Span]
    paragraphs: list[Span]
    mentions: list[tuple[int, int, dict[str, Any]]]
    mention_starts: list[int] = field(default_factory=list)
    direct: list[Span] = field(default_factory=list)
    triggers: dict[str, list[int]] = field(default_factory=dict)
    quoted: list[Span] = field(default_factory=list)
    paragraph_starts: list[int] = field(default_factory=list)
    fuzzy: _FuzzyIndex | None = None

    @classmethod
    def of(cls, doc: Document) -> _Index:
        paragraphs = sorted(doc.paragraphs) or ([(0, len(doc.text))] if doc.text else [])
        sentences = sorted(doc.sentences) or paragraphs
        mentions = sorted((s, e, a) for a in doc.actors for s, e in a.get("mentions", ()) if 0 <= s < e)
        index = cls(doc, sentences, paragraphs, mentions, [m[0] for m in mentions],
                    paragraph_starts=[p[0] for p in paragraphs])
        for m in _TRIGGER.finditer(doc.text):
            index.triggers.setdefault(_TRIGGER_KIND[m.group().lower()], []).append(m.start())
        return index

    def matches(self, kind: str, pattern: re.Pattern[str]) -> list[re.Match[str]]:
        """``pattern`` matched at every trigger of ``kind``."""
        found = (pattern.match(self.doc.text, pos) for pos in self.triggers.get(kind, ()))
        return [m for m in found if m is not None]

    def sentence_at(self, pos: int) -> Span:
        return _span_at(self.sentences, pos) or _span_at(self.paragraphs, pos) or (0, len(self.doc.text))

    def paragraph_at(self, pos: int) -> Span:
        return _span_at(self.paragraphs, pos) or self.sentence_at(pos)

    def paragraph_no(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.paragraph_starts, pos) - 1)

    def mentions_in(self, start: int, end: int) -> list[tuple[int, int, dict[str, Any]]]:
        """Mentions overlapping [start, end)."""
        i = max(0, bisect.bisect_left(self.mention_starts, start) - 8)
        out = []
        for m in self.mentions[i:]:
            if m[0] >= end:
                break
            if m[1] > start:
                out.append(m)
        return out

    def in_quote(self, pos: int) -> bool:
        """Inside any quote found (direct or indirect): names there are not speakers."""
        i = bisect.bisect_right(self.quoted, (pos, len(self.doc.text) + 1)) - 1
        return i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]

    def in_direct(self, pos: int) -> bool:
        i = bisect.bisect_right(self.direct, (pos, len(self.doc.text) + 1)) - 1
        return i >= 0 and self.direct[i][0] <= pos < self.direct[i][1]


def _span_at(spans: list[Span], pos: int) -> Span | None:
    i = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    if i >= 0 and spans[i][0] <= pos <= spans[i][1]:
        return spans[i]
    return None


# -- attributions -------------------------------------------------------------------------------

def _clean_source(name: str) -> str:
    """``dari Russia Today.`` -> ``Russia Today``; a domain stays as written."""
    name = re.sub(r"^(?i:dari|oleh)\s+", "", name.strip())
    name = name.strip(" \t,.;:!?\"“”'’()")
    tokens = name.split()
    while tokens and tokens[-1].lower() in {"of", "the", "de", "al", "von", "bin"}:
        tokens.pop()
    return " ".join(tokens)


def _is_person(index: _Index, start: int, end: int) -> bool:
    return any(a.get("kind") == "person" for _, _, a in index.mentions_in(start, end))


def _is_outlet(index: _Index, start: int, end: int) -> bool:
    return any(a.get("sector") == "MED" for _, _, a in index.mentions_in(start, end))


def _passage(index: _Index, cue_start: int, opener_end: int) -> Span:
    """A cue opening its paragraph covers the paragraph; any other cue its sentence."""
    para = index.paragraph_at(cue_start)
    if not index.doc.text[para[0]:opener_end].strip(" \t\"“'‘(,"):
        return para
    return index.sentence_at(cue_start)


def _cite_attribution(index: _Index, m: re.Match[str]) -> Attribution | None:
    src_start, src_end = m.span("src")
    source = _clean_source(m.group("src"))
    if not source or source.split()[0].lower() in _NOT_SOURCE_WORDS or _is_person(index, src_start, src_end):
        return None
    verb = (m.group("verb") or "").lower()
    opener = _OPENER.search(index.doc.text, max(0, m.start() - 25), m.start())
    if verb in _AMBIGUOUS_CITE and not (opener or m.group("by") == "oleh"):
        if not (_is_outlet(index, src_start, src_end) or source.isupper() or "." in source):
            return None
    cue_start = opener.start() if opener else m.start()
    start, end = _passage(index, cue_start, cue_start)
    return Attribution(start=start, end=end, source=source, cue_start=cue_start, cue_end=src_end)


def _line_attribution(index: _Index, m: re.Match[str]) -> Attribution | None:
    source = _clean_source(m.group("src"))
    if not source:
        return None
    para = index.paragraph_at(m.start("cue"))
    text = index.doc.text
    own_paragraph = not text[para[0]:m.start("cue")].strip() and not text[m.end():para[1]].strip()
    start, end = (0, len(text)) if own_paragraph else para
    return Attribution(start=start, end=end, source=source, cue_start=m.start("cue"), cue_end=m.end("src"))


def _attributions(index: _Index) -> list[Attribution]:
    found = []
    for m in index.matches("cite", _CITE) + index.matches("menurut", _CITE):
        att = _cite_attribution(index, m)
        if att:
            found.append(att)
    text = index.doc.text
    lines = _SOURCE_LINE.finditer(text) if "umber" in text or "ource" in text else ()
    for m in lines:
        att = _line_attribution(index, m)
        if att:
            found.append(att)
    return sorted(found, key=lambda a: a.cue_start)


def find_attributions(doc: Document) -> list[Attribution]:
    """Every upstream source the article cites, with the passage it covers (see the module docstring)."""
    return _attributions(_Index.of(doc))


# -- direct quotes ------------------------------------------------------------------------------

def _mark_role(text: str, pos: int, mark: str) -> str | None:
    """Whether the mark at ``pos`` opens ("o"), closes ("c"), may do either ("?") or is an apostrophe."""
    family, role = _MARK_ROLE[mark]
    before = text[pos - 1] if pos else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    if family == "s" and before.isalnum() and after.isalnum():
        return None  # Jum'at, don't
    if role != "?":
        return role
    opens = (before.isspace() or before in "([{—–-/" or pos == 0) and not after.isspace()
    closes = not before.isspace() and (after.isspace() or not after.isalnum())
    if family == "s" and not opens and not closes:
        return None
    if opens and not closes:
        return "o"
    if closes and not opens:
        return "c"
    return "?"


def _pairs_in(text: str, para: Span) -> tuple[list[Span], list[tuple[str, int]]]:
    """Quote-mark pairs (open, close) inside one paragraph, and the marks left open at its end."""
    pairs: list[Span] = []
    open_at: dict[str, int] = {}
    for m in _MARKS.finditer(text, para[0], para[1]):
        role = _mark_role(text, m.start(), m.group())
        if role is None:
            continue
        family = _MARK_ROLE[m.group()][0]
        if m.group() == '"' and family in open_at:
            role = "c"  # a straight double mark never nests: it closes whatever it can
        if role == "o" or (role == "?" and family not in open_at):
            open_at[family] = m.start()
        elif family in open_at:
            pairs.append((open_at.pop(family), m.start()))
    return pairs, sorted(((f, p) for f, p in open_at.items()), key=lambda fp: fp[1])


def _mark_pairs(index: _Index) -> list[Span]:
    """(opening mark, closing mark) positions; a paragraph-opening quote left open runs on into the next
    paragraph that opens with a mark of its family, else to its own paragraph's end."""
    text = index.doc.text
    per_para = [_pairs_in(text, p) for p in index.paragraphs]
    pairs: list[Span] = []
    carry: tuple[str, int] | None = None
    for i, (para, (inner, left_open)) in enumerate(zip(index.paragraphs, per_para)):
        if carry is not None:
            first = inner[0] if inner and inner[0][0] == para[0] else None
            if first is not None:
                inner = inner[1:]
                pairs.append((carry[1], first[1]))
                carry = None
            elif left_open and left_open[0][1] == para[0] and left_open[0][0] == carry[0]:
                left_open = []  # still open: the quote goes on
            else:
                pairs.append((carry[1], index.paragraphs[i - 1][1]))
                carry = None
        pairs.extend(inner)
        if carry is None:
            for family, pos in left_open:
                if pos == para[0]:
                    carry = (family, pos)
    if carry is not None:
        pairs.append((carry[1], index.paragraphs[-1][1]))
    return _outermost(pairs)


def _outermost(pairs: list[Span]) -> list[Span]:
    """Drop pairs nested in (or crossing) an earlier one: ``'revolusi warna'`` inside ``“...”``."""
    kept: list[Span] = []
    for open_pos, close_pos in sorted(pairs, key=lambda p: (p[0], -p[1])):
        if kept and open_pos < kept[-1][1]:
            continue
        kept.append((open_pos, close_pos))
    return kept


def _inner(text: str, open_pos: int, close_pos: int) -> Span:
    """The quoted words between two marks, without edge spaces or a trailing comma."""
    start, end = open_pos + 1, close_pos
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return start, end


# -- speaker phrases ----------------------------------------------------------------------------

def _speaker_phrase(text: str, start: int, end: int) -> Span | None:
    """The speaker's words at the start of ``text[start:end]``: up to a stop word, punctuation, or a
    lower-case word after a name (``kata Bayu belum bisa ...`` -> ``Bayu``), at most 9 words."""
    last, named, prev_word = None, False, (start, start)
    for n, m in enumerate(_WORD.finditer(text, start, end)):
        word = m.group()
        if n >= _MAX_SPEAKER_WORDS:
            break
        if word.lower() in _SPEAKER_STOP and not (named and word[:1].isupper() and word.lower() in _JOINERS
                                                   | {"dalam"}):
            break  # 'kata Wang dalam ...', but 'Menteri Dalam Negeri'
        gap = text[last or start:m.start()] if m.start() > start else ""
        if gap.strip(" \t") and not (gap.startswith(".") and not gap[1:].strip(" \t") and named
                                     and len(text[prev_word[0]:prev_word[1]]) == 1 and word[:1].isupper()):
            break  # punctuation in between, but for an initial: 'M. Hery Saripudin'
        if named and word.islower() and word not in _AFTER_NAME:
            break
        prev_word = m.span()
        named = named or word[:1].isupper()
        last = m.end()
    return (start + len(text[start:end]) - len(text[start:end].lstrip()), last) if last else None


def _pronoun_kind(word: str) -> str | None:
    word = word.lower()
    if word in words.PERSON_PRONOUNS:
        return "person"
    if word in words.GROUP_PRONOUNS:
        return "group"
    return None


def _speaker_from_rest(text: str, start: int, end: int) -> _Speaker:
    """A speaker phrase after a tag verb (``kata Menteri X kepada wartawan`` -> ``Menteri X``)."""
    phrase = _speaker_phrase(text, start, end)
    if phrase is None:
        return _Speaker()
    kind = _pronoun_kind(text[phrase[0]:phrase[1]])
    return _Speaker(phrase[0], phrase[1], pronoun=kind)


def _post_tag(text: str, close_pos: int) -> tuple[_Speaker, int] | None:
    """A speaker tag right after a closing mark: ``kata Wang``, ``ujarnya``, ``dia menambahkan``."""
    m = _POST_TAG.match(text, close_pos + 1, min(len(text), close_pos + 1 + _TAG_WINDOW))
    if m is None:
        return None
    if m.group("pro2"):
        return _Speaker(*m.span("pro2"), pronoun=_pronoun_kind(m.group("pro2"))), m.end()
    if m.group("pro"):
        return _Speaker(*m.span("pro"), pronoun=_pronoun_kind(m.group("pro"))), m.end()
    if m.group("nya"):
        return _Speaker(*m.span("nya"), pronoun="person"), m.end()
    line_end = text.find("\n", m.end())
    stop = min(len(text), m.end() + _TAG_WINDOW, line_end if line_end >= 0 else len(text))
    speaker = _speaker_from_rest(text, m.end(), stop)
    if speaker.start is None:
        return None
    return speaker, speaker.end or m.end()


def _pieces(text: str, start: int, end: int) -> list[Span]:
    spans, pos = [], start
    for m in _PIECE_SEP.finditer(text, start, end):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, end))
    return spans


def _subject(index: _Index, sent_start: int, verb_start: int) -> _Speaker | None:
    """The subject before a speech verb: the last comma-separated piece of the clause that names someone.

    Pieces that cannot be the subject are passed over: an adverbial (``kepada para wartawan``, ``melalui
    akun Twitternya``), adverbs alone (``pun``), and a predicate the speech verb is coordinated with
    (``Putin, ..., menuding X dan menegaskan ...``). A subject that is an apposition (``Kepala Badan ...``,
    ``yang merupakan ...``, ``warga desa di Bhimber``) gives way to the person's name before it."""
    text = index.doc.text
    pieces = _pieces(text, sent_start, verb_start)
    for i in range(len(pieces) - 1, -1, -1):
        start, end = pieces[i]
        piece_words = _WORD.findall(text, start, end)
        if not piece_words:
            continue
        first = piece_words[0]
        lower = first.lower()
        if all(w.lower() in _TRAILERS or w.lower() in _LEADERS for w in piece_words):
            continue  # 'Nebenzia, pun mengatakan'
        if first.islower() and _is_predicate(lower):
            continue
        found = _subject_in(index, start, end)
        if found is not None:
            head = _appositive_head(index, pieces[:i], found)
            if head is not None:
                return head
            if i:
                before = pieces[i - 1]
                return _named_before(index, found, text[before[0]:before[1]], before[1])
            return found
        if lower in _NOT_SUBJECT or first[0].isdigit() or _TAG_ROOT.fullmatch(first):
            continue
        if first.islower():
            return _appositive_head(index, pieces[:i], None)
        return None  # a piece with words but no subject: the subject is not further back
    return None


def _is_predicate(word: str) -> bool:
    """A lower-case word that opens a predicate (``menuding``, ``berbicara``), not a subject."""
    return (len(word) > 5 and word.startswith(("me", "ber")) and word not in _NOT_PREDICATE
            and _pronoun_kind(word) is None)


def _is_apposition(index: _Index, start: int, end: int) -> bool:
    """A piece that describes someone rather than naming them: it opens with a lower-case word or a role
    (``Kepala Badan ...``) and names no person."""
    first = _WORD.search(index.doc.text, start, end)
    if first is None:
        return False
    if not (first.group().islower() or _ROLE.match(index.doc.text, first.start())):
        return False
    return not any(a.get("kind") == "person" for _, _, a in index.mentions_in(first.start(), end))


def _appositive_head(index: _Index, before: list[Span], found: _Speaker | None) -> _Speaker | None:
    """``Siswono, Kepala Badan ... Kemlu, mengatakan``: when the subject piece is an apposition, the person
    named by a piece of capitalised words before it (across other appositions) is the speaker."""
    text = index.doc.text
    if found is not None and (found.pronoun or not _is_apposition(index, found.start, found.end)):
        return None
    fallback = None
    for start, end in reversed(before[-3:]):
        tokens = list(_WORD.finditer(text, start, end))
        if not tokens or _is_apposition(index, start, end):
            if not tokens:
                break
            continue
        first, last = tokens[0], tokens[-1]
        lower = first.group().lower()
        names = [t.group() for t in tokens if t.group() not in _AFTER_NAME and t.group() not in _JOINERS]
        if len(names) > 8 or not all(w[:1].isupper() for w in names) or lower in _LEADERS \
                or lower in _CLAUSE_OPENERS or lower in _NOT_SUBJECT:
            break
        if not any(a.get("kind") == "person" and s >= first.start()
                   for s, _, a in index.mentions_in(first.start(), last.end())):
            break
        if _ROLE.match(text, first.start()) and fallback is None:
            fallback = _Speaker(first.start(), last.end())  # a role with a name: a name before it wins
            continue
        return _Speaker(first.start(), last.end())
    return fallback


def _named_before(index: _Index, found: _Speaker, piece: str, piece_end: int) -> _Speaker:
    """``Sutrisno, salah satu penjual cabai mengatakan``: a lower-case role phrase no actor covers, after a
    short name and a comma, is that name's apposition; the speaker spans both."""
    text = index.doc.text
    if found.pronoun or not text[found.start:found.start + 1].islower():
        return found
    if index.mentions_in(found.start, found.end):
        return found
    names = _WORD.findall(piece)
    if not names or len(names) > 4 or not all(w[:1].isupper() for w in names):
        return found
    start = piece_end - len(piece) + (len(piece) - len(piece.lstrip()))
    return _Speaker(start, found.end)


def _subject_tokens(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The words of a subject: without a leading connective (``Namun``), a relative clause (``yang ...``),
    a parenthesis (``Stiller (50)``) or trailing adverbs (``juga``, ``pun``)."""
    tokens = _outside_parens(text, start, end)
    if tokens and tokens[0].group().lower() == "yang":
        return []  # a relative clause between commas: the subject is before it
    opener = max((i for i, t in enumerate(tokens) if t.group().lower() in _CLAUSE_OPENERS), default=-1)
    tokens = tokens[opener + 1:]  # 'Isu itu marak karena ratusan perempuan melaporkan' -> 'ratusan perempuan'
    while tokens and tokens[0].group().lower() in _LEADERS:
        tokens.pop(0)
    cut = next((i for i, t in enumerate(tokens) if i and t.group().lower() in ("yang", "sebagai")), len(tokens))
    tokens = tokens[:cut]
    while tokens and tokens[-1].group().lower() in _TRAILERS:
        tokens.pop()
    return tokens


def _outside_parens(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The words of ``text[start:end]`` outside parentheses (``Stiller (50)``, ``PBB (IAEA) Yukiya Amano``,
    ``pada Minggu (30/4) pejabat Israel``); an unclosed parenthesis ends them."""
    tokens: list[re.Match[str]] = []
    pos = start
    while pos < end:
        paren = text.find("(", pos, end)
        tokens.extend(_WORD.finditer(text, pos, paren if paren >= 0 else end))
        if paren < 0:
            break
        close = text.find(")", paren, end)
        if close < 0:
            break
        pos = close + 1
    return tokens


def _role_tail(text: str, tokens: list[re.Match[str]]) -> _Speaker | None:
    """``dalam kesempatan yang sama pejabat Kementerian Luar Negeri RI``: after an adverbial, the subject is
    the last role noun with the capitalised words that follow it."""
    for k in range(len(tokens) - 1, 0, -1):
        role = _ROLE.match(text, tokens[k].start())
        if role is None:
            continue
        rest = [t.group() for t in tokens if t.start() >= role.end()]
        if rest and all(w[:1].isupper() or w in _JOINERS for w in rest):
            return _Speaker(tokens[k].start(), tokens[-1].end())
        return None
    return None


def _subject_in(index: _Index, start: int, end: int) -> _Speaker | None:
    text = index.doc.text
    tokens = _subject_tokens(text, start, end)
    if tokens and tokens[0].group().lower() == "menurutnya":  # 'menurutnya X menyatakan': he is the speaker
        return _Speaker(tokens[0].end() - 3, tokens[0].end(), pronoun="person")
    if len(tokens) > 1 and tokens[0].group().lower() == "menurut" and _pronoun_kind(tokens[1].group()):
        return _Speaker(tokens[1].start(), tokens[1].end(), pronoun=_pronoun_kind(tokens[1].group()))
    if tokens and tokens[0].group().lower() in _NOT_SUBJECT:
        return _role_tail(text, tokens)
    if not tokens:
        return None
    kind = _pronoun_kind(tokens[0].group())
    if kind:
        return _Speaker(tokens[0].start(), tokens[0].end(), pronoun=kind)
    if _TAG_ROOT.fullmatch(tokens[0].group()) and len(tokens) > 1:  # 'A, lanjut pernyataan itu, menilai'
        speaker = _speaker_from_rest(text, tokens[1].start(), tokens[-1].end())
        return speaker if speaker.start is not None else None  # 'Rusia, kata Senin mengatakan': no one named
    found = [m for m in index.mentions_in(tokens[0].start(), tokens[-1].end()) if m[0] >= tokens[0].start()]
    if found:
        best = min(found, key=lambda m: (_KIND_RANK.get(m[2].get("kind"), 4), m[0]))
        return _Speaker(tokens[0].start(), best[1])
    cut = next((i for i, t in enumerate(tokens) if i and t.group().lower() in _SPEAKER_STOP), len(tokens))
    lower = not tokens[0].group()[0].isupper() and not _STATEMENT.match(text, tokens[0].start())
    if cut > (_MAX_LOWER_SUBJECT if lower else _MAX_SPEAKER_WORDS):
        return None
    return _Speaker(tokens[0].start(), tokens[cut - 1].end())


# -- finding quotes -----------------------------------------------------------------------------

def _direct_quotes(index: _Index) -> list[_Quote]:
    text = index.doc.text
    quotes: list[_Quote] = []
    for open_pos, close_pos in _mark_pairs(index):
        start, end = _inner(text, open_pos, close_pos)
        if end <= start:
            continue
        quote = _Quote(start, end, True, "direct", tag_end=close_pos + 1)
        tag = _post_tag(text, close_pos) or _pre_tag(index, open_pos)
        if tag is not None:
            quote.speaker, quote.tag_end = tag[0], max(tag[1], close_pos + 1)
            quote.cue = "tag"
        elif not _stands_alone(index, open_pos, close_pos):
            continue
        quotes.append(quote)
    index.direct = sorted((q.start - 1, q.end + 1) for q in quotes)
    return quotes


def _stands_alone(index: _Index, open_pos: int, close_pos: int) -> bool:
    """A tagless quote is speech when it is long and is a sentence of its own; otherwise a scare quote or
    a title (``"The Legend of the Blue Sea" terinspirasi ...``)."""
    text = index.doc.text
    para = index.paragraph_at(open_pos)
    before = text[para[0]:open_pos].rstrip()
    after = text[close_pos + 1:min(para[1], close_pos + 4)].lstrip(" \t.!?")
    opens_sentence = not before or before[-1] in ".!?:"
    ends_sentence = not after or after[0].isupper() or after[0] in _OPENING_MARKS or text[close_pos - 1] in ".!?"
    return opens_sentence and ends_sentence and len(text[open_pos:close_pos].split()) >= _SHORT_QUOTE_WORDS


def _pre_tag(index: _Index, open_pos: int) -> tuple[_Speaker, int] | None:
    """A speaker tag before an opening mark: ``Kata Putin, "..."``, ``Wang mengatakan: "..."``."""
    text = index.doc.text
    para_start = index.paragraph_at(open_pos)[0]
    window_start = max(para_start, open_pos - _PRE_WINDOW)
    m = _PRE_TAG_VERB.search(text, window_start, open_pos)
    if m is not None:
        speaker = _speaker_from_rest(text, m.start("rest"), m.end("rest"))
        return (speaker, open_pos) if speaker.start is not None else None
    m = _PRE_SPEECH_VERB.search(text, window_start, open_pos)
    if m is None:
        return None
    sent_start = max(window_start, text.rfind(". ", window_start, m.start()) + 1)
    speaker = _subject(index, sent_start, m.start())
    return (speaker, open_pos) if speaker is not None else None


def _mark_continuations(index: _Index, quotes: list[_Quote]) -> None:
    """A tagless direct quote right after a quote (in its paragraph or the one before) goes on with that
    quote's speaker."""
    for prev, quote in zip(quotes, quotes[1:]):
        if quote.direct and quote.speaker.start is None and quote.speaker.pronoun is None:
            gap = index.paragraph_no(quote.start) - index.paragraph_no(prev.tag_end - 1)
            quote.continues = gap <= 1


def _clause_end(index: _Index, start: int, sent_end: int, cites: list[int]) -> int:
    """Where reported speech starting at ``start`` ends: its sentence's end, before a citing cue."""
    text = index.doc.text
    end = sent_end
    i = bisect.bisect_left(cites, start)
    if i < len(cites) and cites[i] < end:
        end = cites[i]
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?"):
        end -= 1
    cut = re.search(r",\s*(?i:seperti|sebagaimana)\s*$", text[start:end])
    return start + cut.start() if cut else end


def _verb_quotes(index: _Index, cites: list[int]) -> list[_Quote]:
    """``X mengatakan (bahwa) ...``: the subject is the speaker, the rest of the sentence the quote."""
    text = index.doc.text
    quotes = []
    for m in index.matches("speech", _SPEECH_VERB):
        comp = m.end()
        if index.in_direct(m.start()) or comp >= len(text) or text[comp] in _OPENING_MARKS:
            continue
        link = m.group("link")
        if not m.group("strong") and ":" not in link and "," not in link and "bahwa" not in link.lower():
            continue  # 'menyebut X sebagai Y'; but 'Dia menyebut, Pyongyang ...' reports speech
        if "bahwa" not in link.lower() and _NOT_CLAUSE.match(text, comp):
            continue
        sent = index.sentence_at(m.start())
        before = [w.lower() for w in _WORD.findall(text, max(sent[0], m.start() - 40), m.start())[-3:]]
        while before and before[-1] in _TRAILERS:
            before.pop()
        if before and before[-1] in _NOT_SPEECH_BEFORE:
            continue  # 'pengguna dapat menambahkan informasi', 'tidak mengatakan'
        end = _clause_end(index, comp, sent[1], cites)
        speaker = _subject(index, sent[0], m.start())
        if speaker is None or len(text[comp:end].split()) < 2:
            continue
        quotes.append(_Quote(comp, end, False, m.group("verb").lower(), speaker, tag_end=m.end()))
    return quotes


def _menurut_quotes(index: _Index, cites: list[int]) -> list[_Quote]:
    """``Menurut X, ...`` and ``..., menurut X.``: X is the speaker unless it is a report or an outlet."""
    text = index.doc.text
    quotes = []
    for m in index.matches("menurut", _MENURUT):
        sent = index.sentence_at(m.start())
        who = _according_to_whom(index, m)
        if who is None or index.in_direct(m.start()):
            continue
        if m.group("intro").lower() not in words.ACCORDING_TO and m.start() != sent[0]:
            continue  # 'Dikatakan X, ...' opens its sentence
        if m.group("after") == ",":
            start = m.end() + len(text[m.end():sent[1]]) - len(text[m.end():sent[1]].lstrip())
            end = _clause_end(index, start, sent[1], cites)
        else:
            start, end = sent[0], m.start()
            while end > start and text[end - 1] in " ,":
                end -= 1
        if len(text[start:end].split()) >= 2:
            quotes.append(_Quote(start, end, False, m.group("intro").lower(), who, tag_end=who.end or m.end()))
    return quotes


def _according_to_whom(index: _Index, m: re.Match[str]) -> _Speaker | None:
    """The speaker of ``menurut X`` / ``menurutnya`` / ``Dikatakan X``; None for a report or an outlet."""
    text = index.doc.text
    if m.group("nya"):
        return _Speaker(*m.span("nya"), pronoun="person")
    who = _speaker_from_rest(text, m.start("who"), m.end("who"))
    if who.start is None or text[who.start:who.end].split()[0].lower() in _SPEAKER_STOP:
        return None
    if _is_outlet(index, who.start, who.end) or _REPORT.match(text, who.start):
        return None
    return who


def _tail_tag_quotes(index: _Index, cites: list[int]) -> list[_Quote]:
    """Unquoted speech with a tag: ``..., kata Wang.`` and ``China, kata Wang, menghormati ...``."""
    text = index.doc.text
    quotes = []
    for m in _TAIL_TAG.finditer(text):
        if index.in_direct(m.start()) or text[m.start() - 1:m.start()] in "\"”’»'":
            continue
        speaker = (_Speaker(*m.span("nya"), pronoun="person") if m.group("nya")
                   else _speaker_from_rest(text, m.start("rest"), m.end("rest")))
        if m.group("verb").lower() in words.AMBIGUOUS_TAGS and not m.group("nya") \
                and not _names_person(index, speaker, m.end("rest")):
            continue  # ', jelas ...' is not a tag; ', jelasnya,' and ', tambah Soylu.' are
        if speaker.start is None and speaker.pronoun is None:
            continue
        sent = index.sentence_at(m.start())
        end = m.start() if m.group("after") != "," else _clause_end(index, m.end(), sent[1], cites)
        if len(text[sent[0]:end].split()) >= 3 and not index.in_direct(sent[0]):
            quotes.append(_Quote(sent[0], end, False, m.group("verb").lower(), speaker, tag_end=m.end("rest")))
    return quotes


def _names_person(index: _Index, speaker: _Speaker, rest_end: int) -> bool:
    """The tag's whole rest is a person's name (``tambah Soylu``, ``lanjut Wang``)."""
    if speaker.start is None or speaker.pronoun or speaker.end != rest_end:
        return False
    return any(s == speaker.start and a.get("kind") == "person" for s, _, a in
               index.mentions_in(speaker.start, speaker.end))


def _back_quotes(index: _Index) -> list[_Quote]:
    """``Demikian diungkapkan X`` / ``Hal itu disampaikan X``: the sentence(s) before it are the quote."""
    text = index.doc.text
    quotes = []
    for m in index.matches("back", _BACK_POINTER):
        speaker = _speaker_from_rest(text, m.start("rest"), m.end("rest"))
        span = _sentences_before(index, m.start())
        if speaker.start is None or span is None:
            continue
        quotes.append(_Quote(span[0], span[1], False, "back", speaker, tag_end=speaker.end or m.end()))
    return quotes


def _sentences_before(index: _Index, pos: int) -> Span | None:
    """Up to two sentences before ``pos`` in its paragraph, or the previous paragraph's last sentence."""
    i = bisect.bisect_right(index.sentences, (pos, 1 << 62)) - 1
    para = index.paragraph_at(pos)
    chosen = [s for s in index.sentences[max(0, i - _MAX_BACK_SENTENCES):i] if s[0] >= para[0]]
    if not chosen and i >= 1:
        chosen = [index.sentences[i - 1]]
    if not chosen:
        return None
    text = index.doc.text
    start, end = chosen[0][0], chosen[-1][1]
    while end > start and text[end - 1] in ".!? \t":
        end -= 1
    return (start, end) if end > start else None


def _merge(groups: list[list[_Quote]]) -> list[_Quote]:
    """All quotes, earlier groups first: a quote overlapping one already kept is dropped."""
    kept: list[_Quote] = []  # sorted by start and, as they never overlap, by end
    starts: list[int] = []
    for group in groups:
        for q in group:
            i = bisect.bisect_left(starts, q.end)  # kept[i - 1] is the last one starting before q ends
            if i and kept[i - 1].end > q.start:
                continue
            kept.insert(i, q)
            starts.insert(i, q.start)
    return kept


# -- resolving speakers -------------------------------------------------------------------------

def _best(run: list[tuple[int, int, dict[str, Any]]]) -> dict[str, Any] | None:
    if not run:
        return None
    return min(run, key=lambda m: _KIND_RANK.get(m[2].get("kind"), 4))[2]


def _content_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if len(w) > 2 and w.lower() not in _SPEAKER_STOP}


@dataclass
class _FuzzyIndex:
    """The document's mentions looked up by word, built once, so that each fuzzy lookup costs only the
    mentions that share a word with the phrase (not every mention of the document)."""

    persons: dict[str, int]  # a word of a person's canonical name -> the first mention of such a person
    postings: dict[str, list[int]]  # a content word -> mentions (not states or groups) whose text holds it

    @classmethod
    def of(cls, index: _Index) -> _FuzzyIndex:
        persons: dict[str, int] = {}
        postings: dict[str, list[int]] = {}
        seen: set[tuple[frozenset[str], int]] = set()
        for i, (s, e, actor) in enumerate(index.mentions):
            kind = actor.get("kind")
            if kind == "person":
                for word in str(actor.get("name", "")).split():
                    persons.setdefault(word, i)
            if kind in ("state", "group"):
                continue
            wanted = frozenset(_content_words(index.doc.text[s:e]))
            if (wanted, id(actor)) in seen:
                continue  # the same words for the same actor again: an earlier mention scores the same
            seen.add((wanted, id(actor)))
            for word in wanted:
                postings.setdefault(word, []).append(i)
        return cls(persons, postings)


def _fuzzy_actor(index: _Index, start: int, end: int) -> dict[str, Any] | None:
    """An actor for a phrase no mention covers: a person whose name holds one of its capitalised words
    (``Stiller``; the first such person mentioned), else the organisation sharing the most content words
    with it, at least two (``badan keamanan Rusia``; the first mentioned of equals)."""
    if index.fuzzy is None:
        index.fuzzy = _FuzzyIndex.of(index)
    phrase = index.doc.text[start:end]
    capitals = {w for w in _WORD.findall(phrase) if w[:1].isupper() and len(w) > 2}
    people = [index.fuzzy.persons[w] for w in capitals if w in index.fuzzy.persons]
    if people:
        return index.mentions[min(people)][2]
    scores: Counter[int] = Counter()
    for word in _content_words(phrase):
        scores.update(index.fuzzy.postings.get(word, ()))
    best = min(scores.items(), key=lambda item: (-item[1], item[0]), default=None)
    return index.mentions[best[0]][2] if best is not None and best[1] > 1 else None


def _apposition(index: _Index, speaker: _Speaker) -> None:
    """``Menteri Luar Negeri China, Wang Yi``: a role phrase followed by a comma and a person's name is that
    person; so is one whose title runs on past the phrase (``Direktur Jenderal ... Kelautan dan Perikanan KKP
    Nilanto Perbowo``): stretch the speaker over the name. Not after a statement (``Menurut keterangan Dewan
    Keamanan Rusia, Patrushev dan Yang ...``: the name opens the reported clause)."""
    text = index.doc.text
    if _STATEMENT.match(text, speaker.start):
        return
    for s, e, actor in index.mentions_in(speaker.end, speaker.end + 80):
        if s < speaker.end or actor.get("kind") != "person":
            continue
        gap = _TITLE_GAP.fullmatch(text, speaker.end, s)
        if not text[speaker.end:s].strip(" ,") or gap is not None and text[speaker.end:s].count(",") == 0:
            speaker.end = e
        return


def _named_actor(index: _Index, speaker: _Speaker, earlier: list[_Quote]) -> dict[str, Any] | None:
    run = index.mentions_in(speaker.start, speaker.end)
    if not any(a.get("kind") == "person" for _, _, a in run):
        _apposition(index, speaker)
        run = index.mentions_in(speaker.start, speaker.end)
    actor = _best(run)
    if actor is None or actor.get("kind") == "state" and run[0][0] > speaker.start:
        actor = _fuzzy_actor(index, speaker.start, speaker.end) or actor
    if actor is None and _STATEMENT.search(index.doc.text, speaker.start, speaker.end):
        return _statement_author(index, speaker.start, earlier)
    return actor


def _statement_author(index: _Index, pos: int, earlier: list[_Quote]) -> dict[str, Any] | None:
    """The author of ``pernyataan tersebut``: the speaker of the latest statement quote, else the actor named
    next to the latest earlier statement noun (``Kementerian X dalam keterangan resminya``), else the
    latest quote's speaker, else the latest organisation or state named before."""
    text = index.doc.text
    for q in reversed(earlier):
        s = q.speaker
        if q.actor and s.start is not None and (s.stated or _STATEMENT.search(text, s.start, s.end)):
            return q.actor
    named = _actor_by_statement(index, pos)
    if named is not None:
        return named
    for q in reversed(earlier):
        if q.actor:
            return q.actor
    return _latest_mention(index, pos, ("org", "igo", "state"))


def _actor_by_statement(index: _Index, pos: int) -> dict[str, Any] | None:
    """The actor mentioned closest to the latest statement noun before ``pos``, in the same sentence."""
    sent = index.sentence_at(pos)
    nouns = [m for m in _STATEMENT.finditer(index.doc.text, 0, sent[0])]
    for noun in reversed(nouns):
        start, end = index.sentence_at(noun.start())
        near = [m for m in index.mentions_in(start, end) if m[2].get("kind") != "group"]
        if near:
            return min(near, key=lambda m: min(abs(m[1] - noun.start()), abs(m[0] - noun.end())))[2]
    return None


def _latest_mention(index: _Index, pos: int, kinds: tuple[str, ...], after: int = -1) -> dict[str, Any] | None:
    i = bisect.bisect_left(index.mention_starts, pos)
    for s, e, actor in reversed(index.mentions[:i]):
        if s < after:
            return None
        if e <= pos and actor.get("kind") in kinds and not index.in_quote(s):
            return actor
    return None


def _pronoun_actor(index: _Index, quote: _Quote, earlier: list[_Quote]) -> dict[str, Any] | None:
    """The previous quote's speaker in this or the previous paragraph, unless a newer fitting actor was
    named in a later paragraph; else the latest fitting actor named before the quote."""
    kinds = ("person",) if quote.speaker.pronoun == "person" else ("org", "igo", "group", "state", "person")
    here = index.paragraph_no(quote.start)
    anchor = min(quote.start, quote.speaker.start if quote.speaker.start is not None else quote.start)
    for prev in reversed(earlier):
        if prev.actor is None or not (prev.actor.get("kind") in kinds or quote.speaker.pronoun == "person"
                                      and prev.personal):
            continue
        if here - index.paragraph_no(prev.start) > 1:
            break
        if index.paragraph_no(prev.start) == here:
            return prev.actor
        newer = _latest_mention(index, anchor, kinds, after=prev.tag_end)
        return newer or prev.actor
    return _latest_mention(index, anchor, kinds)


def _resolve(index: _Index, quotes: list[_Quote]) -> None:
    text = index.doc.text
    for i, quote in enumerate(quotes):
        earlier = quotes[:i]
        if quote.continues and earlier:
            quote.speaker, quote.actor = earlier[-1].speaker, earlier[-1].actor
            quote.personal = earlier[-1].personal
        elif quote.speaker.pronoun:
            quote.actor = _pronoun_actor(index, quote, earlier)
            quote.personal = quote.speaker.pronoun == "person" and quote.actor is not None
        elif quote.speaker.start is not None:
            quote.actor = _named_actor(index, quote.speaker, earlier)
            _trim_speaker(text, quote.speaker)
            quote.personal = bool(quote.actor and quote.actor.get("kind") == "person"
                                  or _ROLE.match(text, quote.speaker.start))


def _trim_speaker(text: str, speaker: _Speaker) -> None:
    """Drop what is not the speaker from the front of its phrase: a determiner (``seorang pejabat Kemlu
    Jepang``) and a statement noun before its author (``pernyataan misi Uni Afrika`` -> ``misi Uni Afrika``)."""
    assert speaker.start is not None and speaker.end is not None
    m = _DETERMINER.match(text, speaker.start, speaker.end)
    if m:
        speaker.start = m.end()
    m = _LEADING_STATEMENT.match(text, speaker.start, speaker.end)
    if m and any(w[:1].isupper() for w in _WORD.findall(text, m.end(), speaker.end)):
        speaker.start, speaker.stated = m.end(), True


# -- output -------------------------------------------------------------------------------------

def _attributed(quote: _Quote, attributions: list[Attribution]) -> Attribution | None:
    last = max(quote.end, quote.tag_end)
    for att in attributions:
        if att.start < last and quote.start < att.end:
            return att
    return None


def _to_dict(index: _Index, quote: _Quote, attribution: Attribution | None) -> dict[str, Any]:
    text, s = index.doc.text, quote.speaker
    first = index.sentence_at(quote.start)
    last = index.sentence_at(max(quote.start, quote.end - 1))
    return {
        "text": text[quote.start:quote.end],
        "start": quote.start,
        "end": quote.end,
        "direct": quote.direct,
        "speaker": {
            "actor": quote.actor.get("id") if quote.actor else None,
            "text": text[s.start:s.end] if s.start is not None else None,
            "name": quote.actor.get("name") if quote.actor else None,
            "start": s.start,
            "end": s.end,
        },
        "attributed_to": attribution.source if attribution else None,
        "sentence": [first[0], max(last[1], first[1])],
        "cue": quote.cue,
    }


def _quotes_and_attributions(doc: Document) -> tuple[list[dict[str, Any]], list[Attribution]]:
    index = _Index.of(doc)
    attributions = _attributions(index)
    cites = sorted(a.cue_start for a in attributions)
    direct = _direct_quotes(index)
    quotes = _merge([direct, _verb_quotes(index, cites), _menurut_quotes(index, cites),
                     _tail_tag_quotes(index, cites), _back_quotes(index)])
    index.quoted = sorted((q.start, q.end) for q in quotes)
    _mark_continuations(index, quotes)
    _resolve(index, quotes)
    out, stretched = [], {id(a): a for a in attributions}
    for quote in quotes:
        att = _attributed(quote, attributions)
        out.append(_to_dict(index, quote, att))
        if att is not None and quote.start < stretched[id(att)].start:
            old = stretched[id(att)]
            stretched[id(att)] = Attribution(start=quote.start, end=old.end, source=old.source,
                                             cue_start=old.cue_start, cue_end=old.cue_end)
    return out, [stretched[id(a)] for a in attributions]


def find_quotes(doc: Document) -> list[dict[str, Any]]:
    """Contract QUOTE dicts for every quote in ``doc`` (see the module docstring), sorted by start."""
    return _quotes_and_attributions(doc)[0]


@dataclass
class FindQuotes:
    """Sets ``doc.quotes`` and keeps the cited sources in ``doc.hints["attributions"]``: a list of
    ``{"start", "end", "source", "cue_start", "cue_end"}`` dicts, the passage each source covers (stretched
    over the quotes it is attached to), for the event coder's ``attributed_to``."""

    name: str = "quotes"
    needs: frozenset[str] = frozenset({"text", "sentences", "paragraphs", "actors"})
    sets: frozenset[str] = frozenset({"quotes"})

    def __call__(self, doc: Document) -> Document:
        quotes, attributions = _quotes_and_attributions(doc)
        doc.quotes = quotes
        doc.hints["attributions"] = [a.to_dict() for a in attributions]
        return doc
