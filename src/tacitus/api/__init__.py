"""The Python API: the product. The CLI and the HTTP API are thin layers over these functions."""

from tacitus.api.database import Database, IngestSummary
from tacitus.api.database import open as open_database
from tacitus.api.pipeline import extract_articles, extract_paths, extract_text
from tacitus.api.schema import article_schema, schema_errors

__all__ = [
    "Database", "IngestSummary", "article_schema", "extract_articles", "extract_paths",
    "extract_text", "open_database", "schema_errors",
]
