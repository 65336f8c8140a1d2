"""``tacitus errors``: the inputs an ingest could not read or code, and why."""

from __future__ import annotations

import argparse

from tacitus.api.database import open as open_db
from tacitus.cli.export_cmd import emit
from tacitus.store import DEFAULT_DB


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "errors", help="list inputs that failed during ingest",
        description="List the files, lines and records that ingest could not read or code, "
        "with the reason, oldest first.")
    parser.add_argument("--db", default=DEFAULT_DB, help=f"database file (default {DEFAULT_DB})")
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table",
                        help="table (default), csv or json")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with open_db(args.db, read_only=True) as db:
        frame = db.errors()
    emit(frame, args.format, None, columns=["path", "line", "severity", "message"], max_width=80)
    return 0
