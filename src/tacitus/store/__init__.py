"""The event store: articles, events, incidents and failures in one database.

``open_store(path)`` gives the embedded DuckDB backend; every backend implements
:class:`Store`, so the pipeline, CLI and API do not depend on which database holds the data.
"""

from __future__ import annotations

from pathlib import Path

from tacitus.store.base import TABLES, Store, WriteSummary
from tacitus.store.duckdb_store import DuckDBStore
from tacitus.store.query import EventFilter

DEFAULT_DB = "tacitus.duckdb"


def open_store(path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> Store:
    """Open (creating and migrating unless ``read_only``) the database at ``path``."""
    return DuckDBStore(path, read_only=read_only)


__all__ = ["DEFAULT_DB", "TABLES", "DuckDBStore", "EventFilter", "Store", "WriteSummary",
           "open_store"]
