"""The label tables the gold-set readers map old or foreign codes through.

They live in ``resources/eval/`` as data (each with its source in a header comment) and are
loaded once and checked: a duplicate or malformed row fails with the file and line.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from tacitus.errors import ResourceError
from tacitus.model import PLOVER_TYPES
from tacitus.resources import iter_csv, path

NO_CATEGORY = "(no category)"
"""The CASE 2021 / ACLED label of an event ACLED does not code, and of a snippet with no event."""


def _unique(name: str, required: tuple[str, ...], key: str) -> dict[str, tuple[int, dict[str, str]]]:
    """Rows keyed by ``key`` (with their line), refusing a key given twice."""
    table: dict[str, tuple[int, dict[str, str]]] = {}
    for line, row in iter_csv(name, required):
        value = row[key].strip()
        if value in table:
            raise ResourceError(f"duplicate {key} '{value}'", str(path(name)), line)
        table[value] = (line, {k: (v or "").strip() for k, v in row.items()})
    return table


@lru_cache(maxsize=1)
def case2021_labels() -> dict[str, str]:
    """CASE 2021 class code -> ACLED sub-event type, or NO_CATEGORY."""
    rows = _unique("eval/case2021_labels.csv", ("code",), "code")
    return {code: row["sub_event_type"] or NO_CATEGORY for code, (_, row) in rows.items()}


@dataclass(frozen=True, slots=True)
class PloverLabel:
    type: str
    mode: str | None


@lru_cache(maxsize=1)
def plover_labels() -> dict[str, PloverLabel]:
    """PLOVER label (old or current) -> current type and the mode the label implies."""
    name = "eval/plover_labels.csv"
    table: dict[str, PloverLabel] = {}
    for line, row in iter_csv(name, ("label", "type")):
        if row["type"] not in PLOVER_TYPES:
            raise ResourceError(f"'{row['type']}' is not a PLOVER type", str(path(name)), line)
        table[row["label"].strip()] = PloverLabel(row["type"], (row.get("mode") or "").strip() or None)
    return table


@lru_cache(maxsize=1)
def plover_modes() -> dict[str, str]:
    """PLOVER mode name (old or current) -> current mode name."""
    rows = _unique("eval/plover_modes.csv", ("old_mode", "mode"), "old_mode")
    return {old: row["mode"] for old, (_, row) in rows.items()}


@lru_cache(maxsize=1)
def cameo_actor_codes() -> dict[str, tuple[str, str]]:
    """CAMEO actor code that is not ISO alpha-3 -> (code tacitus uses, "country" | "group")."""
    name = "eval/cameo_actor_codes.csv"
    rows = _unique(name, ("cameo", "code", "kind"), "cameo")
    for line, row in rows.values():
        if row["kind"] not in ("country", "group"):
            raise ResourceError(f"kind must be country or group, not '{row['kind']}'", str(path(name)), line)
    return {cameo: (row["code"], row["kind"]) for cameo, (_, row) in rows.items()}
