"""Grouping and summaries: order-free, incremental equals from-scratch."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tacitus.merge import MergeItem, components, group, incident_id, summarise
from tests.merge.test_rule import BASE, ITEMS


def _partition(groups) -> set[frozenset[str]]:
    return {frozenset(i.event_id for i in g) for g in groups}


@settings(max_examples=80, deadline=None)
@given(st.lists(ITEMS, min_size=1, max_size=12), st.randoms(use_true_random=False),
       st.integers(1, 4))
def test_incremental_grouping_equals_components_in_any_order(items, rnd, batch) -> None:
    items = [replace(item, event_id=f"e{n}") for n, item in enumerate(items)]
    expected = _partition(components(items))
    rnd.shuffle(items)
    incident_of: dict[str, str] = {}
    stored: list[MergeItem] = []
    members: dict[str, list[str]] = {}
    for start in range(0, len(items), batch):
        new = items[start:start + batch]
        for g in group(new, stored, incident_of):
            ids = list(g.new_event_ids) + [e for old in g.old_incident_ids for e in members.pop(old)]
            members[incident_id(ids)] = ids
            incident_of.update({e: incident_id(ids) for e in ids})
        stored.extend(new)
    assert {frozenset(ids) for ids in members.values()} == expected


def test_summary_counts_ranges_and_most_cited_toll() -> None:
    reports = [
        replace(BASE, event_id="e1", article_id="a1", source="Reuters", killed=25,
                published=date(2019, 12, 30)),
        replace(BASE, event_id="e2", article_id="a2", source="AFP", killed=24,
                published=date(2019, 12, 30)),
        replace(BASE, event_id="e3", article_id="a3", source="Reuters", killed=25, injured=3,
                published=date(2019, 12, 31)),
        replace(BASE, event_id="e0", article_id="a4", source=None, killed=None,
                precision="admin1", location="Al Anbar", published=date(2020, 1, 2)),
    ]
    shuffled = reports[:]
    random.Random(7).shuffle(shuffled)
    incident = summarise(reports)
    assert summarise(shuffled) == incident
    assert incident.id == incident_id(["e0"])
    assert (incident.n_events, incident.n_articles, incident.n_sources) == (4, 4, 3)
    assert (incident.killed_min, incident.killed_max, incident.killed_most_cited) == (24, 25, 25)
    assert (incident.injured_min, incident.injured_max) == (3, 3)
    assert (incident.first_report, incident.last_report) == (date(2019, 12, 30), date(2020, 1, 2))
    assert incident.location == "Al Qaim"  # the most precise place wins over the admin1


def test_a_toll_tie_goes_to_the_higher_figure() -> None:
    reports = [replace(BASE, event_id=f"e{n}", article_id=f"a{n}", killed=k)
               for n, k in enumerate([10, 12, 12, 10])]
    assert summarise(reports).killed_most_cited == 12
