"""Tokens and sentences of Indonesian news, as ``(start, end)`` offset spans into the text.

:func:`tokenize` runs one compiled regular expression (ordered alternatives, ``finditer``) over the text, so
it is linear in the length of the text and never loops over characters in Python. What it keeps whole:

- URLs, e-mail addresses, web domains (``Kompas.com``), ``@handles`` and ``#hashtags``;
- a short acronym in parentheses, ``(AS)``, ``(PBB)``, ``(CSTO)``: Indonesian news glosses acronyms this way,
  and downstream code reads the gloss as one unit (``ud_compatible=True`` splits it, as UD does);
- abbreviations with their full stops (``Dr.``, ``S.H.``, ``dll.``, ``U.S.``), initials (``W.``);
- numbers, dates, times, money and percentages: ``1.500``, ``2,5``, ``10/1/2022``, ``19/9``, ``10.52``,
  ``14:30``, ``Rp1.500``, ``US$2``, ``12,5%`` (``Rp 1,5`` written with a space stays two tokens);
- words joined by hyphens or apostrophes: ``anak-anak``, ``Kassym-Jomart``, ``COVID-19``, ``U-22``,
  ``ke-2``, ``Jum'at``; clitics stay on their word (``katanya``, ``PPh-nya``); credit ratings (``idAA-``).

A hyphen between two numbers splits (``30-35`` is a range: ``30`` ``-`` ``35``), except in a date
(``10-1-2022``); a slash between words splits (``DPR/MPR``); a minus sign after a space stays (``-4,9``).

Everything else that is not a letter or digit is its own token: commas, final full stops, every kind of
quote mark, brackets, colons, question and exclamation marks (a run like ``?!`` is one token), and an
ellipsis (``...`` or ``…``). Spaces, control characters and invisible marks (zero-width space, BOM,
direction marks) are never part of a token; combining marks stay on their letter and an emoji keeps its
modifiers and joiners.

:func:`split_sentences` cuts at ``.``, ``!``, ``?`` and ``…`` followed by a space and a capital, a digit or an
opening quote (or by an editor's sign-off such as ``(ant/asa)`` closing the paragraph), except after an
abbreviation that does not end sentences (``Dr.``, ``Jl.``, ``No.``; ``dll.`` and ``Tbk.`` may), an initial,
a list number opening a sentence (``1. Pertama``), or inside parentheses. A closing quote after the full stop
stays with its sentence; an opening quote starts the next. A sentence never crosses a paragraph break (a
blank line); a single line break does not end one. Quotes do not suppress cuts, so a quote that never
closes cannot swallow the rest of the article.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from dataclasses import dataclass

from ..document import Document
from ..lang.id import tokens as lang

__all__ = ["Span", "Tokenize", "paragraph_spans", "split_sentences", "tokenize"]

Span = tuple[int, int]

# Never part of a token, like a space: controls, soft hyphen, zero-width space, BOM, direction marks, isolates.
_INVISIBLE_RANGES = ((0x00, 0x08), (0x0E, 0x1F), (0x7F, 0x9F), (0xAD, 0xAD), (0x61C, 0x61C), (0x180E, 0x180E),
                     (0x200B, 0x200B), (0x200E, 0x200F), (0x202A, 0x202E), (0x2060, 0x2064), (0x2066, 0x2069),
                     (0xFEFF, 0xFEFF))
_INVISIBLE = "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in _INVISIBLE_RANGES)
#: Every character a paragraph or sentence is trimmed of: whitespace and the invisible characters.
_EDGE_CHARS = "".join(chr(c) for c in range(0x3001) if chr(c).isspace()) + "".join(
    chr(c) for a, b in _INVISIBLE_RANGES for c in range(a, b + 1))
_URL_STOP = "\\s<>\"“”‘’«»()\\[\\]{}" + _INVISIBLE  # cannot be inside a URL
_URL_END_STOP = _URL_STOP + ".,;:!?'…"  # cannot end a URL
_OPEN_QUOTES = "\"“‘'«‹„("
_CLOSE_QUOTES = "\"”’'»›)\\]"
_SENTENCE_START = "A-Z0-9À-ÖØ-Þ"


@functools.cache
def _mark_ranges() -> str:
    """A character-class body of the combining marks that ``\\w`` leaves out (accents, harakat, viramas)."""
    ranges: list[list[int]] = []
    for code in range(0x30000):
        char = chr(code)
        if unicodedata.category(char)[0] == "M" and not char.isalnum():
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges)


def _trie_pattern(words: list[str]) -> str:
    """One regex for many literal words, shared prefixes factored out, so a miss fails on its first letters."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: dict) -> str:
    branches = [re.escape(char) + _node_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = "(?:" + "|".join(branches) + ")" if len(branches) > 1 or "" in node else branches[0]
    return body + "?" if "" in node else body


def _with_capitals(words: frozenset[str]) -> set[str]:
    return set(words) | {w.upper() for w in words}


@functools.cache
def _abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    """(non-final, final) abbreviations with their all-capitals forms; a form listed as written wins."""
    listed = lang.NONFINAL_ABBREVIATIONS | lang.FINAL_ABBREVIATIONS
    nonfinal = {w for w in _with_capitals(lang.NONFINAL_ABBREVIATIONS) if w in lang.NONFINAL_ABBREVIATIONS
                or w not in listed}
    final = {w for w in _with_capitals(lang.FINAL_ABBREVIATIONS) if w in lang.FINAL_ABBREVIATIONS
             or w not in listed} - nonfinal
    return frozenset(nonfinal), frozenset(final)


#: Letters followed by a space or a punctuation mark that never joins them to more: the commonest token.
_PLAIN_WORD = r"[A-Za-z]+(?=[\s,;!?)\]”\"])"


def _web_patterns() -> list[str]:
    """URLs, e-mail addresses, bare web domains (``Kompas.com``), handles and hashtags."""
    domains = "|".join(re.escape(d) for d in sorted(lang.DOMAIN_SUFFIXES, key=len, reverse=True))
    path = f"[^{_URL_STOP}]*[^{_URL_END_STOP}]"
    return [
        f"(?:https?://|ftp://|www\\.){path}",
        r"\w[\w.+-]{0,63}@\w[\w-]{0,62}(?:\.\w[\w-]{0,62}){1,6}",
        f"\\w[\\w-]{{0,62}}(?:\\.\\w[\\w-]{{0,62}}){{0,4}}\\.(?i:{domains})(?![\\w-])(?:/{path})?",
        f"[@#]{_word_run()}",
    ]


def _convention_patterns(ud_compatible: bool) -> list[str]:
    """What warta keeps whole and UD splits: ``(AS)``, ``Rp1.500`` (``%`` is in :func:`_word_pattern`)."""
    currency = _trie_pattern(sorted(lang.CURRENCY_PREFIXES))
    if ud_compatible:
        return [f"(?:{currency})(?=\\d)"]
    return [
        r"\([A-Z][a-z0-9&]{0,4}[A-Z][A-Za-z0-9&]{0,8}(?:-[A-Za-z0-9]{1,6})?\)",  # (AS), (CSTO), (PDI-P)
        f"(?:{currency})\\d+(?:[.,]\\d+)*",  # Rp1.500, US$2,5
    ]


def _abbreviation_patterns() -> list[str]:
    nonfinal, final = _abbreviations()
    return [
        _trie_pattern(sorted(nonfinal | final)),  # Dr., S.H., dll.
        f"(?:{'|'.join(lang.MONTH_ABBREVIATIONS)})\\.(?=\\s?\\d)",  # Jan. 2022
        r"(?:[A-Za-z]\.){2,}|[A-Z]\.",  # initials: U.S., a.n., W.
    ]


def _word_run() -> str:
    """Word characters, with the combining marks ``\\w`` leaves out (decomposed accents, harakat, viramas)."""
    return f"\\w+(?:[{_mark_ranges()}\u00ad\u200c\u200d]+\\w*)*"


def _word_pattern(ud_compatible: bool) -> str:
    """Words and numbers, joined by hyphens, apostrophes and (between digits) ``.,:`` or ``/``."""
    run, letter = _word_run(), "[^\\W\\d_]"
    glue = (f"(?=[-.,:/'’&])(?:(?<=\\d)[.,:](?=\\d)|(?<=\\w)/(?=\\d)|(?<={letter})-(?=\\w)|-(?={letter})"
            f"|(?<={letter})['’](?={letter})|(?<=[A-Z])&(?=[A-Z]))")
    sign = "(?:(?<![^\\s(\\[])[-−](?=\\d))?"  # a minus sign after a space: -4,9
    percent = "" if ud_compatible else "(?:(?<=\\d)%)?"
    return f"{sign}{run}(?:{glue}{run})*{percent}"


def _symbol_patterns() -> list[str]:
    """Runs that are one token (``...``, ``?!``, ``--``), flags, and any other visible character with its
    combining marks, emoji modifiers and zero-width joins."""
    marks = f"[{_mark_ranges()}\U0001F3FB-\U0001F3FF\U000E0020-\U000E007F]*"
    visible = f"[^\\s{_INVISIBLE}]"
    return [r"\.{2,}|…+|[!?]+|-{2,}", "[\U0001F1E6-\U0001F1FF]{2}", f"{visible}{marks}(?:\u200d{visible}{marks})*"]


@functools.cache
def _token_regex(ud_compatible: bool) -> re.Pattern[str]:
    """The tokenizer: ordered alternatives, the first that matches at a position wins."""
    alternatives = [
        _PLAIN_WORD,  # a fast path for most tokens; what follows it leaves no other reading
        *_web_patterns(),
        *_convention_patterns(ud_compatible),
        *_abbreviation_patterns(),
        r"\d{1,4}-\d{1,2}-\d{1,4}(?![\w-])",  # dates with hyphens: 10-1-2022, 2022-01-10
        r"(?:id)?[ABC]{1,3}[+-](?![\w+-])",  # credit ratings: A-, idBBB+
        _word_pattern(ud_compatible),
        *_symbol_patterns(),
    ]
    return re.compile("|".join(alternatives))


def tokenize(text: str, *, ud_compatible: bool = False) -> list[Span]:
    """Token spans of ``text``: sorted, non-overlapping, never empty, never containing whitespace.

    ``ud_compatible=True`` follows Universal Dependencies where warta deliberately differs: a parenthesised
    acronym ``(AS)`` is three tokens, a currency sign is apart from its amount (``Rp`` ``1.500``) and ``%``
    apart from its number.
    """
    if not isinstance(text, str):
        raise TypeError(f"tokenize needs a str, got {type(text).__name__}")
    return [m.span() for m in _token_regex(ud_compatible).finditer(text)]


#: An editor's sign-off closing a paragraph, ``(ant/asa)``, ``[feb]``: a sentence of its own.
_EDITOR_TAG = r"[(\[][a-z]{1,12}(?:/[a-z]{1,12}){0,3}[)\]]\s*\Z"
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
_CANDIDATE = re.compile(
    f"(?<![.!?…])(?P<punct>[.!?…]+)[{_CLOSE_QUOTES}]*(?P<space>\\s+)"  # a run is tried once, at its start
    f"(?=[{_OPEN_QUOTES}\\[]*[{_SENTENCE_START}]|{_EDITOR_TAG})"
)
_BRACKETED = re.compile(r"\([^()\n]{0,400}\)|\[[^\[\]\n]{0,400}\]")
_INITIALS = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Z]\.")
_LIST_NUMBER = re.compile(r"\d{1,2}\.")
_MONTH_DOT = re.compile(f"(?:{'|'.join(lang.MONTH_ABBREVIATIONS)})\\.")
_WORD_WINDOW = 48
#: A "sentence" longer than this many tokens (or, split without tokens, characters) is not one a writer made:
#: it is a list, a table or a flood of words without a full stop. It is cut into pieces of at most this size,
#: preferably after a comma or semicolon, so that everything that works sentence by sentence (entities, actors,
#: quotes, events, dates) does bounded work per sentence on any input.
MAX_SENTENCE_TOKENS = 400
MAX_SENTENCE_CHARS = 4000
_SOFT_BREAKS = ",;:"


def paragraph_spans(text: str) -> list[Span]:
    """Spans of the paragraphs of ``text`` (separated by blank lines), without whitespace or invisible
    characters at their edges."""
    spans, start = [], 0
    for m in _BLANK_LINE.finditer(text):
        _append_trimmed(spans, text, start, m.start())
        start = m.end()
    _append_trimmed(spans, text, start, len(text))
    return spans


def _append_trimmed(spans: list[Span], text: str, start: int, end: int) -> None:
    segment = text[start:end]
    kept = segment.strip(_EDGE_CHARS)
    if kept:
        first = start + len(segment) - len(segment.lstrip(_EDGE_CHARS))
        spans.append((first, first + len(kept)))


def split_sentences(text: str, tokens: list[Span] | None = None) -> list[Span]:
    """Sentence spans of ``text``, in order, covering every non-space character, never across a blank line.

    With ``tokens`` (from :func:`tokenize`), a cut is only ever made at a token boundary.
    """
    if not isinstance(text, str):
        raise TypeError(f"split_sentences needs a str, got {type(text).__name__}")
    token_ends = [end for _, end in tokens] if tokens is not None else None
    sentences: list[Span] = []
    for para_start, para_end in paragraph_spans(text):
        start = para_start
        brackets: _Brackets | None = None
        for m in _CANDIDATE.finditer(text, para_start, para_end):
            cut = m.start("space")
            if brackets is None:
                brackets = _Brackets(text, para_start, para_end)
            if _is_sentence_end(text, m, start, brackets) and _on_token_boundary(token_ends, cut):
                sentences.append((start, cut))
                start = m.end()
        sentences.append((start, para_end))
    if tokens:
        sentences = _end_on_tokens(sentences, tokens)
        return _cap_by_tokens(text, sentences, tokens)
    return _cap_by_chars(text, sentences)


def _cap_by_tokens(text: str, sentences: list[Span], tokens: list[Span]) -> list[Span]:
    """Sentences of more than :data:`MAX_SENTENCE_TOKENS` tokens cut into pieces at token boundaries."""
    starts = [start for start, _ in tokens]
    capped: list[Span] = []
    for start, end in sentences:
        first, stop = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        while stop - first > MAX_SENTENCE_TOKENS:
            last = _soft_break(text, tokens, first, first + MAX_SENTENCE_TOKENS)
            capped.append((start, tokens[last][1]))
            first = last + 1
            start = tokens[first][0]
        capped.append((start, end))
    return capped


def _soft_break(text: str, tokens: list[Span], first: int, limit: int) -> int:
    """The index of the token a cut piece ends with: the last comma or semicolon in the second half of
    ``tokens[first:limit]``, else the token before ``limit``."""
    for i in range(limit - 1, first + (limit - first) // 2, -1):
        if text[tokens[i][0]:tokens[i][1]] in _SOFT_BREAKS:
            return i
    return limit - 1


def _cap_by_chars(text: str, sentences: list[Span]) -> list[Span]:
    """Sentences longer than :data:`MAX_SENTENCE_CHARS` cut at the last space before the limit (or at it)."""
    capped: list[Span] = []
    for start, end in sentences:
        while end - start > MAX_SENTENCE_CHARS:
            space = text.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS)
            cut = space if space > start else start + MAX_SENTENCE_CHARS
            capped.append((start, cut))
            start = cut
            while start < end and text[start] in _EDGE_CHARS:
                start += 1
        if start < end:
            capped.append((start, end))
    return capped


def _end_on_tokens(sentences: list[Span], tokens: list[Span]) -> list[Span]:
    """A token that runs past a trimmed paragraph edge (``0`` + soft hyphen) stays whole in its sentence."""
    starts = [start for start, _ in tokens]
    fixed = []
    for start, end in sentences:
        i = bisect.bisect_left(starts, end) - 1
        if i >= 0 and tokens[i][0] < end < tokens[i][1]:
            end = tokens[i][1]
        fixed.append((start, end))
    return fixed


class _Brackets:
    """The closed parentheses and square brackets of a paragraph, to ask whether a position is inside one."""

    def __init__(self, text: str, start: int, end: int) -> None:
        spans = [m.span() for m in _BRACKETED.finditer(text, start, end)] if _has_bracket(text, start, end) else []
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]

    def contain(self, position: int) -> bool:
        i = bisect.bisect_left(self.starts, position) - 1
        return i >= 0 and position < self.ends[i]


def _has_bracket(text: str, start: int, end: int) -> bool:
    return text.find("(", start, end) >= 0 or text.find("[", start, end) >= 0


def _on_token_boundary(token_ends: list[int] | None, cut: int) -> bool:
    if token_ends is None:
        return True
    i = bisect.bisect_left(token_ends, cut)
    return i < len(token_ends) and token_ends[i] == cut


def _is_sentence_end(text: str, m: re.Match[str], sentence_start: int, brackets: _Brackets) -> bool:
    """Whether the candidate ``m`` (terminal punctuation, closing quotes, space, capital) ends the sentence
    that began at ``sentence_start``."""
    cut = m.start("space")
    if brackets.contain(cut):
        return False
    if m.group("punct") != ".":
        return True  # ! ? … ... end a sentence when a capital follows
    dot = m.start("punct")
    chunk = text[max(sentence_start, dot - _WORD_WINDOW) : dot + 1].rsplit(None, 1)[-1]
    word = chunk.lstrip(_OPEN_QUOTES + "[")
    return not _keeps_sentence_open(word, text, m, first=dot + 1 - len(chunk) == sentence_start)


def _keeps_sentence_open(word: str, text: str, m: re.Match[str], *, first: bool) -> bool:
    """Whether the full stop ending ``word`` (``first`` in its sentence or not) belongs to an abbreviation,
    an initial or a list number (``1. Pertama``), not to the end of a sentence."""
    nonfinal, final = _abbreviations()
    if word in nonfinal:
        return True
    if word in final:
        return _next_word(text, m.end()) in final  # Co. Ltd. is one name
    if _INITIALS.fullmatch(word):
        return True
    if _MONTH_DOT.fullmatch(word) and text[m.end()].isdigit():
        return True
    return first and bool(_LIST_NUMBER.fullmatch(word))


def _next_word(text: str, start: int) -> str:
    pieces = text[start : start + _WORD_WINDOW].split(None, 1)
    return pieces[0].rstrip(",;:") if pieces else ""


@dataclass
class Tokenize:
    """Sets ``doc.tokens`` and ``doc.sentences``: lists of ``(start, end)`` spans into ``doc.text``."""

    name: str = "tokens"
    needs: frozenset[str] = frozenset({"text"})
    sets: frozenset[str] = frozenset({"tokens", "sentences"})

    def warm_up(self) -> None:
        tokenize("Dr. A. Yani (AS) membayar Rp1.500.")
        _abbreviations()

    def __call__(self, doc: Document) -> Document:
        doc.tokens = tokenize(doc.text)
        doc.sentences = split_sentences(doc.text, doc.tokens)
        return doc
