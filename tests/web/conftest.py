"""Web fixtures: one database ingested from ``examples/articles`` and a real server over it.

The database is built once per session (the API and page tests share it, read-only); each
test module gets its own uvicorn server on a free 127.0.0.1 port, so the browser talks to the
same stack a user would, HTTP included.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn

from tacitus.api import open_database
from tacitus.nlp import Pipeline
from tacitus.web.app import create_app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Path:
    """A DuckDB file holding every example article; treat it as read-only."""
    path = tmp_path_factory.mktemp("web") / "examples.duckdb"
    with open_database(path) as db:
        summary = db.ingest([EXAMPLES])
    assert summary.failures == 0 and summary.events > 0, summary
    return path


@dataclass(frozen=True, slots=True)
class LiveServer:
    url: str
    db: Path


@pytest.fixture(scope="module")
def live_server(web_db: Path) -> Iterator[LiveServer]:
    """``create_app(web_db)`` served by uvicorn in a thread until the module's tests end."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(str(web_db)), log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield LiveServer(url=f"http://127.0.0.1:{port}", db=web_db)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
