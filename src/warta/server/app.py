"""The JSON API over a warta store (FastAPI): ``create_app`` builds it, ``run_server`` serves it with uvicorn.

Every route is read-only and opens the store read-only for its own request (see :mod:`.access`). Lists
answer ``{"items": [...], "limit": L, "offset": O, "total": T, "next_offset": N}``: ``limit`` is 1..500
(default 50), ``offset`` 0..10,000 (1,000,000 for articles and search, which page in SQL); ``total`` is
the number of matching rows when it is cheap to know (always for articles and search, for the other lists
on their last page or when unfiltered) and null otherwise; ``next_offset`` is null on the last page.
Errors answer ``{"detail": "what was wrong and what to do"}``: 404 for an unknown id, 422 for a bad
parameter (``errors`` then lists each parameter and reason), 503 with ``Retry-After`` while an ingest
holds the store.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import ipaddress
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
from fastapi import FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from .. import __version__
from ..store import Store, StoreError
from ..store.search import index_status, make_snippet, query_terms, search_articles
from ..stories.timeline import BY
from .access import ApiError, BadParameter, StorePool
from .limits import GuardMiddleware
from .params import (KINDS, MAX_LIMIT, MAX_OFFSET, MAX_SQL_OFFSET, SECTORS, escape_like, page, page_of,
                     parse_choice, parse_date, parse_modality, parse_pair, parse_type)

__all__ = ["ApiSettings", "create_app", "run_server", "JSON"]

log = logging.getLogger(__name__)

LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1"]

API_DESCRIPTION = """The JSON API of warta's store: articles, stories, merged events, actors, quotes, dyad timelines and
full-text search. Read-only unless the server was started with ingest allowed.

**Lists** answer `{"items": [...], "limit": L, "offset": O, "total": T, "next_offset": N}`: `limit` 1..500
(default 50; search 1..100, default 20), `offset` 0..10,000 (articles and search: 0..1,000,000). `total` counts
every matching row when that is cheap (articles, search; other lists on their last page or unfiltered), else
it is null; `next_offset` is null on the last page.

**Errors** answer `{"detail": "..."}` saying what was wrong and what to do: 404 unknown id, 422 bad parameter
(with `errors`: each parameter and reason), 413 request too large, 414 URL too long, 431 headers too large, 401 missing or wrong token, 503 with
`Retry-After` while another process writes the store."""


@dataclass(frozen=True, kw_only=True)
class ApiSettings:
    """Limits of the API; the defaults are what ``warta serve`` uses."""

    max_body_bytes: int = 64 * 1024          # any request but an upload
    max_upload_bytes: int = 20 * 1024 * 1024  # POST /api/ingest
    max_upload_files: int = 200
    upload_seconds: float = 120.0            # an upload's body must arrive within this (else 408)
    max_query_bytes: int = 4096
    max_path_bytes: int = 2048
    max_query_params: int = 64
    max_header_bytes: int = 16 * 1024
    retry_after: int = 2                     # seconds, in 503 answers while the store is written
    idle_seconds: float = 1.0                # the read-only connection is closed after this long without a request
    allowed_hosts: tuple[str, ...] | None = None  # Host header check (run_server sets it on loopback)
    min_token_chars: int = 16

    def __post_init__(self) -> None:
        for name in ("max_body_bytes", "max_upload_bytes", "max_upload_files", "max_query_bytes", "max_path_bytes",
                     "max_query_params", "max_header_bytes", "retry_after"):
            if getattr(self, name) < 1:
                raise ValueError(f"ApiSettings.{name} must be >= 1, got {getattr(self, name)}")


def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"cannot encode {type(value).__name__} as JSON")


class JSON(JSONResponse):
    """JSON with dates as ISO strings and non-ASCII text kept as it is."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, default=_json_default, separators=(",", ":")).encode()


def create_app(db_path: str | Path, *, allow_ingest: bool = False, token: str | None = None,
               settings: ApiSettings | None = None, pages: bool = True) -> FastAPI:
    """The API over the store at ``db_path`` (which must exist), and the analyst's web pages at ``/`` unless
    ``pages`` is false (see :mod:`.pages`). ``allow_ingest`` adds ``POST /api/ingest``, which then needs
    ``token`` (``Authorization: Bearer <token>``)."""
    settings = settings or ApiSettings()
    db = str(db_path)
    if not Path(db).is_file():
        raise StoreError(f"{db}: no such store; run `warta ingest` or `warta demo` first")
    if allow_ingest and (not token or len(token) < settings.min_token_chars):
        raise ValueError(f"allow_ingest needs a token of at least {settings.min_token_chars} characters")
    pool = StorePool(db, idle_seconds=settings.idle_seconds, retry_after=settings.retry_after)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        pool.close()

    app = FastAPI(title="warta", version=__version__, default_response_class=JSON, description=API_DESCRIPTION,
                  lifespan=lifespan, docs_url=None, redoc_url=None)
    app.state.pool = pool
    _add_docs(app)
    _add_error_handlers(app)
    _add_read_routes(app, pool)
    if pages:
        try:
            import jinja2  # noqa: F401 - the pages' one dependency beyond FastAPI
        except ImportError:
            log.warning("the web pages need jinja2 (pip install jinja2); serving the JSON API only")
        else:
            from .pages import add_pages

            add_pages(app)
    if allow_ingest:
        from .ingest_route import add_ingest_route

        add_ingest_route(app, pool, token or "", settings)
    app.add_middleware(GuardMiddleware, max_body_bytes=settings.max_body_bytes,
                       upload_paths={"/api/ingest": settings.max_upload_bytes} if allow_ingest else {},
                       max_query_bytes=settings.max_query_bytes, max_path_bytes=settings.max_path_bytes,
                       max_query_params=settings.max_query_params, max_header_bytes=settings.max_header_bytes,
                       allowed_hosts=list(settings.allowed_hosts) if settings.allowed_hosts else None)
    return app


#: the files of swagger-ui-bundle that /docs loads (the package's own index.html and demo pages are not served)
DOCS_ASSETS = {"swagger-ui-bundle.js": "text/javascript", "swagger-ui.css": "text/css",
               "favicon-32x32.png": "image/png"}


def _add_docs(app: FastAPI) -> None:
    """The interactive API page at /docs with Swagger UI served from the installed swagger-ui-bundle package,
    so that it works with no internet (FastAPI's default page loads its assets from a CDN). Only the files
    the page loads are served, by name (no path reaches the file system), and the page's policy allows
    scripts from this server plus its one inline script, by hash."""
    from fastapi.openapi.docs import get_swagger_ui_html
    from fastapi.responses import FileResponse

    try:
        from swagger_ui_bundle import swagger_ui_path
    except ImportError:
        log.warning("swagger-ui-bundle is not installed: /docs is off (/openapi.json still describes the API)")
        return
    folder = Path(swagger_ui_path)

    @app.get("/docs-assets/{name}", include_in_schema=False)
    def docs_asset(name: str = PathParam(..., max_length=40)):
        if name not in DOCS_ASSETS:
            raise ApiError(404, f"no docs asset {name[:40]!r}")
        return FileResponse(folder / name, media_type=DOCS_ASSETS[name])

    @app.get("/docs", include_in_schema=False)
    def docs():
        page = get_swagger_ui_html(openapi_url=app.openapi_url, title="warta API",
                                   swagger_js_url="/docs-assets/swagger-ui-bundle.js",
                                   swagger_css_url="/docs-assets/swagger-ui.css",
                                   swagger_favicon_url="/docs-assets/favicon-32x32.png")
        page.headers["Content-Security-Policy"] = docs_policy(page.body.decode())
        return page


def docs_policy(html: str) -> str:
    """The /docs page's policy: scripts from this server and the page's inline scripts by their hash, styles
    from this server (Swagger UI also sets inline styles), the API's JSON and data: images."""
    import base64
    import hashlib
    import re

    hashes = [f"'sha256-{base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()}'"
              for body in re.findall(r"<script>(.*?)</script>", html, flags=re.S)]
    return (f"default-src 'none'; script-src 'self' {' '.join(hashes)}; style-src 'self' 'unsafe-inline'; "
            f"img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


# -- errors ------------------------------------------------------------------------------------------------

def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSON:
        body: dict[str, Any] = {"detail": exc.message}
        if isinstance(exc, BadParameter):
            body["errors"] = [{"parameter": exc.parameter, "message": exc.reason}]
        return JSON(body, status_code=exc.status, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSON:
        errors = [{"parameter": str(e["loc"][-1]) if e.get("loc") else "request", "message": e.get("msg", "invalid")}
                  for e in exc.errors()]
        detail = "; ".join(f"{e['parameter']}: {e['message']}" for e in errors)
        return JSON({"detail": detail, "errors": errors}, status_code=422)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> JSON:
        status = 400 if "matches several" in str(exc) else 409
        return JSON({"detail": str(exc)}, status_code=status)

    @app.exception_handler(duckdb.Error)
    async def database_error(request: Request, exc: duckdb.Error) -> JSON:
        log.exception("the store failed on %s", request.url.path)
        return JSON({"detail": f"the store could not answer ({type(exc).__name__}); see the server's log"},
                    status_code=500)


# -- reading routes ----------------------------------------------------------------------------------------

_LIMIT = Query(50, ge=1, le=MAX_LIMIT, description=f"rows per page, 1..{MAX_LIMIT}")
_OFFSET = Query(0, ge=0, le=MAX_OFFSET, description=f"rows to skip, 0..{MAX_OFFSET}")
_SQL_OFFSET = Query(0, ge=0, le=MAX_SQL_OFFSET, description=f"rows to skip, 0..{MAX_SQL_OFFSET}")
_SINCE = Query(None, max_length=10, description="on or after this date: YYYY-MM-DD or YYYY-MM")
_UNTIL = Query(None, max_length=10, description="on or before this date: YYYY-MM-DD or YYYY-MM")
_TEXT = 200  # longest filter value
#: lists paged over the store's queries fetch rows in chunks, cached while the store is unchanged, so the
#: next pages are slices; actors come in bigger chunks (their aggregation costs the same for 50 or 500)
PAGE_CHUNK = 100
ACTOR_CHUNK = 500
_ID = 64     # longest id or id prefix


def _add_read_routes(app: FastAPI, pool: StorePool) -> None:
    reader = pool.reader
    app.state.cache = pool.cache
    _add_article_routes(app, reader)
    _add_story_routes(app, reader)
    _add_event_routes(app, reader)
    _add_people_routes(app, reader)
    _add_search_routes(app, reader)


def _add_article_routes(app: FastAPI, reader) -> None:
    @app.get("/api/health", tags=["store"], summary="Whether the store answers, and what it holds")
    def health() -> JSON:
        with reader() as store:
            counts = store.con.execute("SELECT count(*) FROM articles").fetchone()[0]
            stories = store.story_count() if store.has_table("stories") else 0
            return JSON({"status": "ok", "version": __version__, "articles": counts, "stories": stories,
                         "search_index": index_status(store.con), "read_only": True,
                         "ingest": any(getattr(r, "path", "") == "/api/ingest" for r in app.routes)})

    @app.get("/api/articles", tags=["articles"], summary="Stored articles, oldest first (order=desc: newest)")
    def articles(outlet: str | None = Query(None, max_length=_TEXT, description="outlet (case-insensitive)"),
                 since: str | None = _SINCE, until: str | None = _UNTIL,
                 story: str | None = Query(None, max_length=_ID, description="story id or id prefix"),
                 q: str | None = Query(None, max_length=_TEXT,
                                       description="part of the title (full text: /api/search)"),
                 order: str = Query("asc", pattern="^(asc|desc)$", description="by published time"),
                 limit: int = _LIMIT, offset: int = _SQL_OFFSET) -> JSON:
        filters = {"outlet": outlet, "since": parse_date("since", since), "until": parse_date("until", until),
                   "story": story, "q": q}
        with reader() as store:
            items, total = list_articles(store, filters, order=order, limit=limit, offset=offset)
        return JSON(page(items, limit=limit, offset=offset, total=total))

    @app.get("/api/articles/{article_id}", tags=["articles"],
             summary="One article: the stored contract JSON plus its story id")
    def article(article_id: str = PathParam(..., max_length=_ID, description="id or unique id prefix (>= 4)")) -> JSON:
        with reader() as store:
            doc = store.get_article(article_id)
            if doc is None:
                raise ApiError(404, f"no article with id {article_id!r}; /api/articles lists them")
            story = store.stories_of([doc["id"]]).get(doc["id"]) if store.has_table("story_articles") else None
        return JSON(doc | {"story_id": story})


def _add_story_routes(app: FastAPI, reader) -> None:
    @app.get("/api/stories", tags=["stories"], summary="Stories, latest first (items as `warta stories --format json`)")
    def stories(actor: str | None = Query(None, max_length=_TEXT, description="actor id, part of its name, or country"),
                country: str | None = Query(None, max_length=_TEXT, description="country or IGO code (CHN, CSTO)"),
                since: str | None = _SINCE, until: str | None = _UNTIL,
                min_articles: int = Query(1, ge=1, le=1_000_000, description="at least this many articles"),
                title: str | None = Query(None, max_length=_TEXT, description="part of the story's title"),
                limit: int = _LIMIT, offset: int = _OFFSET) -> JSON:
        filters = {"actor": actor, "country": country, "since": parse_date("since", since),
                   "until": parse_date("until", until), "min_articles": min_articles, "text": title}
        unfiltered = not any(v for k, v in filters.items() if k != "min_articles") and min_articles == 1
        with reader() as store:
            body = page_of(lambda n: store.list_stories(**filters, limit=n), limit=limit, offset=offset,
                           total=store.story_count if unfiltered else None, cache=app.state.cache,
                           key=("stories", _key(filters)), chunk=PAGE_CHUNK)
        return JSON(body)

    @app.get("/api/stories/{story_id}", tags=["stories"],
             summary="One story: span, outlets, key actors, summary, merged-event timeline, articles, quotes")
    def story(story_id: str = PathParam(..., max_length=_ID,
                                        description="story id, unique prefix (>= 4), or an article id in it")) -> JSON:
        with reader() as store:
            data = store.get_story(story_id)
        if data is None:
            raise ApiError(404, f"no story {story_id!r}; /api/stories lists them")
        return JSON(data)


def _add_event_routes(app: FastAPI, reader) -> None:
    @app.get("/api/events", tags=["events"],
             summary="Merged events (one per real-world event, with its mentions); mentions=true: every report")
    def events(actor: str | None = Query(None, max_length=_TEXT, description="either side: id, country or text"),
               country: str | None = Query(None, max_length=_TEXT, description="either side is this country/IGO"),
               pair: str | None = Query(None, max_length=_TEXT, description="A-B, either direction (CHN-RUS)"),
               directed: bool = Query(False, description="with pair: only from A to B"),
               type: str | None = Query(None, max_length=40, description="PLOVER type (CONSULT, ACCUSE, ...)"),
               since: str | None = _SINCE, until: str | None = _UNTIL,
               negated: bool | None = Query(None, description="true: only negated; false: only asserted"),
               modality: str | None = Query(None, max_length=40, description="asserted, future, ..."),
               article: str | None = Query(None, max_length=_ID, description="reported in this article (id/prefix)"),
               story: str | None = Query(None, max_length=_ID, description="of this story (id/prefix)"),
               mentions: bool = Query(False, description="one row per report (article#event) instead"),
               limit: int = _LIMIT, offset: int = _OFFSET) -> JSON:
        filters = dict(actor=actor, country=country, pair=parse_pair(pair), directed=directed, type=parse_type(type),
                       since=parse_date("since", since), until=parse_date("until", until), negated=negated,
                       modality=parse_modality(modality), article=article)
        if mentions and story:
            raise BadParameter("mentions", "story selects merged events; drop mentions=true or story")
        with reader() as store:
            if mentions:
                body = page_of(lambda n: store.list_events(**filters, limit=n), limit=limit, offset=offset,
                               cache=app.state.cache, key=("mentions", _key(filters)), chunk=PAGE_CHUNK)
            else:
                body = merged_page(store, filters, story=story, limit=limit, offset=offset, cache=app.state.cache)
        return JSON(body)

    @app.get("/api/events/{event_id}", tags=["events"], summary="One merged event with every mention")
    def event(event_id: str = PathParam(..., max_length=_ID, description="merged event id or unique prefix")) -> JSON:
        with reader() as store:
            rows = store.list_merged(event_id=event_id, limit=2)
        exact = [r for r in rows if r["id"] == event_id]
        if not rows:
            raise ApiError(404, f"no event {event_id!r}; /api/events lists them")
        if len(rows) > 1 and not exact:
            raise ApiError(400, f"event id prefix {event_id!r} matches several events; give more characters")
        return JSON((exact or rows)[0])

    @app.get("/api/timeline", tags=["events"],
             summary="Merged events between two actors or states per day, week or month (cooperation/conflict)")
    def timeline(a: str = Query(..., min_length=1, max_length=_ID, description="country code or actor id (CHN)"),
                 b: str = Query(..., min_length=1, max_length=_ID, description="country code or actor id (RUS)"),
                 by: str = Query("month", max_length=10, description="day, week or month"),
                 since: str | None = _SINCE, until: str | None = _UNTIL) -> JSON:
        period = parse_choice("by", by, BY) or "month"  # by= (empty) is the default
        start, end = parse_date("since", since), parse_date("until", until)
        return JSON(cached_timeline(app, a, b, by=period, since=start, until=end))


def _add_people_routes(app: FastAPI, reader) -> None:
    @app.get("/api/actors", tags=["actors"], summary="Actors with mention and article counts, most mentioned first")
    def actors(country: str | None = Query(None, max_length=_TEXT, description="ISO alpha-3 or IGO code"),
               sector: str | None = Query(None, max_length=10, description=", ".join(SECTORS)),
               kind: str | None = Query(None, max_length=10, description=", ".join(KINDS)),
               name: str | None = Query(None, max_length=_TEXT, description="part of the actor's name or id"),
               limit: int = _LIMIT, offset: int = _OFFSET) -> JSON:
        filters = dict(country=country, sector=parse_choice("sector", sector, SECTORS, upper=True),
                       kind=parse_choice("kind", kind, KINDS), name=name)
        with reader() as store:
            body = page_of(lambda n: store.list_actors(**filters, limit=n), limit=limit, offset=offset,
                           cache=app.state.cache, key=("actors", _key(filters)), chunk=ACTOR_CHUNK)
        return JSON(body)

    @app.get("/api/quotes", tags=["quotes"], summary="Who said what, with the upstream source credited")
    def quotes(speaker: str | None = Query(None, max_length=_TEXT, description="part of the speaker's name or id"),
               article: str | None = Query(None, max_length=_ID, description="quotes of this article (id/prefix)"),
               direct: bool | None = Query(None, description="true: direct speech only; false: reported only"),
               copies: bool = Query(False, description="also the quotes of near-duplicate copies"),
               limit: int = _LIMIT, offset: int = _OFFSET) -> JSON:
        with reader() as store:
            body = page_of(lambda n: store.list_quotes(speaker=speaker, article=article, direct=direct,
                                                       copies=copies, limit=n), limit=limit, offset=offset,
                           cache=app.state.cache, key=("quotes", speaker, article, direct, copies), chunk=PAGE_CHUNK)
        return JSON(body)


def _add_search_routes(app: FastAPI, reader) -> None:
    @app.get("/api/search", tags=["articles"],
             summary="Full-text search of titles and texts: every word must occur; best first, with a snippet")
    def search(q: str = Query(..., min_length=1, max_length=_TEXT, description="words to find"),
               limit: int = Query(20, ge=1, le=100, description="hits per page, 1..100"),
               offset: int = _SQL_OFFSET) -> JSON:
        with reader() as store:
            terms = query_terms(store.con, q)
            if not terms:
                raise BadParameter("q", f"{q[:40]!r} has no word to search for (letters or digits)")
            found = search_articles(store.con, terms, limit=limit, offset=offset)
            items = _search_items(store, [aid for aid, _ in found["hits"]], dict(found["hits"]), terms)
        body = page(items, limit=limit, offset=offset, total=found["total"])
        return JSON(body | {"terms": terms, "method": found["method"]})


def _search_items(store: Store, ids: list[str], scores: dict[str, float | None], terms: list[str]) -> list[dict]:
    if not ids:
        return []
    rows = store.con.execute("SELECT id, title, outlet, published, url, text FROM articles "
                             "WHERE list_contains(?, id)", [ids]).fetchall()
    by_id = {row[0]: row for row in rows}
    stories = store.stories_of(ids) if store.has_table("story_articles") else {}
    items = []
    for aid in ids:
        _, title, outlet, published, url, text = by_id[aid]
        items.append({"id": aid, "title": title, "outlet": outlet, "published": published, "url": url,
                      "story_id": stories.get(aid), "score": scores.get(aid),
                      "snippet": make_snippet(text or "", terms)})
    return items


def _key(filters: dict[str, Any]) -> tuple:
    return tuple(sorted(filters.items()))


#: the order of Store.list_merged_events, which pages of merged events follow
MERGED_ORDER = "coalesce(event_date, published_date) NULLS LAST, id"


def merged_page(store: Store, filters: dict[str, Any], *, story: str | None, limit: int, offset: int,
                cache: Any) -> dict[str, Any]:
    """A page of merged events as ``Store.list_merged`` selects and orders them, paged in SQL (the store's
    call has no offset and loads the mentions of every row up to the page), with an exact ``total``."""
    from ..store.duckdb_store import _event_filters

    store.require_stories()
    where, params = _event_filters(**(filters | {"article": None}))
    if filters.get("article"):  # as Store.list_merged: events with a mention in that article
        where.append("id IN (SELECT merged_id FROM event_mentions WHERE starts_with(article_id, ?))")
        params.append(filters["article"])
    if story:
        where.append("starts_with(story_id, ?)")
        params.append(story)
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    ids = [r[0] for r in store.con.execute(f"SELECT id FROM merged_events {clause} ORDER BY {MERGED_ORDER} "
                                           f"LIMIT ? OFFSET ?", params + [limit, offset]).fetchall()]
    key = ("merged-total", _key(filters), story)
    total = cache.get(key)
    if total is None:
        total = store.con.execute(f"SELECT count(*) FROM merged_events {clause}", params).fetchone()[0]
        cache.put(key, total)
    items = store.list_merged_events(where=["id IN (SELECT unnest(?::VARCHAR[]))"], params=[ids],
                                     limit=len(ids)) if ids else []
    return page(items, limit=limit, offset=offset, total=total)


def dyad_timeline(store: Store, a: str, b: str, *, by: str, since: dt.date | None, until: dt.date | None):
    """The dyad series of ``Store.timeline`` (merged events loaded without their mentions)."""
    return store.timeline(a, b, by=by, since=since, until=until)


def cached_timeline(app: FastAPI, a: str, b: str, *, by: str, since: dt.date | None,
                    until: dt.date | None) -> dict[str, Any]:
    """The dyad series as JSON, from the result cache when the store has not changed since."""
    key = ("timeline", a, b, by, since, until)
    data = app.state.cache.get(key)
    if data is None:
        with app.state.pool.reader() as store:
            data = dyad_timeline(store, a, b, by=by, since=since, until=until).to_dict()
        app.state.cache.put(key, data)
    return data


# -- the article list (the store's list_articles has neither these filters nor an offset) -----------------

def list_articles(store: Store, filters: dict[str, Any], *, order: str, limit: int,
                  offset: int) -> tuple[list[dict[str, Any]], int]:
    """A page of articles and the number matching; ``filters``: outlet (as the CLI: case-insensitive),
    since/until (published date), story (id or prefix), q (part of the title). Every value is a parameter;
    ``%`` and ``_`` in outlet and q match themselves, not any text."""
    where, params = [], []
    if filters.get("outlet"):
        where.append("a.outlet ILIKE ? ESCAPE '\\'")
        params.append(escape_like(filters["outlet"]))
    for key, clause in (("since", "a.published_date >= ?"), ("until", "a.published_date <= ?")):
        if filters.get(key):
            where.append(clause)
            params.append(filters[key])
    if filters.get("q"):
        where.append("a.title ILIKE ? ESCAPE '\\'")
        params.append(f"%{escape_like(filters['q'])}%")
    with_stories = store.has_table("story_articles")
    if filters.get("story"):
        if not with_stories:
            return [], 0
        where.append("a.id IN (SELECT article_id FROM story_articles WHERE starts_with(story_id, ?))")
        params.append(filters["story"])
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    direction = "DESC" if order == "desc" else "ASC"
    rows = store.con.execute(
        f"SELECT a.id, a.published, a.outlet, a.title, a.language, length(a.text), a.url, a.source "
        f"FROM articles a {clause} ORDER BY a.published {direction} NULLS LAST, a.id {direction} LIMIT ? OFFSET ?",
        params + [limit, offset]).fetchall()
    keys = ("id", "published", "outlet", "title", "language", "chars", "url", "source")
    items = [dict(zip(keys, row)) for row in rows]
    stories = store.stories_of([item["id"] for item in items]) if with_stories else {}
    for item in items:
        item["story_id"] = stories.get(item["id"])
    total = store.con.execute(f"SELECT count(*) FROM articles a {clause}", params).fetchone()[0]
    return items, total


# -- serving -----------------------------------------------------------------------------------------------

def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run_server(db: str | Path, host: str = "127.0.0.1", port: int = 8000, allow_ingest: bool = False,
               token: str | None = None, *, settings: ApiSettings | None = None) -> None:
    """Serve the API with uvicorn until interrupted; binds 127.0.0.1 unless told otherwise."""
    import uvicorn

    settings = settings or ApiSettings()
    if _is_loopback(host) and settings.allowed_hosts is None:
        settings = ApiSettings(**{**settings.__dict__, "allowed_hosts": tuple(LOOPBACK_HOSTS + [host])})
    elif not _is_loopback(host):
        log.warning("serving on %s: the API is reachable from other machines", host)
    app = create_app(db, allow_ingest=allow_ingest, token=token, settings=settings)
    with app.state.pool.reader() as store:
        status = index_status(store.con)
    if not status["complete"]:
        log.warning("the search index holds %d of %d articles: /api/search scans the texts (slow on big stores) "
                    "until it is updated (warta serve --index)", status["indexed"], status["articles"])
    uvicorn.run(app, host=host, port=port, server_header=False, proxy_headers=False, log_level="info",
                h11_max_incomplete_event_size=16 * 1024)
