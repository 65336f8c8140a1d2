"""Read views over a tacitus database: the queries behind the HTTP API, usable from Python too.

Each view answers one question a reader of the events asks (a page of events, one event with
its evidence, one article with every evidence offset, a timeline, an actor network, map points)
and returns plain JSON-ready values (ISO date strings, ``None`` for missing numbers), so the
HTTP layer only serialises them. The SQL is built here from ``EventFilter.where()`` and the
whitelists below, never from user text, and is portable between DuckDB and PostgreSQL 15: it is
run through ``Store._select`` on whichever backend holds the data.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import pandas as pd
import pyarrow as pa

from tacitus.api.database import Database
from tacitus.errors import ConfigError
from tacitus.store.query import EventFilter

JsonRow = dict[str, Any]

# The events_flat columns an event row carries (the HTTP contract's ROW).
EVENT_COLUMNS: tuple[str, ...] = (
    "id", "article_id", "incident_id", "type", "mode", "cameo", "goldstein", "quad_class",
    "acled_event_type", "acled_sub_event_type", "status", "date", "date_precision",
    "actor_text", "actor_name", "actor_id", "actor_country",
    "recipient_text", "recipient_name", "recipient_id", "recipient_country",
    "location_text", "location_name", "location_country", "location_admin1",
    "location_lat", "location_lon", "location_precision",
    "killed", "injured", "toll_qualifier", "attribution_source", "attribution_hedged",
    "confidence", "evidence", "source", "published", "title", "url",
)

# Sort keys a caller may name -> the column they order by (descending with a leading '-').
SORT_KEYS: Mapping[str, str] = {
    "date": "date", "confidence": "confidence", "killed": "killed", "type": "type",
    "country": "location_country",
}
SORTS: tuple[str, ...] = tuple(s for key in SORT_KEYS for s in (key, f"-{key}"))
TIMELINE_KEYS: Mapping[str, str] = {"quad_class": "quad_class", "type": "type"}

MAX_PAGE = 1000
MAX_POINTS = 20_000

# Columns that hold counts or offsets: a backend may hand them back as floats when NULLs occur.
_INTEGER_COLUMNS = frozenset({
    "quad_class", "killed", "injured", "seq", "start_char", "end_char", "events", "total",
    "n_events", "n_articles", "n_sources", "killed_min", "killed_max", "killed_most_cited",
    "injured_min", "injured_max", "injured_most_cited",
})


@dataclass(frozen=True, slots=True)
class Page:
    """Where a page starts and how long it is, checked once for every paged view."""

    limit: int = 100
    offset: int = 0

    def __post_init__(self) -> None:
        if not 1 <= self.limit <= MAX_PAGE:
            raise ConfigError(f"limit must be between 1 and {MAX_PAGE}, not {self.limit}")
        if self.offset < 0:
            raise ConfigError(f"offset must be 0 or more, not {self.offset}")


def order_by(sort: str) -> str:
    """The ORDER BY clause for a whitelisted sort key (ties broken by id, so pages are stable)."""
    column = SORT_KEYS.get(sort.removeprefix("-"))
    if column is None:
        raise ConfigError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
    direction = "DESC" if sort.startswith("-") else "ASC"
    return f"ORDER BY {column} {direction} NULLS LAST, id ASC"


def json_value(column: str, value: Any) -> Any:
    """One database value as JSON: ISO dates, None for NULL/NaN, lists, plain ints."""
    if isinstance(value, str | bool):
        return value
    if hasattr(value, "tolist"):  # numpy scalars and arrays (list columns)
        value = value.tolist()
    if isinstance(value, list | tuple):
        return [json_value("", v) for v in value]
    if value is None or pd.isna(value):  # NULL, NaN, NaT and pandas' NA
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float) and column in _INTEGER_COLUMNS and value.is_integer():
        return int(value)
    return value


def records(frame: pd.DataFrame) -> list[JsonRow]:
    """The rows of a result as JSON-ready dicts.

    Through Arrow, which turns NaN into None and numpy values into Python ones column by column:
    iterating a DataFrame of pyarrow-backed strings row by row costs more than the query.
    """
    rows = pa.Table.from_pandas(frame, preserve_index=False).to_pylist()
    return [{c: json_value(c, v) for c, v in row.items()} for row in rows]


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


def _count(db: Database, sql: str, params: list[Any]) -> int:
    frame = db.store._select(sql, params)
    return int(frame.iat[0, 0])


def events_page(db: Database, where: EventFilter, *, sort: str = "-date",
                page: Page = Page()) -> JsonRow:
    """``{"total", "limit", "offset", "events"}``: one page of matching events in sort order."""
    condition, params = where.where()
    total = _count(db, f"SELECT count(*) FROM events_flat WHERE {condition}", params)
    frame = db.store._select(
        f"SELECT {', '.join(EVENT_COLUMNS)} FROM events_flat WHERE {condition} "
        f"{order_by(sort)} LIMIT ? OFFSET ?", [*params, page.limit, page.offset])
    return {"total": total, "limit": page.limit, "offset": page.offset,
            "events": records(frame)}


def _spans(db: Database, event_ids: Sequence[str]) -> dict[str, list[JsonRow]]:
    """Evidence spans (offsets into the article text) of each event, in order."""
    if not event_ids:
        return {}
    frame = db.store._select(
        "SELECT event_id, sentence AS text, start_char, end_char FROM evidence "
        f"WHERE event_id IN ({_marks(event_ids)}) ORDER BY event_id, seq", list(event_ids))
    spans: dict[str, list[JsonRow]] = defaultdict(list)
    for row in records(frame):
        spans[row.pop("event_id")].append(row)
    return spans


def event_detail(db: Database, event_id: str) -> JsonRow | None:
    """One event row with its evidence spans, parsed provenance and context; None if unknown."""
    frame = db.store._select(
        f"SELECT {', '.join(EVENT_COLUMNS)}, context, provenance FROM events_flat WHERE id = ?",
        [event_id])
    if frame.empty:
        return None
    row = records(frame)[0]
    row["provenance"] = json.loads(row["provenance"])
    row["context"] = row["context"] or []
    row["evidence_spans"] = _spans(db, [event_id]).get(event_id, [])
    return row


def article_detail(db: Database, article_id: str) -> JsonRow | None:
    """One article's text with its events (and their evidence offsets) and quotes."""
    frame = db.store._select(
        "SELECT id, title, source, published, url, text FROM articles WHERE id = ?", [article_id])
    if frame.empty:
        return None
    article = records(frame)[0]
    events = records(db.store._select(
        "SELECT id, type, cameo, actor_name, recipient_name, date, status FROM events_flat "
        "WHERE article_id = ? ORDER BY seq", [article_id]))
    spans = _spans(db, [e["id"] for e in events])
    for event in events:
        event["evidence_spans"] = spans.get(event["id"], [])
    quotes = records(db.store._select(
        "SELECT id, speaker, text, start_char, end_char, direct FROM quotes "
        "WHERE article_id = ? ORDER BY seq", [article_id]))
    for quote in quotes:
        quote["speaker"] = json.loads(quote["speaker"]) if quote["speaker"] else None
    return {**article, "events": events, "quotes": quotes}


def incidents_page(db: Database, where: EventFilter, *, page: Page = Page()) -> JsonRow:
    """``{"total", "limit", "offset", "incidents"}``: incidents with a matching event, as
    ``tacitus events --incidents`` lists them (plus their sources, event ids and evidence)."""
    condition, params = where.where()
    among = f"id IN (SELECT incident_id FROM events_flat WHERE {condition})"
    total = _count(db, f"SELECT count(*) FROM incidents WHERE {among}", params)
    incidents = records(db.store._select(
        f"SELECT * FROM incidents WHERE {among} ORDER BY date_first NULLS LAST, id "
        "LIMIT ? OFFSET ?", [*params, page.limit, page.offset]))
    ids = [i["id"] for i in incidents]
    sources: dict[str, set[str]] = defaultdict(set)
    members: dict[str, list[str]] = defaultdict(list)
    evidence: dict[str, list[str]] = defaultdict(list)
    if ids:
        for row in records(db.store._select(
                "SELECT ie.incident_id, e.id AS event_id, a.source FROM incident_events ie "
                "JOIN events e ON e.id = ie.event_id JOIN articles a ON a.id = e.article_id "
                f"WHERE ie.incident_id IN ({_marks(ids)}) ORDER BY e.id", ids)):
            members[row["incident_id"]].append(row["event_id"])
            if row["source"] is not None:
                sources[row["incident_id"]].add(row["source"])
        for row in records(db.store._select(
                "SELECT ie.incident_id, v.sentence FROM incident_events ie "
                "JOIN evidence v ON v.event_id = ie.event_id "
                f"WHERE ie.incident_id IN ({_marks(ids)}) ORDER BY v.event_id, v.seq", ids)):
            evidence[row["incident_id"]].append(row["sentence"])
    for incident in incidents:
        key = incident["id"]
        incident |= {"sources": sorted(sources[key]), "event_ids": members[key],
                     "evidence": evidence[key]}
    return {"total": total, "limit": page.limit, "offset": page.offset, "incidents": incidents}


def actor_network(db: Database, where: EventFilter, *, limit: int = 200) -> JsonRow:
    """The ``limit`` parties in most matching events, and actor -> recipient edges between
    them weighted by their number of events and mean Goldstein score.

    A party is known by its id, or by its name when it has no id.
    """
    if not 1 <= limit <= MAX_PAGE:
        raise ConfigError(f"limit must be between 1 and {MAX_PAGE}, not {limit}")
    condition, params = where.where()
    actor = "coalesce(nullif(actor_id, ''), actor_name)"
    recipient = "coalesce(nullif(recipient_id, ''), recipient_name)"
    nodes = records(db.store._select(
        "SELECT node AS id, min(name) AS name, min(country) AS country, "
        "count(DISTINCT event_id) AS events FROM ("
        f" SELECT {actor} AS node, actor_name AS name, actor_country AS country, id AS event_id"
        f" FROM events_flat WHERE {condition} AND {actor} IS NOT NULL"
        " UNION ALL"
        f" SELECT {recipient}, recipient_name, recipient_country, id"
        f" FROM events_flat WHERE {condition} AND {recipient} IS NOT NULL"
        ") sides GROUP BY node ORDER BY events DESC, node LIMIT ?",
        [*params, *params, limit]))
    known = {n["id"] for n in nodes}
    edges = records(db.store._select(
        f"SELECT {actor} AS source, {recipient} AS target, count(*) AS events, "
        f"avg(goldstein) AS goldstein FROM events_flat WHERE {condition} "
        f"AND {actor} IS NOT NULL AND {recipient} IS NOT NULL "
        "GROUP BY 1, 2 ORDER BY events DESC, source, target", params))
    edges = [e for e in edges if e["source"] in known and e["target"] in known]
    for edge in edges:
        edge["goldstein"] = round(edge["goldstein"], 2)
    return {"nodes": nodes, "edges": edges}


def timeline(db: Database, where: EventFilter, *, by: str = "quad_class") -> JsonRow:
    """Matching events per day per ``by`` key (QuadClass or PLOVER type); undated left out."""
    column = TIMELINE_KEYS.get(by)
    if column is None:
        raise ConfigError(f"by must be one of {', '.join(TIMELINE_KEYS)}, not {by!r}")
    condition, params = where.where()
    series = records(db.store._select(
        f"SELECT date, CAST({column} AS TEXT) AS key, count(*) AS events FROM events_flat "
        f"WHERE {condition} AND date IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2", params))
    return {"by": by, "series": series}


def map_points(db: Database, where: EventFilter, *, limit: int = 5000) -> JsonRow:
    """Matching events that have coordinates, deadliest first, at most ``limit`` of them;
    ``total`` says how many there are in all."""
    if not 1 <= limit <= MAX_POINTS:
        raise ConfigError(f"limit must be between 1 and {MAX_POINTS}, not {limit}")
    condition, params = where.where()
    located = f"{condition} AND location_lat IS NOT NULL AND location_lon IS NOT NULL"
    total = _count(db, f"SELECT count(*) FROM events_flat WHERE {located}", params)
    points = records(db.store._select(
        "SELECT id, location_lat AS lat, location_lon AS lon, killed, type, location_name, date "
        f"FROM events_flat WHERE {located} ORDER BY killed DESC NULLS LAST, date DESC NULLS LAST, "
        "id LIMIT ?", [*params, limit]))
    return {"total": total, "points": points}
