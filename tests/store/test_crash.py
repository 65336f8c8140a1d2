"""SIGKILL at random moments during ingest, then re-run: the database equals an uninterrupted run."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tacitus.store import open_store
from tests.store.conftest import snapshot

REPO = Path(__file__).resolve().parents[2]


def _ingest(db: Path, corpus: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "tests.store.crash_worker", str(db), str(corpus)],
                            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(REPO)})


@pytest.mark.slow
def test_sigkill_at_random_points_then_rerun_equals_uninterrupted(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(200):
        (corpus / f"{n:03d}.txt").write_text(f"Report {n}: fighting in town {n % 6}.\n")
    clean = tmp_path / "clean.duckdb"
    started = time.monotonic()
    done = _ingest(clean, corpus)
    assert done.wait(timeout=300) == 0, done.stderr.read() if done.stderr else ""
    duration = time.monotonic() - started
    with open_store(clean, read_only=True) as store:
        expected = snapshot(store)
    assert len(expected["articles"]) == 194 and len(expected["failures"]) == 6

    killed = tmp_path / "killed.duckdb"
    rnd = random.Random(20191229)
    kills = mid_run = 0
    while kills < 20:
        process = _ingest(killed, corpus)
        time.sleep(rnd.uniform(0.1, 0.9) * duration)
        if process.poll() is not None:  # finished before the kill: start again from scratch
            killed.unlink()
            Path(f"{killed}.wal").unlink(missing_ok=True)
            continue
        process.send_signal(signal.SIGKILL)
        process.wait()
        kills += 1
        if not killed.exists():  # killed before it created the database
            continue
        with open_store(killed, read_only=True) as store:  # consistent after every kill
            partial = snapshot(store)
        stored = {row[0] for row in partial["articles"]}
        assert {row[1] for row in partial["events"]} <= stored
        assert {row[0] for row in partial["incident_events"]} == {row[0] for row in partial["events"]}
        mid_run += 0 < len(stored) < len(expected["articles"])
    assert mid_run >= 5  # most kills landed while articles were being written
    final = _ingest(killed, corpus)
    assert final.wait(timeout=300) == 0
    with open_store(killed, read_only=True) as store:
        assert snapshot(store) == expected
