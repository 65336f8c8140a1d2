"""The ACLED shape: ACLED's 31 columns and value conventions, one row per event with an ACLED
category, so that tacitus output loads where analysts already load ACLED data."""

from __future__ import annotations

from typing import Any

import pandas as pd

from tacitus.store.exports.tables import columns, countries, disorder_types, inter_rules
from tacitus.store.exports.values import missing, value

_TIME_PRECISION = {"day": 1, "week": 2, "publication": 2, "month": 3, "year": 3}
_GEO_PRECISION = {"point": 1, "city": 1, "admin2": 2, "admin1": 3, "country": 3}


def disorder_type(event_type: str, sub_event_type: str) -> str:
    for etype, sub, disorder in disorder_types():
        if etype == event_type and sub in ("*", sub_event_type):
            return disorder
    return ""


def inter(event_type: str, kind: Any, sector: Any) -> int | None:
    """ACLED's actor type code for a party (None when there is no party)."""
    if missing(kind):
        return None
    for etype, rule_kind, sectors, code in inter_rules():
        if etype in ("*", event_type) and rule_kind == kind and \
                (sectors is None or value(sector) in sectors):
            return code
    return 8


def _row(e: dict[str, Any]) -> dict[str, Any]:
    country = countries().get(value(e["location_country"]) or "")
    day = value(e["date"]) or value(e["published"])
    etype, sub = e["acled_event_type"], e["acled_sub_event_type"]
    inter1 = inter(etype, e["actor_kind"], e["actor_sector"])
    inter2 = inter(etype, e["recipient_kind"], e["recipient_sector"])
    if inter1 is None and inter2 is not None:
        inter1, inter2 = inter2, None
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    interaction = codes[0] * 10 + codes[1] if len(codes) == 2 else codes[0] * 10 if codes else None
    disorder = disorder_type(etype, sub)
    civilian = value(e["recipient_kind"]) == "civilian" and "Political violence" in disorder
    qualifier = value(e["toll_qualifier"])
    stored = value(e["ingested_at"])
    return {
        "event_id_cnty": (country.iso3 if country else "XXX") + e["id"][:12].upper(),
        "event_date": day.isoformat() if day else None,
        "year": day.year if day else None,
        "time_precision": _TIME_PRECISION.get(value(e["date_precision"]) or "", 2),
        "disorder_type": disorder,
        "event_type": etype,
        "sub_event_type": sub,
        "actor1": value(e["actor_name"]) or "",
        "assoc_actor_1": "",
        "inter1": inter1,
        "actor2": value(e["recipient_name"]) or "",
        "assoc_actor_2": "",
        "inter2": inter2,
        "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": country.iso_numeric if country else None,
        "region": country.acled_region if country else "",
        "country": country.name if country else "",
        "admin1": value(e["location_admin1"]) or "",
        "admin2": "",
        "admin3": "",
        "location": value(e["location_name"]) or value(e["location_text"]) or "",
        "latitude": value(e["location_lat"]),
        "longitude": value(e["location_lon"]),
        "geo_precision": _GEO_PRECISION.get(value(e["location_precision"]) or ""),
        "source": value(e["source"]) or "",
        "source_scale": "",
        "notes": value(e["evidence"]) or "",
        "fatalities": int(value(e["killed"]) or 0),
        "tags": qualifier if qualifier not in (None, "exact") else "",
        "timestamp": int(pd.Timestamp(stored).timestamp()) if stored is not None else None,
    }


ACLED_STATUSES = ("occurred", "alleged")
"""ACLED records events that took place; threats, plans, denied acts and history recounted as
background are not rows of an ACLED dataset."""


def to_acled(events: pd.DataFrame) -> pd.DataFrame:
    """ACLED rows for the events (a ``Store.events()`` frame) that have an ACLED category and
    took place (status occurred or alleged)."""
    coded = events[events["acled_event_type"].notna() & events["status"].isin(ACLED_STATUSES)]
    frame = pd.DataFrame([_row(e) for e in coded.to_dict("records")], columns=list(columns("acled")))
    for name in ("year", "time_precision", "inter1", "inter2", "interaction", "iso",
                 "geo_precision", "fatalities", "timestamp"):
        frame[name] = frame[name].astype("Int64")
    return frame
