"""The actor dictionary: states, international organisations and people, and how text names them.

Three data files ship in ``warta/data/actors/`` (see the README there): ``states.json`` (every ISO 3166-1
entry, built by ``scripts/build_actor_states.py``), ``igos.json`` and ``people.json`` (hand-curated, with
each person's offices and their dates). This module loads them once and answers three questions:

- ``lookup(surface)``: which actors can this surface name? (``Rusia``, ``AS``, ``Kremlin``, ``Lavrov``)
- ``office_on(person, date)``: which office did this person hold on that date? (Prabowo 2022 -> Menteri
  Pertahanan, 2025 -> Presiden), and from it ``country_of`` / ``sector_of``.
- ``find_all(text)``: every dictionary name in a text, longest match first, with how it matched.

>>> actors = ActorDictionary.load()
>>> [e.id for e in actors.lookup("Moskow")]
['RUS']
>>> actors.office_on(actors.get("prabowo-subianto"), "2022-06-01").role
'Menteri Pertahanan'
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import json
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import NamedTuple

__all__ = ["ActorDictionary", "ActorEntry", "Office", "Hit", "Found", "normalise", "DATA_FILES"]

log = logging.getLogger(__name__)

#: the three files, in load order; ids are unique across all of them
DATA_FILES = ("states.json", "igos.json", "people.json", "orgs.json")
KINDS = ("state", "igo", "person", "org")
SECTORS = ("GOV", "MIL", "LEG", "JUD", "COP", "OPP", "REB", "CVL", "MED", "BUS")

#: how a surface names its actor, best first (lookup sorts by this)
HOW_ORDER = ("name", "acronym", "alias", "capital", "seat", "short", "demonym", "place")

#: a word (letters and digits, with inner apostrophes) or a dotted abbreviation (U.S., D.C., A.M.)
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|\w+(?:['’`]\w+)*")
_STRIP = str.maketrans({".": None, "'": None, "’": None, "`": None})
_SPECIAL = str.maketrans({"ı": "i", "ø": "o", "đ": "d", "ł": "l", "æ": "ae", "œ": "oe", "ð": "d", "þ": "th"})
#: what may stand between two words of one name: spaces and a hyphen, on one line
_GAP = re.compile(r"[ \t\u00a0]*(?:[-–‑][ \t\u00a0]*)?")
#: capitalised words that may follow a bare surname without making it part of a longer name
_FREE_FOLLOWERS = frozenset(
    "senin selasa rabu kamis jumat sabtu minggu januari februari maret april mei juni juli agustus september "
    "oktober november desember".split())
_PARTICLES = frozenset("bin binti ibn al el de da del der den di dos du la le van von jr sr ii iii".split())


def _fold_token(token: str) -> str:
    token = token.translate(_STRIP).casefold().translate(_SPECIAL)
    if token.isascii():
        return token
    return "".join(c for c in unicodedata.normalize("NFKD", token) if not unicodedata.combining(c))


def normalise(surface: str) -> str:
    """The lookup key of a surface: case-folded, accents removed, ``-``/``.``/``'`` folded, spaces collapsed.

    >>> normalise("Kassym-Jomart  Tokayev"), normalise("Erdoğan"), normalise("U.S."), normalise("Ma'ruf")
    ('kassym jomart tokayev', 'erdogan', 'us', 'maruf')
    """
    return " ".join(_fold_token(t) for t in _TOKEN.findall(surface))


def _shape(token: str) -> str:
    """'U' for an acronym-like token (all capitals, two letters or more), 'C' for a capitalised one, 'l' otherwise."""
    if not token[:1].isupper():
        return "l"
    if token.isupper() and sum(c.isalpha() for c in token) >= 2:
        return "U"
    return "C"


def _shape_ok(shape: str, token: str) -> bool:
    if shape == "l":
        return True
    if shape == "C":
        # 'XI' in 'starting XI' is not Xi: a two-letter name must not be written in capitals
        return token[:1].isupper() and not (len(token) <= 2 and token.isupper())
    plain = token.translate(_STRIP)
    if plain.isupper():
        return True
    # a long acronym may be written as a name (Nato, Asean, Opec); a short one (AS, RI, PBB) may not
    return len(plain) >= 4 and plain[:1].isupper() and plain[1:].islower()


def _parse_when(value) -> tuple[dt.date, dt.date] | None:
    """A date, a datetime or an ISO string (YYYY, YYYY-MM, YYYY-MM-DD, or a timestamp) as a day range."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date(), value.date()
    if isinstance(value, dt.date):
        return value, value
    text = str(value).strip()
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?", text)
    if not match:
        raise ValueError(f"date {value!r} is not ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD): pass a date or None")
    year, month, day = (int(g) if g else None for g in match.groups())
    if day:
        d = dt.date(year, month, day)
        return d, d
    if month:
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


@dataclass(frozen=True, kw_only=True)
class Office:
    """One office a person held: role in Indonesian and English, the country (or IGO code) and sector it
    speaks for, its dates (ISO; month or year precision allowed; ``end`` None while held) and its rank
    (1 head of state, 2 head of government, 3 foreign/defence minister, 4 other senior, 5 other)."""

    role: str
    role_en: str
    country: str
    sector: str | None
    start: str | None
    end: str | None
    rank: int = 4
    approx: bool = False
    note: str | None = None

    def __post_init__(self):
        if self.sector is not None and self.sector not in SECTORS:
            raise ValueError(f"office {self.role_en!r}: sector {self.sector!r} is not one of {SECTORS}")
        lo, hi = self.span
        if lo > hi:
            raise ValueError(f"office {self.role_en!r}: start {self.start} is after end {self.end}")

    @functools.cached_property
    def span(self) -> tuple[dt.date, dt.date]:
        """First possible and last possible day of the office (open ends are date.min / date.max)."""
        start = _parse_when(self.start)
        end = _parse_when(self.end)
        return (start[0] if start else dt.date.min), (end[1] if end else dt.date.max)

    def covers(self, when) -> bool:
        query = _parse_when(when)
        if query is None:
            return self.end is None
        lo, hi = self.span
        return lo <= query[1] and hi >= query[0]


@dataclass(frozen=True, kw_only=True, eq=False)
class ActorEntry:
    """A state, an international organisation or a person. ``country`` is the state's or IGO's own code,
    and a person's nationality (what they speak for on a date comes from ``office_on``)."""

    id: str
    kind: str
    name: str
    country: str | None
    sector: str | None = None
    names: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    seats: tuple[str, ...] = ()
    seats_sector: Mapping[str, str] = field(default_factory=dict)
    places: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    parent: str | None = None
    offices: tuple[Office, ...] = ()
    no_scan: frozenset[str] = frozenset()

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"actor {self.id!r}: kind {self.kind!r} is not one of {KINDS}")
        if not self.id or not self.name:
            raise ValueError(f"actor entry needs an id and a name, got id={self.id!r} name={self.name!r}")

    def __eq__(self, other) -> bool:
        return isinstance(other, ActorEntry) and other.id == self.id

    def __hash__(self) -> int:
        return hash(self.id)

    def surfaces(self) -> Iterator[tuple[str, str]]:
        """Every (surface, how) this entry can be named by."""
        for names in self.names.values():
            for name in names:
                yield name, ("acronym" if _shape(name) == "U" and " " not in name else "name")
        yield from ((a, "acronym") for a in self.acronyms)
        yield from ((a, "alias") for a in self.aliases)
        yield from ((s, "short") for s in self.short)
        yield from ((c, "capital") for c in self.capitals)
        yield from ((s, "seat") for s in self.seats)
        yield from ((d, "demonym") for d in self.demonyms)
        yield from ((p, "place") for p in self.places)


class Hit(NamedTuple):
    """A lookup result: the entry, how the surface named it (one of ``HOW_ORDER``), and the sector a seat
    implies (Pentagon: MIL)."""

    entry: ActorEntry
    how: str
    sector: str | None = None


class Found(NamedTuple):
    """A name found in a text: offsets into it, the entry, and how it matched (as ``Hit.how``, or
    ``partial`` for a bare part of a person's name mentioned in full earlier in the same text). The sector
    a seat implies is ``ActorDictionary.sector_of(entry, surface=text[start:end])``."""

    start: int
    end: int
    entry: ActorEntry
    how: str


@dataclass(frozen=True)
class _Variant:
    shapes: tuple[str, ...]
    hits: tuple[Hit, ...]
    scan: bool


def _read_json(name: str) -> dict:
    path = resources.files("warta").joinpath("data", "actors", name)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise FileNotFoundError(f"actor data file {name} is missing from warta/data/actors: reinstall warta "
                                f"or run scripts/build_actor_states.py for states.json") from exc


def _office(raw: Mapping, owner: str) -> Office:
    try:
        return Office(role=raw["role"], role_en=raw.get("role_en", raw["role"]), country=raw["country"],
                      sector=raw.get("sector"), start=raw.get("start"), end=raw.get("end"),
                      rank=int(raw.get("rank", 4)), approx=bool(raw.get("approx", False)), note=raw.get("note"))
    except (KeyError, ValueError) as exc:
        raise ValueError(f"person {owner!r} has a bad office {dict(raw)}: {exc}") from exc


def _entry(raw: Mapping) -> ActorEntry:
    if "id" not in raw or "name" not in raw:
        raise ValueError(f"actor entry {dict(raw)!r:.120} has no 'id' or no 'name'")
    kind = raw.get("kind")
    names = {lang: tuple(v) for lang, v in raw.get("names", {}).items()}
    return ActorEntry(
        id=raw["id"], kind=kind, name=raw["name"],
        country=raw["id"] if kind in ("state", "igo") else raw.get("country"),
        sector=raw.get("sector"), names=names, aliases=tuple(raw.get("aliases", ())),
        short=tuple(raw.get("short", ())), acronyms=tuple(raw.get("acronyms", ())),
        demonyms=tuple(d for v in raw.get("demonyms", {}).values() for d in v),
        capitals=tuple(raw.get("capitals", ())), seats=tuple(raw.get("seats", ())),
        seats_sector=dict(raw.get("seats_sector", {})), places=tuple(raw.get("places", ())),
        members=tuple(raw.get("members", ())), parent=raw.get("parent"),
        offices=tuple(_office(o, raw["id"]) for o in raw.get("offices", ())),
        no_scan=frozenset(raw.get("no_scan", ())),
    )


class ActorDictionary:
    """Lookup over all actor names; build with ``load()`` (the shipped data, cached) or from entries."""

    def __init__(self, entries: Iterable[ActorEntry], *, shadows: Iterable[str] = (),
                 title_words: Iterable[str] = (), version: str | None = None):
        self.version = version
        self._titles = frozenset(_fold_token(w) for w in title_words)
        self._by_id: dict[str, ActorEntry] = {}
        for entry in entries:
            if entry.id in self._by_id:
                raise ValueError(f"actor id {entry.id!r} is used twice: ids must be unique across states, IGOs, people")
            self._by_id[entry.id] = entry
        self._keys: dict[str, list[tuple[Hit, tuple[str, ...]]]] = {}
        self._index: dict[str, list[tuple[tuple[str, ...], list[_Variant]]]] = {}
        self._fold_cache: dict[str, str] = {}
        for entry in self._by_id.values():
            for surface, how in entry.surfaces():
                self._add(surface, how, entry)
        for surface in shadows:
            self._add_shadow(surface)
        for patterns in self._index.values():
            patterns.sort(key=lambda p: -len(p[0]))

    # --- construction -----------------------------------------------------------------------------
    @classmethod
    def load(cls) -> ActorDictionary:
        """The dictionary shipped with warta (read once per process)."""
        return _load_shipped()

    @classmethod
    def from_data(cls, *documents: Mapping) -> ActorDictionary:
        """From parsed ``{"version", "entries": [...]}`` documents (the shape of the shipped files)."""
        entries, shadows, titles, versions = [], [], [], set()
        for doc in documents:
            if "entries" not in doc:
                raise ValueError("an actor data document needs an 'entries' list (see warta/data/actors/README.md)")
            versions.add(doc.get("version"))
            entries.extend(_entry(raw) for raw in doc["entries"])
            shadows.extend(doc.get("shadows", ()))
            titles.extend(doc.get("title_words", ()))
        return cls(entries, shadows=shadows, title_words=titles,
                   version=",".join(sorted(v for v in versions if v)) or None)

    def _add(self, surface: str, how: str, entry: ActorEntry) -> None:
        tokens = _TOKEN.findall(surface)
        if not tokens:
            return
        keys = tuple(_fold_token(t) for t in tokens)
        shapes = tuple(_shape(t) for t in tokens)
        sector = entry.seats_sector.get(surface) if how == "seat" else None
        hit = Hit(entry, how, sector)
        bucket = self._keys.setdefault(" ".join(keys), [])
        if (hit, shapes) not in bucket:
            bucket.append((hit, shapes))
        scan = how != "place" and surface not in entry.no_scan
        self._add_pattern(keys, shapes, (hit,), scan=scan)

    def _add_shadow(self, surface: str) -> None:
        tokens = _TOKEN.findall(surface)
        if tokens:
            self._add_pattern(tuple(_fold_token(t) for t in tokens), tuple(_shape(t) for t in tokens), (), scan=True)

    def _add_pattern(self, keys: tuple[str, ...], shapes: tuple[str, ...], hits: tuple[Hit, ...], *,
                     scan: bool) -> None:
        patterns = self._index.setdefault(keys[0], [])
        for pkeys, variants in patterns:
            if pkeys == keys:
                break
        else:
            variants = []
            patterns.append((keys, variants))
        for i, variant in enumerate(variants):
            if variant.shapes == shapes and variant.scan == scan:
                merged = variant.hits + tuple(h for h in hits if h not in variant.hits)
                variants[i] = _Variant(shapes, merged, scan)
                return
        variants.append(_Variant(shapes, hits, scan))

    # --- access ---------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[ActorEntry]:
        return iter(self._by_id.values())

    def __contains__(self, actor_id: str) -> bool:
        return actor_id in self._by_id

    def get(self, actor_id: str) -> ActorEntry:
        try:
            return self._by_id[actor_id]
        except KeyError:
            raise KeyError(f"no actor with id {actor_id!r} in the dictionary (version {self.version})") from None

    def entries(self, kind: str | None = None) -> list[ActorEntry]:
        if kind is not None and kind not in KINDS:
            raise ValueError(f"kind {kind!r} is not one of {KINDS}")
        return [e for e in self._by_id.values() if kind is None or e.kind == kind]

    # --- lookup ---------------------------------------------------------------------------------
    def match(self, surface: str, *, acronym_case: bool = True) -> list[Hit]:
        """Every way a surface names an actor, best first. With ``acronym_case`` (the default) an
        all-capitals name (AS, RI, PBB) is matched only when written in capitals, so ``as`` is not the USA."""
        words = _TOKEN.findall(surface)
        hits = []
        for hit, shapes in self._keys.get(normalise(surface), ()):
            fits = len(shapes) == len(words) and all(s != "U" or _shape_ok(s, w) for s, w in zip(shapes, words))
            if (fits or not acronym_case) and hit not in hits:
                hits.append(hit)
        return sorted(hits, key=lambda h: HOW_ORDER.index(h.how))

    def lookup(self, surface: str, *, acronym_case: bool = True) -> list[ActorEntry]:
        """The actors a surface can name (names, variants, acronyms, aliases, short aliases, capitals and
        seats; places are left out: use ``match`` to see how each matched)."""
        seen: dict[str, ActorEntry] = {}
        for hit in self.match(surface, acronym_case=acronym_case):
            if hit.how != "place":
                seen.setdefault(hit.entry.id, hit.entry)
        return list(seen.values())

    def resolve_short(self, surface: str, among: Iterable[ActorEntry] | None = None) -> list[ActorEntry]:
        """People one of whose names contains ``surface`` as whole words (``Wang`` -> Wang Yi, Wang Wenbin ...);
        restricted to ``among`` (e.g. the people already mentioned in a document) when given."""
        want = normalise(surface).split()
        if not want:
            return []
        pool = among if among is not None else self.entries("person")
        out = []
        for entry in pool:
            if entry.kind != "person":
                continue
            for alias in entry.aliases:
                words = normalise(alias).split()
                if any(words[i:i + len(want)] == want for i in range(len(words) - len(want) + 1)):
                    out.append(entry)
                    break
        return out

    # --- offices --------------------------------------------------------------------------------
    def office_on(self, person: ActorEntry | str, when=None) -> Office | None:
        """The office a person held on ``when`` (date, datetime, or ISO string of day, month or year
        precision); the most senior if several (head of state > head of government > foreign/defence
        minister > others), then the most recent. With no date: the latest office. None if none."""
        entry = self.get(person) if isinstance(person, str) else person
        if not entry.offices:
            return None
        if _parse_when(when) is None:
            last_end = max(o.span[1] for o in entry.offices)
            pool = [o for o in entry.offices if o.span[1] == last_end]
        else:
            pool = [o for o in entry.offices if o.covers(when)]
        if not pool:
            return None
        return min(pool, key=lambda o: (o.rank, -o.span[0].toordinal()))

    def country_of(self, entry: ActorEntry | str, when=None) -> str | None:
        """The country (or IGO) code an actor speaks for: a person's office's country on that date,
        else their nationality."""
        entry = self.get(entry) if isinstance(entry, str) else entry
        if entry.kind == "org":
            return entry.country
        if entry.kind != "person":
            return entry.id
        office = self.office_on(entry, when)
        return office.country if office else entry.country

    def sector_of(self, entry: ActorEntry | str, when=None, surface: str | None = None) -> str | None:
        """A person's office's sector on that date; an IGO's own sector (ICC: JUD); for a state, the
        sector its seat implies when ``surface`` is such a seat (Pentagon: MIL), else None."""
        entry = self.get(entry) if isinstance(entry, str) else entry
        if entry.kind == "person":
            office = self.office_on(entry, when)
            return office.sector if office else None
        if entry.kind == "org" and entry.offices:  # a party: in government or in opposition on that date
            office = self.office_on(entry, when)
            return office.sector if office else entry.sector
        if surface:
            key = normalise(surface)
            for seat, sector in entry.seats_sector.items():
                if normalise(seat) == key:
                    return sector
        return entry.sector

    def describe(self, entry: ActorEntry | str, when=None, surface: str | None = None) -> dict:
        """The actor as the output contract writes it: id, name, country, sector and role on that date."""
        entry = self.get(entry) if isinstance(entry, str) else entry
        office = self.office_on(entry, when) if entry.kind == "person" else None
        return {"id": entry.id, "name": entry.name, "country": self.country_of(entry, when),
                "sector": self.sector_of(entry, when, surface), "role": office.role if office else None}

    # --- text scan ------------------------------------------------------------------------------
    def _fold(self, token: str) -> str:
        key = self._fold_cache.get(token)
        if key is None:
            if len(self._fold_cache) > 200_000:
                self._fold_cache.clear()
            key = self._fold_cache[token] = _fold_token(token)
        return key

    def find_all(self, text: str, *, link_partial: bool = True) -> list[Found]:
        """Every dictionary name in ``text``, scanning left to right and taking the longest name at each
        word. Acronyms must be written in capitals (``AS`` is the USA, ``as`` is not); capitalised words
        of a name must be capitalised in the text. A bare short alias followed by another capitalised
        word is skipped (``Gatot`` in ``Jalan Gatot Subroto``). With ``link_partial``, a bare word of a
        person's name already found in full (``Wang`` after ``Wang Yi``) is linked to that person.
        A surface naming several actors gives one ``Found`` per actor, with the same offsets."""
        words = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
        folded = self._fold_cache.get
        keys = [folded(w[2]) or self._fold(w[2]) for w in words]
        found: list[Found] = []
        partial: dict[str, ActorEntry] = {}
        matched_until = 0  # index of the first word after the last match
        index = self._index
        i = 0
        while i < len(words):
            if keys[i] not in index and keys[i] not in partial:
                i += 1  # the common case: a word that starts no name and is no known surname
                continue
            length, hits = self._match_at(text, words, keys, i, prev_free=matched_until != i)
            if length:
                found.extend(Found(words[i][0], words[i + length - 1][1], h.entry, h.how) for h in hits)
                if link_partial:
                    self._remember_parts(words[i:i + length], keys[i:i + length], hits, partial)
                i += length
                matched_until = i
                continue
            person = partial.get(keys[i]) if link_partial and words[i][2][:1].isupper() else None
            if person is not None:
                found.append(Found(words[i][0], words[i][1], person, "partial"))
                matched_until = i + 1
            i += 1
        return found

    def _match_at(self, text: str, words, keys, i: int, *, prev_free: bool) -> tuple[int, tuple[Hit, ...]]:
        for pkeys, variants in self._index.get(keys[i], ()):
            n = len(pkeys)
            if i + n > len(words) or tuple(keys[i:i + n]) != pkeys:
                continue
            if any(not _GAP.fullmatch(text, words[j - 1][1], words[j][0]) for j in range(i + 1, i + n)):
                continue
            hits: list[Hit] = []
            shadowed = False
            for variant in variants:
                if not variant.scan or not all(_shape_ok(s, words[i + k][2]) for k, s in enumerate(variant.shapes)):
                    continue
                shadowed = shadowed or not variant.hits
                hits.extend(h for h in variant.hits
                            if h.how != "short" or not self._in_longer_name(text, words, keys, i, n, prev_free))
            if hits or shadowed:  # a shadow (Amerika Latin, China Daily) swallows its words and names no actor
                return n, tuple(dict.fromkeys(hits))
        return 0, ()

    def _in_longer_name(self, text: str, words, keys, i: int, n: int, prev_free: bool) -> bool:
        """A bare short alias inside a longer capitalised name is someone else: 'Gatot' in 'Jalan Gatot
        Subroto', 'Sanchez' in 'Alexis Sanchez'. A title (Presiden, Menlu) or an actor matched just
        before it, or a weekday or month after it, does not count."""
        nxt = i + n
        if nxt < len(words) and _GAP.fullmatch(text, words[nxt - 1][1], words[nxt][0]):
            word = words[nxt][2]
            if word[:1].isupper() and keys[nxt] not in _FREE_FOLLOWERS:
                return True
        if i > 0 and prev_free and re.fullmatch(r"[ \t\u00a0]+", text[words[i - 1][1]:words[i][0]]):
            word = words[i - 1][2]
            if word[:1].isupper() and keys[i - 1] not in self._titles:
                return True
        return False

    def _remember_parts(self, words, keys, hits, partial: dict[str, ActorEntry]) -> None:
        people = [h.entry for h in hits if h.entry.kind == "person" and h.how in ("alias", "short")]
        if len(people) != 1:
            return
        for (_, _, word), key in zip(words, keys):
            if len(key) >= 3 and word[:1].isupper() and key not in _PARTICLES and key not in self._titles:
                partial[key] = people[0]


@functools.lru_cache(maxsize=1)
def _load_shipped() -> ActorDictionary:
    documents = [_read_json(name) for name in DATA_FILES]
    actors = ActorDictionary.from_data(*documents)
    log.debug("actor dictionary %s: %d entries", actors.version, len(actors))
    return actors
