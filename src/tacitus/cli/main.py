"""The ``tacitus`` command: a thin argparse layer over the Python API.

Each subcommand lives in its own module exposing ``register(subparsers)`` and ``run(args)``.
Errors tacitus raises on purpose print as one ``error: ...`` line with exit status 1; nothing
else a user can cause prints a traceback (set ``TACITUS_DEBUG=1`` to see one).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from tacitus import __version__
from tacitus.cli import (
    bench_cmd,
    errors_cmd,
    eval_cmd,
    events_cmd,
    export_cmd,
    extract_cmd,
    ingest_cmd,
    migrate_cmd,
    serve_cmd,
    sql_cmd,
)
from tacitus.errors import TacitusError

COMMANDS = (extract_cmd, ingest_cmd, events_cmd, sql_cmd, export_cmd, errors_cmd, eval_cmd,
            bench_cmd, serve_cmd, migrate_cmd)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tacitus",
        description="Turn news reports into sourced, coded political and conflict events.",
    )
    parser.add_argument("--version", action="version", version=f"tacitus {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args))
    except TacitusError as exc:
        if os.environ.get("TACITUS_DEBUG"):
            raise
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
