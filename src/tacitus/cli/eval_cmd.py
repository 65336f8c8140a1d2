"""``tacitus eval FORMAT PATH``: score tacitus on a public gold set."""

from __future__ import annotations

import argparse
import sys

from tacitus.eval import FORMATS, evaluate


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "eval",
        help="score tacitus on a gold set",
        description="Run tacitus over a gold set and print each metric with a 95% bootstrap "
        "confidence interval, per-class rows and (with --format json) one JSON object whose "
        "'score' is the format's headline metric in 0..1.",
    )
    parser.add_argument("dataset_format", metavar="DATASET_FORMAT",
                        help="one of: " + ", ".join(FORMATS))
    parser.add_argument("path", metavar="PATH", help="the gold file (a folder for golden)")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text report (default) or one JSON object")
    parser.add_argument("--limit", type=int, metavar="N", help="score only the first N records")
    parser.add_argument("--half", choices=("odd", "even"),
                        help="score only the odd (1st, 3rd, ...) or even records in file order")
    parser.add_argument("--errors", metavar="FILE",
                        help="write the wrongly coded records (gold vs system) as JSON Lines")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    report = evaluate(args.dataset_format, args.path, limit=args.limit, half=args.half)
    for problem in report.problems:
        print(problem, file=sys.stderr)
    if args.errors:
        count = report.write_errors(args.errors)
        print(f"{count} errors written to {args.errors}", file=sys.stderr)
    print(report.to_json() if args.format == "json" else report.to_text())
    return 0
