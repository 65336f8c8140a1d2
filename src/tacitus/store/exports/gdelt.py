"""The GDELT 2.0 shape: the Event table's 61 columns and conventions (CAMEO codes as strings
with their leading zeros, geo country codes in FIPS 10-4), with the mention counts taken from
the event's cross-article incident instead of GDELT's one-row-per-report duplication."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

import pandas as pd

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


def _empty_geo(n: int) -> dict[str, Any]:
    prefix = f"Actor{n}Geo_"
    return {prefix + "Type": 0, prefix + "FullName": "", prefix + "CountryCode": "",
            prefix + "ADM1Code": "", prefix + "ADM2Code": "", prefix + "Lat": None,
            prefix + "Long": None, prefix + "FeatureID": ""}


def _action_geo(e: Mapping[str, Any]) -> dict[str, Any]:
    iso3, precision = value(e["location_country"]), value(e["location_precision"])
    country = countries().get(iso3 or "")
    fips = country.fips if country else ""
    parts = [value(e["location_name"]) or value(e["location_text"])]
    if precision != "country":
        parts += [value(e["location_admin1"]), country.name if country else None]
    full = ", ".join(dict.fromkeys(p for p in parts if p))
    geonameid = value(e["location_geonameid"])
    return {
        "ActionGeo_Type": geo_type(iso3, precision),
        "ActionGeo_FullName": full,
        "ActionGeo_CountryCode": fips,
        "ActionGeo_ADM1Code": fips,
        "ActionGeo_ADM2Code": "",
        "ActionGeo_Lat": value(e["location_lat"]),
        "ActionGeo_Long": value(e["location_lon"]),
        "ActionGeo_FeatureID": fips if precision == "country" else
        (str(int(geonameid)) if geonameid is not None else ""),
    }


def _row(e: Mapping[str, Any], counts: Mapping[str, tuple[int, int, int]]) -> dict[str, Any]:
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
        "AvgTone": None,
    }
    row |= _empty_geo(1) | _empty_geo(2) | _action_geo(e)
    row["DATEADDED"] = int(pd.Timestamp(stored).strftime("%Y%m%d%H%M%S")) if stored is not None \
        else None
    row["SOURCEURL"] = value(e["url"]) or value(e["source"]) or value(e["path"]) or ""
    return row


def to_gdelt(events: pd.DataFrame, incidents: pd.DataFrame) -> pd.DataFrame:
    """GDELT rows for ``Store.events()``; ``incidents`` (``Store.incidents()``) gives the counts."""
    counts = {r["id"]: (int(r["n_events"]), int(r["n_sources"]), int(r["n_articles"]))
              for r in incidents[["id", "n_events", "n_sources", "n_articles"]].to_dict("records")}
    frame = pd.DataFrame([_row(e, counts) for e in events.to_dict("records")],
                         columns=list(columns("gdelt")))
    for name in ("GlobalEventID", "Day", "MonthYear", "Year", "IsRootEvent", "QuadClass",
                 "NumMentions", "NumSources", "NumArticles", "Actor1Geo_Type", "Actor2Geo_Type",
                 "ActionGeo_Type", "DATEADDED"):
        frame[name] = frame[name].astype("Int64")
    for name in ("AvgTone", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor2Geo_Lat", "Actor2Geo_Long"):
        frame[name] = frame[name].astype("Float64")
    return frame
