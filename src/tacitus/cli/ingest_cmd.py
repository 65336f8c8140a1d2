"""``tacitus ingest PATH...``: extract articles and store them; resumable and idempotent."""

from __future__ import annotations

import argparse
import sys

from tqdm import tqdm

from tacitus.api.database import open as open_db
from tacitus.store import DEFAULT_DB

CLUSTER_HELP = ("code the articles on Dask: local (one worker process per core), local:N "
                "(N worker processes) or tcp://HOST:PORT (a running scheduler)")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "ingest", help="extract events from articles and store them in a database",
        description="Code every article under the paths and store articles, events, incidents "
        "and failed inputs. Articles already stored (same text) are skipped, so re-running "
        "after an interruption completes the rest; each batch is written atomically.")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or corpora")
    parser.add_argument("--db", default=DEFAULT_DB, help=f"database file (default {DEFAULT_DB})")
    parser.add_argument("--batch-size", type=int, default=32, metavar="N",
                        help="articles per transaction (default 32)")
    parser.add_argument("--cluster", metavar="SPEC", help=CLUSTER_HELP)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    bar = tqdm(unit=" inputs", file=sys.stderr, disable=not sys.stderr.isatty(), leave=False)
    batch_size = max(1, args.batch_size)
    try:
        with open_db(args.db) as db:
            if args.cluster is None:
                summary = db.ingest(args.paths, batch_size=batch_size, progress=bar.update)
            else:
                # Dask takes a second to import: only when used.
                from tacitus.api import cluster

                with cluster.connect(args.cluster) as workers:
                    print(f"Dask dashboard: {workers.dashboard}", file=sys.stderr)
                    summary = cluster.ingest_paths(db, args.paths, workers,
                                                   batch_size=batch_size, progress=bar.update)
    finally:
        bar.close()
    print(f"{args.db}: {summary}")
    nothing = summary.articles + summary.skipped == 0
    return 1 if nothing and summary.failures else 0
