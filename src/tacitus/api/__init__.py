"""The Python API: the product. The CLI and the HTTP API are thin layers over these functions.

Names are imported on first use, so that querying a database (``tacitus events``, the HTTP
API) does not load spaCy, which only extraction needs.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_HOMES = {
    "Database": "tacitus.api.database",
    "IngestSummary": "tacitus.api.database",
    "open_database": "tacitus.api.database",
    "extract_articles": "tacitus.api.pipeline",
    "extract_paths": "tacitus.api.pipeline",
    "extract_text": "tacitus.api.pipeline",
    "article_schema": "tacitus.api.schema",
    "schema_errors": "tacitus.api.schema",
}
__all__ = ["Database", "IngestSummary", "article_schema", "extract_articles", "extract_paths",
           "extract_text", "open_database", "schema_errors"]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'tacitus.api' has no attribute {name!r}")
    return getattr(import_module(home), "open" if name == "open_database" else name)
