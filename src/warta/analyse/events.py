"""The event coder: who did what to whom, and when, from each sentence of an article.

For every sentence, triggers (verbs and verbal nouns of ``lang/id/data/event_triggers.tsv``, matched on their
Sastrawi stems by :class:`warta.analyse.lexicon.TriggerIndex`) are paired with the actors around them
(``doc.actors`` mentions) by Indonesian word order:

- active ``meN-`` verb: subject before it, object after it (after a preposition ``ke``, ``kepada``,
  ``terhadap``, ``dengan``, ``untuk``, ``atas`` ... or directly); ``X yang dipimpin Y <verb>``: the head X
  before ``yang`` is the subject, not Y inside the relative clause;
- passive ``di-`` verb: its subject is the target and the agent follows (``oleh`` X, or X directly);
- verbal noun: its possessor follows it (``dukungan China untuk Rusia``, ``kunjungan Wang ke Moskow``), else
  a light verb makes it act as a verb (``Rusia melakukan invasi ke Ukraina``) and a receiving verb turns the
  roles round (``Moskow menerima kunjungan Wang``);
- coordination (``China dan Rusia mengecam X``) gives one event per source-target pair; mutual actions
  (meeting, phone call, talks, cooperation, agreement) between two parties are coded both ways.

Negation and modality come from the few words before the trigger (``tidak``, ``akan``, ``harus``, ``jika``,
``membantah``); the date from the sentence (:func:`warta.analyse.timex.date_for_span`), resolved against the
article's date; ``reported_by`` from the quote the trigger stands in (``doc.quotes``); ``attributed_to`` from
the upstream source cited for the passage (``doc.hints["attributions"]``, set by the quote finder).
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field
from typing import Any

from ..document import Document
from ..lang.id import events as words
from .lexicon import TriggerIndex, TriggerMatch, intensity, stem, word_form
from .timex import article_anchor, date_for_span, frame_date

__all__ = ["CodeEvents", "code_events"]

_ATTRIBUTION_WORDS = frozenset({"dilansir", "dikutip", "kutip", "melansir", "mengutip", "diberitakan", "laporan",
                                "sumber", "dari", "via"})
_RIGHT_WINDOW = 8  # words after a trigger within which its object is looked for
_POSSESSOR_WINDOW = 2  # words between a verbal noun and its possessor (``kunjungan resmi Wang``)
_TITLE_WINDOW = 5  # ... or a capitalised title between them (``kunjungan Menteri Luar Negeri China Wang``)
_COORDINATED_VP_GAP = 3  # words between an object and the next verb of the same subject (``X ofensif dan``)
_SPEAKER_WINDOW = 7  # words after a speech tag (``menurut``, ``kata``) that may still name the speaker
_BETWEEN_WINDOW = 7  # words after ``antara`` to the first party (``antara Menteri Luar Negeri Rusia Lavrov``)
#: Verbs whose object noun is part of their own event: ``meminta bantuan`` is a request, not aid.
_ABSORBING_TYPES = frozenset({"REQUEST", "REJECT", "AGREE", "THREATEN"})


@dataclass
class _Arg:
    """An actor mention as an argument: token indices in its sentence and the actor it stands for."""

    first: int  # token index of its first token in the sentence
    last: int  # token index of its last token
    start: int  # character offsets
    end: int
    actor: dict[str, Any]
    place: bool = False  # a capital named as a place (``ke Moskow``): a target or destination, never a subject
    members: tuple[dict[str, Any], ...] = ()  # ``kedua negara``: the two parties it stands for

    def expand(self) -> list[_Arg]:
        if not self.members:
            return [self]
        return [_Arg(self.first, self.last, self.start, self.end, member) for member in self.members]

    def to_dict(self, text: str) -> dict[str, Any]:
        return {"actor": self.actor["id"], "country": self.actor.get("country"),
                "sector": self.actor.get("sector"), "text": text[self.start:self.end]}


@dataclass
class _Sentence:
    start: int
    end: int
    spans: list[tuple[int, int]]
    words: list[str]  # surface tokens
    lower: list[str]
    args: list[_Arg] = field(default_factory=list)
    speakers: list[_Arg] = field(default_factory=list)  # ``menurut X``, ``kata X``: who speaks, not who acts


# -- the sentence and its actors ---------------------------------------------------------------------

def _mentions(doc: Document) -> list[tuple[int, int, dict[str, Any]]]:
    """Every actor mention usable as an event argument, in text order (cited media are not actors)."""
    found = []
    for actor in doc.actors:
        for start, end in actor.get("mentions", []):
            if actor.get("sector") == "MED" and _cited(doc.text, start):
                continue
            found.append((start, end, actor))
    for place in doc.hints.get("places", ()):
        actor = {"id": place["country"], "name": place["name"], "country": place["country"], "sector": None,
                 "kind": "state", "place": True}
        found.append((place["start"], place["end"], actor))
    found.sort(key=lambda m: (m[0], -m[1]))
    return found


def _cited(text: str, start: int) -> bool:
    before = text[max(0, start - 25):start].lower().split()
    return bool(before) and before[-1].strip(",") in _ATTRIBUTION_WORDS


def _sentences(doc: Document) -> list[_Sentence]:
    token_starts = [s for s, _ in doc.tokens]
    mentions = _mentions(doc)
    mention_starts = [m[0] for m in mentions]
    result = []
    for start, end in doc.sentences:
        lo, hi = bisect.bisect_left(token_starts, start), bisect.bisect_left(token_starts, end)
        spans = doc.tokens[lo:hi]
        if not spans:
            continue
        surface = [doc.text[s:e] for s, e in spans]
        sentence = _Sentence(start, end, spans, surface, [w.lower() for w in surface])
        m_lo, m_hi = bisect.bisect_left(mention_starts, start), bisect.bisect_left(mention_starts, end)
        args = _args(spans, mentions[m_lo:m_hi], sentence.lower, surface)
        speaking = _speaker_tokens(sentence.lower)
        sentence.args = [a for a in args if a.first not in speaking]
        sentence.speakers = [a for a in args if a.first in speaking]
        result.append(sentence)
    return result


def _speaker_tokens(lower: list[str]) -> set[int]:
    """Token indices of speaker phrases: ``Menurut keterangan Dewan Keamanan Rusia,``, ``, kata Xi,``,
    ``" ujar Lavrov``; from the tag to the next comma or quote mark, a few words at most."""
    found: set[int] = set()
    for j, word in enumerate(lower):
        if word not in words.SPEAKER_TAGS:
            continue
        if word not in words.SPEAKER_TAGS_ANYWHERE and j > 0 and lower[j - 1] not in words.SPEAKER_TAG_OPENERS:
            continue
        for k in range(j + 1, min(len(lower), j + 1 + _SPEAKER_WINDOW)):
            if lower[k] in words.SPEAKER_TAG_OPENERS or lower[k] in words.CLAUSE_BREAKS:
                break
            found.add(k)
    return found


def _args(spans: list[tuple[int, int]], mentions: list[tuple[int, int, dict[str, Any]]],
          lower: list[str], surface: list[str]) -> list[_Arg]:
    starts = [s for s, _ in spans]
    args: list[_Arg] = []
    for m_start, m_end, actor in mentions:
        first = bisect.bisect_right(starts, m_start) - 1
        last = bisect.bisect_left(starts, m_end) - 1
        if args and first == args[-1].last and _hyphen_joined(args[-1], actor, m_start, spans, surface, first):
            args[-1] = _Arg(args[-1].first, last, args[-1].start, m_end, {"id": "pair", "kind": "pair"},
                            members=(args[-1].actor, actor))  # ``Rusia-China``, ``Moskow-Beijing``
            continue
        if first < 0 or last < first or (args and first <= args[-1].last):
            continue
        located = first > 0 and lower[first - 1] in words.LOCATIVE or (
            actor.get("kind") == "state" and _place_after_place(lower, surface, first))
        args.append(_Arg(first, last, m_start, m_end, actor, place=bool(actor.get("place")) or located))
    return [a for i, a in enumerate(args)
            if not _title_country(a, args[i + 1] if i + 1 < len(args) else None, lower)]


def _hyphen_joined(prev: _Arg, actor: dict[str, Any], m_start: int, spans: list[tuple[int, int]],
                   surface: list[str], token: int) -> bool:
    """Two states in one hyphenated word (``Rusia-China``): a pair standing for both."""
    kinds = ("state", "igo")
    if prev.members or prev.actor.get("kind") not in kinds or actor.get("kind") not in kinds:
        return False
    if prev.actor.get("country") == actor.get("country"):
        return False
    joint = m_start - spans[token][0]
    return 0 < joint <= len(surface[token]) and surface[token][joint - 1] == "-"


def _place_after_place(lower: list[str], surface: list[str], first: int) -> bool:
    """``di Samarkand, Uzbekistan``: a state after a capitalised place name and a comma is where it happened."""
    return (first >= 3 and lower[first - 1] == "," and surface[first - 2][:1].isupper()
            and lower[first - 3] in words.LOCATIVE)


def _title_country(arg: _Arg, following: _Arg | None, lower: list[str]) -> bool:
    """``Menteri Luar Negeri China Wang Yi``: the state right before a person describes the person's office;
    so does one set off by a comma before a person of that state (``rekannya dari Rusia, Sergey Lavrov``)."""
    if following is None or arg.actor.get("kind") != "state" or following.actor.get("kind") != "person":
        return False
    if following.first == arg.last + 1:
        return True
    return (following.first == arg.last + 2 and lower[arg.last + 1] == ","
            and following.actor.get("country") == arg.actor.get("country"))


# -- arguments by word order ----------------------------------------------------------------------------

def _clause_start(s: _Sentence, index: int) -> int:
    """The first token of the clause that token ``index`` is in (looking left)."""
    breaks = words.CLAUSE_BREAKS
    lower = s.lower
    for i in range(index - 1, -1, -1):
        if lower[i] in breaks and _breaks(s, i):
            return i + 1
    return 0


def _breaks(s: _Sentence, i: int) -> bool:
    """Does token ``i`` close a clause? ``hingga kini`` ("until now") is an adverb, not a clause."""
    if s.lower[i] not in words.CLAUSE_BREAKS:
        return False
    return not (i + 1 < len(s.lower) and (s.lower[i], s.lower[i + 1]) in words.ADVERBIAL_PHRASES)


def _clause_end(s: _Sentence, index: int) -> int:
    breaks = words.CLAUSE_BREAKS
    lower = s.lower
    for i in range(index, len(lower)):
        if lower[i] in breaks and _breaks(s, i):
            return i
    return len(s.lower)


def _coordination_gap(s: _Sentence, start: int, end: int) -> bool:
    """``China dan Rusia``, ``Wang Yi dan Menteri Luar Negeri Rusia Sergei Lavrov``: a conjunction (or a comma),
    then at most a capitalised title before the next actor."""
    gap = s.lower[start:end]
    if not gap or gap[0] not in words.COORDINATION and gap[0] != "baik":
        return False
    rest = s.words[start + 1:end]
    return all(w.lower() in words.COORDINATION for w in rest) or (
        len(rest) <= 4 and all(w[:1].isupper() for w in rest))


def _joined(s: _Sentence, prev: _Arg, cur: _Arg) -> bool:
    """A comma alone joins two actors only inside a list that goes on (``Rusia, China dan Iran``); ``dengan
    Duterte, Jokowi menceritakan`` is the end of a phrase and the subject of the next clause."""
    if s.lower[prev.last + 1:cur.first] != [","]:
        return True
    after = s.lower[cur.last + 1] if cur.last + 1 < len(s.lower) else ""
    return after == "," or after in words.COORDINATION


def _coordinated_left(s: _Sentence, arg_index: int, floor: int) -> list[_Arg]:
    """``China dan Rusia``: the argument and those joined to it by coordination before it. A pair phrase
    (``kedua menteri``) already stands for both parties and joins nothing (``X menelepon Y dan kedua menteri
    sepakat``: the ``dan`` joins two clauses)."""
    group = [s.args[arg_index]]
    i = arg_index
    while i > 0:
        prev, cur = s.args[i - 1], s.args[i]
        if prev.first < floor or prev.place or prev.members or cur.members \
                or not _coordination_gap(s, prev.last + 1, cur.first) or not _joined(s, prev, cur):
            break
        group.insert(0, prev)
        i -= 1
    return group


def _coordinated_right(s: _Sentence, arg_index: int, ceiling: int) -> list[_Arg]:
    group = [s.args[arg_index]]
    i = arg_index
    while i + 1 < len(s.args):
        cur, nxt = s.args[i], s.args[i + 1]
        if nxt.last >= ceiling or cur.members or nxt.members or not _coordination_gap(s, cur.last + 1, nxt.first) \
                or not _joined(s, cur, nxt):
            break
        group.append(nxt)
        i += 1
    return group


def _subject(s: _Sentence, head: int) -> list[_Arg]:
    """The actors before token ``head`` in its clause that act as its subject."""
    floor = _clause_start(s, head)
    before = [i for i, a in enumerate(s.args) if floor <= a.first and a.last < head and not a.place]
    if not before:
        return []
    chosen = before[-1]
    relative = _relative_head(s, floor, head, before)
    if relative is not None:
        chosen = relative
    verb = _earlier_verb(s, s.args[chosen], head, floor)
    if verb is not None:
        return _subject(s, verb)
    return _coordinated_left(s, chosen, floor)


def _earlier_verb(s: _Sentence, arg: _Arg, head: int, floor: int) -> int | None:
    """``Zakharova menyebut komentar Blinken ofensif dan menuduh Washington``: when the actor before a trigger
    is the object of an earlier verb and the trigger's verb phrase is joined to that one (``dan``, ``serta``,
    a comma), that earlier verb's subject is the trigger's subject too. The earlier verb's index, else None."""
    gap = [w for w in s.lower[arg.last + 1:head] if w not in words.VERB_PHRASE_ADVERBS]
    if not gap or gap[-1] not in words.VERB_COORDINATION or len(gap) > _COORDINATED_VP_GAP:
        return None
    for i in range(arg.first - 1, floor - 1, -1):
        if any(a.first <= i <= a.last for a in s.args):
            return None
        if s.lower[i] in words.CLAUSE_BREAKS or s.lower[i] == ",":
            return None
        if s.lower[i][:2] == "me" and word_form(s.lower[i]) == "verb":
            return i
    return None


def _relative_head(s: _Sentence, floor: int, head: int, before: list[int]) -> int | None:
    """``CSTO yang dipimpin Rusia mengirim``: the argument right before the last ``yang`` of the clause."""
    for i in range(head - 1, floor - 1, -1):
        if s.lower[i] == words.RELATIVE:
            for index in reversed(before):
                arg = s.args[index]
                if arg.last < i and all(w == "," for w in s.lower[arg.last + 1:i]):
                    return index
            return None
    return None


def _object(s: _Sentence, after: int, *, window: int = _RIGHT_WINDOW, places: bool = True) -> list[_Arg]:
    """The first actors after token ``after`` within the clause and the window (places only if ``places``)."""
    ceiling = min(_clause_end(s, after), after + window, _topic_start(s, after))
    for i, arg in enumerate(s.args):
        if after <= arg.first < ceiling and (places or not arg.place):
            return _coordinated_right(s, i, _clause_end(s, arg.first))
    return []


def _topic_start(s: _Sentence, after: int) -> int:
    """The first topic word (``tentang``, ``mengenai``, ``soal``) at or after ``after``: actors after it are
    what the action is about, not its target."""
    for i in range(after, len(s.lower)):
        if s.lower[i] in words.TOPIC_WORDS:
            return i
    return len(s.lower)


def _agent(s: _Sentence, after: int) -> list[_Arg]:
    """The agent of a passive verb: after ``oleh`` in the clause, or right after the verb."""
    end = _clause_end(s, after)
    for i in range(after, end):
        if s.lower[i] == words.AGENT_MARKER:
            return _object(s, i + 1, window=4)
    return _object(s, after, window=2, places=False)


def _possessor(s: _Sentence, after: int) -> list[_Arg]:
    """The actor a verbal noun belongs to: ``kunjungan Wang``, ``dukungan dari China``."""
    for i, arg in enumerate(s.args):
        if arg.first < after:
            continue
        if arg.place or not _possessor_gap(s, after, arg.first):
            return []
        return _coordinated_right(s, i, _clause_end(s, arg.first))
    return []


def _possessor_gap(s: _Sentence, start: int, end: int) -> bool:
    """Words between a verbal noun and its possessor: a couple of modifiers (``kunjungan resmi``), ``dari``,
    or a capitalised title (``kunjungan Menteri Luar Negeri China Wang Yi``)."""
    gap = s.lower[start:end]
    if len(gap) == 2 and gap[0].endswith("nya") and gap[1] == ",":  # ``kunjungan sekretarisnya, Patrushev``
        return True
    if any(w in words.TARGET_PREPOSITIONS or w in words.COORDINATION or not w.isalpha() for w in gap):
        return False
    if len(gap) <= _POSSESSOR_WINDOW:
        return True
    return len(gap) <= _TITLE_WINDOW and all(w[:1].isupper() for w in s.words[start:end])


def _between_at(s: _Sentence, m: TriggerMatch) -> int | None:
    """The ``antara`` that follows a trigger closely (``latihan militer bersama tahunan antara AS dan Korsel``)."""
    for i in range(m.end, min(m.end + 3, len(s.lower))):
        if s.lower[i] == "antara":
            return i
        if s.lower[i] in words.CLAUSE_BREAKS or s.lower[i] == ",":
            return None
    return None


def _stative(s: _Sentence, m: TriggerMatch) -> bool:
    """``Tokyo terancam oleh rudal Korut``, ``dia tertangkap``: a ter- verb says what befell its subject."""
    word = s.lower[m.head]
    return m.form == "verb" and word.startswith("ter") and not stem(word).startswith("ter")


def _light_before(s: _Sentence, m: TriggerMatch) -> bool:
    """A light verb in the two words before a verbal noun (``melakukan invasi``), or ``ikut serta dalam``."""
    before = s.lower[max(0, m.head - 2):m.head]
    if any(w in words.LIGHT_VERBS for w in before):
        return True
    return m.head >= 3 and tuple(s.lower[m.head - 3:m.head - 1]) in words.LIGHT_PHRASES


def _after_subject(s: _Sentence, m: TriggerMatch) -> bool:
    """Does a verbal noun stand in the predicate slot after its subject, with no other verb before it in its
    clause (a light verb aside)? ``Rusia invasi ke Ukraina`` yes; ``Kedua menteri menilai pengerahan`` no."""
    floor = _clause_start(s, m.start)
    for i in range(m.start - 1, floor - 1, -1):
        if any(a.first <= i <= a.last for a in s.args):
            return True
        w = s.lower[i]
        if w in words.LIGHT_VERBS or w in words.RECEIVING_VERBS:
            return True
        if len(w) > 4 and w.startswith(("me", "ber", "di")) and word_form(w) in ("verb", "passive"):
            return False
    return True


def _roles(s: _Sentence, m: TriggerMatch) -> tuple[list[_Arg], list[_Arg]]:
    """Source and target arguments of one trigger by its form and the words around it."""
    before = s.lower[max(0, m.head - 2):m.head]
    between = _between_at(s, m)
    if between is not None:  # ``perundingan antara X dan Y``: both ways
        return _object(s, between + 1, window=_BETWEEN_WINDOW), []
    if m.form == "passive" or _stative(s, m):
        return _agent(s, m.end), _subject(s, m.head)
    if m.form in ("noun", "other") and not _light_before(s, m):
        owner = _possessor(s, m.end)
        if any(w in words.RECEIVING_VERBS for w in before):
            return owner, _subject(s, m.head)
        if owner:
            target = _object(s, owner[-1].last + 1)
            if target and _verb_between(s, owner[-1].last + 1, target[0].first):
                target = []  # ``Kunjungan Patrushev menyusul pertemuan Putin``: Putin is another verb's object
            return owner, target
        if not _after_subject(s, m):  # ``Kedua menteri menilai pengerahan pasukan itu``: the object of a verb
            return [], []
        if m.start > 0 and s.lower[m.start - 1] in words.SETTING_WORDS:  # ``dalam pertemuan itu, X ...``
            partner = _object(s, m.end) if _symmetric(m) else []
            if partner and _partner(s, partner[0]):  # ``seusai pertemuan dengan Menlu Timor-Leste``
                return _subject(s, m.head) or _speaker_before(s, m.head) or _main_subject(s, partner[-1]), partner
            return [], []
    if _object_in_gap(s, m):  # ``menyebut kerusuhan itu sebagai upaya kudeta``: the label is no target
        return _subject(s, m.head), _gap_object(s, m)
    return _subject(s, m.head), _gap_object(s, m) or _object(s, m.end)


def _object_in_gap(s: _Sentence, m: TriggerMatch) -> bool:
    return bool(m.gap) and s.lower[m.complement] in words.GAP_OBJECT_COMPLEMENTS


def _verb_between(s: _Sentence, start: int, end: int) -> bool:
    """Is there an active or passive verb among tokens ``[start, end)`` (another predicate)?"""
    return any(len(w) > 4 and w.startswith(("me", "di")) and word_form(w) in ("verb", "passive")
               for w in s.lower[start:end])


def _gap_object(s: _Sentence, m: TriggerMatch) -> list[_Arg]:
    """``menyebut Taiwan sebagai ...``, ``menekan Beijing agar ...``: the object between the head and its
    complement."""
    if not m.gap:
        return []
    for i, arg in enumerate(s.args):
        if arg.first in m.gap and arg.last < m.complement and not arg.place:
            return _coordinated_right(s, i, m.complement)
    return []


# -- negation, modality, pronouns ------------------------------------------------------------------------

def _cues(s: _Sentence, m: TriggerMatch, subject_end: int) -> tuple[bool, str]:
    """Negation and modality from the words between the subject and the trigger (at most a few)."""
    lo = max(subject_end, m.head - words.CUE_WINDOW, _clause_start(s, m.head))
    window = s.lower[lo:m.head]
    negated = any(w in words.NEGATION for w in window)
    modality = "asserted"
    for w in window:
        cue = words.MODALITY_BEFORE.get(w)
        if cue == "obligation" and w == "boleh" and not negated:
            continue
        if cue is not None and modality == "asserted":
            modality = cue
    if modality == "asserted" and _hypothetical(s, m.head):
        modality = "hypothetical"
    return negated, modality


def _hypothetical(s: _Sentence, head: int) -> bool:
    floor = _clause_start(s, head)
    for i in range(head - 1, -1, -1):
        w = s.lower[i]
        if w in words.HYPOTHETICAL:
            return True
        if i < floor and w == ",":  # the conditional clause is the one before a comma: ``Jika X, Y akan ...``
            break
    return False


# -- one document ----------------------------------------------------------------------------------------

@dataclass
class _Context:
    doc: Document
    anchor: Any  # what relative dates resolve against: published, else the lead's own date
    published: Any  # the article's published date only: what an undated event falls back to
    quotes: list[dict[str, Any]]
    attributions: list[dict[str, Any]]
    last_person: dict[str, Any] | None = None
    recent: list[dict[str, Any]] = field(default_factory=list)  # actors of distinct countries, latest last
    counts: dict[str, int] = field(default_factory=dict)  # country -> mentions so far


def _pronoun_subject(ctx: _Context, s: _Sentence, head: int) -> list[_Arg]:
    """``Ia mengecam ...``: a person pronoun as subject stands for the person last named before it;
    ``kami``, ``kita``, ``saya`` inside a quote for its speaker."""
    floor = _clause_start(s, head)
    for i in range(head - 1, floor - 1, -1):
        w = s.lower[i]
        actor = None
        if w in words.PERSON_PRONOUNS:
            actor = ctx.last_person
        elif w in words.SPEAKER_PRONOUNS:
            actor = _speaker_actor(ctx, s.spans[i][0])
        if actor is not None:
            start, end = s.spans[i]
            return [_Arg(i, i, start, end, actor)]
    return []


def _speaker_actor(ctx: _Context, position: int) -> dict[str, Any] | None:
    quote = _quote_at(ctx, position)
    if quote is None or not quote.get("speaker", {}).get("actor"):
        return None
    speaker_id = quote["speaker"]["actor"]
    return next((a for a in ctx.doc.actors if a["id"] == speaker_id), None)


def _quote_at(ctx: _Context, position: int) -> dict[str, Any] | None:
    for quote in ctx.quotes:
        if quote["start"] <= position < quote["end"]:
            return quote
    return None


def _attribution_at(ctx: _Context, position: int, quote: dict[str, Any] | None) -> str | None:
    for span in ctx.attributions:
        if span["start"] <= position < span["end"]:
            return span["source"]
    return quote.get("attributed_to") if quote else None


def _symmetric(m: TriggerMatch) -> bool:
    trigger = m.trigger
    if trigger.type == "CONSULT":
        return trigger.mode not in words.ONE_WAY_MODES and trigger.lemma not in words.ONE_WAY_TRIGGERS
    return trigger.type in words.SYMMETRIC_TYPES or trigger.lemma in words.SYMMETRIC_TRIGGERS


def _pairs(sources: list[_Arg], targets: list[_Arg], symmetric: bool) -> list[tuple[_Arg | None, _Arg | None]]:
    if symmetric and not targets and len(sources) > 1:
        return [(a, b) for a, b in itertools.permutations(sources, 2)]
    pairs: list[tuple[_Arg | None, _Arg | None]] = []
    for src, tgt in itertools.product(sources or [None], targets or [None]):
        if src is not None and tgt is not None and src.actor["id"] == tgt.actor["id"]:
            continue
        if src is None and tgt is None:
            continue
        pairs.append((src, tgt))
        if symmetric and src is not None and tgt is not None:
            pairs.append((tgt, src))
    return pairs


def _location(ctx: _Context, s: _Sentence) -> str | None:
    for arg in s.args:
        if arg.actor.get("kind") == "state" and arg.first > 0 and s.lower[arg.first - 1] == "di":
            return arg.actor.get("country")
    return None


def _events_of(ctx: _Context, s: _Sentence, index: TriggerIndex) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    text = ctx.doc.text
    matches = index.match(s.words)
    seen: set[tuple[str | None, str | None, str]] = set()
    for i, m in enumerate(matches):
        if _absorbed(matches, i) or _inside_actor(s, m):
            continue
        sources, targets = _roles(s, m)
        if not sources and m.form != "passive":
            sources = _pronoun_subject(ctx, s, m.head)
        if m.trigger.type not in words.PLACE_TARGET_TYPES and not (m.trigger.mode == "visit"):
            targets = [t for t in targets if not t.place]
        mutual = _symmetric(m) or _between_at(s, m) is not None \
            or any(w in words.MUTUAL_ADVERBS for w in s.lower[max(0, m.head - 2):m.head])
        sources = [a for arg in sources for a in arg.expand()]
        if m.trigger.lemma in words.PLURAL_SUBJECT_TRIGGERS and len({a.actor["id"] for a in sources}) < 2:
            continue
        if mutual and len({a.actor["id"] for a in sources}) > 1 and targets and not _partner(s, targets[0]):
            targets = []  # ``Putin dan Xi bertatap muka di sela KTT SCO``: the two meet each other
        targets = [a for arg in targets for a in arg.expand()]
        if sources and not targets and not (mutual and len(sources) > 1) and not _object_in_gap(s, m):
            targets = _farther_target(s, m, sources)
            if mutual and targets and not _partner(s, targets[0]):
                targets = []  # ``X bertemu ... untuk membahas krisis Rohingya``: a topic, not a partner
        if not sources or not targets:
            if not (mutual and len(sources) > 1) and m.trigger.type not in words.ONE_SIDED_TYPES:
                continue
        pairs = _pairs(sources, targets, mutual)
        if not pairs:
            continue
        subject_end = sources[-1].last + 1 if sources and sources[-1].last < m.head else 0
        negated, modality = _cues(s, m, subject_end)
        position = s.spans[m.head][0]
        quote = _quote_at(ctx, position)
        date, precision = _date(ctx, s, position)
        base = {
            "type": m.trigger.type, "mode": m.trigger.mode, "cameo": m.trigger.cameo, "negated": negated,
            "modality": modality, "date": date, "date_precision": precision, "location": _location(ctx, s),
            "sentence": [s.start, s.end], "trigger": text[s.spans[m.start][0]:s.spans[m.end - 1][1]],
            "trigger_span": [s.spans[m.start][0], s.spans[m.end - 1][1]],
            "reported_by": _reported_by(quote), "attributed_to": _attribution_at(ctx, position, quote),
            "intensity": intensity(m.trigger.type, m.trigger.mode),
        }
        for src, tgt in pairs:
            if m.trigger.type == "PROTEST" and src is not None and _authority(src):
                continue  # ``Tokayev menyebut kerusuhan ...``: protests are made by civilians, not by the state
            key = (src.actor["id"] if src else None, tgt.actor["id"] if tgt else None, m.trigger.type)
            by_country = (i, _party(src), _party(tgt), m.trigger.type)
            if key in seen or by_country in seen:  # ``bertemu dalam pertemuan``: one event per clause
                continue
            seen.add(key)
            seen.add(by_country)
            events.append({**base, **_military(m, src), "source": src.to_dict(text) if src else _nobody(),
                           "target": tgt.to_dict(text) if tgt else None})
    return events


def _main_subject(s: _Sentence, after: _Arg) -> list[_Arg]:
    """``Dalam diskusinya dengan Duterte, Jokowi menceritakan ...``: the subject of the main clause that the
    scene phrase opens the sentence for (right after its comma)."""
    comma = next((i for i in range(after.last + 1, min(len(s.lower), after.last + 4)) if s.lower[i] == ","), None)
    if comma is None:
        return []
    found = [a for a in s.args if a.first == comma + 1 and not a.place]
    return found[:1]


def _speaker_before(s: _Sentence, head: int) -> list[_Arg]:
    """``..." kata Retno seusai pertemuan dengan X``: the speaker named just before a scene noun took part."""
    before = [a for a in s.speakers if a.last < head and head - a.last <= 2]
    return before[-1:]


def _military(m: TriggerMatch, src: _Arg | None) -> dict[str, Any]:
    """Type, mode, CAMEO and intensity that armed forces as source give the trigger, if they change it."""
    if src is None or src.actor.get("sector") != "MIL":
        return {}
    changed = words.MILITARY_SOURCE_TYPES.get((m.trigger.type, m.trigger.mode or ""))
    if changed is None:
        return {}
    type_, mode, cameo = changed
    return {"type": type_, "mode": mode, "cameo": cameo, "intensity": intensity(type_, mode)}


def _party(arg: _Arg | None) -> str | None:
    """The country an argument acts for, else its actor id (two envoys of one state are one party)."""
    if arg is None:
        return None
    return arg.actor.get("country") or arg.actor["id"]


def _authority(arg: _Arg) -> bool:
    actor = arg.actor
    return actor.get("kind") in words.AUTHORITY_KINDS or actor.get("sector") in words.AUTHORITY_SECTORS


def _partner(s: _Sentence, arg: _Arg) -> bool:
    """``dengan Menhan James Mattis``: the actor follows ``dengan`` (a capitalised title may stand between)."""
    for i in range(arg.first - 1, max(-1, arg.first - 1 - _TITLE_WINDOW), -1):
        if s.lower[i] in words.PARTNER_PREPOSITIONS:
            return True
        if not s.words[i][:1].isupper() and s.lower[i] != ",":  # ``dengan Presiden Turki, Recep Tayyip Erdogan``
            return False
    return False


def _farther_target(s: _Sentence, m: TriggerMatch, sources: list[_Arg]) -> list[_Arg]:
    """No object next to the trigger: the nearest other party later in the sentence (``... mengecam keras
    langkah yang diambil pemerintah Australia``), not one of the sources' own country."""
    countries = {a.actor.get("country") for a in sources}
    for i, arg in enumerate(s.args):
        if arg.first >= m.end and arg.actor.get("country") not in countries and not arg.members and not arg.place:
            return [arg]
    return []


def _inside_actor(s: _Sentence, m: TriggerMatch) -> bool:
    """``ribuan pengunjuk rasa``, ``Organisasi Perjanjian Keamanan Kolektif``: a trigger word inside an actor's
    name or group noun names the actor, not an event of its own."""
    return any(a.first <= m.head <= a.last for a in itertools.chain(s.args, s.speakers) if not a.members)


def _absorbed(matches: list[TriggerMatch], i: int) -> bool:
    """A verbal noun that is the object of the trigger right before it (``meminta bantuan``)."""
    if i == 0 or matches[i].form != "noun":
        return False
    previous = matches[i - 1]
    return previous.trigger.type in _ABSORBING_TYPES and matches[i].start - previous.end <= 1


def _date(ctx: _Context, s: _Sentence, position: int) -> tuple[str | None, str]:
    """The date of the trigger's own clause; else, in reported speech, the day the words were said; else the
    article's published date, marked ``article`` (a year alone or a vague word cannot be written as a day or
    month). Relative words resolve against the published date, or the lead's date when there is none."""
    text = ctx.doc.text
    date, precision = date_for_span(text, s.start, s.end, ctx.anchor, trigger=position, fallback=False)
    if precision == "none":
        quote = _quote_at(ctx, position)
        if quote is not None and quote.get("sentence"):
            q_start, q_end = quote["sentence"]
            date, precision = frame_date(text, q_start, q_end, quote["start"], quote["end"], ctx.anchor)
    if date is None and ctx.published is not None:
        return ctx.published.isoformat(), "article"
    return date, precision


def _nobody() -> dict[str, Any]:
    return {"actor": None, "country": None, "sector": None, "text": None}


def _reported_by(quote: dict[str, Any] | None) -> dict[str, Any] | None:
    if quote is None:
        return None
    speaker = quote.get("speaker") or {}
    if not speaker.get("actor") and not speaker.get("text"):
        return None
    return {"actor": speaker.get("actor"), "text": speaker.get("text")}


def _remember_people(ctx: _Context, s: _Sentence) -> None:
    for arg in sorted(s.args + s.speakers, key=lambda a: a.first):
        if arg.actor.get("kind") == "person":
            ctx.last_person = arg.actor
        _remember_country(ctx.recent, arg)
        if arg.actor.get("country") and not arg.members and not arg.place:
            ctx.counts[arg.actor["country"]] = ctx.counts.get(arg.actor["country"], 0) + 1


def _remember_country(recent: list[dict[str, Any]], arg: _Arg) -> None:
    country = arg.actor.get("country")
    if not country or arg.members:
        return
    recent[:] = [a for a in recent if a.get("country") != country][-3:]
    recent.append(_state(country))


def _pair_members(ctx: _Context, s: _Sentence, i: int) -> list[dict[str, Any]]:
    """The two countries a pair phrase at token ``i`` stands for: the last two named before it in its
    sentence; else the two the article has named most so far (the parties it is about; the later one first
    on a tie), which beats the last two named (``... soal Ukraina. Kedua pihak sepakat`` is Russia and the US)."""
    recent = list(ctx.recent)
    local: list[dict[str, Any]] = []
    for arg in s.args:
        if arg.last < i:
            _remember_country(recent, arg)
            _remember_country(local, arg)
    if len(local) >= 2 or len(ctx.counts) < 2:
        return recent
    order = {a["country"]: n for n, a in enumerate(recent)}
    top = sorted(ctx.counts, key=lambda c: (-ctx.counts[c], -order.get(c, -1)))[:2]
    return [_state(c) for c in reversed(top)]


def _state(country: str) -> dict[str, Any]:
    return {"id": country, "name": country, "country": country, "sector": None, "kind": "state"}


def _add_pairs(ctx: _Context, s: _Sentence) -> None:
    """``kedua negara``, ``keduanya``, ``kedua menteri``: an argument standing for two countries
    (:func:`_pair_members`)."""
    found = [i for i in range(len(s.lower)) if _pair_phrase(s, i)]
    if not found:
        return
    for i in found:
        recent = _pair_members(ctx, s, i)
        if len(recent) < 2 or any(a.first <= i <= a.last for a in s.args):
            continue
        end = i + 1 if s.lower[i] in words.PAIR_WORDS else i + 2
        start_char, end_char = s.spans[i][0], s.spans[end - 1][1]
        s.args.append(_Arg(i, end - 1, start_char, end_char, {"id": "pair", "kind": "pair"},
                           members=(recent[-2], recent[-1])))
    s.args.sort(key=lambda a: a.first)


def _pair_phrase(s: _Sentence, i: int) -> bool:
    word = s.lower[i]
    if word in words.PAIR_WORDS:
        return True
    return word == "kedua" and i + 1 < len(s.lower) and s.lower[i + 1] in words.PAIR_NOUNS


def code_events(doc: Document, index: TriggerIndex | None = None) -> list[dict[str, Any]]:
    """The contract's EVENT records for a tokenised document with actors (and quotes, when found)."""
    index = index or TriggerIndex.default()
    ctx = _Context(doc=doc, anchor=article_anchor(doc.published, doc.text), published=article_anchor(doc.published),
                   quotes=list(doc.quotes),
                   attributions=list(doc.hints.get("attributions", ())))
    events: list[dict[str, Any]] = []
    for sentence in _sentences(doc):
        _add_pairs(ctx, sentence)
        events.extend(_events_of(ctx, sentence, index))
        _remember_people(ctx, sentence)
    return events


@dataclass
class CodeEvents:
    """Sets ``doc.events``: the coded events of every sentence."""

    index: TriggerIndex | None = None
    name: str = "events"
    needs: frozenset[str] = frozenset({"text", "sentences", "tokens", "actors", "quotes", "published"})
    sets: frozenset[str] = frozenset({"events"})

    def warm_up(self) -> None:
        self._index()

    def _index(self) -> TriggerIndex:
        if self.index is None:
            self.index = TriggerIndex.default()
        return self.index

    def __call__(self, doc: Document) -> Document:
        doc.events = code_events(doc, self._index())
        return doc
