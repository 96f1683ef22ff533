"""``warta serve``: the JSON API and the web pages over a store (wired into the CLI with
``main.add_command(serve)``), and :func:`serve_demo` for ``warta demo --serve``."""

from __future__ import annotations

import os
import socket
import stat
import sys
import threading
import time
import webbrowser
from pathlib import Path

import click

from ..store import DEFAULT_DB, Store, StoreError

__all__ = ["serve", "read_token", "serve_demo", "display_available"]

TOKEN_ENV = "WARTA_TOKEN"


def read_token(token_file: Path | None) -> str | None:
    """The ingest token from ``token_file`` (first line) or the ``WARTA_TOKEN`` environment variable; never
    from the command line, where other users of the machine could read it."""
    if token_file is not None:
        mode = token_file.stat().st_mode
        if mode & (stat.S_IRGRP | stat.S_IROTH):
            click.echo(f"warning: {token_file} is readable by other users; chmod 600 it", err=True)
        lines = token_file.read_text(encoding="utf-8").splitlines()
        return lines[0].strip() if lines else ""
    value = os.environ.get(TOKEN_ENV)
    return value.strip() if value else None


@click.command("serve")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB store file.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; anything but a loopback address makes the API reachable from other machines.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--allow-ingest", is_flag=True,
              help="Add POST /api/ingest (uploads are ingested), guarded by the token of --token-file or $WARTA_TOKEN.")
@click.option("--token-file", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="File whose first line is the ingest token (at least 16 characters).")
@click.option("--index", "update_index", is_flag=True,
              help="First bring the full-text search index up to date (opens the store for writing once).")
def serve(db: str, host: str, port: int, allow_ingest: bool, token_file: Path | None, update_index: bool) -> None:
    """Serve the web pages (/) and the JSON API (/api/..., docs at /docs) over the store, read-only unless
    --allow-ingest."""
    from .app import run_server

    token = read_token(token_file) if allow_ingest else None
    if allow_ingest and not token:
        raise click.ClickException(f"--allow-ingest needs a token: --token-file FILE or ${TOKEN_ENV}")
    if not Path(db).is_file():
        raise click.ClickException(f"{db}: no such store; run `warta ingest` or `warta demo` first")
    if update_index:
        _update_index(db)
    click.echo(f"warta on http://{host}:{port}/ (API: /api/, docs: /docs) over {db}"
               + (" · ingest allowed" if allow_ingest else " · read-only") + f" · {_prepare_snapshot(db)}", err=True)
    try:
        run_server(db, host=host, port=port, allow_ingest=allow_ingest, token=token)
    except (StoreError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc


def _update_index(db: str) -> None:
    from ..store.search import update_search_index

    try:
        with Store(db) as store:
            done = update_search_index(store.con)
    except StoreError as exc:
        raise click.ClickException(f"cannot update the search index: {exc}") from exc
    click.echo(f"search index: {done['added']} articles added, {done['indexed']} indexed", err=True)


def _prepare_snapshot(db: str) -> str:
    """Make sure the read snapshot is there and fresh when nobody writes the store now (it is copied under
    a read-only lock: the store is not written); says what requests will read."""
    from ..store.duckdb_store import publish_snapshot_of, snapshot_path

    published = publish_snapshot_of(db)
    if Path(snapshot_path(db)).is_file():
        return (f"reading the snapshot {snapshot_path(db)}" + (" (just published)" if published else "")
                + "; ingests in other processes are not blocked")
    return ("no read snapshot (a writer was interrupted or the folder is read-only): the store is read "
            "directly, and an ingest in another process waits until requests pause")


def display_available() -> bool:
    """Whether a browser window could be shown: always on macOS and Windows, with an X11 or Wayland
    display elsewhere (not over a bare ssh session, in a container or in CI)."""
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _open_when_up(url: str, port: int, *, timeout: float = 30.0) -> bool:
    """Open ``url`` in the user's browser once 127.0.0.1:``port`` accepts connections."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
        except OSError:
            time.sleep(0.2)
    else:
        return False
    return webbrowser.open(url)


def serve_demo(db: str, port: int = 8000, open_browser: bool = True) -> None:
    """Serve the dashboard over ``db`` on 127.0.0.1:``port`` until interrupted (``warta demo --serve``): say
    its address, and open it in a browser when asked and a display is available."""
    from .app import run_server

    if not Path(db).is_file():
        raise click.ClickException(f"{db}: no such store; run `warta demo` first")
    url = f"http://127.0.0.1:{port}/"
    _prepare_snapshot(db)
    click.echo(f"warta dashboard: {url}  (API: {url}api/, docs: {url}docs; Ctrl+C stops it)")
    if open_browser and display_available():
        threading.Thread(target=_open_when_up, args=(url, port), name="warta-open-browser", daemon=True).start()
    try:
        run_server(db, host="127.0.0.1", port=port)
    except (StoreError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
