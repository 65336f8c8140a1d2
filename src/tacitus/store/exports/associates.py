"""Who a party belongs to, for ACLED's associated-actor columns.

Curated party ids are hierarchical (``IRQ-PMF-KH`` Kataib Hezbollah is a faction of ``IRQ-PMF``
the Popular Mobilization Forces; ``IGO-UN-UNHCR`` an agency of ``IGO-UN``): the nearest
ancestor that is itself a curated party is the one ACLED lists as associated. The names are
read from the actor dictionaries of ``resources/actors/`` (the same entries resolution uses).
"""

from __future__ import annotations

import re
from functools import lru_cache

from tacitus.errors import ResourceError
from tacitus.resources import LINE_KEY, load_yaml, path, require

CURATED = ("actors/armed_groups.yaml", "actors/institutions.yaml")


@lru_cache(maxsize=1)
def curated_names() -> dict[str, str]:
    """Curated party id -> canonical name."""
    names: dict[str, str] = {}
    for name in CURATED:
        entries = load_yaml(name)
        if not isinstance(entries, list):
            raise ResourceError("expected a list of actors", where=str(path(name)))
        for entry in entries:
            require(entry, ("id", "name"), name)
            if entry["id"] in names:
                raise ResourceError(f"duplicate id {entry['id']}", str(path(name)),
                                    entry.get(LINE_KEY))
            names[entry["id"]] = entry["name"]
    return names


def parent_name(party_id: str | None) -> str | None:
    """The canonical name of the nearest curated group the party belongs to, else None."""
    if not party_id:
        return None
    names = curated_names()
    parts = party_id.split("-")
    for end in range(len(parts) - 1, 1, -1):
        parent = "-".join(parts[:end])
        if parent in names:
            return names[parent]
    return None


def is_generic(party_id: str | None, country: str | None, sector: str | None) -> bool:
    """Whether a party is a kind of people rather than a named group: tacitus codes those as
    country + sector (``IRQCVL`` Iraqi civilians, ``NGA-OPP`` Nigerian protesters)."""
    compact = re.sub(r"[^A-Z0-9]", "", (party_id or "").upper())
    return compact == (country or "") + (sector or "")
