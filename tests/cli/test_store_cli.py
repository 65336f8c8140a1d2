"""The store commands end to end on a real DuckDB file (extraction replaced by fixed results)."""

from __future__ import annotations

import argparse
import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest

from tacitus.cli import errors_cmd, events_cmd, export_cmd, ingest_cmd, sql_cmd
from tacitus.errors import ConfigError, StoreError
from tests.store.test_ingest import CORPUS


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="tacitus")
    subparsers = parser.add_subparsers()
    for command in (ingest_cmd, events_cmd, sql_cmd, export_cmd, errors_cmd):
        command.register(subparsers)
    args = parser.parse_args(argv)
    return int(args.func(args))


@pytest.fixture()
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> str:
    def extract(paths, skip=None):
        list(paths)
        yield from (r for r in CORPUS if skip is None or not hasattr(r, "article")
                    or not skip(r.article))
    monkeypatch.setattr("tacitus.api.pipeline.extract_paths", extract)
    path = str(tmp_path / "cli.duckdb")
    assert run(["ingest", "articles", "--db", path]) == 0
    capsys.readouterr()
    return path


def test_ingest_prints_one_summary_line_and_reingest_stores_nothing(db: str, capsys) -> None:
    assert run(["ingest", "articles", "--db", db]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1
    assert out[0].startswith(f"{db}: 0 articles stored (5 already stored), 0 events, 3 incidents")


def test_events_table_and_formats(db: str, capsys, tmp_path: Path) -> None:
    assert run(["events", "--db", db, "--country", "IRQ"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[:3] == ["date", "type", "acled_sub_event_type"]
    assert len(table) == 2 + 3
    assert run(["events", "--db", db, "--format", "csv", "--type", "PROTEST"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["location_text"] for r in rows] == ["Baghdad"]
    assert run(["events", "--db", db, "--incidents", "--format", "json"]) == 0
    incidents = json.loads(capsys.readouterr().out)
    assert sorted(i["n_articles"] for i in incidents) == [1, 1, 2]
    target = tmp_path / "e.parquet"
    assert run(["events", "--db", db, "--format", "parquet", "-o", str(target)]) == 0
    assert len(pd.read_parquet(target)) == 4


def test_sql_is_read_only(db: str, capsys) -> None:
    assert run(["sql", "--db", db, "--format", "csv", "SELECT count(*) AS n FROM articles"]) == 0
    assert capsys.readouterr().out == "n\n5\n"
    with pytest.raises(ConfigError):
        run(["sql", "--db", db, "DELETE FROM articles"])


def test_errors_lists_failed_inputs(db: str, capsys) -> None:
    assert run(["errors", "--db", db]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "corpus/broken.jsonl" in lines[2] and "malformed JSON" in lines[2]


@pytest.mark.parametrize("shape, width", [("native", 50), ("acled", 31), ("gdelt", 61)])
def test_export_shapes_to_stdout(db: str, capsys, shape: str, width: int) -> None:
    assert run(["export", "--db", db, "--shape", shape]) == 0
    header = next(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert len(header) == width


def test_query_commands_need_an_existing_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        run(["events", "--db", str(tmp_path / "none.duckdb")])
    assert not (tmp_path / "none.duckdb").exists()
