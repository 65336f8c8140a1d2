"""Export shapes: ACLED's and GDELT's columns in their published order and conventions."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from tacitus.api.database import open as open_db
from tacitus.model import Acled, Party, Place, Toll
from tacitus.store.exports import write_parquet, write_text
from tacitus.store.exports.acled import disorder_type, inter
from tests.store.conftest import BAGHDAD, POLICE, PROTESTERS, fake_extractor, report

ACLED_COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp"]
GDELT_COLUMNS = (
    ["GlobalEventID", "Day", "MonthYear", "Year", "FractionDate"]
    + [f"Actor{n}{f}" for n in (1, 2) for f in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code")]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
       "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"{who}Geo_{f}" for who in ("Actor1", "Actor2", "Action") for f in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")]
    + ["DATEADDED", "SOURCEURL"])

CIVILIANS = Party("villagers", "Civilians (Nigeria)", "NGA-CVL", "NGA", "CVL", "civilian")
BOKO = Party("Boko Haram", "Boko Haram", "NGA-REB-BH", None, "REB", "non-state armed")
CHIBOK = Place("Chibok", "Chibok", "NGA", "Borno", 10.87, 12.85, 2336056, "city", 5, 11)
CORPUS = [
    report("Gunmen abducted schoolgirls in Chibok.", source="Premium Times",
           published=date(2014, 4, 15),
           events=[{"actor": BOKO, "recipient": CIVILIANS, "location": CHIBOK, "cameo": "181",
                    "date": date(2014, 4, 14), "fatalities": Toll(None, None, "exact"),
                    "acled": Acled("Violence against civilians", "Abduction/forced disappearance")}]),
    report("Boko Haram kidnapped more than 200 girls from a school in Chibok.", source="BBC",
           published=date(2014, 4, 16),
           events=[{"actor": BOKO, "recipient": CIVILIANS, "location": CHIBOK, "cameo": "181",
                    "date": date(2014, 4, 14), "fatalities": Toll(2, None, "at least"),
                    "acled": Acled("Violence against civilians", "Abduction/forced disappearance")}]),
    report("Police fired on protesters in Baghdad.", source="AP",
           events=[{"type": "PROTEST", "cameo": "014", "actor": PROTESTERS, "recipient": POLICE,
                    "location": BAGHDAD, "acled": Acled("Protests", "Protest with intervention")}]),
    report("Ministers met for talks in Kabul.", source="Tolo",
           events=[{"type": "CONSULT", "cameo": "040", "acled": None, "location": None}]),
    report("The militia threatened to attack Chibok again.", source="Daily Trust",
           events=[{"type": "THREATEN", "cameo": "138", "status": "threatened", "location": None,
                    "acled": Acled("Violence against civilians", "Attack")}]),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("export") / "x.duckdb"
    with open_db(path) as opened:
        opened.ingest(["x"], extractor=fake_extractor(CORPUS))
        yield opened


def test_acled_has_its_31_columns_in_order_and_only_acled_events(db) -> None:
    frame = db.export("acled")
    assert list(frame.columns) == ACLED_COLUMNS and len(ACLED_COLUMNS) == 31
    assert len(frame) == 3, "only events with a category that took place (no threats)"
    chibok = frame[frame["location"] == "Chibok"].iloc[0]
    assert chibok["event_id_cnty"].startswith("NGA")
    assert (chibok["iso"], chibok["country"], chibok["region"]) == (566, "Nigeria", "Western Africa")
    assert chibok["disorder_type"] == "Political violence"
    assert chibok["civilian_targeting"] == "Civilian targeting"
    assert (chibok["inter1"], chibok["inter2"], chibok["interaction"]) == (2, 7, 27)
    assert chibok["event_date"] in ("2014-04-14",) and chibok["time_precision"] == 1
    protest = frame[frame["location"] == "Baghdad"].iloc[0]
    assert (protest["inter1"], protest["inter2"], protest["interaction"]) == (6, 1, 16)
    assert protest["geo_precision"] == 1 and protest["tags"] == "at least"


def test_gdelt_has_its_61_columns_codes_as_strings_and_fips_geo(db) -> None:
    frame = db.export("gdelt")
    assert list(frame.columns) == GDELT_COLUMNS and len(GDELT_COLUMNS) == 61
    out = io.StringIO()
    write_text(frame, "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    codes = {r["EventCode"] for r in rows}
    assert {"014", "040", "181"} <= codes
    protest = next(r for r in rows if r["EventCode"] == "014")
    assert (protest["EventBaseCode"], protest["EventRootCode"]) == ("014", "01")
    assert protest["ActionGeo_CountryCode"] == "IZ" and protest["ActionGeo_Type"] == "4"
    chibok = [r for r in rows if r["EventCode"] == "181"]
    assert {r["ActionGeo_CountryCode"] for r in chibok} == {"NI"}
    # Two reports of one abduction: GDELT's counts come from the incident, not one row each.
    assert {(r["NumMentions"], r["NumArticles"], r["NumSources"]) for r in chibok} == {("2", "2", "2")}
    assert {r["Day"] for r in chibok} == {"20140414"}


def test_parquet_keeps_column_order_and_types(db, tmp_path: Path) -> None:
    frame = db.export("gdelt")
    write_parquet(frame, tmp_path / "g.parquet")
    back = pd.read_parquet(tmp_path / "g.parquet")
    assert list(back.columns) == GDELT_COLUMNS
    assert back["EventCode"].tolist() == frame["EventCode"].tolist()


def test_native_json_is_an_array_with_iso_dates(db) -> None:
    out = io.StringIO()
    write_text(db.export("native", country="NGA"), "json", out)
    rows = json.loads(out.getvalue())
    assert [r["date"] for r in rows] == ["2014-04-14", "2014-04-14"]
    assert rows[0]["context"] == ["military"]
    assert sorted(r["published"] for r in rows) == ["2014-04-15", "2014-04-16"]


@pytest.mark.parametrize("event_type, sub, expected", [
    ("Protests", "Excessive force against protesters", "Political violence; Demonstrations"),
    ("Protests", "Peaceful protest", "Demonstrations"),
    ("Riots", "Mob violence", "Political violence"),
    ("Strategic developments", "Looting/property destruction", "Strategic developments"),
    ("Battles", "Armed clash", "Political violence"),
])
def test_disorder_types(event_type: str, sub: str, expected: str) -> None:
    assert disorder_type(event_type, sub) == expected


@pytest.mark.parametrize("event_type, kind, sector, expected", [
    ("Battles", "state", "MIL", 1),
    ("Battles", "non-state armed", "REB", 2),
    ("Battles", "non-state armed", "UAF", 3),
    ("Riots", "civilian", "CVL", 5),
    ("Protests", "political", "OPP", 6),
    ("Violence against civilians", "civilian", "CVL", 7),
    ("Battles", "international", "IGO", 8),
    ("Battles", None, None, None),
])
def test_acled_actor_types(event_type: str, kind, sector, expected) -> None:
    assert inter(event_type, kind, sector) == expected
