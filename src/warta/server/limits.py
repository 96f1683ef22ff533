"""ASGI guards in front of every route: request size limits and security headers.

- a request body above its limit is refused with 413 before the route runs when ``Content-Length`` says so,
  and while it is read otherwise (chunked uploads are counted as they arrive);
- request headers above ``max_header_bytes`` are refused with 431 (uvicorn's own limit applies only to
  headers that arrive in several reads);
- a path above ``max_path_bytes`` or a query string above ``max_query_bytes`` is refused with 414, a query
  string of more than ``max_query_params`` parameters with 400;
- a ``Host`` that is not one of ``allowed_hosts`` (when given) is refused with 400, so a page on another site
  cannot reach a server bound to 127.0.0.1 by DNS rebinding;
- every answer says ``nosniff``, ``no-referrer`` and that it may not be framed; JSON answers under /api
  forbid any active content (``Content-Security-Policy: default-src 'none'``), and an HTML answer that
  sets no policy of its own gets the pages' (:data:`HTML_CSP`: no script at all).
"""

from __future__ import annotations

import json
from html import escape
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.exceptions import HTTPException

__all__ = ["GuardMiddleware", "HTML_CSP"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

_SECURITY_HEADERS = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
                     (b"x-frame-options", b"DENY")]
_API_CSP = (b"content-security-policy", b"default-src 'none'; frame-ancestors 'none'")
#: paths answered in JSON (the API, its docs and schema); refusals elsewhere are small HTML pages
_JSON_PREFIXES = ("/api", "/docs", "/openapi", "/redoc")
#: the web pages' policy: this server's stylesheet and inline SVG/data images, no script, no framing
HTML_CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; "
            "frame-ancestors 'none'")


class GuardMiddleware:
    """Size limits per path (the upload route may take more), host check and security headers."""

    def __init__(self, app: Any, *, max_body_bytes: int, upload_paths: dict[str, int],
                 max_query_bytes: int = 4096, max_path_bytes: int = 2048, max_query_params: int = 64,
                 max_header_bytes: int = 16 * 1024, allowed_hosts: list[str] | None = None) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.upload_paths = upload_paths
        self.max_query_bytes = max_query_bytes
        self.max_path_bytes = max_path_bytes
        self.max_query_params = max_query_params
        self.max_header_bytes = max_header_bytes
        self.allowed_hosts = {h.lower() for h in allowed_hosts} if allowed_hosts else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.upload_paths.get(scope["path"], self.max_body_bytes)
        refusal = self._refusal(scope, limit)
        if refusal is not None:
            await _send_error(send, *refusal, html=not scope["path"].startswith(_JSON_PREFIXES))
            return
        await self.app(scope, _counting(receive, limit), _with_headers(send, scope["path"]))

    def _refusal(self, scope: Scope, limit: int) -> tuple[int, str] | None:
        if sum(len(k) + len(v) + 4 for k, v in scope.get("headers", [])) > self.max_header_bytes:
            return 431, f"the request headers are larger than {self.max_header_bytes:,} bytes"
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        if self.allowed_hosts is not None:
            host = _host_name(headers.get("host", ""))
            if host not in self.allowed_hosts:
                return 400, f"host {host or '(none)'!r} is not served here; use one of {sorted(self.allowed_hosts)}"
        path = scope.get("raw_path") or scope.get("path", "").encode("utf-8", "surrogateescape")
        if len(path) > self.max_path_bytes:
            return 414, f"the path is longer than {self.max_path_bytes} bytes"
        query = scope.get("query_string", b"")
        if len(query) > self.max_query_bytes:
            return 414, f"the query string is longer than {self.max_query_bytes} bytes"
        if query.count(b"&") >= self.max_query_params:
            return 400, f"the query string has more than {self.max_query_params} parameters"
        length = headers.get("content-length")
        if length is not None:
            if not (length.isascii() and length.isdigit()):  # "²".isdigit() is true, int("²") fails
                return 400, "Content-Length is not a number"
            if int(length) > limit:
                return 413, f"the request body ({int(length):,} bytes) is larger than {limit:,} bytes allowed here"
        return None


def _host_name(value: str) -> str:
    """The host of a ``Host`` header without its port: ``[::1]:8000`` -> ``::1``, ``Example.org`` -> ``example.org``."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def _counting(receive: Receive, limit: int) -> Receive:
    seen = 0

    async def wrapped() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise HTTPException(413, f"the request body is larger than {limit:,} bytes allowed here")
        return message

    return wrapped


def _with_headers(send: Send, path: str) -> Send:
    extra = _SECURITY_HEADERS + ([_API_CSP] if path.startswith("/api/") or path == "/api" else [])

    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            message = dict(message)
            headers = list(message.get("headers", [])) + extra
            names = {k.lower(): v for k, v in headers}
            if b"content-security-policy" not in names and \
                    names.get(b"content-type", b"").lower().startswith(b"text/html"):
                headers.append((b"content-security-policy", HTML_CSP.encode()))
            message["headers"] = headers
        await send(message)

    return wrapped


async def _send_error(send: Send, status: int, message: str, *, html: bool = False) -> None:
    """A refusal: ``{"detail": message}``, or a small HTML page for the web pages' paths."""
    if html:
        body = (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{status} · warta</title>"
                f"</head><body><h1>{status}</h1><p>{escape(message)}</p><p><a href=\"/\">Back to the stories</a>"
                f"</p></body></html>").encode()
        kind = [(b"content-type", b"text/html; charset=utf-8"), (b"content-security-policy", HTML_CSP.encode())]
    else:
        body = json.dumps({"detail": message}).encode()
        kind = [(b"content-type", b"application/json")]
    await send({"type": "http.response.start", "status": status,
                "headers": kind + [(b"content-length", str(len(body)).encode()), (b"connection", b"close")]
                + _SECURITY_HEADERS})
    await send({"type": "http.response.body", "body": body})
