"""The ACLED shape: ACLED's 31 columns and value conventions, one row per event with an ACLED
category, so that tacitus output loads where analysts already load ACLED data.

Each column's rule is listed in ``resources/export/acled_columns.csv`` and ``docs/store.md``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from tacitus.store.exports.associates import is_generic, parent_name
from tacitus.store.exports.context import TollClaim
from tacitus.store.exports.geography import LOCAL_PRECISIONS, admin2_names
from tacitus.store.exports.tables import (
    assoc_sectors,
    columns,
    countries,
    disorder_types,
    generic_actors,
    inter_rules,
    name_key,
    source_scales,
    unidentified_actors,
)
from tacitus.store.exports.values import missing, value

_TIME_PRECISION = {"day": 1, "week": 2, "publication": 2, "month": 3, "year": 3}
# A town or a spot in it 1; a district 2; a region or country 3. A place only inferred from the
# dateline is already coarsened to its region by geocoding (tacitus.geo.events).
_GEO_PRECISION = {"point": 1, "city": 1, "admin2": 2, "admin1": 3, "country": 3}


def disorder_type(event_type: str, sub_event_type: str) -> str:
    for etype, sub, disorder in disorder_types():
        if etype == event_type and sub in ("*", sub_event_type):
            return disorder
    return ""


def inter(event_type: str, kind: Any, sector: Any, *, abroad: bool = False) -> int | None:
    """ACLED's actor type code for a party (None when there is no party); ``abroad`` when the
    party's country is known and is not the event's."""
    if missing(kind):
        return None
    for rule in inter_rules():
        if rule.event_type in ("*", event_type) and rule.kind == kind and \
                (rule.sectors is None or value(sector) in rule.sectors) and \
                (rule.abroad is None or rule.abroad == abroad):
            return rule.code
    return 8


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction: both actor type codes lower first (16), or one code * 10 (60)."""
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    if len(codes) == 2:
        return codes[0] * 10 + codes[1]
    return codes[0] * 10 if codes else None


@dataclass(frozen=True, slots=True)
class AcledActor:
    """One ACLED actor column group: actor, assoc_actor and inter (empty: no such party)."""

    name: str = ""
    associated: str = ""
    inter: int | None = None


def _with_country(label: str, country_name: str | None) -> str:
    return f"{label} ({country_name})" if country_name else label


def acled_actor(e: Mapping[str, Any], role: str, event_type: str,
                event_country: str | None) -> AcledActor:
    """ACLED's name, associated actors and type code of one role of an event row.

    Rioters, protesters and civilians are named by ACLED generically with their country
    ("Protesters (Iraq)"); the named group among them and what kind of people they are
    ("Sadrist Movement", "Students (Iraq)") become associated actors. A named group keeps its
    name, and the group it belongs to is associated ("Popular Mobilization Forces").
    """
    name, party_id = value(e[f"{role}_name"]), value(e[f"{role}_id"])
    if not name:
        return AcledActor()
    country, sector = value(e[f"{role}_country"]), value(e[f"{role}_sector"])
    abroad = bool(country and event_country and country != event_country)
    code = inter(event_type, e[f"{role}_kind"], sector, abroad=abroad)
    generic = generic_actors().get(code or 0)
    if generic is None:
        return AcledActor(name, parent_name(party_id) or "", code)
    home = countries().get(country or event_country or "")
    label = _with_country(generic, home.name if home else None)
    associated = []
    if not is_generic(party_id, country, sector) and name not in (generic, label):
        associated.append(name)
    if sector in assoc_sectors():
        associated.append(_with_country(assoc_sectors()[sector], home.name if home else None))
    return AcledActor(label, "; ".join(associated), code)


def sourced(claims: Sequence[TollClaim]) -> list[TollClaim]:
    """The toll claims a named source makes and the text does not deny. A figure in the
    outlet's own voice is the event's own toll already (or, when it differs, a toll the outlet
    gives for something else in the story), so it does not count as another source's."""
    return [c for c in claims if c.source and c.certainty > 0]


def fatalities(killed: int | None, claims: Sequence[TollClaim]) -> int:
    """ACLED's conservative convention: the lowest death toll reported for the event, its own
    or one a named source gives (see ``sourced``); 0 when none is reported."""
    figures = [c.killed for c in sourced(claims)]
    if killed is not None:
        figures.append(killed)
    return min(figures) if figures else 0


def notes(evidence: str | None, claims: Sequence[TollClaim]) -> str:
    """The evidence sentence (whitespace folded); when sources give different tolls, each
    figure with who gives it."""
    text = " ".join((evidence or "").split())
    given = sourced(claims)
    if len({c.killed for c in given}) > 1:
        figures = "; ".join(f"{c.killed} ({c.source})" for c in given)
        text = f"{text} Fatality counts differ: {figures}.".strip()
    return text


def _row(e: dict[str, Any], claims: Sequence[TollClaim], admin2: str | None) -> dict[str, Any]:
    iso3 = value(e["location_country"])
    country = countries().get(iso3 or "")
    day = value(e["date"]) or value(e["published"])
    etype, sub = e["acled_event_type"], e["acled_sub_event_type"]
    actor1 = acled_actor(e, "actor", etype, iso3)
    actor2 = acled_actor(e, "recipient", etype, iso3)
    if not actor1.name and etype in unidentified_actors():
        unknown, code = unidentified_actors()[etype]
        actor1 = AcledActor(_with_country(unknown, country.name if country else None), "", code)
    disorder = disorder_type(etype, sub)
    civilian = actor2.inter == 7 and "Political violence" in disorder
    qualifier = value(e["toll_qualifier"])
    stored = value(e["ingested_at"])
    precision = value(e["location_precision"])
    return {
        "event_id_cnty": (country.iso3 if country else "XXX") + e["id"][:12].upper(),
        "event_date": day.isoformat() if day else None,
        "year": day.year if day else None,
        "time_precision": _TIME_PRECISION.get(value(e["date_precision"]) or "", 2),
        "disorder_type": disorder,
        "event_type": etype,
        "sub_event_type": sub,
        "actor1": actor1.name,
        "assoc_actor_1": actor1.associated,
        "inter1": actor1.inter,
        "actor2": actor2.name,
        "assoc_actor_2": actor2.associated,
        "inter2": actor2.inter,
        "interaction": interaction(actor1.inter, actor2.inter),
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": country.iso_numeric if country else None,
        "region": country.acled_region if country else "",
        "country": country.name if country else "",
        "admin1": value(e["location_admin1"]) or "",
        "admin2": (value(e["location_name"]) if precision == "admin2" else admin2) or "",
        "admin3": "",
        "location": value(e["location_name"]) or value(e["location_text"]) or "",
        "latitude": value(e["location_lat"]),
        "longitude": value(e["location_lon"]),
        "geo_precision": _GEO_PRECISION.get(precision or ""),
        "source": value(e["source"]) or "",
        "source_scale": source_scales().get(name_key(value(e["source"]) or ""), ""),
        "notes": notes(value(e["evidence"]), claims),
        "fatalities": fatalities(value(e["killed"]), claims),
        "tags": qualifier if qualifier not in (None, "exact") else "",
        "timestamp": int(pd.Timestamp(stored).timestamp()) if stored is not None else None,
    }


def _admin2(rows: Sequence[Mapping[str, Any]]) -> list[str | None]:
    """Admin2 names of the town-level places among the rows (None for the others)."""
    local = [i for i, e in enumerate(rows) if value(e["location_precision"]) in LOCAL_PRECISIONS
             and value(e["location_lat"]) is not None and value(e["location_lon"]) is not None]
    names: list[str | None] = [None] * len(rows)
    found = admin2_names([(float(rows[i]["location_lat"]), float(rows[i]["location_lon"]),
                           value(rows[i]["location_country"])) for i in local])
    for i, name in zip(local, found):
        names[i] = name
    return names


ACLED_STATUSES = ("occurred", "alleged")
"""ACLED records events that took place; threats, plans, denied acts and history recounted as
background are not rows of an ACLED dataset."""


def to_acled(events: pd.DataFrame,
             claims: Mapping[str, Sequence[TollClaim]] | None = None) -> pd.DataFrame:
    """ACLED rows for the events (a ``Store.events()`` frame) that have an ACLED category and
    took place (status occurred or alleged); ``claims`` maps an event id to its toll claims."""
    coded = events[events["acled_event_type"].notna() & events["status"].isin(ACLED_STATUSES)]
    rows = coded.to_dict("records")
    claims = claims or {}
    frame = pd.DataFrame([_row(e, claims.get(e["id"], ()), admin2)
                          for e, admin2 in zip(rows, _admin2(rows))],
                         columns=list(columns("acled")))
    for name in ("year", "time_precision", "inter1", "inter2", "interaction", "iso",
                 "geo_precision", "fatalities", "timestamp"):
        frame[name] = frame[name].astype("Int64")
    return frame
