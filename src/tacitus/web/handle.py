"""The server's one open database, shared by every request thread.

DuckDB allows one process to write a file, or several to read it, never both: while
``tacitus ingest`` writes, the server cannot open the file, and once the server holds it open,
ingest cannot start. The server therefore opens the file lazily: requests made while another
process holds the lock get 503 ``database_busy`` (with Retry-After) and the first request after
it is released opens the database and keeps it. To add articles while serving, POST them to
``/api/articles`` (the server then opens the file for writing itself).

Reads go through ``Store._select``, which uses a cursor per call and so is safe from many
threads; writes are serialised by a lock here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from tacitus.api.database import Database
from tacitus.api.database import open as open_database
from tacitus.errors import StoreBusy

T = TypeVar("T")


class DatabaseHandle:
    """Opens ``path`` on first use (for writing when ``writable``) and holds it until closed."""

    def __init__(self, path: str, *, writable: bool) -> None:
        self.path = path
        self.writable = writable
        self._db: Database | None = None
        self._opening = threading.Lock()
        self._writing = threading.Lock()

    def try_open(self) -> None:
        """Open now; a lock held by another process is not an error yet (requests get 503)."""
        try:
            self.get()
        except StoreBusy:
            pass

    def get(self) -> Database:
        db = self._db
        if db is not None:
            return db
        with self._opening:
            if self._db is None:
                self._db = open_database(self.path, read_only=not self.writable)
            return self._db

    def write(self, change: Callable[[Database], T]) -> T:
        """Run ``change`` with the database, one writer at a time."""
        with self._writing:
            return change(self.get())

    def close(self) -> None:
        with self._opening:
            if self._db is not None:
                self._db.close()
                self._db = None
