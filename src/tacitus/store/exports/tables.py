"""The export lookup tables (column lists, country codes, ACLED codes), loaded once and validated."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from tacitus.errors import ResourceError
from tacitus.resources import iter_csv, path

EXPECTED_WIDTH = {"acled": 31, "gdelt": 61}


@cache
def columns(shape: str) -> tuple[str, ...]:
    """The column names of an export shape in their published order."""
    name = f"export/{shape}_columns.csv"
    names = tuple(row["column"] for _, row in iter_csv(name, ("column", "from")))
    if len(names) != EXPECTED_WIDTH[shape] or len(set(names)) != len(names):
        raise ResourceError(f"expected {EXPECTED_WIDTH[shape]} distinct columns, found "
                            f"{len(set(names))}", where=str(path(name)))
    return names


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    iso_numeric: int
    fips: str
    name: str
    acled_region: str


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """ISO alpha-3 -> codes and names."""
    name = "export/countries.csv"
    table = {}
    for line, row in iter_csv(name, ("iso3", "iso_numeric", "name", "acled_region")):
        if not row["iso_numeric"].isdigit():
            raise ResourceError("iso_numeric must be a number", str(path(name)), line)
        table[row["iso3"]] = Country(row["iso3"], int(row["iso_numeric"]), row["fips"] or "",
                                     row["name"], row["acled_region"])
    return table


@lru_cache(maxsize=1)
def disorder_types() -> tuple[tuple[str, str, str], ...]:
    """(event_type, sub_event_type or *, disorder_type), in file order."""
    return tuple((r["event_type"], r["sub_event_type"], r["disorder_type"]) for _, r in
                 iter_csv("export/acled_disorder.csv",
                          ("event_type", "sub_event_type", "disorder_type")))


@lru_cache(maxsize=1)
def inter_rules() -> tuple[tuple[str, str, frozenset[str] | None, int], ...]:
    """(event_type or *, party kind, sectors or None for any, ACLED inter code), in file order."""
    name = "export/acled_inter.csv"
    rules = []
    for line, r in iter_csv(name, ("event_type", "kind", "sectors", "inter")):
        if not r["inter"].isdigit() or not 1 <= int(r["inter"]) <= 8:
            raise ResourceError("inter must be a code 1-8", str(path(name)), line)
        sectors = None if r["sectors"] == "*" else frozenset(r["sectors"].split())
        rules.append((r["event_type"], r["kind"], sectors, int(r["inter"])))
    return tuple(rules)
