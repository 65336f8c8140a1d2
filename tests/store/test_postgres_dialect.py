"""The PostgreSQL dialect helpers, without a server: placeholders, URLs, statement words."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from tacitus.store.pg_dialect import (
    first_keyword,
    frame,
    is_url,
    placeholders,
    redact,
)
from tacitus.store.query import EventFilter


@pytest.mark.parametrize("query, expected", [
    ("SELECT * FROM t WHERE a = ? AND b IN (?, ?)",
     "SELECT * FROM t WHERE a = %s AND b IN (%s, %s)"),
    ("SELECT '?' AS q, \"odd?name\" FROM t WHERE x = ?",
     "SELECT '?' AS q, \"odd?name\" FROM t WHERE x = %s"),
    ("SELECT 'it''s 100%' WHERE a LIKE ? ESCAPE '\\'",
     "SELECT 'it''s 100%%' WHERE a LIKE %s ESCAPE '\\'"),
    ("SELECT 5 % 2", "SELECT 5 %% 2"),
])
def test_placeholders(query: str, expected: str) -> None:
    assert placeholders(query) == expected


def test_every_event_filter_translates_with_one_placeholder_per_parameter() -> None:
    condition, params = EventFilter.parse(
        country="IRQ,SYR", type="ASSAULT", status="occurred", actor="50%_off",
        since="2019-01-01", until="2020-01-01", near="33.3,44.4,25", min_confidence=0.5).where()
    assert placeholders(condition).count("%s") == len(params) and "?" not in placeholders(condition)


@pytest.mark.parametrize("url, shown", [
    ("postgresql://ana:secret@db.example.org:5432/events",
     "postgresql://ana@db.example.org:5432/events"),
    ("postgresql://ana:p%40ss@db/events?sslmode=require", "postgresql://ana@db/events?sslmode=require"),
    ("postgres://db/events", "postgres://db/events"),
])
def test_urls_are_shown_without_password(url: str, shown: str) -> None:
    assert is_url(url) and redact(url) == shown


@pytest.mark.parametrize("location", ["tacitus.duckdb", "/data/postgresql/x.duckdb", "pg.duckdb"])
def test_files_are_not_urls(location: str) -> None:
    assert not is_url(location)


@pytest.mark.parametrize("query, word", [
    ("select 1", "SELECT"),
    ("  -- count them\n  /* all */ (WITH t AS (SELECT 1) SELECT * FROM t)", "WITH"),
    ("DELETE FROM events", "DELETE"),
    ("/* SELECT */ DROP TABLE events", "DROP"),
    ("", ""),
])
def test_first_keyword(query: str, word: str) -> None:
    assert first_keyword(query) == word


def test_frames_are_typed_like_duckdb() -> None:
    # oids: int8, bool, date, text[], float8 - with NULLs, as a LEFT JOIN returns them
    out = frame(["n", "flag", "day", "tags", "x"], [20, 16, 1082, 1009, 701],
                [(1, None, date(2020, 1, 2), ["a"], None), (None, True, None, [], 2.5)])
    assert list(out.dtypes.astype(str)) == ["Int64", "boolean", "object", "object", "float64"]
    assert out["day"][0] == date(2020, 1, 2) and list(out["tags"][0]) == ["a"]
    assert out["n"].isna().tolist() == [False, True]


def test_an_empty_result_keeps_its_columns() -> None:
    out = frame(["id", "n"], [25, 20], [])
    assert list(out.columns) == ["id", "n"] and len(out) == 0
    assert isinstance(out, pd.DataFrame)
