"""Who is who: resolve every mention of a person, state, organisation or group to one actor.

Mentions come from four places, strongest first:

1. the actor dictionary (states and their capitals or seats, IGOs, people with dated offices);
2. Indonesian role, institution and group phrases (``Kementerian Luar Negeri Rusia``,
   ``Dewan Keamanan Rusia``, ``tentara Rusia``, ``para pengunjuk rasa``; ``lang/id/roles.py``);
3. the recogniser's PER / ORG entities that the dictionary does not know, which get their country
   and sector from the role phrase before them (``Presiden Kazakhstan X``), an apposition after
   them (``X, Sekretaris Dewan Keamanan Rusia``) or a counterpart phrase (``rekannya dari Rusia, X``);
4. back-references in the same article: a surname (``Wang``), a bare title (``Presiden``), a role
   with a demonstrative (``menteri luar negeri itu``, ``diplomat top itu``).

A person's country and sector are those of the office held on the article's date. A capital or
country after a place preposition (``di Beijing``) is a place, not an actor.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..dates import date_of
from ..document import Document
from ..lang.id import roles as words
from .actor_dictionary import ActorDictionary

__all__ = ["Mention", "ResolveActors", "resolve_mentions"]

_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*", re.UNICODE)
_SLUG = re.compile(r"[^a-z0-9]+")
_LABEL_OF_KIND = {"person": "PER", "state": "GPE", "igo": "ORG", "org": "ORG", "group": "NORP"}
_PEOPLE_NAMES = "|".join(sorted(words.PEOPLES, key=len, reverse=True))
_PEOPLE_AFTER = re.compile(rf"\s+(?:etnis\s+|muslim\s+|Muslim\s+)?({_PEOPLE_NAMES})\b", re.IGNORECASE)
_PEOPLE_ALONE = re.compile(rf"(?<![\w-])(?:{'|'.join(p.capitalize() for p in words.PEOPLES)})(?![\w-])")
_MAX_GAP = 3  # characters allowed between a role phrase and the name it introduces (", ")


@dataclass
class Mention:
    """One span of text that stands for an actor."""

    start: int
    end: int
    kind: str  # person | state | igo | org | group
    actor_id: str
    name: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    rank: int = 9
    origin: str = "dictionary"  # dictionary | phrase | entity | reference


@dataclass
class _Context:
    """What resolution knows about one article while it works through it."""

    doc: Document
    date: dt.date | None
    dictionary: ActorDictionary
    places: list[tuple[int, int]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    focus: str | None = None
    #: (the mentions list it was made from, how many of them are marked, covered characters): see _covered
    coverage: tuple[list[Mention], int, bytearray, bytearray] | None = None
    #: (the mentions list it was made from, how many are indexed, name word -> (starts, people)): _reference
    people_index: tuple[list[Mention], int, dict[str, tuple[list[int], list[Mention]]]] | None = None


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return _SLUG.sub("-", ascii_text).strip("-")


# -- phrase patterns ---------------------------------------------------------------------------

def _trie(phrases: list[str]) -> str:
    """A regular expression matching any of ``phrases`` with common prefixes factored out, so that the
    engine tries one branch per letter instead of every phrase at every position (a space matches any
    run of whitespace)."""
    tree: dict = {}
    for phrase in phrases:
        node = tree
        for ch in phrase.lower():
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_source(tree)


def _trie_source(node: dict) -> str:
    branches, optional = [], "" in node
    for ch, child in sorted((k, v) for k, v in node.items() if k):
        head = r"\s+" if ch == " " else re.escape(ch)
        branches.append(head + _trie_source(child))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if optional else body


def _phrase_pattern(phrases: list[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{_trie(phrases)})(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    quantifiers = "|".join(words.GROUP_QUANTIFIERS)
    groups = _phrase_pattern(list(words.GROUPS)).pattern
    return {
        "role": _phrase_pattern(list(words.PERSON_ROLES)),
        "institution": _phrase_pattern(list(words.INSTITUTIONS)),
        "named": _phrase_pattern(list(words.NAMED_INSTITUTIONS)),
        "group": re.compile(rf"(?:(?:{quantifiers})\s+)?{groups}", re.IGNORECASE),
        "igo_anaphor": re.compile(
            r"\b(" + "|".join(words.IGO_ANAPHORS) + r")\b(?:[ \t]+[\w-]+){0," + str(words.IGO_ANAPHOR_GAP - 1)
            + r"}?[ \t]+(?:" + "|".join(words.ANAPHOR_CLOSERS) + r")\b", re.IGNORECASE),
        "anaphor": re.compile(
            _phrase_pattern(list(words.PERSON_ROLES)).pattern + r"\s+(?:" + "|".join(words.ANAPHOR_CLOSERS) + r")\b",
            re.IGNORECASE),
    }


# -- 1. the dictionary --------------------------------------------------------------------------

def _dictionary_mentions(ctx: _Context) -> None:
    """Names the dictionary knows. A capital after ``di``/``ke`` is a place; so is a phrase the
    dictionary lists as naming no actor (``Laut China Selatan``). Country names are always actors."""
    text = ctx.doc.text
    seen: set[tuple[int, int]] = set()
    for found in ctx.dictionary.find_all(text):
        if (found.start, found.end) in seen:
            continue  # a surface naming several actors: the first (most likely) reading
        seen.add((found.start, found.end))
        if found.how == "place" or (found.how == "capital" and not _stands_for_state(text, found.start, found.end)):
            ctx.places.append((found.start, found.end))
            continue
        if found.how == "acronym" and _initials(text, found.start):
            continue  # "tersangka berinisial AS": a suspect's initials, not the United States
        ctx.mentions.append(_mention_from_entry(ctx, found.start, found.end, found.entry, found.how))


def _initials(text: str, start: int) -> bool:
    before = text[max(0, start - 25) : start].split()
    return bool(before) and before[-1].lower().strip(",") in words.INITIALS_CUES


def _acts(text: str, end: int, *, adverbs: bool = True) -> bool:
    """A capital stands for its state when it acts: a verb or an auxiliary follows (``Beijing menolak``,
    ``Moskow dan Beijing harus``), perhaps after an adverb (``Beijing hingga kini tidak``, when ``adverbs``)
    or a speaker phrase (``Beijing, kata Xi, siap``), or a colon as in headlines (``Kremlin: ...``)."""
    following = text[end : end + 40].lstrip()
    if following.startswith(":"):
        return True
    following = _past_speaker_phrase(text, end) or following
    words_after = following.split()[:5]
    if words_after and words_after[0].lower() in ("dan", "serta", "maupun"):
        words_after = words_after[2:]  # "Moskow dan Beijing harus": look past the partner
    while adverbs and len(words_after) > 1 and words_after[0].lower() in words.SUBJECT_ADVERBS:
        words_after = words_after[1:]  # "Beijing hingga kini tidak ...", "Washington sendiri terus ..."
    return bool(words_after) and _verbal(words_after[0].strip(",.").lower())


def _past_speaker_phrase(text: str, end: int) -> str | None:
    """``Beijing, kata Xi, siap ...``: the text after a speaker phrase set off by commas, else None."""
    following = text[end : end + 60]
    if not following.startswith(","):
        return None
    phrase, comma, rest = following[1:].partition(",")
    tag = phrase.split()[:1]
    if not comma or not tag or tag[0].lower() not in words.INTERJECTED_SPEECH_TAGS:
        return None
    return rest.lstrip()


def _stands_for_state(text: str, start: int, end: int) -> bool:
    """A capital is its state when it acts, or when something is done to it: it is the object of a verb or
    of a preposition that introduces a party (``mengutuk Moskow``, ``kepada Beijing``), not a place
    (``di Moskow``, ``ke Beijing``)."""
    if _hyphen_pair(text, start, end):
        return True
    before = text[max(0, start - 30) : start].split()
    placed = bool(before) and before[-1].lower() in words.PLACE_PREPOSITIONS  # "tiba di Beijing kemudian ..."
    if _acts(text, end, adverbs=not placed):
        return True
    if not before:
        return False
    word = before[-1].lower()
    return word in words.PARTY_PREPOSITIONS or (_verbal(word) and word not in words.AUXILIARIES)


def _hyphen_pair(text: str, start: int, end: int) -> bool:
    """``Moskow-Beijing``, ``Washington-Seoul``: a capital joined by a hyphen to another capitalised name is a
    pair of states (a relation, talks between them), not a place."""
    after = text[end : end + 2]
    before = text[max(0, start - 2) : start]
    return (len(after) == 2 and after[0] == "-" and after[1].isupper()) or (
        len(before) == 2 and before[1] == "-" and before[0].isalpha())


def _verbal(word: str) -> bool:
    return word in words.AUXILIARIES or (len(word) > 4 and word.startswith(words.VERB_PREFIXES))


def _mention_from_entry(ctx: _Context, start: int, end: int, entry: Any, how: str) -> Mention:
    described = ctx.dictionary.describe(entry, ctx.date, surface=ctx.doc.text[start:end])
    office = ctx.dictionary.office_on(entry, ctx.date) if entry.kind == "person" else None
    origin = "reference" if how in ("partial", "short") else "dictionary"
    country, sector = _igo_parent(ctx, described["country"]), described["sector"]
    if entry.kind == "person" and _is_igo(ctx, country):
        sector = None  # staff of an international organisation speak for it, in no national sector
    return Mention(start, end, entry.kind, entry.id, entry.name, country=country, sector=sector,
                   role=described["role"], rank=office.rank if office else 9, origin=origin)


def _is_igo(ctx: _Context, code: str | None) -> bool:
    return bool(code) and code in ctx.dictionary and ctx.dictionary.get(code).kind == "igo"


def _igo_parent(ctx: _Context, code: str | None) -> str | None:
    """An organ of an IGO (Dewan Keamanan PBB, UNHCR) counts as the IGO itself (UN)."""
    seen = 0
    while code and _is_igo(ctx, code) and ctx.dictionary.get(code).parent and seen < 5:
        code, seen = ctx.dictionary.get(code).parent, seen + 1
    return code


# -- 2. role, institution and group phrases ------------------------------------------------------

def _country_after(ctx: _Context, end: int) -> Mention | None:
    """A state mention (or a place use of a state name) starting right after ``end``."""
    for m in ctx.mentions:
        if m.kind in ("state", "igo") and 0 <= m.start - end <= _MAX_GAP and not ctx.doc.text[end:m.start].strip(" ,"):
            return m
    for start, stop in ctx.places:
        if 0 <= start - end <= _MAX_GAP:
            return None
    return None


def _phrase_mentions(ctx: _Context) -> None:
    text = ctx.doc.text
    for m in _patterns()["institution"].finditer(text):
        sector, canonical = words.INSTITUTIONS[" ".join(m.group().lower().split())]
        if _covered(ctx, m.start(), m.end()):
            continue
        country = _country_after(ctx, m.end())
        if country is None:
            if m.group()[:1].isupper() or " ".join(m.group().lower().split()) not in words.BARE_INSTITUTIONS:
                continue
            code = ctx.focus
            ctx.mentions.append(Mention(m.start(), m.end(), "org", f"{code or 'XXX'}:{_slug(canonical)}", canonical,
                                        country=code, sector=sector, origin="phrase"))
            continue
        name = f"{canonical} {text[country.start:country.end]}"
        ctx.mentions.append(Mention(m.start(), country.end, "org", f"{country.actor_id}:{_slug(canonical)}", name,
                                    country=country.country, sector=sector, origin="phrase"))
    for m in _patterns()["named"].finditer(text):
        key = " ".join(m.group().lower().split())
        if len(key) <= 5 and not m.group().isupper():
            continue  # acronyms only in capitals: "bin" (son of) is not BIN, "ma" is not MA
        country, sector, canonical = words.NAMED_INSTITUTIONS[key]
        if not _covered(ctx, m.start(), m.end()):
            ctx.mentions.append(Mention(m.start(), m.end(), "org", f"{country}:{_slug(canonical)}", canonical,
                                        country=country, sector=sector, origin="phrase"))
    _group_mentions(ctx)
    _people_mentions(ctx)


def _group_mentions(ctx: _Context) -> None:
    text = ctx.doc.text
    for m in _patterns()["group"].finditer(text):
        head = _group_head(m.group())
        if head is None or _covered(ctx, m.start(), m.end()):
            continue
        sector, group = words.GROUPS[head]
        country = _country_after(ctx, m.end())
        people = None if country else _people_after(text, m.end())
        if people is not None:
            end, code = people
            ctx.mentions.append(Mention(m.start(), end, "group", f"grp:{code or 'XXX'}:{sector}:{_slug(text[m.start():end])}",
                                        " ".join(text[m.start():end].split()), country=code, sector=sector,
                                        origin="phrase"))
            continue
        if country is None and head in words.GROUPS_NEED_COUNTRY:
            continue  # "orang" alone is no actor; "orang Amerika" is
        end = country.end if country else m.end()
        foreign = text[end : end + 7].lower().startswith(" asing") or group.endswith("asing")
        if text[end : end + 7].lower().startswith(" asing"):
            end += 6
        code = country.country if country else None if foreign else (_sentence_place_country(ctx, m.start()) or ctx.focus)
        name = " ".join(text[m.start() : end].split()) if country else (
            group if group.endswith("asing") or not foreign else f"{group} asing")
        ctx.mentions.append(Mention(m.start(), end, "group", f"grp:{code or 'XXX'}:{sector}:{_slug(group)}", name,
                                    country=code, sector=sector, origin="phrase"))


def _people_after(text: str, end: int) -> tuple[int, str | None] | None:
    """``warga Rohingya``, ``militan Rohingya``: a people's name right after a group word."""
    m = _PEOPLE_AFTER.match(text, end)
    if m is None:
        return None
    return m.end(), words.PEOPLES[m.group(1).lower()]


def _people_mentions(ctx: _Context) -> None:
    """A people's name alone (``Rohingya``) is a group of that people."""
    text = ctx.doc.text
    for m in _PEOPLE_ALONE.finditer(text):
        if not _covered(ctx, m.start(), m.end()):
            code = words.PEOPLES[m.group().lower()]
            ctx.mentions.append(Mention(m.start(), m.end(), "group", f"grp:{code or 'XXX'}:CVL:{_slug(m.group())}",
                                        m.group(), country=code, sector="CVL", origin="phrase"))


def _group_head(surface: str) -> str | None:
    low = " ".join(surface.lower().split())
    for quantifier in words.GROUP_QUANTIFIERS:
        if low.startswith(quantifier + " "):
            low = low[len(quantifier) + 1 :]
    return low if low in words.GROUPS else None


def _sentence_place_country(ctx: _Context, position: int) -> str | None:
    """The country of a place named with ``di`` in the same sentence (``di Kazakhstan``, ``di Moskow``)."""
    start, end = _sentence_of(ctx.doc, position)
    text = ctx.doc.text
    for m in ctx.mentions:
        if m.kind == "state" and start <= m.start < end and _after_place_word(text, m.start):
            return m.country
    for p_start, p_end in ctx.places:
        if start <= p_start < end and _after_place_word(text, p_start):
            states = [e for e in ctx.dictionary.lookup(text[p_start:p_end]) if e.kind == "state"]
            if states:
                return states[0].id
    return None


def _after_place_word(text: str, start: int) -> bool:
    before = text[max(0, start - 30) : start].split()
    return bool(before) and before[-1].lower() in words.PLACE_PREPOSITIONS


def _focus_country(ctx: _Context) -> str | None:
    """The state an article is mostly about: where things happen (``di Kazakhstan`` weighs three
    mentions), then how often it is named; Indonesia when no state is named."""
    counts: dict[str, int] = {}
    for m in ctx.mentions:
        if m.kind == "state" and m.country:
            weight = 3 if _after_place_word(ctx.doc.text, m.start) else 1
            counts[m.country] = counts.get(m.country, 0) + weight
    if not counts:
        return words.HOME_COUNTRY
    return max(counts, key=lambda code: (counts[code], code == words.HOME_COUNTRY))


def _sentence_of(doc: Document, position: int) -> tuple[int, int]:
    sentences = doc.sentences
    index = bisect.bisect_right(sentences, (position, math.inf)) - 1  # sentences are sorted spans
    if index >= 0:
        start, end = sentences[index]
        if start <= position < end:
            return start, end
    return max(0, doc.text.rfind("\n", 0, position)), len(doc.text)


def _covered(ctx: _Context, start: int, end: int) -> bool:
    """Whether [start, end) overlaps a mention found so far. A map of the covered characters, updated with
    the mentions appended since the last call (sorting the mentions resets it: :func:`_sort_mentions`),
    answers in time proportional to the span (scanning every mention for every candidate was quadratic:
    minutes on a megabyte of names)."""
    if start >= end:
        return any(m.start < end and start < m.end for m in ctx.mentions)
    cover = ctx.coverage
    if cover is None or cover[0] is not ctx.mentions or cover[1] > len(ctx.mentions):
        size = max([len(ctx.doc.text)] + [m.end for m in ctx.mentions]) + 1
        cover = ctx.coverage = (ctx.mentions, 0, bytearray(size), bytearray(size))
    mentions, done, chars, points = cover
    for mention in mentions[done:]:
        if mention.end > len(chars) - 1:  # past the text (never in practice): start over, larger
            ctx.coverage = None
            return _covered(ctx, start, end)
        if mention.end > mention.start:
            chars[mention.start:mention.end] = b"\x01" * (mention.end - mention.start)
        else:  # an empty mention overlaps a span it lies strictly inside
            points[mention.start] = 1
    if done < len(mentions):
        ctx.coverage = (mentions, len(mentions), chars, points)
    return chars.find(1, start, end) != -1 or points.find(1, start + 1, end) != -1


# -- 3. entities the dictionary does not know ---------------------------------------------------------

def _entity_mentions(ctx: _Context) -> None:
    for ent in ctx.doc.entities:
        if _covered(ctx, ent["start"], ent["end"]) or any(p[0] < ent["end"] and ent["start"] < p[1] for p in ctx.places):
            continue
        if ent["label"] == "PER":
            mention = _reference(ctx, ent["start"], ent["end"]) or _unknown_person(ctx, ent)
        elif ent["label"] == "ORG":
            mention = _unknown_org(ctx, ent)
        else:
            continue
        if mention is not None:
            ctx.mentions.append(mention)


def _unknown_person(ctx: _Context, ent: dict[str, Any]) -> Mention:
    mention = Mention(ent["start"], ent["end"], "person", f"per:{_slug(ent['text'])}", ent["text"], origin="entity")
    role = _role_before(ctx, ent["start"]) or _role_after(ctx, ent["end"])
    if role is not None:
        mention.role, mention.sector, mention.rank, mention.country = role
    if mention.country is None:
        mention.country = _counterpart_country(ctx, ent["start"]) or _sentence_place_country(ctx, ent["start"]) \
            or ctx.focus
    return mention


def _role_before(ctx: _Context, start: int) -> tuple[str, str, int, str | None] | None:
    """``Presiden Kazakhstan X``, ``Menteri Luar Negeri China , X``: the role phrase ending just before."""
    text = ctx.doc.text
    window = text[max(0, start - 80) : start]
    best = None
    for m in _patterns()["role"].finditer(window):
        tail = window[m.end() :]
        country = _state_in(ctx, start - len(tail), start)
        rest = tail
        if country is not None:
            rest = text[country.end : start]
        if rest.strip(" ,") == "" and len(rest) <= _MAX_GAP:
            role, sector, rank = words.PERSON_ROLES[" ".join(m.group().lower().split())]
            best = (role, sector, rank, country.country if country else None)
    return best


def _role_after(ctx: _Context, end: int) -> tuple[str, str, int, str | None] | None:
    """``X, Sekretaris Dewan Keamanan Rusia``, ``X, yang menjabat sebagai Presiden Y``."""
    text = ctx.doc.text
    window = text[end : end + 90]
    m = re.match(r"\s*,\s*(?:yang\s+(?:menjabat|bertugas)\s+sebagai\s+|sekutu dekat \w+ yang menjabat sebagai\s+)?", window)
    if not m or not m.group().strip():
        return None
    role = _patterns()["role"].match(window, m.end())
    if role is None:
        return None
    name, sector, rank = words.PERSON_ROLES[" ".join(role.group().lower().split())]
    country = _first_state_after(ctx, end + role.end(), end + 60)
    return name, sector, rank, country.country if country else None


def _state_in(ctx: _Context, start: int, end: int) -> Mention | None:
    for m in ctx.mentions:
        if m.kind in ("state", "igo") and start <= m.start and m.end <= end:
            return m
    return None


def _first_state_after(ctx: _Context, start: int, limit: int) -> Mention | None:
    found = [m for m in ctx.mentions if m.kind in ("state", "igo") and start <= m.start < limit]
    return min(found, key=lambda m: m.start) if found else None


def _counterpart_country(ctx: _Context, start: int) -> str | None:
    """``rekannya dari Rusia, Sergey Lavrov`` -> RUS."""
    window = ctx.doc.text[max(0, start - 60) : start].lower()
    for word in words.COUNTERPART_WORDS:
        at = window.rfind(word)
        if at >= 0:
            state = _state_in(ctx, start - len(window) + at, start)
            if state is not None:
                return state.country
    return None


def _roles_from_text(ctx: _Context) -> None:
    """A known person without an office on the article's date takes the role the text gives him."""
    for m in ctx.mentions:
        if m.kind == "person" and m.origin == "dictionary" and m.sector is None:
            role = _role_before(ctx, m.start) or _role_after(ctx, m.end)
            if role is not None:
                m.role, m.sector, m.rank = role[0], role[1], role[2]
                m.country = role[3] or m.country


def _unknown_org(ctx: _Context, ent: dict[str, Any]) -> Mention:
    inner = _state_in(ctx, ent["start"], ent["end"])
    head = ent["text"].split()[0].lower() if ent["text"].split() else ""
    sector = words.INSTITUTIONS.get(head, (None, None))[0]
    country = inner.country if inner else (_sentence_place_country(ctx, ent["start"]) or ctx.focus)
    return Mention(ent["start"], ent["end"], "org", f"org:{_slug(ent['text'])}", ent["text"],
                   country=country, sector=sector, origin="entity")


# -- 4. back-references ------------------------------------------------------------------------------

def _reference(ctx: _Context, start: int, end: int) -> Mention | None:
    """A surname (``Wang``, ``Tokayev``) that names a person already mentioned in full."""
    surface = ctx.doc.text[start:end]
    starts, people = _people_by_name_word(ctx).get(surface, ((), ()))
    index = bisect.bisect_left(starts, start) - 1  # the person named last before ``start``
    if index < 0:
        return None
    index = bisect.bisect_left(starts, starts[index])  # of several at one place, the first found
    return _copy(people[index], start, end)


def _people_by_name_word(ctx: _Context) -> dict[str, tuple[list[int], list[Mention]]]:
    """Person mentions by each word of their name, in text order; updated with the mentions added since the
    last call (scanning and sorting every mention for every surname was quadratic)."""
    index = ctx.people_index
    if index is None or index[0] is not ctx.mentions or index[1] > len(ctx.mentions):
        index = ctx.people_index = (ctx.mentions, 0, {})
    mentions, done, by_word = index
    for mention in mentions[done:]:
        if mention.kind == "person":
            for word in set(mention.name.split()):
                starts, people = by_word.setdefault(word, ([], []))
                at = bisect.bisect_right(starts, mention.start)
                starts.insert(at, mention.start)
                people.insert(at, mention)
    if done < len(mentions):
        ctx.people_index = (mentions, len(mentions), by_word)
    return by_word


def _copy(mention: Mention, start: int, end: int) -> Mention:
    return Mention(start, end, mention.kind, mention.actor_id, mention.name, mention.country, mention.sector,
                   mention.role, mention.rank, origin="reference")


def _role_references(ctx: _Context) -> None:
    """``menteri luar negeri itu``, ``diplomat top itu``, a bare ``Presiden``: the latest fitting person."""
    text = ctx.doc.text
    for m in _patterns()["anaphor"].finditer(text):
        role, _, _ = words.PERSON_ROLES[" ".join(m.group().lower().split()[:-1])]
        target = _latest_person(ctx, m.start(), lambda p: _fits(p, role))
        if target is not None and not _covered(ctx, m.start(), m.end()):
            ctx.mentions.append(_copy(target, m.start(), m.end()))
    for m in _patterns()["role"].finditer(text):
        if not m.group()[:1].isupper() or _covered(ctx, m.start(), m.end()) or _name_follows(text, m.end()):
            continue
        role, _, _ = words.PERSON_ROLES[" ".join(m.group().lower().split())]
        if text[m.end() : m.end() + 1] == " " and _state_in(ctx, m.end(), m.end() + 40) is not None:
            continue  # "Presiden Rusia" without a name: the office holder, found by the dictionary if known
        target = _latest_person(ctx, m.start(), lambda p: p.role == role)
        if target is not None:
            ctx.mentions.append(_copy(target, m.start(), m.end()))


def _igo_references(ctx: _Context) -> None:
    """``aliansi itu``, ``aliansi pimpinan Rusia itu``: the organisation of states named last before it. The
    mention is the noun alone, so that a state named inside the phrase stays a mention of its own."""
    for m in _patterns()["igo_anaphor"].finditer(ctx.doc.text):
        start, end = m.start(1), m.end(1)
        if _covered(ctx, start, end):
            continue
        earlier = [e for e in ctx.mentions if e.kind == "igo" and e.end <= start]
        if earlier:
            ctx.mentions.append(_copy(max(earlier, key=lambda e: e.start), start, end))


def _fits(person: Mention, role: str) -> bool:
    if person.role == role:
        return True
    diplomatic = {"Menteri Luar Negeri", "Duta Besar", "Diplomat"}
    return role == "Diplomat" and person.role in diplomatic


def _name_follows(text: str, end: int) -> bool:
    following = text[end : end + 30].lstrip(" ,")
    return bool(following[:1].isupper())


def _latest_person(ctx: _Context, before: int, accept) -> Mention | None:
    """The person a back-reference means: in the latest sentence that names a fitting person, the
    first one named there (the subject, usually: ``Wang menelepon Lavrov. Diplomat top itu ...`` is Wang)."""
    people = [m for m in ctx.mentions if m.kind == "person" and m.start < before and accept(m)]
    if not people:
        return None
    latest = max(people, key=lambda m: m.start)
    start, _ = _sentence_of(ctx.doc, latest.start)
    return min((m for m in people if m.start >= start), key=lambda m: m.start)


# -- assembling actors and entities --------------------------------------------------------------------

def resolve_mentions(doc: Document, dictionary: ActorDictionary) -> list[Mention]:
    """Every actor mention in the document, in text order."""
    return _resolve(doc, dictionary).mentions


def _state_places(ctx: _Context) -> list[dict[str, Any]]:
    """Places that belong to a state (``ke Moskow`` -> RUS), for the event coder: where a visit goes."""
    places = []
    for start, end in ctx.places:
        states = [e for e in ctx.dictionary.lookup(ctx.doc.text[start:end]) if e.kind == "state"]
        if states:
            places.append({"start": start, "end": end, "country": states[0].id, "name": states[0].name})
    return places


def _resolve(doc: Document, dictionary: ActorDictionary) -> _Context:
    ctx = _Context(doc=doc, date=date_of(doc.published), dictionary=dictionary)
    _dictionary_mentions(ctx)
    ctx.focus = _focus_country(ctx)
    _phrase_mentions(ctx)
    _sort_mentions(ctx, lambda m: m.start)
    _entity_mentions(ctx)
    _sort_mentions(ctx, lambda m: m.start)
    _roles_from_text(ctx)
    _role_references(ctx)
    _igo_references(ctx)
    _sort_mentions(ctx, lambda m: (m.start, -m.end))
    _drop_title_countries(ctx)
    ctx.mentions = _drop_nested(ctx.mentions)
    return ctx


def _sort_mentions(ctx: _Context, key) -> None:
    """Sort the mentions in place; the indexes over them (``coverage``, ``people_index``) assume that mentions
    are only appended, so they are rebuilt on their next use."""
    ctx.mentions.sort(key=key)
    ctx.coverage = ctx.people_index = None


def _drop_title_countries(ctx: _Context) -> None:
    """``Presiden Rusia Vladimir Putin``: Rusia describes Putin's office; it is not a mention of Russia."""
    text = ctx.doc.text
    people = [m for m in ctx.mentions if m.kind == "person"]
    drop = set()
    for person in people:
        window = text[max(0, person.start - 60) : person.start]
        role = None
        for role in _patterns()["role"].finditer(window):
            pass
        if role is None:
            continue
        role_end = person.start - len(window) + role.end()
        for m in ctx.mentions:
            if m.kind in ("state", "igo") and role_end <= m.start and m.end <= person.start \
                    and not text[m.end : person.start].strip(" ,"):
                drop.add(id(m))
    ctx.mentions = [m for m in ctx.mentions if id(m) not in drop]


def _drop_nested(mentions: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    for m in mentions:
        if kept and m.start < kept[-1].end:
            if (m.end - m.start) > (kept[-1].end - kept[-1].start):
                kept[-1] = m
            continue
        kept.append(m)
    return kept


def _actors(mentions: list[Mention]) -> list[dict[str, Any]]:
    by_id: dict[str, dict[str, Any]] = {}
    for m in mentions:
        actor = by_id.setdefault(m.actor_id, {"id": m.actor_id, "name": m.name, "country": m.country,
                                               "sector": m.sector, "role": m.role, "kind": m.kind, "mentions": []})
        actor["mentions"].append([m.start, m.end])
        for key in ("country", "sector", "role"):
            if actor[key] is None and getattr(m, key) is not None:
                actor[key] = getattr(m, key)
    return list(by_id.values())


def _link_entities(doc: Document, mentions: list[Mention]) -> None:
    spans = {(e["start"], e["end"]) for e in doc.entities}
    starts = [m.start for m in mentions]
    ordered = all(a <= b for a, b in zip(starts, starts[1:]))
    reach = list(itertools.accumulate((m.end for m in mentions), max))  # the furthest end so far
    for ent in doc.entities:
        if ordered:  # the first mention that starts at or before the entity and ends at or after it
            index = bisect.bisect_left(reach, ent["end"], 0, bisect.bisect_right(starts, ent["start"]))
            hit = mentions[index] if index < len(mentions) and starts[index] <= ent["start"] else None
        else:
            hit = next((m for m in mentions if m.start <= ent["start"] and ent["end"] <= m.end), None)
        if hit is not None:
            ent["actor"] = hit.actor_id
            if hit.kind == "state" and ent["label"] == "LOC":
                ent["label"] = "GPE"
    for m in mentions:
        if m.origin == "dictionary" and (m.start, m.end) not in spans:
            doc.entities.append({"start": m.start, "end": m.end, "text": doc.text[m.start:m.end],
                                 "label": _LABEL_OF_KIND[m.kind], "actor": m.actor_id})
    doc.entities.sort(key=lambda e: (e["start"], e["end"]))


@dataclass
class ResolveActors:
    """Sets ``doc.actors`` (one per actor, with its mention spans) and links ``doc.entities`` to them; the places
    that belong to a state (``ke Moskow``) go to ``doc.hints["places"]`` for the event coder."""

    dictionary: ActorDictionary | None = None
    name: str = "actors"
    needs: frozenset[str] = frozenset({"text", "entities", "sentences", "published"})
    sets: frozenset[str] = frozenset({"actors"})

    def warm_up(self) -> None:
        self._dictionary()

    def _dictionary(self) -> ActorDictionary:
        if self.dictionary is None:
            self.dictionary = ActorDictionary.load()
        return self.dictionary

    def __call__(self, doc: Document) -> Document:
        ctx = _resolve(doc, self._dictionary())
        _link_entities(doc, ctx.mentions)
        doc.actors = _actors(ctx.mentions)
        doc.hints["places"] = _state_places(ctx)
        return doc
