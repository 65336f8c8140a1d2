"""Grouping events into cross-article incidents, incrementally and order-independently.

Incidents are the connected components of the graph whose edges are the pairs
:func:`~tacitus.merge.rule.same_incident` accepts. Edges never depend on what else is linked,
so adding events can only join components, never split them: a stored incident can stand for
all its members when new events arrive, and the final grouping is the same whatever the order
of ingest. An incident's id is a stable hash of its smallest member event id, so it is also the
same whatever the order.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from tacitus.merge.rule import MergeItem, Rule, block_key, get_rule, same_incident
from tacitus.model import stable_hash


def incident_id(event_ids: Iterable[str]) -> str:
    return stable_hash("incident", min(event_ids))


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, node: str) -> str:
        self.parent.setdefault(node, node)
        root = node
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[node] != root:
            self.parent[node], node = root, self.parent[node]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass(frozen=True, slots=True)
class Group:
    """One incident after a batch: the new events joining it and the stored incidents it absorbs."""

    new_event_ids: tuple[str, ...]
    old_incident_ids: tuple[str, ...]


def candidate_window(items: Sequence[MergeItem], rule: Rule | None = None) -> tuple[date, date] | None:
    """The range of stored event dates that can link to any of ``items`` (for the store's query)."""
    rule = rule or get_rule()
    spans = [(i.date, timedelta(days=max(rule.date_slack_days[i.date_precision or ""])
                                + rule.max_slack_days))
             for i in items if i.date is not None and block_key(i, rule) is not None]
    if not spans:
        return None
    return min(day - reach for day, reach in spans), max(day + reach for day, reach in spans)


def group(new: Sequence[MergeItem], stored: Sequence[MergeItem],
          incident_of: Mapping[str, str], rule: Rule | None = None) -> list[Group]:
    """Group new events with each other and with stored incidents.

    ``stored`` are stored events that may link (the store's blocked candidate query);
    ``incident_of`` maps each stored event id to its incident id. Every new event ends up in
    exactly one returned group; stored incidents not linked to any new event are left out.
    """
    rule = rule or get_rule()
    uf = _UnionFind()
    blocks: dict[tuple[str, str, str], list[MergeItem]] = defaultdict(list)
    for item in stored:
        key = block_key(item, rule)
        if key is not None:
            blocks[key].append(item)
    new_ids = {i.event_id for i in new}
    for item in sorted(new, key=lambda i: i.event_id):
        uf.find("e:" + item.event_id)
        key = block_key(item, rule)
        if key is None:
            continue
        for other in blocks[key]:
            if same_incident(item, other, rule):
                node = "e:" + other.event_id if other.event_id in new_ids \
                    else "i:" + incident_of[other.event_id]
                uf.union("e:" + item.event_id, node)
        blocks[key].append(item)
    members: dict[str, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for node in list(uf.parent):
        kind, ident = node.split(":", 1)
        members[uf.find(node)][0 if kind == "e" else 1].append(ident)
    return [Group(tuple(sorted(e)), tuple(sorted(set(i)))) for e, i in members.values() if e]


def components(items: Sequence[MergeItem], rule: Rule | None = None) -> list[list[MergeItem]]:
    """All incidents of a set of events from scratch (the reference the incremental path equals)."""
    by_id = {i.event_id: i for i in items}
    return [[by_id[e] for e in g.new_event_ids] for g in group(items, (), {}, rule)]


@dataclass(frozen=True, slots=True)
class Incident:
    """What many reports say about one incident."""

    id: str
    family: str | None
    type: str
    date_first: date | None
    date_last: date | None
    first_report: date | None
    last_report: date | None
    n_events: int
    n_articles: int
    n_sources: int
    killed_min: int | None
    killed_max: int | None
    killed_most_cited: int | None
    injured_min: int | None
    injured_max: int | None
    injured_most_cited: int | None
    country: str | None
    admin1: str | None
    location: str | None
    lat: float | None
    lon: float | None
    actor: str | None
    recipient: str | None


def _most_common(values: Iterable[object]) -> object | None:
    """Most frequent non-null value; ties go to the value that sorts last (for figures, the
    higher one: later reports tend to revise tolls upwards), so the result is order-free."""
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    return max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]


def _range(values: Iterable[int | None]) -> tuple[int | None, int | None, int | None]:
    known = [v for v in values if v is not None]
    if not known:
        return None, None, None
    return min(known), max(known), _most_common(known)  # type: ignore[return-value]


def summarise(members: Sequence[MergeItem], rule: Rule | None = None) -> Incident:
    """The incident record of a group of events: counts, date and report range, toll range."""
    rule = rule or get_rule()
    ordered = sorted(members, key=lambda i: i.event_id)
    dates: list[date] = [i.date for i in ordered if i.date is not None]
    reports: list[date] = [i.published for i in ordered if i.published is not None]
    placed = [i for i in ordered if i.location is not None]
    best_place = min(placed, key=lambda i: (_PRECISION_RANK.get(i.precision or "", 9),
                                            i.event_id)) if placed else None
    killed = _range(i.killed for i in ordered)
    injured = _range(i.injured for i in ordered)
    return Incident(
        id=incident_id(i.event_id for i in ordered),
        family=rule.families.get(ordered[0].type),
        type=str(_most_common(i.type for i in ordered)),
        date_first=min(dates) if dates else None,
        date_last=max(dates) if dates else None,
        first_report=min(reports) if reports else None,
        last_report=max(reports) if reports else None,
        n_events=len(ordered),
        n_articles=len({i.article_id for i in ordered}),
        n_sources=len({i.source or f"article:{i.article_id}" for i in ordered}),
        killed_min=killed[0], killed_max=killed[1], killed_most_cited=killed[2],
        injured_min=injured[0], injured_max=injured[1], injured_most_cited=injured[2],
        country=_most_common(i.country for i in ordered),  # type: ignore[arg-type]
        admin1=_most_common(i.admin1 for i in ordered),  # type: ignore[arg-type]
        location=best_place.location if best_place else None,
        lat=best_place.lat if best_place else None,
        lon=best_place.lon if best_place else None,
        actor=_most_common(i.actor for i in ordered),  # type: ignore[arg-type]
        recipient=_most_common(i.recipient for i in ordered),  # type: ignore[arg-type]
    )


_PRECISION_RANK = {"point": 0, "city": 1, "admin2": 2, "admin1": 3, "country": 4}
