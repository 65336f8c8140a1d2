"""Event filters and the SQL they become.

Filters are parsed from user strings once (``EventFilter.parse``) so that the CLI, the Python
API and the HTTP API reject the same bad values with the same ConfigError; backends turn them
into a WHERE clause over the ``events_flat`` view with ``?`` parameters.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from tacitus.errors import ConfigError
from tacitus.model import PLOVER_TYPES, STATUSES

EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to return; empty fields do not filter."""

    countries: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    actor: str | None = None
    since: date | None = None
    until: date | None = None
    near: tuple[float, float, float] | None = None
    min_confidence: float | None = None

    @classmethod
    def parse(cls, *, country: str | Iterable[str] | None = None,
              type: str | Iterable[str] | None = None,
              status: str | Iterable[str] | None = None, actor: str | None = None,
              since: str | date | None = None, until: str | date | None = None,
              near: str | tuple[float, float, float] | None = None,
              min_confidence: float | str | None = None) -> EventFilter:
        """Build a filter from user values: comma lists or sequences, ISO dates, 'LAT,LON,KM'."""
        types = tuple(t.upper() for t in _items(type))
        bad = [t for t in types if t not in PLOVER_TYPES]
        if bad:
            raise ConfigError(f"unknown event type {', '.join(bad)} (one of {' '.join(PLOVER_TYPES)})")
        statuses = tuple(s.lower() for s in _items(status))
        bad = [s for s in statuses if s not in STATUSES]
        if bad:
            raise ConfigError(f"unknown status {', '.join(bad)} (one of {' '.join(STATUSES)})")
        countries = tuple(c.upper() for c in _items(country))
        bad = [c for c in countries if len(c) != 3 or not c.isalpha()]
        if bad:
            raise ConfigError(f"country must be an ISO 3166 alpha-3 code: {', '.join(bad)}")
        confidence = _number(min_confidence, "min-confidence") if min_confidence is not None else None
        if confidence is not None and not 0.0 <= confidence <= 1.0:
            raise ConfigError("min-confidence must be between 0 and 1")
        return cls(countries=countries, types=types, statuses=statuses,
                   actor=actor.strip() or None if actor else None,
                   since=_date(since, "since"), until=_date(until, "until"),
                   near=_near(near), min_confidence=confidence)

    def where(self) -> tuple[str, list[Any]]:
        """SQL condition over ``events_flat`` and its parameters ('TRUE' when empty)."""
        clauses: list[str] = []
        params: list[Any] = []

        def among(column: str, values: tuple[str, ...]) -> None:
            if values:
                clauses.append(f"{column} IN ({', '.join('?' for _ in values)})")
                params.extend(values)

        among("location_country", self.countries)
        among("type", self.types)
        among("status", self.statuses)
        if self.actor:
            columns = ("actor_id", "actor_name", "actor_text",
                       "recipient_id", "recipient_name", "recipient_text")
            # A plain substring test, not LIKE: no wildcard to escape in what the user typed,
            # and DuckDB runs ILIKE ... ESCAPE ten times slower over a million rows.
            clauses.append("(" + " OR ".join(f"strpos(lower({c}), ?) > 0" for c in columns) + ")")
            params.extend([self.actor.lower()] * len(columns))
        if self.since is not None:
            clauses.append("date >= ?")
            params.append(self.since)
        if self.until is not None:
            clauses.append("date <= ?")
            params.append(self.until)
        if self.near is not None:
            lat, lon, km = self.near
            # A cheap bounding box first, then the great-circle distance.
            dlat = km / 111.0
            clauses.append("location_lat BETWEEN ? AND ?")
            params.extend([lat - dlat, lat + dlat])
            clauses.append(
                f"2 * {EARTH_RADIUS_KM} * asin(sqrt(pow(sin(radians(location_lat - ?) / 2), 2) + "
                "cos(radians(?)) * cos(radians(location_lat)) * "
                "pow(sin(radians(location_lon - ?) / 2), 2))) <= ?")
            params.extend([lat, lat, lon, km])
        if self.min_confidence is not None:
            clauses.append("confidence >= ?")
            params.append(self.min_confidence)
        return (" AND ".join(clauses) or "TRUE"), params


def _items(value: str | Iterable[str] | None) -> list[str]:
    if value is None:
        return []
    parts = value.split(",") if isinstance(value, str) else list(value)
    return [p.strip() for p in parts if p and p.strip()]


def _number(value: float | str, name: str) -> float:
    try:
        return float(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{name} must be a number, not {value!r}") from exc


def _date(value: str | date | None, name: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip())
    except ValueError as exc:
        raise ConfigError(f"{name} must be an ISO date (YYYY-MM-DD), not {value!r}") from exc


def _near(value: str | tuple[float, float, float] | None) -> tuple[float, float, float] | None:
    if value is None:
        return None
    parts = value.split(",") if isinstance(value, str) else list(value)
    if len(parts) != 3:
        raise ConfigError(f"near must be LAT,LON,KM, not {value!r}")
    lat, lon, km = (_number(p, "near") for p in parts)
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
        raise ConfigError(f"near out of range: {value!r} (lat -90..90, lon -180..180, km > 0)")
    return lat, lon, km
