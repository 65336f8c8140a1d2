"""Loading the rule and lexicon files shipped in this folder.

Rules are data: every stage reads its patterns and dictionaries through these helpers, which
cache each file (loaded once per process) and turn a malformed entry into a
:class:`~tacitus.errors.ResourceError` naming the file and line, so that a bad edit to a lexicon
fails at load time with a message a linguist can act on.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from tacitus.errors import ResourceError

ROOT = Path(__file__).resolve().parent

LINE_KEY = "__line__"


def path(name: str) -> Path:
    """Absolute path of a resource file given its name relative to this folder."""
    return ROOT / name


class _LineLoader(yaml.SafeLoader):
    """A safe YAML loader that records, in each mapping, the 1-based line it starts on, and
    refuses a key given twice in one mapping (YAML would silently keep the last one, so half of
    a rule would vanish without a word)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if isinstance(key, str | int | float | bool) and key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE_KEY] = node.start_mark.line + 1
        return mapping


@cache
def load_yaml(name: str) -> Any:
    """Parse a YAML resource; every mapping in it carries its line under ``__line__``."""
    file = path(name)
    try:
        with file.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_LineLoader)
    except FileNotFoundError as exc:
        raise ResourceError("resource file is missing", where=str(file)) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise ResourceError(f"invalid YAML: {getattr(exc, 'problem', exc)}", str(file), line) from exc


@cache
def load_json(name: str) -> Any:
    """Parse a JSON resource."""
    file = path(name)
    try:
        with file.open(encoding="utf-8") as handle:
            return json.load(handle)
    except FileNotFoundError as exc:
        raise ResourceError("resource file is missing", where=str(file)) from exc
    except json.JSONDecodeError as exc:
        raise ResourceError(f"invalid JSON: {exc.msg}", str(file), exc.lineno) from exc


def iter_csv(name: str, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line, row)`` for each data row of a CSV resource.

    Lines starting with ``#`` are comments (licence headers live there). A row missing one of
    the ``required`` columns raises a ResourceError naming the file and line.
    """
    file = path(name)
    try:
        handle = file.open(encoding="utf-8", newline="")
    except FileNotFoundError as exc:
        raise ResourceError("resource file is missing", where=str(file)) from exc
    with handle:
        numbered = ((i, line) for i, line in enumerate(handle, start=1) if not line.startswith("#"))
        lines = list(numbered)
        reader = csv.DictReader(line for _, line in lines)
        header = reader.fieldnames or []
        missing = [c for c in required if c not in header]
        if missing:
            first = lines[0][0] if lines else 1
            raise ResourceError(f"missing columns {', '.join(missing)}", str(file), first)
        for (line_no, _), row in zip(lines[1:], reader):
            for column in required:
                if not (row.get(column) or "").strip():
                    raise ResourceError(f"empty value in column '{column}'", str(file), line_no)
            yield line_no, row


def require(entry: dict[str, Any], keys: tuple[str, ...], name: str) -> None:
    """Raise a ResourceError unless a YAML mapping entry has every key in ``keys``."""
    missing = [k for k in keys if k not in entry or entry[k] in (None, "")]
    if missing:
        raise ResourceError(
            f"entry lacks {', '.join(missing)}", str(path(name)), entry.get(LINE_KEY)
        )


def word_set(data: dict[str, Any], key: str, name: str, required: bool = True) -> frozenset[str]:
    """A lower-cased word list from a YAML mapping, or a ResourceError naming the file and line.

    YAML reads bare ``on``/``no``/``yes`` as booleans; insisting on strings catches that silent
    corruption of a word list at load time. A missing key is an error unless not ``required``.
    """
    words = data.get(key)
    if words is None and not required:
        return frozenset()
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise ResourceError(f"'{key}' must be a list of words (quote on/off/yes/no)",
                            str(path(name)), data.get(LINE_KEY))
    return frozenset(w.lower() for w in words)
