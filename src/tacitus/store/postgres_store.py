"""The PostgreSQL backend: one server database shared by many ingest processes and readers.

Same tables, migrations and rows as DuckDB (the logic is shared in ``sql_store``). What differs
is concurrency: every write transaction (a batch, a migration, an incident rebuild) first takes
one transaction-level advisory lock, so batches from several processes are written one after
the other. A batch then sees every article committed before it, never stores one twice, and
links incidents against all earlier ones exactly as a single process would; the lock is held
for the few milliseconds of the write, not while articles are parsed. Readers never wait:
PostgreSQL serves each query from a snapshot of committed data.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

import pandas as pd
import psycopg
from psycopg import errors as pg_errors
from psycopg.rows import dict_row

from tacitus.errors import ConfigError, StoreError
from tacitus.store.migrations import Migration, migrations
from tacitus.store.pg_dialect import first_keyword, frame, has_nul, placeholders, redact
from tacitus.store.rows import Row
from tacitus.store.sql_store import SqlStore

# pg_advisory_xact_lock key of tacitus writes: the bytes of "tacitus" as a bigint.
WRITE_LOCK = int.from_bytes(b"tacitus", "big")
MIGRATIONS = "store/postgres"  # indexes only a server database needs (resources/store/postgres)
READ_STATEMENTS = ("SELECT", "WITH", "VALUES", "TABLE")
ONLY_SELECT = "only a single SELECT (or WITH ... SELECT) query is allowed"
READ_ONLY_STATE = "25006"  # read_only_sql_transaction: the query tried to write
QUERY_ERROR_CLASSES = ("42", "22")  # syntax or access rule; data exception: the user's SQL
NUL_REFUSED = "text contains NUL characters, which PostgreSQL cannot store; article not stored"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0].strip() if text else type(exc).__name__


def _statement(query: str, params: Sequence[Any]) -> tuple[str, list[Any] | None]:
    """A shared-SQL statement in psycopg's terms (without parameters, a script runs as it is)."""
    return (placeholders(query), list(params)) if params else (query, None)


def store_error(exc: psycopg.Error, where: str) -> StoreError:
    """The one-line StoreError for a psycopg error."""
    if isinstance(exc, pg_errors.DiskFull):
        return StoreError("disk full: the last batch was not written (data already stored is "
                          "intact)", where=where)
    if exc.sqlstate == READ_ONLY_STATE:
        return StoreError("database is open read-only", where=where)
    if isinstance(exc, psycopg.OperationalError) and exc.sqlstate is None:
        return StoreError(f"lost the connection to PostgreSQL: {_first_line(exc)}", where=where)
    return StoreError(_first_line(exc), where=where)


def connect_error(exc: psycopg.Error, url: str) -> StoreError:
    """Why a connection failed, without libpq's preamble naming host and port again, and
    without the password wherever the driver quotes the URL."""
    reason = re.split(r"failed: (?:FATAL:\s*)?", _first_line(exc))[-1].strip()
    password = urlsplit(url).password
    if password:
        reason = reason.replace(password, "***")
    return StoreError(f"cannot connect to PostgreSQL: {reason}", where=redact(url))


class PostgresStore(SqlStore):
    """A tacitus database on a PostgreSQL 15+ server (``postgresql://user@host:port/dbname``).

    ``path`` is the URL without its password. The connection is in autocommit mode, so a read
    holds no transaction open; writes open one explicitly.
    """

    driver_error = psycopg.Error
    translate = staticmethod(store_error)

    def __init__(self, url: str, *, read_only: bool = False, migrate: bool = True) -> None:
        self.path = redact(url)
        self.read_only = read_only
        # Read-only sessions refuse writes on the server too (``tacitus sql``, ``events``).
        session: dict[str, Any] = {"options": "-c default_transaction_read_only=on"} \
            if read_only else {}
        try:
            self.con = psycopg.connect(url, autocommit=True, connect_timeout=10,
                                       application_name="tacitus", **session)
        except psycopg.Error as exc:
            raise connect_error(exc, url) from None
        self._open(migrate=migrate)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self._guard(), self.con.transaction():
            self.con.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_LOCK])
            yield

    def _execute(self, query: str, params: Sequence[Any] = ()) -> None:
        self.con.execute(*_statement(query, params))

    def _fetch(self, query: str, params: Sequence[Any] = ()) -> list[Row]:
        with self.con.cursor(row_factory=dict_row) as cursor:
            cursor.execute(*_statement(query, params))
            return cursor.fetchall()

    def _frame(self, query: str, params: Sequence[Any] | None = None) -> pd.DataFrame:
        with self._guard(), self.con.cursor() as cursor:
            cursor.execute(*_statement(query, params or ()))
            return self._to_frame(cursor)

    @staticmethod
    def _to_frame(cursor: psycopg.Cursor[Any]) -> pd.DataFrame:
        description = cursor.description or []
        return frame([d.name for d in description], [d.type_code for d in description],
                     cursor.fetchall())

    def _select(self, sql: str, params: list[Any]) -> pd.DataFrame:
        # psycopg serialises the threads sharing this connection; each query is a snapshot.
        return self._frame(sql, params)

    def _insert(self, table: str, rows: Sequence[Row], *, or_ignore: bool = False) -> None:
        if not rows:
            return
        columns = list(rows[0])
        names = ", ".join(f'"{c}"' for c in columns)
        values = ", ".join("%s" for _ in columns)
        conflict = " ON CONFLICT DO NOTHING" if or_ignore else ""
        with self.con.cursor() as cursor:
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({values}){conflict}",
                               [tuple(r[c] for c in columns) for r in rows])

    def _own_migrations(self) -> tuple[Migration, ...]:
        return tuple(Migration(f"postgres/{m.name}", m.sql) for m in migrations(MIGRATIONS))

    def _refuse(self, tables: dict[str, list[Row]]) -> str | None:
        return NUL_REFUSED if any(has_nul(rows) for rows in tables.values()) else None

    def sql(self, query: str) -> pd.DataFrame:
        """One statement, checked to start as a query and run in a READ ONLY transaction.

        Prepared (not simply executed), so that PostgreSQL itself refuses a second statement.
        Grant the role used for shared analysis SELECT only: a read-only transaction cannot
        write tables, but a superuser's functions can still read server files.
        """
        if first_keyword(query) not in READ_STATEMENTS:
            raise ConfigError(ONLY_SELECT)
        try:
            with self.con.transaction():
                self.con.execute("SET TRANSACTION READ ONLY")
                cursor = self.con.execute(query, prepare=True)
                if cursor.description is None:
                    raise ConfigError(ONLY_SELECT)
                result = self._to_frame(cursor)
                raise psycopg.Rollback()
        except psycopg.Error as exc:
            state = exc.sqlstate or ""
            if state == READ_ONLY_STATE or "multiple commands" in str(exc):
                raise ConfigError(ONLY_SELECT) from exc
            if state[:2] in QUERY_ERROR_CLASSES:
                raise ConfigError(f"SQL: {_first_line(exc)}") from exc
            raise store_error(exc, self.path) from exc
        return result

    def close(self) -> None:
        self.con.close()
