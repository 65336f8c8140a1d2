"""``python -m tests.store.crash_worker DB CORPUS``: ``tacitus ingest`` with a synthetic extractor.

The SIGKILL test runs this in a subprocess and kills it at random moments; the extractor is
deterministic (events from each file's number) and a little slow, so that kills land inside
batches, inside transactions and between them.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from tacitus.cli import ingest_cmd
from tests.store.conftest import synthetic


def extract(paths, skip=None):
    for folder in paths:
        for file in sorted(Path(folder).iterdir()):
            time.sleep(0.004)
            yield synthetic(int(file.stem), text=file.read_text(), path=str(file))


def main(db: str, corpus: str) -> int:
    from tacitus.api import pipeline

    pipeline.extract_paths = extract  # type: ignore[assignment]
    parser = argparse.ArgumentParser()
    ingest_cmd.register(parser.add_subparsers())
    args = parser.parse_args(["ingest", corpus, "--db", db, "--batch-size", "4"])
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
