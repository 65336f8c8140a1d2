"""``tacitus export``: the stored events in the native, ACLED or GDELT shape.

Also home of :func:`emit`, the one place the store commands write a frame in the format the
user chose (table, CSV, JSON, Parquet) to standard output or a file.
"""

from __future__ import annotations

import argparse
import io
import sys
from contextlib import nullcontext
from pathlib import Path

import pandas as pd

from tacitus.api.database import open as open_db
from tacitus.cli.events_cmd import add_filters, filters
from tacitus.cli.table import render
from tacitus.errors import ConfigError
from tacitus.store import DEFAULT_DB
from tacitus.store.exports import SHAPES, write_parquet, write_text
from tacitus.store.exports.formats import plain


def emit(frame: pd.DataFrame, fmt: str, output: str | None, *, columns: list[str] | None = None,
         max_width: int = 40) -> None:
    """Write ``frame``; ``columns`` picks what a terminal table shows (files get every column)."""
    if fmt == "parquet":
        if output is None and sys.stdout.isatty():
            raise ConfigError("parquet is binary: write it to a file with -o FILE")
        if output is None:
            buffer = io.BytesIO()
            write_parquet(frame, buffer)
            sys.stdout.buffer.write(buffer.getvalue())
        else:
            write_parquet(frame, output)
        return
    with (nullcontext(sys.stdout) if output is None
          else Path(output).open("w", encoding="utf-8", newline="")) as handle:
        if fmt == "table":
            shown = frame[columns] if columns else frame
            rows = [[_cell(v) for v in row] for row in shown.itertuples(index=False)]
            print(render(list(shown.columns), rows, max_width=max_width), file=handle)
        else:
            write_text(frame, fmt, handle)


def _cell(value: object) -> str:
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export", help="export stored events as native, ACLED or GDELT tables",
        description="Write the stored events (optionally filtered) in one of three shapes: "
        "native (the event record flattened), acled (ACLED's 31 columns; events with an ACLED "
        "category only) or gdelt (GDELT 2.0's 61 event columns; FIPS geo codes).")
    parser.add_argument("--db", default=DEFAULT_DB, help=f"database file (default {DEFAULT_DB})")
    parser.add_argument("--shape", choices=SHAPES, default="native", help="column layout")
    parser.add_argument("--format", choices=("csv", "parquet", "json"), default="csv",
                        help="csv (default), parquet (needs -o or a pipe) or json (an array)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    add_filters(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with open_db(args.db, read_only=True) as db:
        frame = db.export(args.shape, **filters(args))
    emit(frame, args.format, args.output)
    return 0
