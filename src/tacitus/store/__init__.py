"""The event store: articles, events, incidents and failures in one database.

``open_store(location)`` gives the embedded DuckDB backend for a file path and the PostgreSQL
backend for a ``postgresql://`` URL; both implement :class:`Store`, so the pipeline, CLI and API
do not depend on which database holds the data.
"""

from __future__ import annotations

from pathlib import Path

from tacitus.store.base import TABLES, Store, WriteSummary
from tacitus.store.duckdb_store import DuckDBStore
from tacitus.store.pg_dialect import is_url
from tacitus.store.query import EventFilter

DEFAULT_DB = "tacitus.duckdb"


def open_store(path: str | Path = DEFAULT_DB, *, read_only: bool = False,
               migrate: bool = True) -> Store:
    """Open the database at ``path``: a DuckDB file or ``postgresql://user@host:port/dbname``.

    Unless ``read_only``, the database is created (DuckDB) and pending migrations are applied
    (``migrate=False`` leaves that to an explicit ``Store.migrate()``, as ``tacitus migrate`` does).
    """
    if is_url(str(path)):
        from tacitus.store.postgres_store import PostgresStore  # psycopg only when used

        return PostgresStore(str(path), read_only=read_only, migrate=migrate)
    return DuckDBStore(path, read_only=read_only, migrate=migrate)


__all__ = ["DEFAULT_DB", "TABLES", "DuckDBStore", "EventFilter", "Store", "WriteSummary",
           "open_store"]
