"""A bounded load test: ``tacitus serve`` (uvicorn) on 127.0.0.1, many concurrent clients.

``serve`` and ``run_load`` are shared with ``scripts/bench_api.py``, which runs the same load
over a million synthetic events.
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

import tacitus

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"

# A mix of what the page asks for while a reader filters and browses.
URLS: tuple[str, ...] = (
    "/api/events?limit=100",
    "/api/events?country=IRQ&since=2019-01-01&until=2020-12-31&sort=-date",
    "/api/events?type=ASSAULT,COERCE&sort=-killed&limit=50&offset=10",
    "/api/events?actor=military&status=occurred",
    "/api/events?min_confidence=0.5&sort=confidence",
    "/api/timeline?by=quad_class",
    "/api/actors?limit=100",
    "/api/map?limit=1000",
    "/api/incidents?limit=20",
)


@dataclass(frozen=True, slots=True)
class LoadResult:
    seconds: list[float]
    errors: list[str]
    wall: float

    def percentile(self, p: float) -> float:
        ordered = sorted(self.seconds)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]

    def summary(self) -> str:
        return (f"{len(self.seconds)} requests, {len(self.errors)} errors, "
                f"{len(self.seconds) / self.wall:.0f} req/s, "
                f"p50 {statistics.median(self.seconds) * 1000:.1f} ms, "
                f"p95 {self.percentile(95) * 1000:.1f} ms, "
                f"max {max(self.seconds) * 1000:.1f} ms")


@dataclass(frozen=True, slots=True)
class Server:
    base: str
    process: subprocess.Popen[bytes]


@contextmanager
def serve(db: Path, *options: str) -> Iterator[Server]:
    """Run ``tacitus serve --db db`` on a free port of 127.0.0.1 until the block ends."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "tacitus.cli.main", "serve", "--db", str(db), "--port", str(port),
         *options], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        env={**os.environ, "TACITUS_TOKEN": ""})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                httpx.get(f"{base}/openapi.json", timeout=5).raise_for_status()
                break
            except httpx.HTTPError:
                if process.poll() is not None or time.monotonic() > deadline:
                    process.kill()
                    raise RuntimeError("tacitus serve did not start: "
                                       + process.communicate()[1].decode()[-500:]) from None
                time.sleep(0.2)
        yield Server(base, process)
    finally:
        process.terminate()
        process.wait(timeout=30)


def run_load(base: str, urls: Sequence[str], *, clients: int, requests: int) -> LoadResult:
    """``requests`` GETs cycling through ``urls`` from ``clients`` concurrent connections."""
    per_client = requests // clients

    def client(n: int) -> tuple[list[float], list[str]]:
        seconds, errors = [], []
        with httpx.Client(base_url=base, timeout=60) as http:
            for i in range(per_client):
                url = urls[(n + i) % len(urls)]
                started = time.perf_counter()
                try:
                    response = http.get(url)
                    response.json()
                    if response.status_code != 200:
                        errors.append(f"{url}: {response.status_code} {response.text[:200]}")
                except httpx.HTTPError as exc:
                    errors.append(f"{url}: {exc!r}")
                seconds.append(time.perf_counter() - started)
        return seconds, errors

    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        results = list(pool.map(client, range(clients)))
    wall = time.perf_counter() - started
    return LoadResult([s for r in results for s in r[0]], [e for r in results for e in r[1]],
                      wall)


@pytest.mark.slow
def test_two_thousand_requests_from_twenty_clients(tmp_path: Path) -> None:
    path = tmp_path / "load.duckdb"
    with tacitus.open(path) as db:
        db.ingest([EXAMPLES])
    with serve(path) as server:
        result = run_load(server.base, URLS, clients=20, requests=2000)
    print(f"\nload on 127.0.0.1: {result.summary()}")
    assert result.errors == []
    assert len(result.seconds) == 2000
