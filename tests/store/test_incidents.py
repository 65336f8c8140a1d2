"""Incidents are the same whatever the order and batching of ingest."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from tacitus.model import Party, Place, Toll
from tacitus.store import open_store
from tests.store.conftest import KH, QAIM, US, report, snapshot

MOSUL = Place("Mosul", "Mosul", "IRQ", "Nineveh", 36.34, 43.13, 99072, "city", 0, 5)
ANBAR = Place("Anbar", "Al Anbar", "IRQ", "Anbar", 33.42, 42.33, 99597, "admin1", 0, 5)
ISIS = Party("Islamic State", "Islamic State", "IMGSUNISIS", None, "REB", "non-state armed")


def corpus() -> list:
    """Reports of a few incidents that chain (A~B~C) and near misses that must stay apart."""
    day = date(2019, 12, 29)
    specs = [
        ("Reuters", {}),
        ("AFP", {"fatalities": Toll(24, None, "exact")}),
        ("AP", {"location": ANBAR, "date_precision": "publication", "date": day + timedelta(1)}),
        ("BBC", {"actor": None, "fatalities": Toll(30, 12, "about")}),
        ("Al Jazeera", {"date": day - timedelta(3)}),                  # days earlier: apart
        ("Rudaw", {"location": MOSUL}),                                # too far: apart
        ("Kurdistan24", {"location": MOSUL, "actor": ISIS, "recipient": None}),
        ("NRT", {"location": MOSUL, "actor": ISIS, "recipient": None, "date_precision": "week"}),
        ("Xinhua", {"type": "PROTEST", "cameo": "141"}),               # other family
        ("TASS", {"status": "threatened"}),                            # intention, not the act
        ("Anadolu", {"actor": Party("Turkish jets", "Turkish Armed Forces", "TUR-MIL", "TUR",
                                    "MIL", "state")}),                 # other state actor
        ("Sky", {"actor": KH, "recipient": US}),                       # roles swapped
    ]
    return [report(f"{source} report on the strike ({n}).", source=source,
                   published=day + timedelta(1), events=[fields])
            for n, (source, fields) in enumerate(specs)]


def _ingest(path: str, results: list, batch: int) -> dict:
    with open_store(path) as store:
        for start in range(0, len(results), batch):
            store.write_batch(results[start:start + batch])
        return snapshot(store)


def test_incremental_incidents_equal_a_rebuild_from_scratch(new_db) -> None:
    path = new_db("a")
    incremental = _ingest(path, corpus(), batch=1)
    with open_store(path) as store:
        store.rebuild_incidents()
        assert snapshot(store) == incremental


@pytest.mark.parametrize("seed, batch", [(1, 1), (2, 1), (3, 2), (4, 5), (5, 12)])
def test_incidents_do_not_depend_on_ingest_order(new_db, seed: int, batch: int) -> None:
    reference = _ingest(new_db("ref"), corpus(), batch=12)
    shuffled = corpus()
    random.Random(seed).shuffle(shuffled)
    assert _ingest(new_db(f"s{seed}"), shuffled, batch) == reference


def test_the_expected_reports_are_grouped(new_db) -> None:
    path = new_db("g")
    _ingest(path, corpus(), batch=3)
    with open_store(path) as store:
        groups = store.incidents()
    found = sorted(sorted(sources) for sources in groups["sources"])
    # The Qaim strike: AP (admin1 Anbar, dated by publication), BBC (attacker unknown), Sky
    # (roles swapped). Anadolu names another attacker: it does not match Reuters, but it does
    # match BBC's report with no attacker, and incidents are connected components.
    assert found == sorted([
        ["AFP", "AP", "Anadolu", "BBC", "Reuters", "Sky"], ["Al Jazeera"], ["Kurdistan24", "NRT"],
        ["Rudaw"], ["TASS"], ["Xinhua"]])
    qaim = groups[groups["n_articles"] == 6].iloc[0]
    assert qaim["admin1"] == QAIM.admin1 and qaim["location"] == QAIM.name
    assert (qaim["killed_min"], qaim["killed_max"], qaim["killed_most_cited"]) == (24, 30, 25)
