"""Decoding CAMEO actor codes into Party fields.

Phoenix entries carry CAMEO codes ("IRQGOV", "IGOUNOKID", "USRARM"), not ISO countries and
schema kinds. The rules for reading them (which segments are countries, which are regions or
actor types, which role codes exist and what kind of party they make) are data in
``resources/actors/cameo_codes.yaml``; this module only applies them.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from tacitus.errors import ResourceError
from tacitus.model import PARTY_KINDS
from tacitus.resources import LINE_KEY, iter_csv, load_yaml, path

CODES_FILE = "actors/cameo_codes.yaml"
COUNTRIES_FILE = "actors/countries.csv"


@dataclass(frozen=True, slots=True)
class Decoded:
    """What a CAMEO code says: ISO country (None for regions, IGOs, ...), first role code,
    the schema kind it implies, and the actor type or region segment when there is one."""

    code: str
    country: str | None
    sector: str | None
    kind: str | None
    group: str | None = None


@dataclass(frozen=True, slots=True)
class SectorInfo:
    noun: str
    kind: str
    stateless_kind: str | None = None


class CodeBook:
    """The CAMEO segment tables, validated once."""

    def __init__(self, table: Mapping[str, Any], iso_codes: Collection[str]) -> None:
        self.iso = frozenset(iso_codes)
        self.nonstandard: dict[str, str] = dict(table["nonstandard_countries"])
        self.former = frozenset(table["former_states"])
        self.ignored = frozenset(table["ignored"])
        self.regions = {k: v for k, v in table["regions"].items() if k != LINE_KEY}
        self.sectors = {c: _info("sectors", c, s) for c, s in table["sectors"].items() if c != LINE_KEY}
        self.actor_types: dict[str, SectorInfo] = {}
        self._type_sector: dict[str, str] = {}
        for code, spec in table["actor_types"].items():
            if code == LINE_KEY:
                continue
            self.actor_types[code] = _info("actor_types", code, spec)
            self._type_sector[code] = spec.get("sector", code)
            if self._type_sector[code] not in self.sectors:
                raise ResourceError(f"actor_types.{code}: unknown sector", str(path(CODES_FILE)), spec[LINE_KEY])

    def iso_of(self, segment: str) -> str | None:
        """ISO alpha-3 for a CAMEO country segment, None when it is not a country."""
        if segment in self.nonstandard:
            return self.nonstandard[segment]
        return segment if segment in self.iso else None

    def is_ignored(self, code: str) -> bool:
        return code in self.ignored or code[:3] in self.ignored

    def decode(self, code: str) -> Decoded:
        """Read a CAMEO code: ``"IRQGOV"`` -> IRQ / GOV / state; ``"IGOUNO"`` -> None / IGO /
        international; ``"USRARM"`` -> ARM; ``"ELI"`` -> None / ELI / political."""
        segments = [code[i : i + 3] for i in range(0, len(code) - len(code) % 3, 3)]
        country: str | None = None
        group: str | None = None
        sector: str | None = None
        rest = segments
        if segments:
            first = segments[0]
            if first in self.former and len(segments) > 1 and self.iso_of(segments[1]):
                country, rest = self.iso_of(segments[1]), segments[2:]
            elif first in self.actor_types:
                group, sector, rest = first, self._type_sector[first], segments[1:]
                if rest and self.iso_of(rest[0]):
                    country, rest = self.iso_of(rest[0]), rest[1:]
            elif first in self.regions:
                group, rest = first, segments[1:]
            elif self.iso_of(first):
                country, rest = self.iso_of(first), segments[1:]
        if sector is None:
            sector = next((s for s in rest if s in self.sectors), None)
        if group in self.actor_types:
            info = self.actor_types[group]
            kind: str | None = info.stateless_kind if country is None and info.stateless_kind else info.kind
        elif sector is not None:
            kind = self.sectors[sector].kind
        else:
            kind = "state" if country else None
        return Decoded(code=code, country=country, sector=sector, kind=kind, group=group)


def _info(section: str, code: str, spec: Any) -> SectorInfo:
    line = spec.get(LINE_KEY) if isinstance(spec, dict) else None
    if not isinstance(spec, dict) or not spec.get("noun") or spec.get("kind") not in PARTY_KINDS:
        raise ResourceError(f"{section}.{code}: needs a noun and a kind in {PARTY_KINDS}",
                            str(path(CODES_FILE)), line)
    stateless = spec.get("stateless_kind")
    if stateless not in (None, *PARTY_KINDS):
        raise ResourceError(f"{section}.{code}: bad stateless_kind {stateless!r}", str(path(CODES_FILE)), line)
    return SectorInfo(noun=spec["noun"], kind=spec["kind"], stateless_kind=stateless)


@lru_cache(maxsize=1)
def get_codebook() -> CodeBook:
    """The CAMEO tables shipped with tacitus, loaded once."""
    iso = [row["iso3"] for _, row in iter_csv(COUNTRIES_FILE, ("iso3", "name"))]
    return CodeBook(load_yaml(CODES_FILE), iso)
