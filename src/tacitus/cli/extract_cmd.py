"""``tacitus extract PATH...``: code articles and print the events (nothing is stored)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from tacitus.cli.table import render
from tacitus.model import ArticleResult, Event, InputProblem


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="code events in articles and print them",
        description="Read text files with datelines, HTML pages, JSONL/CSV corpora or folders, and "
        "print one JSON record per article (JSON Lines when there are several), or a table.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or corpora")
    parser.add_argument("--format", choices=("json", "jsonl", "table"), default="json",
                        help="json: indented for one article, JSON Lines for several (default); "
                        "jsonl: always one line per article; table: aligned text")
    parser.set_defaults(func=run)


def _party(party) -> str:
    if party is None:
        return ""
    code = party.country or party.sector or ""
    return f"{party.text} [{code}]" if code else party.text


def _event_row(index: int, event: Event) -> list[object]:
    toll = event.fatalities
    deaths = ""
    if toll is not None:
        qualifier = "" if toll.qualifier == "exact" else f"{toll.qualifier} "
        deaths = f"{qualifier}{toll.killed if toll.killed is not None else '-'}" \
                 f"/{toll.injured if toll.injured is not None else '-'}"
    place = event.location
    where = ""
    if place is not None:
        where = place.text + (f" ({place.country})" if place.country else "")
    return [
        index,
        f"{event.type}" + (f"/{event.mode}" if event.mode else ""),
        event.cameo,
        event.acled.sub_event_type if event.acled else "",
        event.status,
        event.date.isoformat() if event.date else "",
        _party(event.actor),
        _party(event.recipient),
        where,
        deaths,
        event.attribution.source or "",
        f"{event.confidence:.2f}",
    ]


CERTAINTY = {3: "asserted", 2: "attributed", 1: "hedged", 0: "denied"}
HEADERS = ("#", "type", "cameo", "acled", "status", "date", "actor", "recipient", "location",
           "killed/injured", "source", "conf")


def print_table(result: ArticleResult, out: TextIO) -> None:
    """One block per article: a heading line, the events table and each event's evidence."""
    article = result.article
    heading = " | ".join(str(x) for x in (article.path or article.id[:12], article.source,
                                           article.published) if x)
    print(f"== {heading}: {len(result.events)} events", file=out)
    if result.events:
        rows = [_event_row(i, e) for i, e in enumerate(result.events, start=1)]
        print(render(HEADERS, rows, max_width=32), file=out)
        for i, event in enumerate(result.events, start=1):
            print(f"  [{i}] {event.evidence[0].sentence if event.evidence else ''}", file=out)
    if result.quotes or result.claims:
        print(f"-- statements: {len(result.quotes)} quotes, {len(result.claims)} claims", file=out)
    if result.quotes:
        events = {e.id: i for i, e in enumerate(result.events, start=1)}
        rows = [[_party(q.speaker), "direct" if q.direct else "indirect",
                 ",".join(str(events[e]) for e in q.event_ids if e in events), q.text]
                for q in result.quotes]
        print(render(("speaker", "kind", "events", "words"), rows, max_width=60), file=out)
    if result.claims:
        rows = [[c.kind, c.source_text or "(outlet)", c.killed, c.injured, c.qualifier,
                 _party(c.actor), CERTAINTY[c.certainty]] for c in result.claims]
        print(render(("claim", "source", "killed", "injured", "qualifier", "actor", "certainty"),
                     rows, max_width=40), file=out)
    print(file=out)


class _JsonPrinter:
    """Prints one article as indented JSON, several as JSON Lines, streaming past the first."""

    def __init__(self, out: TextIO, lines: bool) -> None:
        self.out = out
        self.lines = lines
        self.held: ArticleResult | None = None

    def add(self, result: ArticleResult) -> None:
        if not self.lines and self.held is None:
            self.held = result
            return
        self.lines = True
        for item in (self.held, result):
            if item is not None:
                print(json.dumps(item.to_dict(), ensure_ascii=False), file=self.out, flush=True)
        self.held = None

    def close(self) -> None:
        if self.held is not None:
            print(json.dumps(self.held.to_dict(), ensure_ascii=False, indent=2), file=self.out)


def run(args: argparse.Namespace) -> int:
    # Loads spaCy: imported when the command runs, not whenever the CLI starts.
    from tacitus.api import extract_paths

    results = 0
    printer = _JsonPrinter(sys.stdout, lines=args.format == "jsonl")
    for item in extract_paths(args.paths):
        if isinstance(item, InputProblem):
            print(item, file=sys.stderr)
            continue
        results += 1
        for warning in item.warnings:
            print(f"warning: {item.article.path or item.article.id}: {warning}", file=sys.stderr)
        if args.format == "table":
            print_table(item, sys.stdout)
        else:
            printer.add(item)
    printer.close()
    return 0 if results else 1
