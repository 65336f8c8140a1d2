"""The embedded DuckDB backend: one file, one writer process, many readers.

Each batch is one transaction: articles, events, their parts, incident updates and failures
become visible together or not at all, so killing ingest at any moment leaves a consistent
database and a re-run stores exactly what is missing. Every DuckDB error is translated into a
one-line StoreError naming the file.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from tacitus.errors import ConfigError, StoreError
from tacitus.store.driver_errors import store_error
from tacitus.store.rows import Row
from tacitus.store.sql_store import SqlStore


def _rows(cursor: duckdb.DuckDBPyConnection) -> list[Row]:
    names = [d[0] for d in cursor.description or ()]
    return [dict(zip(names, values)) for values in cursor.fetchall()]


class DuckDBStore(SqlStore):
    """A tacitus database in one DuckDB file (created and migrated on first write-open).

    What is stored and how incidents are linked is shared with PostgreSQL (``sql_store``);
    this class supplies DuckDB's connection, transactions, bulk inserts and SQL checking.
    """

    driver_error = duckdb.Error
    translate = staticmethod(store_error)

    def __init__(self, path: str | Path, *, read_only: bool = False, migrate: bool = True) -> None:
        self.path = str(path)
        self.read_only = read_only
        if read_only and not Path(self.path).is_file():
            raise StoreError("no such database (run tacitus ingest first)", where=self.path)
        with self._guard():
            self.con = duckdb.connect(self.path, read_only=read_only)
        self._open(migrate=migrate)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self._guard():
            self.con.begin()
            try:
                yield
            except BaseException:
                try:
                    self.con.rollback()
                except duckdb.Error:
                    pass  # the failed commit already ended the transaction
                raise
            self.con.commit()

    def _insert(self, table: str, rows: Sequence[Row], *, or_ignore: bool = False) -> None:
        if not rows:
            return
        columns = list(rows[0])
        batch = pa.table({c: [r[c] for r in rows] for c in columns})  # noqa: F841 - scanned by name
        names = ", ".join(f'"{c}"' for c in columns)
        verb = "INSERT OR IGNORE" if or_ignore else "INSERT"
        self.con.execute(f"{verb} INTO {table} ({names}) SELECT {names} FROM batch")

    def _execute(self, query: str, params: Sequence[Any] = ()) -> None:
        if params:
            self.con.execute(query, list(params))
        else:
            self.con.execute(query)

    def _fetch(self, query: str, params: Sequence[Any] = ()) -> list[Row]:
        return _rows(self.con.execute(query, list(params)))

    def _frame(self, query: str, params: Sequence[Any] | None = None) -> pd.DataFrame:
        with self._guard():
            return self.con.execute(query, params or []).df(date_as_object=True)

    def _select(self, sql: str, params: list[Any]) -> pd.DataFrame:
        # A cursor is a connection of its own to the same database: DuckDB connections are not
        # thread-safe, cursors used by one thread each are, and they see committed writes.
        with self._guard(), self.con.cursor() as cursor:
            return cursor.execute(sql, params).df(date_as_object=True)

    def cluster_events(self) -> None:
        """Rewrite ``events_flat`` in (date, country) order, in one transaction.

        DuckDB keeps min/max per column for each row group of ~120,000 rows and skips row groups
        a filter rules out, so date and country filters over millions of events read a few
        row groups instead of all of them when rows are stored in that order. Ingest appends in
        arrival order; run this after a large or out-of-order (backfill) ingest. It costs about
        30 s per million events (the primary-key index is rebuilt).
        """
        if self.read_only:
            raise StoreError("database is open read-only", where=self.path)
        with self._transaction():
            self.con.execute("CREATE TEMP TABLE events_sorted AS SELECT * FROM events_flat "
                             "ORDER BY date NULLS LAST, location_country NULLS LAST, id")
            self.con.execute("DELETE FROM events_flat")
            self.con.execute("INSERT INTO events_flat SELECT * FROM events_sorted")
            self.con.execute("DROP TABLE events_sorted")

    def sql(self, query: str) -> pd.DataFrame:
        with self._guard():
            try:
                statements = duckdb.extract_statements(query)
            except duckdb.ParserException as exc:
                raise ConfigError(f"SQL: {str(exc).splitlines()[0]}") from exc
        if len(statements) != 1 or statements[0].type != duckdb.StatementType.SELECT:
            raise ConfigError("only a single SELECT (or WITH ... SELECT) query is allowed")
        return self._frame(query)

    def close(self) -> None:
        with self._guard():
            self.con.close()
