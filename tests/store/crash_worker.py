"""``python -m tests.store.crash_worker DB CORPUS``: ``tacitus ingest`` with a synthetic extractor.

The SIGKILL test runs this in a subprocess and kills it at random moments; the extractor is
deterministic (events from each file's number) and a little slow, so that kills land inside
batches, inside transactions and between them.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from tacitus.cli import ingest_cmd
from tacitus.model import InputProblem, Party, Place, Toll
from tests.store.conftest import report

TOWNS = [Place(f"Town {n}", f"Town {n}", "IRQ", f"Province {n % 4}", 30 + n, 40 + n, 1000 + n,
               "city") for n in range(6)]


def extract(paths, skip=None):
    for folder in paths:
        for file in sorted(Path(folder).iterdir()):
            time.sleep(0.004)
            n = int(file.stem)
            if n % 37 == 5:
                yield InputProblem(path=str(file), message="unreadable")
                continue
            incident = n % 25
            actor = Party(f"Group {incident % 3}", f"Group {incident % 3}", f"G{incident % 3}")
            yield report(file.read_text(), source=f"Outlet {n % 7}", path=str(file),
                         events=[{"date": date(2020, 1, 1) + timedelta(days=incident // 6),
                                  "location": TOWNS[incident % 6], "actor": actor,
                                  "fatalities": Toll(n % 9, None, "exact")},
                                 {"type": "PROTEST", "cameo": "141", "actor": None,
                                  "date": date(2020, 2, 1) + timedelta(days=n % 3),
                                  "location": TOWNS[n % 6]}][: 1 + n % 2])


def main(db: str, corpus: str) -> int:
    from tacitus.api import pipeline

    pipeline.extract_paths = extract  # type: ignore[assignment]
    parser = argparse.ArgumentParser()
    ingest_cmd.register(parser.add_subparsers())
    args = parser.parse_args(["ingest", corpus, "--db", db, "--batch-size", "4"])
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
