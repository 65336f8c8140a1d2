"""Turning database driver errors into one-line StoreErrors a user can act on.

DuckDB's messages are long, multi-line and name internals; what a user needs is which file,
what is wrong with it (in use, damaged, not writable, disk full) and that nothing stored was lost.
"""

from __future__ import annotations

import re

from tacitus.errors import StoreBusy, StoreError

_LOCKED = re.compile(r"Could not set lock|Conflicting lock", re.IGNORECASE)

# (pattern in the driver message, the one line we print instead); first match wins.
_KNOWN: tuple[tuple[re.Pattern[str], str], ...] = (
    (_LOCKED,
     "database is in use by another process{pid}; wait for it to finish or use another --db"),
    (re.compile(r"No space left|File too large|disk quota", re.IGNORECASE),
     "disk full: the last batch was not written (data already stored is intact)"),
    (re.compile(r"Read-only file system|Permission denied|Operation not permitted|read.only mode", re.IGNORECASE),
     "cannot write here (read-only path or no permission)"),
    (re.compile(r"not a valid DuckDB database|corrupt|checksum|truncated|"
                r"Serialization Error|Unexpected end of file|failed to read|Could not read",
                re.IGNORECASE),
     ("not a readable tacitus database (corrupt or truncated file); "
      "restore it from a backup or use another --db")),
    (re.compile(r"No such file or directory", re.IGNORECASE),
     "folder does not exist"),
)


def store_error(exc: BaseException, path: str) -> StoreError:
    """The StoreError for a driver exception, naming the database file."""
    text = str(exc)
    for pattern, message in _KNOWN:
        if pattern.search(text):
            pid = re.search(r"PID (\d+)", text)
            kind = StoreBusy if pattern is _LOCKED else StoreError
            return kind(message.format(pid=f" (PID {pid.group(1)})" if pid else ""), where=path)
    first = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
    return StoreError(re.sub(r"^[A-Za-z ]+Error: ", "", first), where=path)
