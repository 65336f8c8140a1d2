"""``tacitus sql``: one read-only SQL query over the store's tables."""

from __future__ import annotations

import argparse

from tacitus.api.database import open as open_db
from tacitus.cli.export_cmd import emit
from tacitus.store import DEFAULT_DB


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "sql", help="run a read-only SQL query over the database",
        description="Run one SELECT (or WITH ... SELECT) over the tables articles, events, "
        "parties, places, evidence, quotes, incidents, incident_events, failures and the view "
        "events_flat. The database is opened read-only; anything else is refused.")
    parser.add_argument("query", help='e.g. "SELECT type, count(*) FROM events GROUP BY type"')
    parser.add_argument("--db", default=DEFAULT_DB, help=f"database file (default {DEFAULT_DB})")
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table",
                        help="table (default), csv or json (an array of objects)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with open_db(args.db, read_only=True) as db:
        frame = db.sql(args.query)
    emit(frame, args.format, None)
    return 0
