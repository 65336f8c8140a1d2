"""What exports need beyond ``events_flat``: each event's toll claims and each article's tone
toward its parties, read through ``Store.sql`` so that every backend serves them."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import pandas as pd

from tacitus.store.base import Store
from tacitus.store.exports.values import value

# Ids per IN (...) list: long enough to be few queries, short enough for any SQL parser.
CHUNK = 500
# Beyond this many ids (an export of most of a large database) one scan of the whole table,
# filtered here, is faster than thousands of IN-list queries.
SCAN_ABOVE = 20_000


@dataclass(frozen=True, slots=True)
class TollClaim:
    """One source's death toll for an event (a ``claims`` row of kind toll)."""

    source: str | None
    killed: int
    certainty: int


def _select(store: Store, query: str, column: str, ids: Iterable[str]
            ) -> Iterator[dict[str, Any]]:
    """Rows of ``query`` (its ``{where}`` a condition on ``column``) whose column is in ids."""
    unique = sorted({i for i in ids if i})
    if len(unique) > SCAN_ABOVE:
        wanted = set(unique)
        for row in store.sql(query.format(where="TRUE")).to_dict("records"):
            if row[column] in wanted:
                yield row
        return
    for start in range(0, len(unique), CHUNK):
        listed = ", ".join("'" + i.replace("'", "''") + "'" for i in unique[start:start + CHUNK])
        yield from store.sql(query.format(where=f"{column} IN ({listed})")).to_dict("records")


def toll_claims(store: Store, event_ids: Iterable[str]) -> dict[str, list[TollClaim]]:
    """event id -> the killed figures its claims give, in article order."""
    found: dict[str, list[TollClaim]] = defaultdict(list)
    for row in _select(store, "SELECT event_id, source_text, killed, certainty FROM claims "
                              "WHERE kind = 'toll' AND killed IS NOT NULL AND {where} "
                              "ORDER BY article_id, seq", "event_id", event_ids):
        found[str(row["event_id"])].append(TollClaim(
            value(row["source_text"]), int(row["killed"]), int(row["certainty"])))
    return dict(found)


def party_tones(store: Store, article_ids: Iterable[str]) -> dict[tuple[str, str], float]:
    """(article id, party id) -> the article's sentiment score toward that party (-1..1)."""
    tones: dict[tuple[str, str], float] = {}
    for row in _select(store, "SELECT id, sentiment FROM articles WHERE {where} "
                              "AND sentiment <> '[]'", "id", article_ids):
        for item in json.loads(str(row["sentiment"])):
            tones[(str(row["id"]), item["party"]["id"])] = float(item["score"])
    return tones


def ids_of(frame: pd.DataFrame, column: str) -> list[str]:
    return [str(v) for v in frame[column].dropna().unique()] if len(frame) else []
