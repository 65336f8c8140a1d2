"""The GDELT 2.0 shape: the Event table's 61 columns and conventions (CAMEO codes as strings
with their leading zeros, geo country codes in FIPS 10-4), with the mention counts taken from
the event's cross-article incident instead of GDELT's one-row-per-report duplication."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import pandas as pd

from tacitus.store.exports.geography import (
    LOCAL_PRECISIONS,
    admin1_code,
    admin2_names,
    us_county_code,
)
from tacitus.store.exports.tables import columns, countries
from tacitus.store.exports.values import value

_WORLD_GEO = {"country": 1, "admin1": 5, "admin2": 4, "city": 4, "point": 4}
_US_GEO = {"country": 1, "admin1": 2, "admin2": 3, "city": 3, "point": 3}


def actor_code(party_id: Any, country: Any, sector: Any) -> str:
    """CAMEO-style actor code: country + sector (USAMIL), else the cleaned party id."""
    country, sector = value(country), value(sector)
    if country:
        return country + (sector or "")
    return re.sub(r"[^A-Z0-9]", "", str(value(party_id) or "").upper())


def geo_type(country: Any, precision: Any) -> int:
    if value(precision) is None:
        return 0
    table = _US_GEO if value(country) == "USA" else _WORLD_GEO
    return table.get(precision, 4)


def _actor(e: Mapping[str, Any], role: str, n: int) -> dict[str, Any]:
    name = value(e[f"{role}_name"])
    return {
        f"Actor{n}Code": actor_code(e[f"{role}_id"], e[f"{role}_country"], e[f"{role}_sector"])
        if name else "",
        f"Actor{n}Name": name.upper() if name else "",
        f"Actor{n}CountryCode": value(e[f"{role}_country"]) or "",
        f"Actor{n}KnownGroupCode": "", f"Actor{n}EthnicCode": "",
        f"Actor{n}Religion1Code": "", f"Actor{n}Religion2Code": "",
        f"Actor{n}Type1Code": value(e[f"{role}_sector"]) or "",
        f"Actor{n}Type2Code": "", f"Actor{n}Type3Code": "",
    }


_NO_PLACE: Mapping[str, Any] = {"Type": 0, "FullName": "", "CountryCode": "", "ADM1Code": "",
                                "ADM2Code": "", "Lat": None, "Long": None, "FeatureID": ""}
_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
               "FeatureID")


def action_geo(e: Mapping[str, Any], county: str | None = None) -> dict[str, Any]:
    """The event's place in GDELT's geo fields (without the ``ActionGeo_`` prefix).

    ADM1Code is FIPS country + admin1 code (``IZ07``), the bare FIPS country code when the
    place is a country or its region is not known; FeatureID is the GeoNames id of a town, the
    ADM1Code of a region and the FIPS code of a country, as GDELT writes them. ADM2Code is
    filled for US places only (state + county FIPS, ``TX201``): GDELT's codes elsewhere are
    GAUL numbers, which no offline source here has. ``county`` is the place's admin2 name.
    """
    iso3, precision = value(e["location_country"]), value(e["location_precision"])
    if precision is None and iso3 is None:
        return dict(_NO_PLACE)
    country = countries().get(iso3 or "")
    fips = country.fips if country else ""
    parts = [value(e["location_name"]) or value(e["location_text"])]
    if precision != "country":
        parts += [value(e["location_admin1"]), country.name if country else None]
    adm1 = fips if precision == "country" else \
        admin1_code(iso3, value(e["location_admin1"])) or fips
    geonameid = value(e["location_geonameid"])
    if precision == "country":
        feature = fips
    elif precision == "admin1":
        feature = adm1
    else:
        feature = str(int(geonameid)) if geonameid is not None else ""
    return {
        "Type": geo_type(iso3, precision),
        "FullName": ", ".join(dict.fromkeys(p for p in parts if p)),
        "CountryCode": fips,
        "ADM1Code": adm1,
        "ADM2Code": us_county_code(adm1, county) or "",
        "Lat": value(e["location_lat"]),
        "Long": value(e["location_lon"]),
        "FeatureID": feature,
    }


def _geo(e: Mapping[str, Any], county: str | None) -> dict[str, Any]:
    """ActionGeo, and the same place for each actor the event has: GDELT puts an actor at the
    place named nearest it in the sentence, and tacitus codes one place per event, the one its
    evidence names for the act of both parties."""
    place = action_geo(e, county)
    row: dict[str, Any] = {}
    for prefix, role in (("Actor1Geo_", "actor"), ("Actor2Geo_", "recipient")):
        geo = place if value(e[f"{role}_name"]) else _NO_PLACE
        row |= {prefix + f: geo[f] for f in _GEO_FIELDS}
    return row | {"ActionGeo_" + f: place[f] for f in _GEO_FIELDS}


def _row(e: Mapping[str, Any], counts: Mapping[str, tuple[int, int, int]], tone: float | None,
         county: str | None) -> dict[str, Any]:
    day: date | None = value(e["date"]) or value(e["published"])
    cameo = str(e["cameo"])
    mentions, sources, articles = counts.get(value(e["incident_id"]) or "", (1, 1, 1))
    stored = value(e["ingested_at"])
    row: dict[str, Any] = {
        "GlobalEventID": int(e["id"][:15], 16),
        "Day": int(day.strftime("%Y%m%d")) if day else None,
        "MonthYear": int(day.strftime("%Y%m")) if day else None,
        "Year": day.year if day else None,
        "FractionDate": round(day.year + day.timetuple().tm_yday / 365, 4) if day else None,
    }
    row |= _actor(e, "actor", 1) | _actor(e, "recipient", 2)
    row |= {
        "IsRootEvent": 1 if int(e["seq"]) == 0 else 0,
        "EventCode": cameo, "EventBaseCode": cameo[:3], "EventRootCode": cameo[:2],
        "QuadClass": int(e["quad_class"]), "GoldsteinScale": float(e["goldstein"]),
        "NumMentions": mentions, "NumSources": sources, "NumArticles": articles,
        "AvgTone": tone,
    }
    row |= _geo(e, county)
    row["DATEADDED"] = int(pd.Timestamp(stored).strftime("%Y%m%d%H%M%S")) if stored is not None \
        else None
    row["SOURCEURL"] = value(e["url"]) or value(e["source"]) or value(e["path"]) or ""
    return row


TONE_SCALE = 10.0
"""tacitus scores tone toward a party from -1 to 1; GDELT's AvgTone runs from -100 to 100 with
most values between -10 and 10, where this scaling puts ours."""


def tones(rows: Sequence[Mapping[str, Any]],
          party_tones: Mapping[tuple[str, str], float]) -> list[float | None]:
    """Each row's AvgTone: the tone of its article toward Actor1 (toward Actor2 when Actor1 is
    not scored), averaged over the reports of its incident, as GDELT averages over articles."""
    own: list[float | None] = []
    for e in rows:
        scores = [party_tones.get((e["article_id"], value(e[f"{role}_id"]) or ""))
                  for role in ("actor", "recipient")]
        own.append(next((s for s in scores if s is not None), None))
    by_incident: dict[str, list[float]] = {}
    for e, tone in zip(rows, own):
        if tone is not None and value(e["incident_id"]):
            by_incident.setdefault(e["incident_id"], []).append(tone)
    out: list[float | None] = []
    for e, tone in zip(rows, own):
        shared = by_incident.get(value(e["incident_id"]) or "")
        mean = sum(shared) / len(shared) if shared else tone
        out.append(round(mean * TONE_SCALE, 2) if mean is not None else None)
    return out


def _counties(rows: Sequence[Mapping[str, Any]]) -> list[str | None]:
    """The county of each US place (admin2 precision: itself; a town: its admin2)."""
    names: list[str | None] = [
        value(e["location_name"]) if value(e["location_country"]) == "USA"
        and value(e["location_precision"]) == "admin2" else None for e in rows]
    towns = [i for i, e in enumerate(rows) if value(e["location_country"]) == "USA"
             and value(e["location_precision"]) in LOCAL_PRECISIONS
             and value(e["location_lat"]) is not None and value(e["location_lon"]) is not None]
    found = admin2_names([(float(rows[i]["location_lat"]), float(rows[i]["location_lon"]), "USA")
                          for i in towns])
    for i, name in zip(towns, found):
        names[i] = name
    return names


def to_gdelt(events: pd.DataFrame, incidents: pd.DataFrame,
             party_tones: Mapping[tuple[str, str], float] | None = None) -> pd.DataFrame:
    """GDELT rows for ``Store.events()``; ``incidents`` (``Store.incidents()``) gives the counts
    and ``party_tones`` ((article id, party id) -> tone, -1..1) the AvgTone."""
    counts = {r["id"]: (int(r["n_events"]), int(r["n_sources"]), int(r["n_articles"]))
              for r in incidents[["id", "n_events", "n_sources", "n_articles"]].to_dict("records")}
    rows = events.to_dict("records")
    frame = pd.DataFrame([_row(e, counts, tone, county) for e, tone, county in
                          zip(rows, tones(rows, party_tones or {}), _counties(rows))],
                         columns=list(columns("gdelt")))
    for name in ("GlobalEventID", "Day", "MonthYear", "Year", "IsRootEvent", "QuadClass",
                 "NumMentions", "NumSources", "NumArticles", "Actor1Geo_Type", "Actor2Geo_Type",
                 "ActionGeo_Type", "DATEADDED"):
        frame[name] = frame[name].astype("Int64")
    for name in ("AvgTone", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor2Geo_Lat", "Actor2Geo_Long"):
        frame[name] = frame[name].astype("Float64")
    return frame
