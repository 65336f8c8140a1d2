"""CAMEO codes and what they mean: name, Goldstein score, QuadClass, PLOVER type/mode/context.

Two public tables (``cameo.csv`` from py-gdelt, ``plover.csv`` from CAMEO2PLOVER-2021) are read
once. A code missing from a table inherits from its nearest listed prefix ("0874" -> "087" ->
"08"), which is how CAMEO's hierarchy is meant to be read; codes whose root has no PLOVER type
(01x public statements) are not events for tacitus, so :func:`coding` returns None for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from tacitus.errors import ResourceError
from tacitus.model import PLOVER_TYPES
from tacitus.resources import iter_csv, path

CAMEO_FILE = "extract/cameo.csv"
ARMED_ROOTS = frozenset({"18", "19", "20"})
"""CAMEO roots of armed acts: assault, fight, unconventional mass violence."""
PLOVER_FILE = "extract/plover.csv"


@dataclass(frozen=True, slots=True)
class Coding:
    """Everything a CAMEO code implies for an event record."""

    cameo: str
    name: str
    goldstein: float
    quad_class: int
    type: str
    mode: str | None
    context: tuple[str, ...]


@lru_cache(maxsize=1)
def _cameo_table() -> dict[str, tuple[str, float, int]]:
    table: dict[str, tuple[str, float, int]] = {}
    for line, row in iter_csv(CAMEO_FILE, ("code", "name", "goldstein", "quad_class")):
        try:
            table[row["code"]] = (row["name"], float(row["goldstein"]), int(row["quad_class"]))
        except ValueError as exc:
            raise ResourceError(f"bad number: {exc}", str(path(CAMEO_FILE)), line) from exc
    return table


@lru_cache(maxsize=1)
def _plover_table() -> dict[str, tuple[str, str | None, tuple[str, ...]]]:
    table: dict[str, tuple[str, str | None, tuple[str, ...]]] = {}
    for line, row in iter_csv(PLOVER_FILE, ("cameo", "type")):
        if row["type"] not in PLOVER_TYPES:
            raise ResourceError(f"unknown PLOVER type {row['type']!r}", str(path(PLOVER_FILE)), line)
        context = tuple(c for c in (row.get("context") or "").split(";") if c)
        table[row["cameo"]] = (row["type"], row.get("mode") or None, context)
    return table


def _nearest(code: str, table: dict) -> str | None:
    for end in range(len(code), 1, -1):
        if code[:end] in table:
            return code[:end]
    return None


def known(code: str) -> bool:
    """True if ``code`` (or a prefix of it) is a CAMEO code in the table."""
    return _nearest(code, _cameo_table()) is not None


def coding(code: str) -> Coding | None:
    """The full coding of a CAMEO code, or None when PLOVER has no event type for it."""
    cameo_key = _nearest(code, _cameo_table())
    plover_key = _nearest(code, _plover_table())
    if cameo_key is None or plover_key is None:
        return None
    name, goldstein, quad = _cameo_table()[cameo_key]
    kind, mode, context = _plover_table()[plover_key]
    return Coding(code, name, goldstein, quad, kind, mode, context)
