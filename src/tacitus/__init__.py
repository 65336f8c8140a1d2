"""tacitus: sourced, queryable political and conflict events from news reports.

``tacitus.open(db)`` opens an event store; the rest of the Python API is in ``tacitus.api``.
Imports are lazy so that ``import tacitus`` stays cheap (no spaCy, no DuckDB until used).
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["__version__", "open"]


def __getattr__(name: str) -> Any:
    if name == "open":
        from tacitus.api.database import open as open_database

        return open_database
    raise AttributeError(f"module 'tacitus' has no attribute {name!r}")
