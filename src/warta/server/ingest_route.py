"""``POST /api/ingest``: an upload of files (multipart) or of one body (JSONL, JSON, HTML, text, WARC, gzip)
ingested into the store, when the server was started with ingest allowed.

The caller must send ``Authorization: Bearer <token>`` (compared in constant time) before anything is read;
the body is limited (413 above ``ApiSettings.max_upload_bytes``). Uploads are written under fresh names in
a temporary folder (the names the client gave are kept only as a sanitised suffix, never as a path), read
there by ``warta.ingest.ingest``, which also updates the stories and the search index and publishes the
store's read snapshot (requests then read the new state). The body is saved first, within
``ApiSettings.upload_seconds`` (408 after it), and only then is the ingest lock taken: one ingest at a time,
another request meanwhile gets 503 with ``Retry-After``, but a slow upload holds up no one.
"""

from __future__ import annotations

import asyncio
import hmac
import re
import tempfile
import threading
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from ..store.search import update_search_index
from .access import ApiError, StorePool

__all__ = ["add_ingest_route", "safe_name"]

_CHUNK = 1 << 16


def safe_name(name: str | None, index: int) -> str:
    """A file name of our own for the ``index``-th upload: its last path part, letters, digits, ``.-_``."""
    base = re.split(r"[/\\]", name or "")[-1]
    cleaned = re.sub(r"[^A-Za-z0-9._-]", "_", base).lstrip(".")[:100]
    return f"{index:04d}-{cleaned or 'upload'}"


def _check_token(request: Request, token: str) -> None:
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise ApiError(401, "ingest needs the server's token: send 'Authorization: Bearer <token>'",
                       headers={"WWW-Authenticate": 'Bearer realm="warta"'})


async def _save_upload(request: Request, folder: Path, max_files: int) -> list[str]:
    """Write the upload into ``folder``; returns the names the client gave (for the answer)."""
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("multipart/form-data"):
        return await _save_multipart(request, folder, max_files)
    path = folder / safe_name("body", 0)
    size = 0
    with path.open("wb") as out:
        async for chunk in request.stream():
            size += len(chunk)
            out.write(chunk)
    if size == 0:
        path.unlink()
        return []
    return ["(request body)"]


async def _save_multipart(request: Request, folder: Path, max_files: int) -> list[str]:
    names: list[str] = []
    async with request.form(max_files=max_files, max_fields=max_files) as form:
        for _, value in form.multi_items():
            if not isinstance(value, UploadFile):
                continue
            target = folder / safe_name(value.filename, len(names))
            with target.open("wb") as out:
                while chunk := await value.read(_CHUNK):
                    out.write(chunk)
            names.append(value.filename or target.name)
    return names


def _ingest_folder(pool: StorePool, folder: Path, pipeline_cache: dict[str, Any]) -> dict[str, Any]:
    from ..api import build_pipeline
    from ..ingest import ingest

    if "pipeline" not in pipeline_cache:
        pipeline_cache["pipeline"] = build_pipeline()
    with pool.writer() as store:
        run = ingest([str(folder)], store, pipeline=pipeline_cache["pipeline"], command="api-ingest")
        index = update_search_index(store.con)
    prefix = str(folder) + "/"
    rejects = [{"input": ref.replace(prefix, ""), "reason": reason, "detail": detail.replace(prefix, "")}
               for ref, reason, detail in run.rejects]
    return run.to_dict() | {"rejects": rejects, "search_index": index}


def add_ingest_route(app: FastAPI, pool: StorePool, token: str, settings: Any) -> None:
    busy = threading.Lock()
    pipeline_cache: dict[str, Any] = {}

    @app.post("/api/ingest", tags=["ingest"], status_code=200,
              summary="Ingest uploaded files (multipart) or one body; needs 'Authorization: Bearer <token>'")
    async def ingest_upload(request: Request) -> dict[str, Any]:
        _check_token(request, token)
        with tempfile.TemporaryDirectory(prefix="warta-upload-") as tmp:
            # the body is saved before the ingest lock is taken, within a time limit: a slow or stalled
            # upload holds up no other upload
            try:
                names = await asyncio.wait_for(_save_upload(request, Path(tmp), settings.max_upload_files),
                                               settings.upload_seconds)
            except (asyncio.TimeoutError, TimeoutError) as exc:
                raise ApiError(408, f"the upload did not arrive within {settings.upload_seconds:g} s; "
                                    f"send it again") from exc
            if not names:
                raise ApiError(400, "the upload holds no file: send files as multipart/form-data or the "
                                    "documents as the request body (JSONL, JSON, HTML, text, WARC, gzip)")
            if not busy.acquire(blocking=False):
                raise ApiError(503, "another ingest is running on this server; try again when it is done",
                               headers={"Retry-After": str(settings.retry_after * 5)})
            try:
                summary = await run_in_threadpool(_ingest_folder, pool, Path(tmp), pipeline_cache)
            finally:
                busy.release()
        return summary | {"uploaded": names}
