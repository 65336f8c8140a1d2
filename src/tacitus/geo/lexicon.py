"""The geo name lists (``resources/geo/names.yaml``), loaded once and validated."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from tacitus.errors import ResourceError
from tacitus.geo.normalize import exact_key
from tacitus.resources import LINE_KEY, load_yaml, path

NAMES_FILE = "geo/names.yaml"
_LISTS = ("admin_suffixes", "admin_prefixes", "admin_cues", "city_cues", "feature_heads",
          "location_prepositions", "not_places", "not_place_heads", "person_titles")


@dataclass(frozen=True, slots=True)
class GeoLexicon:
    """Country aliases and demonyms by alpha-3 code, plus word sets used as cues."""

    country_aliases: dict[str, list[str]]
    demonyms: dict[str, list[str]]
    admin_aliases: dict[tuple[str, str], list[str]]
    country_points: dict[str, tuple[float, float]]
    admin_points: dict[tuple[str, str], tuple[float, float]]
    admin_suffixes: tuple[str, ...]
    admin_prefixes: tuple[str, ...]
    admin_cues: frozenset[str]
    city_cues: frozenset[str]
    feature_heads: tuple[str, ...]
    abbreviations: dict[str, str]
    location_prepositions: frozenset[str]
    not_places: frozenset[str]
    not_place_heads: frozenset[str]
    person_titles: frozenset[str]


def _is_name(value: object) -> bool:
    return isinstance(value, str) and bool(value)


def _by_country(data: dict, key: str, item_ok: Callable[[object], bool] = _is_name) -> dict[str, list]:
    table = data.get(key)
    if not isinstance(table, dict):
        raise ResourceError(f"'{key}' must be a mapping", str(path(NAMES_FILE)))
    result: dict[str, list[str]] = {}
    for code, names in table.items():
        if code == LINE_KEY:
            continue
        if not (isinstance(code, str) and len(code) == 3 and code.isupper()):
            raise ResourceError(f"'{key}': '{code}' is not an ISO alpha-3 code",
                                str(path(NAMES_FILE)), table.get(LINE_KEY))
        if not isinstance(names, list) or not all(item_ok(n) for n in names):
            raise ResourceError(f"'{key}': {code} needs a list of valid values",
                                str(path(NAMES_FILE)), table.get(LINE_KEY))
        result[code] = names
    return result


def _admin_aliases(data: dict) -> dict[tuple[str, str], list[str]]:
    """(alpha-3, exact key of the gazetteer's admin name) -> English names for it."""
    result: dict[tuple[str, str], list[str]] = {}
    for code, table in _by_country_tables(data, "admin_aliases").items():
        for admin, names in table.items():
            if admin == LINE_KEY:
                continue
            if not isinstance(names, list) or not all(isinstance(n, str) and n for n in names):
                raise ResourceError(f"'admin_aliases': {code} {admin} needs a list of names",
                                    str(path(NAMES_FILE)), table.get(LINE_KEY))
            result[(code, exact_key(admin))] = names
    return result


def _by_country_tables(data: dict, key: str) -> dict[str, dict]:
    table = data.get(key)
    if not isinstance(table, dict):
        raise ResourceError(f"'{key}' must be a mapping", str(path(NAMES_FILE)))
    result = {}
    for code, value in table.items():
        if code == LINE_KEY:
            continue
        if not (isinstance(code, str) and len(code) == 3 and code.isupper() and isinstance(value, dict)):
            raise ResourceError(f"'{key}': '{code}' must be an alpha-3 code with a mapping",
                                str(path(NAMES_FILE)), table.get(LINE_KEY))
        result[code] = value
    return result


def _country_points(data: dict) -> dict[str, tuple[float, float]]:
    points: dict[str, tuple[float, float]] = {}
    numbers = _by_country(data, "country_points", lambda n: isinstance(n, (int, float)))
    for code, value in numbers.items():
        if not (len(value) == 2 and -90 <= value[0] <= 90 and -180 <= value[1] <= 180):
            raise ResourceError(f"'country_points': {code} needs [lat, lon] in range",
                                str(path(NAMES_FILE)), data["country_points"].get(LINE_KEY))
        points[code] = (float(value[0]), float(value[1]))
    return points


def _admin_points(data: dict) -> dict[tuple[str, str], tuple[float, float]]:
    """(alpha-3, exact key of the gazetteer's admin name) -> the region's conventional point."""
    points: dict[tuple[str, str], tuple[float, float]] = {}
    for code, table in _by_country_tables(data, "admin_points").items():
        for admin, value in table.items():
            if admin == LINE_KEY:
                continue
            if not (isinstance(value, list) and len(value) == 2
                    and all(isinstance(v, (int, float)) for v in value)
                    and -90 <= value[0] <= 90 and -180 <= value[1] <= 180):
                raise ResourceError(f"'admin_points': {code} {admin} needs [lat, lon] in range",
                                    str(path(NAMES_FILE)), table.get(LINE_KEY))
            points[(code, exact_key(admin))] = (float(value[0]), float(value[1]))
    return points


def _abbreviations(data: dict) -> dict[str, str]:
    """Exact key of an abbreviated first word ("mt") -> the word written out ("Mount")."""
    table = data.get("abbreviations")
    if not isinstance(table, dict):
        raise ResourceError("'abbreviations' must be a mapping", str(path(NAMES_FILE)))
    result: dict[str, str] = {}
    for short, full in table.items():
        if short == LINE_KEY:
            continue
        if not (isinstance(short, str) and short and isinstance(full, str) and full):
            raise ResourceError(f"'abbreviations': '{short}' needs a word written out",
                                str(path(NAMES_FILE)), table.get(LINE_KEY))
        result[exact_key(short)] = full
    return result


def _words(data: dict, key: str) -> list[str]:
    words = data.get(key)
    if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
        raise ResourceError(f"'{key}' must be a list of words", str(path(NAMES_FILE)),
                            data.get(LINE_KEY))
    return [exact_key(w) for w in words]


@lru_cache(maxsize=1)
def get_lexicon() -> GeoLexicon:
    """Load and validate ``names.yaml`` (once per process)."""
    data = load_yaml(NAMES_FILE)
    if not isinstance(data, dict):
        raise ResourceError("expected a mapping at top level", str(path(NAMES_FILE)))
    words = {key: _words(data, key) for key in _LISTS}
    # longest affix first, so "autonomous region" is stripped before "region"
    return GeoLexicon(
        country_aliases=_by_country(data, "country_aliases"),
        demonyms=_by_country(data, "demonyms"),
        admin_aliases=_admin_aliases(data),
        country_points=_country_points(data),
        admin_points=_admin_points(data),
        admin_suffixes=tuple(sorted(words["admin_suffixes"], key=len, reverse=True)),
        admin_prefixes=tuple(sorted(words["admin_prefixes"], key=len, reverse=True)),
        admin_cues=frozenset(words["admin_cues"]),
        city_cues=frozenset(words["city_cues"]),
        feature_heads=tuple(sorted(words["feature_heads"], key=len, reverse=True)),
        abbreviations=_abbreviations(data),
        location_prepositions=frozenset(words["location_prepositions"]),
        not_places=frozenset(words["not_places"]),
        not_place_heads=frozenset(words["not_place_heads"]),
        person_titles=frozenset(words["person_titles"]),
    )
