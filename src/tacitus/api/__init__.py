"""The Python API: the product. The CLI and the HTTP API are thin layers over these functions."""

from tacitus.api.pipeline import extract_articles, extract_paths, extract_text
from tacitus.api.schema import article_schema, schema_errors

__all__ = ["article_schema", "extract_articles", "extract_paths", "extract_text", "schema_errors"]
