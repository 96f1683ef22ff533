"""The analyst's web pages, served at ``/`` by the same app as the JSON API (see :func:`add_pages`).

Pages are rendered on the server with Jinja2 (autoescape on for every template: article text, titles,
names and queries are escaped, so a scraped ``<script>`` shows as text). They need no JavaScript and no
network: the stylesheet comes from ``static/``, charts are inline SVG. Each response carries a
Content-Security-Policy that allows only this server's own stylesheet, no script at all.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..store import StoreError
from ..store.search import query_terms, search_articles
from ..stories.timeline import BY
from .access import ApiError
from .limits import HTML_CSP
from .params import parse_choice, parse_date, parse_pair, parse_type

__all__ = ["add_pages", "mark_article", "sparkline", "dyad_bars", "network"]

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
PAGE_SIZE = 20
CSP = HTML_CSP


def _environment():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["q"] = lambda value: quote(str(value), safe="")
    env.globals["qs"] = lambda **kw: urlencode({k: v for k, v in kw.items() if v not in (None, "")})
    return env


class Pages:
    """Renders the templates into responses with the page headers."""

    def __init__(self) -> None:
        self.env = _environment()

    def render(self, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        html = self.env.get_template(name).render(**context)
        return HTMLResponse(html, status_code=status,
                            headers={"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                                     "Referrer-Policy": "no-referrer"})

    def error(self, status: int, message: str) -> HTMLResponse:
        titles = {404: "Not found", 400: "Bad request", 422: "Bad parameter", 503: "Store busy", 409: "Store error"}
        return self.render("error.html", status=status, title=titles.get(status, "Error"), status_code=status,
                           message=message)


def add_pages(app: FastAPI) -> None:
    """Add the HTML pages, the stylesheet at ``/static`` and HTML error pages outside ``/api``."""
    pages = Pages()
    reader = app.state.pool.reader
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    _add_error_pages(app, pages)

    def guarded(fn):
        """Run a page body; the API's errors (bad parameter, busy store, unknown id) become HTML pages."""
        try:
            return fn()
        except ApiError as exc:
            response = pages.error(exc.status, exc.message)
            response.headers.update(exc.headers)
            return response
        except StoreError as exc:
            return pages.error(400 if "matches several" in str(exc) else 409, str(exc))

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(actor: str | None = Query(None, max_length=200), country: str | None = Query(None, max_length=200),
                     since: str | None = Query(None, max_length=10), until: str | None = Query(None, max_length=10),
                     page: int = Query(1, ge=1, le=500)) -> HTMLResponse:
        def body():
            start, end = parse_date("since", since), parse_date("until", until)
            offset = (page - 1) * PAGE_SIZE
            with reader() as store:
                rows = store.list_stories(actor=actor or None, country=country or None, since=start, until=end,
                                          limit=offset + PAGE_SIZE + 1)
            items = rows[offset:offset + PAGE_SIZE]
            for item in items:
                item["spark"] = sparkline(item)
            filters = {"actor": actor or "", "country": country or "", "since": since or "", "until": until or ""}
            return pages.render("stories.html", title="Stories", stories=items, filters=filters, page=page,
                                more=len(rows) > offset + PAGE_SIZE)
        return guarded(body)

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(story_id: str) -> HTMLResponse:
        def body():
            if len(story_id) > 64:
                return pages.error(404, f"no story {story_id[:64]!r}…")
            with reader() as store:
                data = store.get_story(story_id)
            if data is None:
                return pages.error(404, f"No story with id {story_id!r}. The story list shows them all.")
            return pages.render("story.html", title=data["title"] or data["id"], story=data,
                                event_label=event_label)
        return guarded(body)

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: str, s: str | None = Query(None, max_length=24,
                                                          description="START-END of a sentence to highlight")):
        def body():
            if len(article_id) > 64:
                return pages.error(404, f"no article {article_id[:64]!r}…")
            with reader() as store:
                doc = store.get_article(article_id)
                if doc is None:
                    return pages.error(404, f"No article with id {article_id!r}. Search or the story pages "
                                            f"link to the stored articles.")
                story = store.stories_of([doc["id"]]).get(doc["id"]) if _has(store, "story_articles") else None
            blocks = mark_article(doc, highlight=_span(s))
            return pages.render("article.html", title=doc.get("title") or doc["id"], doc=doc, blocks=blocks,
                                story_id=story, event_label=event_label)
        return guarded(body)

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(event_id: str) -> HTMLResponse:
        def body():
            if len(event_id) > 64 or not event_id:
                return pages.error(404, "no such event")
            with reader() as store:
                rows = store.list_merged(event_id=event_id, limit=2)
            exact = [r for r in rows if r["id"] == event_id]
            if not rows:
                return pages.error(404, f"No event with id {event_id!r}.")
            if len(rows) > 1 and not exact:
                return pages.error(400, f"The event id prefix {event_id!r} matches several events; give more "
                                        f"characters.")
            event = (exact or rows)[0]
            return pages.render("event.html", title=event_label(event), event=event, event_label=event_label)
        return guarded(body)

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(pair: str | None = Query(None, max_length=200), actor: str | None = Query(None, max_length=200),
                    type: str | None = Query(None, max_length=40), story: str | None = Query(None, max_length=64),
                    since: str | None = Query(None, max_length=10), until: str | None = Query(None, max_length=10),
                    page: int = Query(1, ge=1, le=500)) -> HTMLResponse:
        def body():
            from .app import merged_page

            filters = dict(actor=actor or None, country=None, pair=parse_pair(pair), directed=False,
                           type=parse_type(type), since=parse_date("since", since), until=parse_date("until", until),
                           negated=None, modality=None, article=None)
            offset = (page - 1) * PAGE_SIZE
            with reader() as store:
                found = merged_page(store, filters, story=story or None, limit=PAGE_SIZE, offset=offset,
                                    cache=app.state.cache)
            shown = {"pair": pair or "", "actor": actor or "", "type": type or "", "story": story or "",
                     "since": since or "", "until": until or ""}
            return pages.render("events.html", title="Events", events=found["items"], total=found["total"],
                                filters=shown, page=page, more=found["next_offset"] is not None,
                                event_label=event_label)
        return guarded(body)

    @app.get("/dyad", response_class=HTMLResponse, include_in_schema=False)
    def dyad_page(a: str = Query("CHN", min_length=1, max_length=64), b: str = Query("RUS", min_length=1, max_length=64),
                  by: str = Query("month", max_length=10), since: str | None = Query(None, max_length=10),
                  until: str | None = Query(None, max_length=10)) -> HTMLResponse:
        def body():
            from .app import cached_timeline

            period = parse_choice("by", by, BY) or "month"  # by= (empty) is the default
            start, end = parse_date("since", since), parse_date("until", until)
            data = cached_timeline(app, a, b, by=period, since=start, until=end)
            chart = dyad_bars(data, by=period)
            return pages.render("dyad.html", title=f"{a} – {b}", data=data, chart=chart, by=period, bys=BY,
                                a=a, b=b, since=since or "", until=until or "")
        return guarded(body)

    @app.get("/actors/{actor_id:path}", response_class=HTMLResponse, include_in_schema=False)  # ids may hold "/"
    def actor_page(actor_id: str) -> HTMLResponse:
        def body():
            if len(actor_id) > 64:
                return pages.error(404, "no such actor")
            with reader() as store:
                rows = store.con.execute(
                    "SELECT actor_id, arg_max(name, mentions), arg_max(country, mentions), arg_max(kind, mentions), "
                    "arg_max(sector, mentions), sum(mentions)::INTEGER, count(DISTINCT article_id) FROM actors "
                    "WHERE actor_id = ? GROUP BY 1", [actor_id]).fetchall()
                if not rows:
                    return pages.error(404, f"No actor with id {actor_id!r} in the store.")
                events = store.list_merged(actor=actor_id, limit=5000, with_mentions=False)
                own = [e for e in events if actor_id in ((e.get("source") or {}).get("actor"),
                                                        (e.get("target") or {}).get("actor"))]
                counterparts = _counterparts(actor_id, own)
                names = dict(store.con.execute(
                    "SELECT actor_id, arg_max(name, mentions) FROM actors WHERE actor_id IN (SELECT unnest(?)) "
                    "GROUP BY 1", [[c["id"] for c in counterparts]]).fetchall()) if counterparts else {}
            aid, name, country, kind, sector, mentions, articles = rows[0]
            actor = {"id": aid, "name": name, "country": country, "kind": kind, "sector": sector,
                     "mentions": mentions, "articles": articles}
            for c in counterparts:
                c["text"] = names.get(c["id"]) or c["text"]
            by_type = Counter(e["type"] for e in own).most_common()
            return pages.render("actor.html", title=name or aid, actor=actor, offices=_offices(aid),
                                counterparts=counterparts, by_type=by_type, events=len(own),
                                net=network(actor, counterparts))
        return guarded(body)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(q: str = Query("", max_length=200), page: int = Query(1, ge=1, le=500)) -> HTMLResponse:
        def body():
            from .app import _search_items

            if not q.strip():
                return pages.render("search.html", title="Search", q="", items=[], total=0, page=1, more=False,
                                    terms=[])
            offset = (page - 1) * PAGE_SIZE
            with reader() as store:
                terms = query_terms(store.con, q)
                if not terms:
                    return pages.render("search.html", title="Search", q=q, items=[], total=0, page=1, more=False,
                                        terms=[], note="The query has no word to search for (letters or digits).")
                found = search_articles(store.con, terms, limit=PAGE_SIZE, offset=offset)
                items = _search_items(store, [aid for aid, _ in found["hits"]], dict(found["hits"]), terms)
            for item in items:
                item["parts"] = _highlighted(item["snippet"])
            return pages.render("search.html", title=f"Search: {q}", q=q, items=items, total=found["total"],
                                page=page, more=found["total"] > offset + len(items), terms=terms)
        return guarded(body)


API_PREFIXES = ("/api", "/docs", "/openapi", "/redoc")


def _add_error_pages(app: FastAPI, pages: Pages) -> None:
    """HTTP errors and bad parameters of the pages answer HTML pages; under /api (and the docs) JSON."""
    default = app.exception_handlers.get(StarletteHTTPException)
    json_validation = app.exception_handlers.get(RequestValidationError)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        if request.url.path.startswith(API_PREFIXES) and json_validation is not None:
            return await json_validation(request, exc)
        message = "; ".join(f"{e['loc'][-1] if e.get('loc') else 'request'}: {e.get('msg', 'invalid')}"
                            for e in exc.errors())
        return pages.error(422, message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if request.url.path.startswith(API_PREFIXES) or default is None:
            if default is not None:
                return await default(request, exc)
            raise exc
        message = "There is no page at this address." if exc.status_code == 404 else str(exc.detail)
        return pages.error(exc.status_code, message)


# -- helpers the templates use ------------------------------------------------------------------------------

def _has(store, name: str) -> bool:
    return bool(store.con.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main' "
                                  "AND table_name = ?", [name]).fetchone()[0])


def _span(value: str | None) -> tuple[int, int] | None:
    """``"START-END"`` as two offsets, or None when it is not that."""
    if not value:
        return None
    head, _, tail = value.partition("-")
    if not (head.isdigit() and tail.isdigit()) or int(head) >= int(tail):
        return None
    return int(head), int(tail)


def _side(side: dict | None) -> str:
    if not side:
        return "?"
    text, actor = side.get("text"), side.get("actor") or side.get("country")
    if text and actor and actor.lower() != text.lower():
        return f"{text} ({actor})"
    return text or actor or "?"


def event_label(event: dict) -> str:
    """``SOURCE TYPE TARGET`` as a reader says it (negated events say so)."""
    target = f" → {_side(event.get('target'))}" if event.get("target") else ""
    negated = " (negated)" if event.get("negated") else ""
    return f"{_side(event.get('source'))} {event.get('type', '?')}{target}{negated}"


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def sparkline(story: dict, *, width: int = 120, height: int = 24, max_bins: int = 60) -> dict[str, Any]:
    """Bars of the story's articles per day (per n days when the span is longer than ``max_bins`` days)."""
    days = [d for d in (_date(a.get("published")) for a in story.get("articles", [])) if d]
    start, end = _date(story.get("start")) or (min(days) if days else None), _date(story.get("end"))
    if start is None or not days:
        return {"bars": [], "width": width, "height": height, "label": "no dated articles"}
    end = max([end or start] + days)
    start = min([start] + days)
    span = (end - start).days + 1
    step = max(1, math.ceil(span / max_bins))
    counts = Counter((d - start).days // step for d in days)
    bins = math.ceil(span / step)
    peak = max(counts.values())
    bar_w = width / bins
    bars = []
    for i in range(bins):
        n = counts.get(i, 0)
        h = 0 if n == 0 else max(2.0, (height - 2) * n / peak)
        day = start + dt.timedelta(days=i * step)
        bars.append({"x": round(i * bar_w, 2), "w": round(max(bar_w - 1, 1), 2), "y": round(height - h, 2),
                     "h": round(h, 2), "title": f"{day.isoformat()}: {n} article{'s' if n != 1 else ''}"})
    label = f"{len(days)} articles over {span} day{'s' if span != 1 else ''}" + (f" ({step} days a bar)" if step > 1 else "")
    return {"bars": bars, "width": width, "height": height, "label": label}


def _period_end(start: dt.date, by: str) -> dt.date:
    if by == "day":
        return start
    if by == "week":
        return start + dt.timedelta(days=6)
    nxt = dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def dyad_bars(data: dict, *, by: str, width: int = 720, height: int = 220) -> dict[str, Any]:
    """One bar pair per period: cooperation up, conflict down from the middle; each links to its events."""
    periods = data.get("periods", [])
    peak = max([max(p["cooperation"], p["conflict"]) for p in periods] + [1])
    half = (height - 20) / 2
    mid = 10 + half
    slot = width / max(len(periods), 1)
    bars = []
    pair = f"{data['a']}-{data['b']}"
    for i, p in enumerate(periods):
        start = _date(p["start"])
        end = _period_end(start, by) if start else None
        href = "/events?" + urlencode({"pair": pair, "since": start.isoformat(), "until": end.isoformat()}) \
            if start and p["events"] else None
        up = half * p["cooperation"] / peak
        down = half * p["conflict"] / peak
        bars.append({"x": round(i * slot + slot * 0.15, 2), "w": round(max(slot * 0.7, 1), 2),
                     "coop_y": round(mid - up, 2), "coop_h": round(up, 2), "conf_y": round(mid, 2),
                     "conf_h": round(down, 2), "href": href, "period": p["period"],
                     "label": f"{p['period']}: {p['events']} events, {p['cooperation']} cooperation, "
                              f"{p['conflict']} conflict",
                     "text_x": round(i * slot + slot / 2, 2), "show_label": len(periods) <= 24 or i % 3 == 0})
    return {"bars": bars, "width": width, "height": height + 30, "mid": round(mid, 2), "axis_y": height + 14}


def _counterparts(actor_id: str, events: list[dict]) -> list[dict[str, Any]]:
    """The actors on the other side of this actor's events, with how many and of which types."""
    found: dict[str, dict[str, Any]] = {}
    for event in events:
        sides = [event.get("source") or {}, event.get("target") or {}]
        for mine, other in ((sides[0], sides[1]), (sides[1], sides[0])):
            if mine.get("actor") != actor_id or not other.get("actor") or other.get("actor") == actor_id:
                continue
            entry = found.setdefault(other["actor"], {"id": other["actor"], "text": other.get("text") or other["actor"],
                                                       "country": other.get("country"), "events": 0,
                                                       "types": Counter(), "cooperation": 0, "conflict": 0})
            entry["events"] += 1
            entry["types"][event["type"]] += 1
            intensity = event.get("intensity") or 0
            if intensity > 0:
                entry["cooperation"] += 1
            elif intensity < 0:
                entry["conflict"] += 1
    out = sorted(found.values(), key=lambda e: (-e["events"], e["id"]))
    for entry in out:
        entry["types"] = ", ".join(f"{t} {n}" for t, n in entry["types"].most_common())
    return out


def network(actor: dict, counterparts: list[dict], *, size: int = 360, most: int = 12) -> dict[str, Any]:
    """A star of the actor and the counterparts it has most events with (edge width by event count)."""
    shown = counterparts[:most]
    centre = size / 2
    radius = size / 2 - 60
    peak = max([c["events"] for c in shown] + [1])
    nodes = []
    for i, c in enumerate(shown):
        angle = 2 * math.pi * i / max(len(shown), 1) - math.pi / 2
        x, y = centre + radius * math.cos(angle), centre + radius * math.sin(angle)
        colour = "coop" if c["cooperation"] > c["conflict"] else "conf" if c["conflict"] > c["cooperation"] else "mixed"
        nodes.append({"id": c["id"], "label": c["text"][:24], "x": round(x, 1), "y": round(y, 1),
                      "edge": round(1 + 5 * c["events"] / peak, 1), "events": c["events"], "kind": colour,
                      "anchor": "start" if math.cos(angle) > 0.3 else "end" if math.cos(angle) < -0.3 else "middle",
                      "ty": round(y + (16 if math.sin(angle) > 0.3 else -10 if math.sin(angle) < -0.3 else 4), 1),
                      "tx": round(x + (10 if math.cos(angle) > 0.3 else -10 if math.cos(angle) < -0.3 else 0), 1)})
    return {"size": size, "centre": centre, "label": (actor.get("name") or actor["id"])[:24], "nodes": nodes,
            "hidden": max(len(counterparts) - most, 0)}


def _offices(actor_id: str) -> list[dict[str, Any]]:
    """Offices the actor dictionary records for this person (none for unknown ids or non-persons)."""
    try:
        dictionary = _dictionary()
    except (OSError, ValueError):
        return []
    if actor_id not in dictionary:
        return []
    entry = dictionary.get(actor_id)
    return [{"role": o.role, "role_en": o.role_en, "country": o.country, "start": o.start or "?",
             "end": o.end or "now", "approx": o.approx} for o in entry.offices]


_DICTIONARY = None


def _dictionary():
    global _DICTIONARY
    if _DICTIONARY is None:
        from ..analyse.actor_dictionary import ActorDictionary

        _DICTIONARY = ActorDictionary.load()
    return _DICTIONARY


def _highlighted(snippet: dict) -> list[dict[str, Any]]:
    """The snippet's text as parts, the matched words marked."""
    text, parts, at = snippet.get("text", ""), [], 0
    for a, b in sorted(snippet.get("highlights", [])):
        if a < at or b > len(text):
            continue
        if a > at:
            parts.append({"text": text[at:a], "mark": False})
        parts.append({"text": text[a:b], "mark": True})
        at = b
    if at < len(text):
        parts.append({"text": text[at:], "mark": False})
    return parts


# -- the article's text with its annotations ---------------------------------------------------------------

def mark_article(doc: dict, *, highlight: tuple[int, int] | None = None) -> list[dict[str, Any]]:
    """The cleaned text cut into blocks (event and quote sentences, and the text between them), each block
    into parts carrying the entity, event trigger and quote marks that cover them.

    A block is ``{"id", "sentence", "highlight", "events", "parts"}``; a part is ``{"text", "classes",
    "title", "href"}`` (``href`` to the actor's page for an entity linked to an actor). Spans come from the
    stored contract JSON; spans outside the text or empty are ignored; overlapping sentences keep the first."""
    text = doc.get("text") or ""
    n = len(text)

    def ok(a: Any, b: Any) -> bool:
        return isinstance(a, int) and isinstance(b, int) and 0 <= a < b <= n

    sentences: dict[tuple[int, int], list[str]] = {}
    for event in doc.get("events") or []:
        sent = event.get("sentence") or []
        if len(sent) == 2 and ok(*sent):
            labels = sentences.setdefault(tuple(sent), [])
            if event_label(event) not in labels:
                labels.append(event_label(event))
    for quote_ in doc.get("quotes") or []:
        sent = quote_.get("sentence") or []
        if len(sent) == 2 and ok(*sent):
            sentences.setdefault(tuple(sent), [])
    if highlight and ok(*highlight):
        sentences.setdefault(highlight, [])
    chosen: list[tuple[int, int]] = []
    for span in sorted(sentences, key=lambda s: (s[0], -s[1])):
        if not chosen or span[0] >= chosen[-1][1]:
            chosen.append(span)
        elif highlight == span:  # the asked-for sentence wins over one it overlaps
            chosen[-1] = span
    entities = [e for e in doc.get("entities") or [] if ok(e.get("start"), e.get("end"))]
    triggers = []
    for event in doc.get("events") or []:
        span = event.get("trigger_span") or []
        if len(span) == 2 and ok(*span):
            triggers.append((span[0], span[1], event))
    quotes = [q for q in doc.get("quotes") or [] if ok(q.get("start"), q.get("end"))]

    cuts = {0, n}
    for a, b in chosen:
        cuts |= {a, b}
    for e in entities:
        cuts |= {e["start"], e["end"]}
    for a, b, _ in triggers:
        cuts |= {a, b}
    for q in quotes:
        cuts |= {q["start"], q["end"]}
    points = sorted(cuts)

    blocks: list[dict[str, Any]] = []
    si = 0
    for a, b in zip(points, points[1:]):
        while si < len(chosen) and chosen[si][1] <= a:
            si += 1
        sent = chosen[si] if si < len(chosen) and chosen[si][0] <= a and b <= chosen[si][1] else None
        if not blocks or blocks[-1]["sentence"] != sent:
            blocks.append({"sentence": sent, "id": f"s-{sent[0]}-{sent[1]}" if sent else None,
                           "highlight": sent is not None and sent == highlight,
                           "events": sentences.get(sent, []) if sent else [], "parts": []})
        classes, titles, href = [], [], None
        covering = [e for e in entities if e["start"] <= a and b <= e["end"]]
        if covering:
            inner = min(covering, key=lambda e: e["end"] - e["start"])
            classes += ["ent", f"ent-{inner.get('label', 'X')}"]
            titles.append(f"{inner.get('label')}: {inner.get('text')}" + (f" → {inner['actor']}" if inner.get("actor") else ""))
            if inner.get("actor"):
                href = "/actors/" + quote(str(inner["actor"]), safe="")
        for ta, tb, event in triggers:
            if ta <= a and b <= tb:
                classes.append("trigger")
                titles.append(f"event: {event_label(event)}")
                break
        for q in quotes:
            if q["start"] <= a and b <= q["end"]:
                classes.append("quote")
                speaker = (q.get("speaker") or {}).get("name") or (q.get("speaker") or {}).get("text") or "?"
                titles.append(f"quote of {speaker}")
                break
        blocks[-1]["parts"].append({"text": text[a:b], "classes": " ".join(classes), "title": "; ".join(titles),
                                    "href": href})
    return blocks
