"""Event filters, incidents view and read-only SQL."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tacitus.api.database import open as open_db
from tacitus.errors import ConfigError, StoreError
from tacitus.model import Acled
from tests.store.conftest import (
    BAGHDAD,
    KABUL,
    POLICE,
    PROTESTERS,
    fake_extractor,
    report,
)

PROTEST = {"type": "PROTEST", "cameo": "141", "mode": None, "context": (), "actor": PROTESTERS,
           "recipient": POLICE, "location": BAGHDAD, "fatalities": None,
           "acled": Acled("Protests", "Peaceful protest"), "confidence": 0.6}
CORPUS = [
    report("US strikes hit Qaim, killing 25.", events=[{}]),
    report("American jets bombed Qaim; 24 dead.", source="AFP", events=[{"fatalities": None}]),
    report("Thousands protested in Baghdad.", source="AP", published=date(2020, 1, 3),
           events=[{**PROTEST, "date": date(2020, 1, 2)}]),
    report("A car bomb in Kabul killed 7.", source="Tolo", published=date(2020, 2, 1),
           events=[{"location": KABUL, "actor": None, "recipient": None, "date": date(2020, 2, 1),
                    "status": "alleged", "confidence": 0.3}]),
]


@pytest.fixture(scope="module")
def db(module_db):
    path = module_db("query")
    with open_db(path) as opened:
        opened.ingest(["x"], extractor=fake_extractor(CORPUS))
    with open_db(path, read_only=True) as opened:
        yield opened


@pytest.mark.parametrize("filters, expected", [
    ({}, ["Qaim", "Qaim", "Baghdad", "Kabul"]),
    ({"country": "IRQ"}, ["Qaim", "Qaim", "Baghdad"]),
    ({"country": ["afg", "irq"], "type": "protest"}, ["Baghdad"]),
    ({"since": "2020-01-01"}, ["Baghdad", "Kabul"]),
    ({"until": date(2019, 12, 31)}, ["Qaim", "Qaim"]),
    ({"actor": "kataib"}, ["Qaim", "Qaim"]),
    ({"actor": "police"}, ["Baghdad"]),
    ({"actor": "100%_"}, []),
    ({"near": "33.3,44.4,25"}, ["Baghdad"]),
    ({"near": (34.5, 41.0, 50)}, ["Qaim", "Qaim"]),
    ({"status": "alleged,denied"}, ["Kabul"]),
    ({"min_confidence": 0.5}, ["Qaim", "Qaim", "Baghdad"]),
    ({"country": "IRQ", "since": "2019-12-29", "until": "2019-12-29"}, ["Qaim", "Qaim"]),
])
def test_event_filters(db, filters: dict, expected: list[str]) -> None:
    assert db.events(**filters)["location_text"].tolist() == expected


def test_incidents_group_the_reports_of_one_strike(db) -> None:
    incidents = db.events(incidents=True, country="IRQ", type="ASSAULT")
    assert len(incidents) == 1
    row = incidents.iloc[0]
    assert (row["n_events"], row["n_articles"], row["n_sources"]) == (2, 2, 2)
    assert (row["killed_min"], row["killed_max"], row["killed_most_cited"]) == (25, 25, 25)
    assert sorted(row["sources"]) == ["AFP", "Reuters"] and len(row["evidence"]) == 2
    assert row["first_report"] == date(2019, 12, 30)


@pytest.mark.parametrize("filters, message", [
    ({"country": "Iraq"}, "alpha-3"),
    ({"type": "BOMBING"}, "unknown event type"),
    ({"status": "rumoured"}, "unknown status"),
    ({"since": "30/12/2019"}, "ISO date"),
    ({"near": "33,44"}, "LAT,LON,KM"),
    ({"near": "95,44,10"}, "out of range"),
    ({"min_confidence": "high"}, "number"),
    ({"min_confidence": 2}, "between 0 and 1"),
])
def test_bad_filters_are_config_errors(db, filters: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        db.events(**filters)


def test_sql_reads(db) -> None:
    frame = db.sql("WITH t AS (SELECT type FROM events) SELECT type, count(*) AS n FROM t "
                   "GROUP BY type ORDER BY type")
    assert frame.values.tolist() == [["ASSAULT", 3], ["PROTEST", 1]]


@pytest.mark.parametrize("query", [
    "DELETE FROM events",
    "DROP TABLE events",
    "INSERT INTO failures VALUES ('x', 'p', 1, 'm', 'error', now())",
    "UPDATE events SET type = 'AID'",
    "SELECT 1; DROP TABLE events",
    "CREATE TABLE t AS SELECT 1",
    "COPY events TO '/tmp/tacitus-leak.csv'",
    "ATTACH '/tmp/other.duckdb' AS other",
    "PRAGMA database_size",
    "CHECKPOINT",
])
def test_sql_rejects_anything_but_one_select(db, query: str) -> None:
    with pytest.raises(ConfigError, match="single SELECT"):
        db.sql(query)
    assert db.counts()["events"] == 4


def test_sql_syntax_error_is_one_line(db) -> None:
    with pytest.raises(ConfigError) as caught:
        db.sql("SELEC * FROM events")
    assert "\n" not in str(caught.value)


def test_a_read_only_database_refuses_writes(db) -> None:
    with pytest.raises(StoreError, match="read-only"):
        db.store.write_batch(CORPUS)


def test_a_database_without_tacitus_schema_is_refused(tmp_path: Path) -> None:
    import duckdb

    path = tmp_path / "other.duckdb"
    duckdb.connect(str(path)).close()
    with pytest.raises(StoreError, match="not a tacitus database"):
        open_db(path, read_only=True)
