"""The PostgreSQL backend: one server database shared by many ingest processes and readers.

Same tables, migrations and rows as DuckDB (the logic is shared in ``sql_store``). What differs
is concurrency: every write transaction (a batch, a migration, an incident rebuild) first takes
one transaction-level advisory lock, so batches from several processes are written one after
the other. A batch then sees every article committed before it, never stores one twice, and
links incidents against all earlier ones exactly as a single process would; the lock is held
for the few milliseconds of the write, not while articles are parsed. Readers never wait:
PostgreSQL serves each query from a snapshot of committed data.

A server restart, a failover or an administrator ending the session drops the connection; a
long-running ``tacitus serve`` must outlive that. A read on a dropped connection is run again
once on a new one; a write fails with a one-line StoreError (its transaction was rolled back
by the server) and the next write opens a new connection.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar
from urllib.parse import urlsplit

import pandas as pd
import psycopg
from psycopg import errors as pg_errors
from psycopg.rows import dict_row

from tacitus.errors import ConfigError, StoreError
from tacitus.store.migrations import Migration, migrations
from tacitus.store.pg_dialect import first_keyword, frame, placeholders, redact
from tacitus.store.rows import Row
from tacitus.store.sql_store import SqlStore

# pg_advisory_xact_lock key of tacitus writes: the bytes of "tacitus" as a bigint.
WRITE_LOCK = int.from_bytes(b"tacitus", "big")
MIGRATIONS = "store/postgres"  # indexes only a server database needs (resources/store/postgres)
READ_STATEMENTS = ("SELECT", "WITH", "VALUES", "TABLE")
ONLY_SELECT = "only a single SELECT (or WITH ... SELECT) query is allowed"
READ_ONLY_STATE = "25006"  # read_only_sql_transaction: the query tried to write
QUERY_ERROR_CLASSES = ("42", "22")  # syntax or access rule; data exception: the user's SQL
# The server ended the session: admin_shutdown (pg_terminate_backend, a fast or immediate
# shutdown), crash_shutdown, cannot_connect_now (starting up), idle_session_timeout; and class
# 08, connection exceptions. Without a state at all, libpq lost the socket.
DROPPED_STATES = ("57P01", "57P02", "57P03", "57P05")

T = TypeVar("T")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0].strip() if text else type(exc).__name__


def _statement(query: str, params: Sequence[Any]) -> tuple[str, list[Any] | None]:
    """A shared-SQL statement in psycopg's terms (without parameters, a script runs as it is)."""
    return (placeholders(query), list(params)) if params else (query, None)


def _dropped_state(state: str | None) -> bool:
    return state is None or state in DROPPED_STATES or state.startswith("08")


def _dropped(con: psycopg.Connection[Any]) -> bool:
    """Whether the connection is gone (the server ended it or the socket was lost)."""
    return con.closed or con.broken


def store_error(exc: psycopg.Error, where: str) -> StoreError:
    """The one-line StoreError for a psycopg error."""
    if isinstance(exc, pg_errors.DiskFull):
        return StoreError("disk full: the last batch was not written (data already stored is "
                          "intact)", where=where)
    if exc.sqlstate == READ_ONLY_STATE:
        return StoreError("database is open read-only", where=where)
    if isinstance(exc, psycopg.OperationalError) and _dropped_state(exc.sqlstate):
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
    holds no transaction open; writes open one explicitly. A connection the server dropped is
    replaced by a new one at the next call (see the module's docstring).
    """

    driver_error = psycopg.Error
    translate = staticmethod(store_error)

    def __init__(self, url: str, *, read_only: bool = False, migrate: bool = True) -> None:
        self.path = redact(url)
        self.read_only = read_only
        self._url = url
        self._closed = False
        self._reconnecting = threading.Lock()
        self._writing = threading.local()  # .con: the connection of this thread's write
        self.con = self._connect()
        self._open(migrate=migrate)

    def _connect(self) -> psycopg.Connection[Any]:
        # Read-only sessions refuse writes on the server too (``tacitus sql``, ``events``).
        session: dict[str, Any] = {"options": "-c default_transaction_read_only=on"} \
            if self.read_only else {}
        try:
            return psycopg.connect(self._url, autocommit=True, connect_timeout=10,
                                   application_name="tacitus", **session)
        except psycopg.Error as exc:
            raise connect_error(exc, self._url) from None

    def _live(self) -> psycopg.Connection[Any]:
        """The connection, replaced by a new one first if the server dropped it (never after
        :meth:`close`). Threads sharing the store replace a dropped connection only once."""
        con = self.con
        if _dropped(con) and not self._closed:
            with self._reconnecting:
                if self.con is con:
                    self.con = self._connect()
        return self.con

    def _in_write(self) -> psycopg.Connection[Any] | None:
        """The connection of this thread's open write transaction, if any. Every statement of
        the write runs on it, even if another thread meanwhile replaced a dropped connection."""
        return getattr(self._writing, "con", None)

    def _writer(self) -> psycopg.Connection[Any]:
        """The connection a statement runs on: the open write's, else a live one."""
        return self._in_write() or self._live()

    def _read(self, run: Callable[[psycopg.Connection[Any]], T]) -> T:
        """Run a read; once more on a new connection if the server dropped this one.

        Only outside a write transaction: inside one, the error goes up and the whole write
        fails, because the server has rolled its transaction back.
        """
        con = self._in_write()
        if con is not None:
            return run(con)
        con = self._live()
        try:
            return run(con)
        except psycopg.OperationalError:
            if not _dropped(con) or self._closed:
                raise
        return run(self._live())

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self._guard():
            con = self._live()
            with con.transaction():
                con.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_LOCK])
                self._writing.con = con
                try:
                    yield
                finally:
                    self._writing.con = None

    def _execute(self, query: str, params: Sequence[Any] = ()) -> None:
        self._writer().execute(*_statement(query, params))

    def _fetch(self, query: str, params: Sequence[Any] = ()) -> list[Row]:
        def fetch(con: psycopg.Connection[Any]) -> list[Row]:
            with con.cursor(row_factory=dict_row) as cursor:
                cursor.execute(*_statement(query, params))
                return cursor.fetchall()
        return self._read(fetch)

    def _frame(self, query: str, params: Sequence[Any] | None = None) -> pd.DataFrame:
        def fetch(con: psycopg.Connection[Any]) -> pd.DataFrame:
            with con.cursor() as cursor:
                cursor.execute(*_statement(query, params or ()))
                return self._to_frame(cursor)
        with self._guard():
            return self._read(fetch)

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
        with self._writer().cursor() as cursor:
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({values}){conflict}",
                               [tuple(r[c] for c in columns) for r in rows])

    def _own_migrations(self) -> tuple[Migration, ...]:
        return tuple(Migration(f"postgres/{m.name}", m.sql) for m in migrations(MIGRATIONS))

    def sql(self, query: str) -> pd.DataFrame:
        """One statement, checked to start as a query and run in a READ ONLY transaction.

        Prepared (not simply executed), so that PostgreSQL itself refuses a second statement.
        Grant the role used for shared analysis SELECT only: a read-only transaction cannot
        write tables, but a superuser's functions can still read server files.
        """
        if first_keyword(query) not in READ_STATEMENTS:
            raise ConfigError(ONLY_SELECT)

        def run(con: psycopg.Connection[Any]) -> pd.DataFrame:
            with con.transaction():
                con.execute("SET TRANSACTION READ ONLY")
                cursor = con.execute(query, prepare=True)
                if cursor.description is None:
                    raise ConfigError(ONLY_SELECT)
                result = self._to_frame(cursor)
                raise psycopg.Rollback()
            return result
        try:
            return self._read(run)
        except psycopg.Error as exc:
            state = exc.sqlstate or ""
            if state == READ_ONLY_STATE or "multiple commands" in str(exc):
                raise ConfigError(ONLY_SELECT) from exc
            if state[:2] in QUERY_ERROR_CLASSES:
                raise ConfigError(f"SQL: {_first_line(exc)}") from exc
            raise store_error(exc, self.path) from exc

    def close(self) -> None:
        self._closed = True
        self.con.close()
