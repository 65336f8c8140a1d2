"""The JSON Schema of tacitus output (``resources/schema/article.schema.json``).

Shipped in the package so that users and the tests validate output against the same contract
that ``docs/SCHEMA.md`` describes.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jsonschema import Draft202012Validator

from tacitus.resources import load_json

SCHEMA_FILE = "schema/article.schema.json"


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    return Draft202012Validator(load_json(SCHEMA_FILE))


def article_schema() -> dict[str, Any]:
    """The schema as a dict."""
    return load_json(SCHEMA_FILE)


def schema_errors(result: dict[str, Any]) -> list[str]:
    """Every way ``result`` departs from the schema, as readable lines (empty when valid)."""
    return [
        f"{'/'.join(str(p) for p in error.absolute_path) or '<root>'}: {error.message}"
        for error in sorted(_validator().iter_errors(result), key=lambda e: list(e.absolute_path))
    ]
