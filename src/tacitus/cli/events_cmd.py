"""``tacitus events``: query stored events (or their incidents) with filters."""

from __future__ import annotations

import argparse
from typing import Any

from tacitus.api.database import open as open_db
from tacitus.store import DEFAULT_DB

EVENT_COLUMNS = ["date", "type", "acled_sub_event_type", "status", "actor_name", "recipient_name",
                 "location_name", "location_country", "killed", "injured", "source", "confidence"]
INCIDENT_COLUMNS = ["date_first", "type", "location", "country", "actor", "recipient",
                    "n_articles", "n_sources", "killed_min", "killed_max", "killed_most_cited"]


def add_filters(parser: argparse.ArgumentParser) -> None:
    """The event filters shared by ``events`` and ``export``."""
    group = parser.add_argument_group("filters")
    group.add_argument("--country", help="ISO alpha-3 code(s) of where it happened, e.g. IRQ,SYR")
    group.add_argument("--type", help="PLOVER type(s), e.g. ASSAULT,PROTEST")
    group.add_argument("--actor", help="text in either party's name, id or mention")
    group.add_argument("--since", metavar="DATE", help="event date on or after (YYYY-MM-DD)")
    group.add_argument("--until", metavar="DATE", help="event date on or before (YYYY-MM-DD)")
    group.add_argument("--near", metavar="LAT,LON,KM", help="within KM of a point")
    group.add_argument("--status", help="status(es), e.g. occurred,alleged")
    group.add_argument("--min-confidence", type=float, metavar="X", help="confidence at least X")


def filters(args: argparse.Namespace) -> dict[str, Any]:
    return {"country": args.country, "type": args.type, "actor": args.actor,
            "since": args.since, "until": args.until, "near": args.near,
            "status": args.status, "min_confidence": args.min_confidence}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "events", help="query stored events or incidents",
        description="List stored events matching the filters, or with --incidents the "
        "cross-article incidents they belong to (one row per incident, with every source).")
    parser.add_argument("--db", default=DEFAULT_DB, help=f"database file (default {DEFAULT_DB})")
    add_filters(parser)
    parser.add_argument("--incidents", action="store_true", help="one row per incident")
    parser.add_argument("--format", choices=("table", "csv", "json", "parquet"), default="table",
                        help="table (default; main columns), csv, json or parquet (all columns)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from tacitus.cli.export_cmd import emit

    with open_db(args.db, read_only=True) as db:
        frame = db.events(incidents=args.incidents, **filters(args))
    emit(frame, args.format, args.output,
         columns=INCIDENT_COLUMNS if args.incidents else EVENT_COLUMNS, max_width=28)
    return 0
