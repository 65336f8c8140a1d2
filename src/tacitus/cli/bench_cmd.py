"""``tacitus bench PATH``: throughput of the pipeline against spaCy's parse alone."""

from __future__ import annotations

import argparse
import sys

from tacitus.cli.ingest_cmd import CLUSTER_HELP


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "bench",
        help="measure speed against spaCy's parse alone",
        description="Run the full pipeline over a corpus (files, folders, JSONL/CSV corpora or a "
        "GeoVirus-style XML file) and spaCy's parse alone over the same texts; print articles/s, "
        "words/s, peak memory and ratio = pipeline throughput / parse-only throughput.",
    )
    parser.add_argument("path", metavar="PATH", help="the corpus")
    workers = parser.add_mutually_exclusive_group()
    workers.add_argument("--processes", type=int, default=1, metavar="N",
                         help="worker processes (default 1)")
    workers.add_argument("--cluster", metavar="SPEC", help=CLUSTER_HELP)
    parser.add_argument("--limit", type=int, metavar="N", help="use only the first N articles")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text report (default) or one JSON object")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    # The pipeline loads spaCy: imported only when this command runs, not for every command.
    from tacitus.bench import run as bench

    if args.cluster is None:
        report = bench(args.path, processes=args.processes, limit=args.limit)
    else:
        # Dask takes a second to import: only when used.
        from tacitus.api import cluster

        with cluster.connect(args.cluster) as workers:
            print(f"Dask dashboard: {workers.dashboard}", file=sys.stderr)
            report = bench(args.path, processes=args.processes, limit=args.limit, cluster=workers)
    for problem in report.problems:
        print(problem, file=sys.stderr)
    print(report.to_json() if args.format == "json" else report.to_text())
    return 0
