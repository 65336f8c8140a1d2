"""A damaged, unwritable, full or busy database gives one clear line and loses nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tacitus.errors import StoreError
from tacitus.store import open_store
from tests.store.conftest import report, snapshot

RESULTS = [report(f"Report number {n} about a strike in Qaim.", events=[{}]) for n in range(3)]


def _filled(path: Path) -> dict:
    with open_store(path) as store:
        store.write_batch(RESULTS)
        return snapshot(store)


def _one_line(error: StoreError, path: Path) -> str:
    text = str(error)
    assert "\n" not in text and text.startswith(str(path))
    return text


@pytest.mark.parametrize("damage", ["garbage", "truncated", "overwritten header"])
def test_a_damaged_file_is_reported_and_left_as_it_was(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "damaged.duckdb"
    if damage == "garbage":
        path.write_bytes(b"this is not a database\n" * 500)
    else:
        _filled(path)
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 3] if damage == "truncated"
                         else data[:4096] + os.urandom(8192) + data[4096 + 8192:])
    before = path.read_bytes()
    with pytest.raises(StoreError) as caught:
        open_store(path)
    assert "corrupt or truncated" in _one_line(caught.value, path)
    assert path.read_bytes() == before


def test_a_text_file_with_another_name_is_not_taken_for_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("my notes\n")
    with pytest.raises(StoreError):
        open_store(path, read_only=True)
    assert path.read_text() == "my notes\n"


@contextmanager
def read_only(*paths: Path) -> Iterator[None]:
    """Make paths unwritable, even for root (who ignores file modes: use the immutable flag)."""
    if os.geteuid() != 0:
        for p in paths:
            p.chmod(0o555 if p.is_dir() else 0o444)
    elif subprocess.run(["chattr", "+i", *map(str, paths)], capture_output=True,
                        check=False).returncode:
        pytest.skip("running as root without chattr: cannot make a path read-only")
    try:
        yield
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", *map(str, paths)], check=True)
        for p in paths:
            p.chmod(0o755 if p.is_dir() else 0o644)


def test_a_read_only_path_is_reported_and_the_data_kept(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "events.duckdb"
    kept = _filled(path)
    with read_only(path, folder):
        for target in (path, folder / "new.duckdb"):
            with pytest.raises(StoreError) as caught:
                open_store(target)
            assert "read-only path or no permission" in _one_line(caught.value, target)
        assert not (folder / "new.duckdb").exists()
        with open_store(path, read_only=True) as store:
            assert snapshot(store) == kept


FILL = """
import resource, signal, sys
from tacitus.errors import StoreError
from tacitus.store import open_store
from tacitus.model import Article, ArticleResult
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
store = open_store(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[2]), int(sys.argv[2])))
big = [ArticleResult(article=Article(text=f"{n} " + "filler text " * 20000)) for n in range(40)]
try:
    store.write_batch(big)
    print("written")
except StoreError as exc:
    print(exc)
"""


def test_disk_full_loses_only_the_batch_in_flight(tmp_path: Path) -> None:
    path = tmp_path / "full.duckdb"
    kept = _filled(path)
    limit = path.stat().st_size + 200_000
    done = subprocess.run([sys.executable, "-c", FILL, str(path), str(limit)],
                          capture_output=True, text=True, timeout=120, check=False)
    line = done.stdout.strip()
    assert line.startswith(str(path)) and "disk full" in line and "\n" not in line, done.stderr
    with open_store(path) as store:
        assert snapshot(store) == kept


HOLD = """
import sys, time
from tacitus.store import open_store
store = open_store(sys.argv[1])
print("ready", flush=True)
time.sleep(60)
"""


def test_a_second_writer_is_refused_while_the_first_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "busy.duckdb"
    kept = _filled(path)
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        for read_only in (False, True):
            with pytest.raises(StoreError) as caught:
                open_store(path, read_only=read_only)
            assert f"in use by another process (PID {holder.pid})" in _one_line(caught.value, path)
    finally:
        holder.kill()
        holder.wait()
    with open_store(path) as store:
        assert snapshot(store) == kept


def test_opening_a_missing_database_read_only_says_so(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        open_store(tmp_path / "missing.duckdb", read_only=True)
