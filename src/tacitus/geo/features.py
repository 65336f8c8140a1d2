"""Physical features and named regions (``resources/geo/features.yaml``), loaded and validated.

The GeoNames extracts on PyPI hold populated places and administrative areas only, yet news
names seas, rivers, deserts and regions ("the Sahel", "the Gulf", "the EU") as often as
towns. A short hand-written list fills that gap; the builder adds its entries to the index
as their own feature kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from tacitus.errors import ResourceError
from tacitus.resources import LINE_KEY, load_yaml, path

FEATURES_FILE = "geo/features.yaml"
FEATURE_KINDS = frozenset({"ocean", "sea", "gulf", "bay", "strait", "lake", "river", "mountains",
                           "desert", "region", "union", "island"})


@dataclass(frozen=True, slots=True)
class Feature:
    """One feature: its name, kind, conventional middle point, other names and its country
    (alpha-3, empty when it spans several)."""

    name: str
    kind: str
    lat: float
    lon: float
    aliases: tuple[str, ...]
    country: str


def _feature(entry: object) -> Feature:
    where = str(path(FEATURES_FILE))
    line = entry.get(LINE_KEY) if isinstance(entry, dict) else None
    if not isinstance(entry, dict):
        raise ResourceError("each feature must be a mapping", where, line)
    name, kind = entry.get("name"), entry.get("kind")
    lat, lon = entry.get("lat"), entry.get("lon")
    aliases, country = entry.get("aliases", []), entry.get("country") or ""
    if not (isinstance(name, str) and name):
        raise ResourceError("feature needs a name", where, line)
    if kind not in FEATURE_KINDS:
        raise ResourceError(f"feature '{name}': kind must be one of {sorted(FEATURE_KINDS)}", where, line)
    if not (isinstance(lat, (int, float)) and isinstance(lon, (int, float))
            and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise ResourceError(f"feature '{name}': lat/lon missing or out of range", where, line)
    if not (isinstance(aliases, list) and all(isinstance(a, str) and a for a in aliases)):
        raise ResourceError(f"feature '{name}': aliases must be a list of names", where, line)
    if country and not (isinstance(country, str) and len(country) == 3 and country.isupper()):
        raise ResourceError(f"feature '{name}': country must be an alpha-3 code", where, line)
    return Feature(name, kind, float(lat), float(lon), tuple(aliases), country)


@lru_cache(maxsize=1)
def get_features() -> tuple[Feature, ...]:
    """Load and validate ``features.yaml`` (once per process)."""
    data = load_yaml(FEATURES_FILE)
    entries = data.get("features") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ResourceError("expected a 'features' list", str(path(FEATURES_FILE)))
    return tuple(_feature(entry) for entry in entries)
