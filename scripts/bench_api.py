"""Benchmark queries over a million synthetic events: ``tacitus events`` and ``/api/events``.

Targets (issues 6 and 8): a query with country and date filters under 200 ms, and
``GET /api/events`` with filters at p95 under 150 ms. The events are generated straight into
``events_flat`` with one ``INSERT ... SELECT`` over ``range()`` (seconds, not the pipeline), in
an order unrelated to their dates, as a backfill of an archive would leave them; ``--cluster``
then rewrites the table in (date, country) order first (``DuckDBStore.cluster_events``).

    python scripts/bench_api.py [--db /tmp/tacitus-bench.duckdb] [--rows 1000000] [--cluster]

The server runs as a separate ``tacitus serve`` process, so the clients do not share its GIL.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "web"))

from test_api_load import run_load, serve

import tacitus
from tacitus.store import DuckDBStore

COUNTRIES = ("IRQ", "SYR", "AFG", "YEM", "NGA", "MLI", "SDN", "UKR", "MMR", "COL", "USA", "FRA",
             "DEU", "IND", "PAK", "SOM", "LBY", "EGY", "TUR", "IRN")
TYPES = ("ASSAULT", "PROTEST", "COERCE", "THREATEN", "ACCUSE", "CONSULT")
STATUSES = ("occurred", "alleged", "threatened")

# Each value is a deterministic function of the row number i: h(i, k) is the k-th independent
# hash of i, in 0..2^30 (hash(i, k) would correlate the columns).
GENERATE = """
INSERT INTO events_flat (id, article_id, seq, type, context, cameo, goldstein, quad_class,
  status, date, date_precision, actor_text, actor_name, actor_id, actor_country,
  recipient_text, recipient_name, recipient_id, recipient_country, location_text,
  location_name, location_country, location_lat, location_lon, location_precision, killed,
  toll_qualifier, attribution_source, attribution_hedged, confidence, evidence, provenance,
  source, published, title, ingested_at)
SELECT md5('event' || i), md5('article' || (i // 3)), (i % 3)::INTEGER,
  {types}[1 + h(i, 1) % {n_types}], [], '190', -5.0, (1 + h(i, 2) % 4)::INTEGER,
  {statuses}[1 + h(i, 3) % {n_statuses}], DATE '2015-01-01' + (h(i, 4) % 3650)::INTEGER, 'day',
  'fighters ' || h(i, 5) % 500, 'Armed group ' || h(i, 5) % 500, 'GRP' || h(i, 5) % 500,
  {countries}[1 + h(i, 8) % {n_countries}],
  'villagers ' || h(i, 6) % 500, 'Civilians ' || h(i, 6) % 500, 'CVL' || h(i, 6) % 500, NULL,
  'the town', 'Town ' || h(i, 7) % 1000, {countries}[1 + h(i, 8) % {n_countries}],
  -60 + (h(i, 9) % 12000) / 100.0, -170 + (h(i, 10) % 34000) / 100.0, 'city',
  h(i, 11) % 50, 'exact', 'officials', false, (h(i, 12) % 100) / 100.0,
  'Gunmen attacked the town on Tuesday, killing several people, officials said.', '{{}}',
  'Outlet ' || h(i, 13) % 50, DATE '2015-01-01' + (h(i, 4) % 3650)::INTEGER + 1,
  'Attack on a town', TIMESTAMP '2026-01-01 00:00:00'
FROM range({rows}) AS t(i)
"""

QUERIES = (
    {"country": "IRQ", "since": "2019-01-01", "until": "2019-03-31"},
    {"country": "SYR,YEM", "since": "2020-06-01", "until": "2020-06-30"},
    {"country": "NGA", "since": "2018-01-01", "until": "2018-12-31"},
)
API_URLS = (
    "/api/events?country=IRQ&since=2019-01-01&until=2019-03-31",
    "/api/events?country=SYR,YEM&since=2020-06-01&until=2020-12-31&sort=-killed",
    "/api/events?country=NGA&type=ASSAULT&sort=-date&limit=100&offset=200",
    "/api/events?since=2021-01-01&until=2021-01-31&status=occurred&sort=confidence",
    "/api/events?country=AFG&min_confidence=0.8",
    "/api/events?type=PROTEST&since=2016-05-01&until=2016-08-31&sort=-date",
)


def _sql_list(values: tuple[str, ...]) -> str:
    return "[" + ", ".join(f"'{v}'" for v in values) + "]"


def generate(path: Path, rows: int) -> None:
    if path.exists():
        path.unlink()
    started = time.perf_counter()
    store = DuckDBStore(path)
    try:
        store.con.execute("CREATE TEMP MACRO h(a, b) AS (hash(a * 64 + b) % 1073741824)::BIGINT")
        store.con.execute(GENERATE.format(
            rows=rows, types=_sql_list(TYPES), n_types=len(TYPES),
            statuses=_sql_list(STATUSES), n_statuses=len(STATUSES),
            countries=_sql_list(COUNTRIES), n_countries=len(COUNTRIES)))
    finally:
        store.close()
    print(f"generated {rows:,} events in {time.perf_counter() - started:.1f} s "
          f"({path.stat().st_size / 1e6:.0f} MB)")


def bench_query(path: Path, repeat: int) -> None:
    with tacitus.open(path, read_only=True) as db:
        for filters in QUERIES:
            seconds = []
            cpu = time.process_time()
            for _ in range(repeat):
                started = time.perf_counter()
                frame = db.events(**filters)
                seconds.append(time.perf_counter() - started)
            cpu = (time.process_time() - cpu) / repeat
            seconds.sort()
            print(f"tacitus events {filters}: {len(frame):,} rows, "
                  f"p50 {statistics.median(seconds) * 1000:.0f} ms, "
                  f"p95 {seconds[int(0.95 * (len(seconds) - 1))] * 1000:.0f} ms, "
                  f"CPU {cpu * 1000:.0f} ms a query")


def _cpu_seconds(pid: int) -> float:
    """CPU time a process has used (all threads): unlike latency, not inflated by a busy host."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def bench_api(path: Path, requests: int, clients: int) -> None:
    with serve(path) as server:
        run_load(server.base, API_URLS, clients=clients, requests=len(API_URLS) * 4)  # warm up
        cpu = _cpu_seconds(server.process.pid)
        sequential = run_load(server.base, API_URLS, clients=1,
                              requests=max(60, requests // 20))
        cpu = (_cpu_seconds(server.process.pid) - cpu) / len(sequential.seconds)
        print(f"/api/events, 1 client: {sequential.summary()}, "
              f"server CPU {cpu * 1000:.0f} ms a request")
        loaded = run_load(server.base, API_URLS, clients=clients, requests=requests)
        print(f"/api/events, {clients} clients: {loaded.summary()}")
        for error in loaded.errors[:5]:
            print("  error:", error)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/tacitus-bench.duckdb"))
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--reuse", action="store_true", help="keep the database if it exists")
    parser.add_argument("--cluster", action="store_true",
                        help="rewrite events_flat in (date, country) order before measuring")
    parser.add_argument("--repeat", type=int, default=20, help="runs of each query")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=20)
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    if not (args.reuse and args.db.exists()):
        generate(args.db, args.rows)
    if args.cluster:
        started = time.perf_counter()
        with DuckDBStore(args.db) as store:
            store.cluster_events()
        print(f"clustered events_flat by (date, country) in {time.perf_counter() - started:.1f} s")
    bench_query(args.db, args.repeat)
    bench_api(args.db, args.requests, args.clients)


if __name__ == "__main__":
    main()
