"""The export lookup tables (column lists, country codes, ACLED codes), loaded once and validated."""

from __future__ import annotations

import re
import unicodedata
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


@dataclass(frozen=True, slots=True)
class InterRule:
    """One row of acled_inter.csv: which parties get which ACLED actor type code."""

    event_type: str                  # an ACLED event type or *
    kind: str                        # a party kind
    sectors: frozenset[str] | None   # None: any sector
    abroad: bool | None              # True: only outside the party's country; None: anywhere
    code: int


@lru_cache(maxsize=1)
def inter_rules() -> tuple[InterRule, ...]:
    """The ACLED actor type rules in file order (the first that matches wins)."""
    name = "export/acled_inter.csv"
    rules = []
    for line, r in iter_csv(name, ("event_type", "kind", "sectors", "where", "inter")):
        if not r["inter"].isdigit() or not 1 <= int(r["inter"]) <= 8:
            raise ResourceError("inter must be a code 1-8", str(path(name)), line)
        if r["where"] not in ("*", "abroad"):
            raise ResourceError("where must be * or abroad", str(path(name)), line)
        sectors = None if r["sectors"] == "*" else frozenset(r["sectors"].split())
        rules.append(InterRule(r["event_type"], r["kind"], sectors,
                               True if r["where"] == "abroad" else None, int(r["inter"])))
    return tuple(rules)


def name_key(text: str) -> str:
    """Case-, accent- and punctuation-blind form of a name, for matching outlets and regions
    spelled slightly differently ("Karbala'" / "Karbala", "The Guardian" / "Guardian")."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", plain)
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=1)
def generic_actors() -> dict[int, str]:
    """ACLED inter code -> the generic actor name ACLED gives that type (7 -> Civilians)."""
    name = "export/acled_generic_actors.csv"
    table = {}
    for line, r in iter_csv(name, ("inter", "name")):
        if not r["inter"].isdigit():
            raise ResourceError("inter must be a number", str(path(name)), line)
        table[int(r["inter"])] = r["name"]
    return table


@lru_cache(maxsize=1)
def unidentified_actors() -> dict[str, tuple[str, int]]:
    """ACLED event type -> (actor1 name, inter code) when the report names no actor."""
    name = "export/acled_unidentified.csv"
    table = {}
    for line, r in iter_csv(name, ("event_type", "name", "inter")):
        if not r["inter"].isdigit() or not 1 <= int(r["inter"]) <= 8:
            raise ResourceError("inter must be a code 1-8", str(path(name)), line)
        table[r["event_type"]] = (r["name"], int(r["inter"]))
    return table


@lru_cache(maxsize=1)
def assoc_sectors() -> dict[str, str]:
    """CAMEO sector -> ACLED associated-actor label for civilian groups (EDU -> Students)."""
    return {r["sector"]: r["label"] for _, r in
            iter_csv("export/acled_assoc_sectors.csv", ("sector", "label"))}


SOURCE_SCALES = ("International", "Regional", "National", "Subnational", "Local", "New media")


@lru_cache(maxsize=1)
def source_scales() -> dict[str, str]:
    """name_key(outlet) -> ACLED source scale."""
    name = "export/acled_source_scale.csv"
    table = {}
    for line, r in iter_csv(name, ("source", "scale")):
        if r["scale"] not in SOURCE_SCALES:
            raise ResourceError(f"scale must be one of {', '.join(SOURCE_SCALES)}",
                                str(path(name)), line)
        table[name_key(r["source"])] = r["scale"]
    return table


@lru_cache(maxsize=1)
def admin1_codes() -> dict[tuple[str, str], str]:
    """(ISO alpha-3, name_key(admin1 name)) -> GeoNames admin1 code (see admin1_build)."""
    name = "export/admin1_codes.csv"
    table = {}
    for line, r in iter_csv(name, ("iso3", "admin1", "code")):
        if not r["code"].isalnum():
            raise ResourceError("code must be letters or digits", str(path(name)), line)
        table[(r["iso3"], name_key(r["admin1"]))] = r["code"]
    return table
