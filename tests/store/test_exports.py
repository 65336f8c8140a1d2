"""Export shapes: ACLED's and GDELT's columns in their published order and conventions."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from tacitus.api.database import open as open_db
from tacitus.model import Acled, Claim, Party, Place, Sentiment, Toll
from tacitus.store.exports import context, write_parquet, write_text
from tacitus.store.exports.acled import (
    acled_actor,
    disorder_type,
    fatalities,
    inter,
    notes,
)
from tacitus.store.exports.context import TollClaim
from tacitus.store.exports.gdelt import action_geo, tones
from tacitus.store.exports.geography import admin1_code
from tacitus.store.exports.tables import name_key, source_scales
from tests.store.conftest import (
    BAGHDAD,
    KH,
    POLICE,
    PROTESTERS,
    QAIM,
    US,
    fake_extractor,
    report,
)

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
def db(module_db):
    path = module_db("export")
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


# ---- ACLED: actor names, associated actors and type codes --------------------------------------

def _party(role: str, party: Party | None) -> dict[str, object]:
    fields = ("id", "name", "country", "sector", "kind")
    return {f"{role}_{f}": getattr(party, f) if party else None for f in fields}


SADRISTS = Party("Sadr's followers", "Sadrist Movement", "IRQ-SADR", "IRQ", "PTY", "political")
IRAQI_PROTESTERS = Party("Iraqi protesters", "Iraqi protesters", "IRQOPP", "IRQ", "OPP", "civilian")
STUDENTS = Party("students", "Iraqi education sector", "IRQEDU", "IRQ", "EDU", "civilian")
JOURNALISTS = Party("reporters", "Afghan media", "AFGMED", "AFG", "MED", "media")
RIOTERS = Party("youths", "Nigerian civilians", "NGACVL", "NGA", "CVL", "civilian")
UNHCR = Party("UNHCR", "UN Refugee Agency", "IGO-UN-UNHCR", None, "IGO", "international")


@pytest.mark.parametrize("party, event_type, country, expected", [
    (KH, "Explosions/Remote violence", "IRQ", ("Kataib Hezbollah", "Popular Mobilization Forces", 3)),
    (US, "Explosions/Remote violence", "IRQ", ("United States Armed Forces", "", 8)),
    (US, "Battles", "USA", ("United States Armed Forces", "", 1)),
    (POLICE, "Protests", "IRQ", ("Police of Iraq", "", 1)),
    (IRAQI_PROTESTERS, "Protests", "IRQ", ("Protesters (Iraq)", "", 6)),
    (SADRISTS, "Protests", "IRQ", ("Protesters (Iraq)", "Sadrist Movement", 6)),
    (SADRISTS, "Riots", "IRQ", ("Rioters (Iraq)", "Sadrist Movement", 5)),
    (PROTESTERS, "Protests", "IRQ", ("Protesters (Iraq)", "", 6)),
    (STUDENTS, "Violence against civilians", "IRQ", ("Civilians (Iraq)", "Students (Iraq)", 7)),
    (JOURNALISTS, "Violence against civilians", "AFG",
     ("Civilians (Afghanistan)", "Journalists (Afghanistan)", 7)),
    (RIOTERS, "Riots", "NGA", ("Rioters (Nigeria)", "", 5)),
    (UNHCR, "Strategic developments", "SDN", ("UN Refugee Agency", "United Nations", 8)),
    (None, "Battles", "IRQ", ("", "", None)),
])
def test_acled_actor_names_associates_and_types(party, event_type: str, country: str,
                                                expected: tuple[str, str, int | None]) -> None:
    got = acled_actor(_party("actor", party), "actor", event_type, country)
    assert (got.name, got.associated, got.inter) == expected


@pytest.mark.parametrize("killed, claims, fatalities_expected, notes_expected", [
    (None, [], 0, "Gunmen attacked a checkpoint."),
    (4, [], 4, "Gunmen attacked a checkpoint."),
    (25, [TollClaim("the PMF", 25, 2), TollClaim("Iraqi officials", 19, 2)], 19,
     "Gunmen attacked a checkpoint. Fatality counts differ: 25 (the PMF); 19 (Iraqi officials)."),
    (25, [TollClaim("the PMF", 25, 2), TollClaim("the army", 3, 0)], 25,
     "Gunmen attacked a checkpoint."),
    (25, [TollClaim(None, 1, 3)], 25, "Gunmen attacked a checkpoint."),
    (400, [TollClaim("the Syria Civil Defence", 31, 1), TollClaim("the UN", 400, 2)], 31,
     ("Gunmen attacked a checkpoint. Fatality counts differ: 31 (the Syria Civil Defence); "
      "400 (the UN).")),
    (None, [TollClaim(None, 7, 3), TollClaim("police", 7, 2)], 7, "Gunmen attacked a checkpoint."),
    (None, [TollClaim("witnesses", 12, 1)], 12, "Gunmen attacked a checkpoint."),
])
def test_acled_fatalities_take_the_lowest_sourced_undenied_toll(killed, claims, fatalities_expected: int,
                                                        notes_expected: str) -> None:
    assert fatalities(killed, claims) == fatalities_expected
    assert notes("Gunmen  attacked a\ncheckpoint.", claims) == notes_expected


@pytest.mark.parametrize("outlet, scale", [
    ("Reuters", "International"), ("The Guardian", "International"), ("al jazeera", "International"),
    ("Asharq Al-Awsat", "Regional"), ("Premium Times", "National"), ("Rudaw", "Subnational"),
    ("Telegram", "New media"), ("Unknown Gazette", ""),
])
def test_acled_source_scale_of_outlets(outlet: str, scale: str) -> None:
    assert source_scales().get(name_key(outlet), "") == scale


# ---- GDELT: geography codes and tone -----------------------------------------------------------

@pytest.mark.parametrize("iso3, admin1, expected", [
    ("IRQ", "Anbar", "IZ01"), ("IRQ", "Baghdad", "IZ07"), ("IRQ", "Karbala", "IZ12"),
    ("NGA", "Borno", "NI27"), ("AFG", "Nangarhar", "AF18"), ("SYR", "Aleppo", "SY09"),
    ("USA", "Texas", "USTX"), ("IRQ", "Atlantis", None), (None, "Anbar", None), ("IRQ", None, None),
])
def test_gdelt_adm1_codes_are_fips_country_plus_admin1(iso3, admin1, expected) -> None:
    assert admin1_code(iso3, admin1) == expected


def _place(place: Place | None) -> dict[str, object]:
    fields = ("text", "name", "country", "admin1", "lat", "lon", "geonameid", "precision")
    return {f"location_{f}": getattr(place, f) if place else None for f in fields}


ANBAR = Place("Anbar", "Anbar", "IRQ", "Anbar", 33.42, 42.33, None, "admin1")
IRAQ = Place("Iraq", "Iraq", "IRQ", None, 33.0, 44.0, 99237, "country")
HOUSTON = Place("Houston", "Houston", "USA", "Texas", 29.76, -95.36, 4699066, "city")


@pytest.mark.parametrize("place, county, expected", [
    (BAGHDAD, None, (4, "Baghdad, Iraq", "IZ", "IZ07", "", "98182")),
    (ANBAR, None, (5, "Anbar, Iraq", "IZ", "IZ01", "", "IZ01")),
    (IRAQ, None, (1, "Iraq", "IZ", "IZ", "", "IZ")),
    (HOUSTON, "Harris County", (3, "Houston, Texas, United States", "US", "USTX", "TX201", "4699066")),
    (Place("Atlantis", "Atlantis", "IRQ", "Atlantis", 1.0, 1.0, 7, "city"), None,
     (4, "Atlantis, Iraq", "IZ", "IZ", "", "7")),
    (None, None, (0, "", "", "", "", "")),
])
def test_gdelt_action_geo_codes(place: Place | None, county, expected) -> None:
    geo = action_geo(_place(place), county)
    assert tuple(geo[k] for k in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code",
                                  "FeatureID")) == expected


def test_gdelt_tone_is_toward_actor1_averaged_over_the_incident() -> None:
    rows = [
        {"article_id": "a1", "incident_id": "i1", "actor_id": "USA-MIL", "recipient_id": "KH"},
        {"article_id": "a2", "incident_id": "i1", "actor_id": "USA-MIL", "recipient_id": "KH"},
        {"article_id": "a3", "incident_id": None, "actor_id": "X", "recipient_id": "KH"},
        {"article_id": "a4", "incident_id": None, "actor_id": None, "recipient_id": None},
    ]
    scores = {("a1", "USA-MIL"): -0.5, ("a2", "USA-MIL"): 0.1, ("a2", "KH"): 0.9,
              ("a3", "KH"): -0.2}
    assert tones(rows, scores) == [-2.0, -2.0, -2.0, None]


# ---- End to end: claims, tone and geography through the store ----------------------------------

PMF_SOURCE = Party("the PMF", "Popular Mobilization Forces", "IRQ-PMF", "IRQ", "UAF",
                   "non-state armed")
PENTAGON = Party("the Pentagon", "United States Department of Defense", "USA-DEF", "USA", "GOV",
                 "state")
STRIKE_TEXT = ("US air strikes hit Kataib Hezbollah sites in Qaim, killing 25 fighters, the PMF "
               "said. The Pentagon put the toll at 19.")
STRIKE = report(STRIKE_TEXT, source="Reuters", events=[{"location": QAIM}])
STRIKE = replace(
    STRIKE,
    claims=(Claim("toll", STRIKE.events[0].id, PMF_SOURCE, "the PMF", 2, 60, 78, "toll", killed=25),
            Claim("toll", STRIKE.events[0].id, PENTAGON, "The Pentagon", 2, 90, 113, "toll",
                  killed=19)),
    sentiment=(Sentiment(US, -0.4, 2), Sentiment(KH, 0.3, 1)))
UNCLAIMED = report("Unknown gunmen killed three villagers near Chibok.", source="Sahel Courier",
                   events=[{"actor": None, "recipient": CIVILIANS, "location": CHIBOK,
                            "fatalities": Toll(3, None, "exact"),
                            "acled": Acled("Violence against civilians", "Attack")}])


TEXAS_PROTEST = report("Hundreds rallied outside the Houston city hall.", source="Houston Chronicle",
                       events=[{"type": "PROTEST", "cameo": "141", "actor": PROTESTERS,
                                "recipient": None, "location": HOUSTON, "fatalities": None,
                                "acled": Acled("Protests", "Peaceful protest")}])


@pytest.fixture(scope="module")
def claims_db(module_db):
    path = module_db("claims")
    with open_db(path) as opened:
        opened.ingest(["x"], extractor=fake_extractor([STRIKE, UNCLAIMED, TEXAS_PROTEST]))
        yield opened


def test_acled_row_from_the_store_uses_claims_parents_and_outlet_scale(claims_db) -> None:
    frame = claims_db.export("acled").set_index("source")
    strike, attack = frame.loc["Reuters"], frame.loc["Sahel Courier"]
    assert (strike["actor1"], strike["inter1"]) == ("United States Armed Forces", 8)
    assert (strike["actor2"], strike["assoc_actor_2"], strike["inter2"]) == (
        "Kataib Hezbollah", "Popular Mobilization Forces", 3)
    assert strike["interaction"] == 38 and strike["source_scale"] == "International"
    assert strike["fatalities"] == 19
    assert strike["notes"].endswith("Fatality counts differ: 25 (the PMF); 19 (The Pentagon).")
    assert (attack["actor1"], attack["inter1"], attack["interaction"]) == (
        "Unidentified Armed Group (Nigeria)", 3, 37)
    assert attack["fatalities"] == 3 and attack["source_scale"] == ""
    assert (strike["admin1"], strike["geo_precision"]) == ("Anbar", 1)
    rally = frame.loc["Houston Chronicle"]
    assert (rally["actor1"], rally["inter1"], rally["interaction"]) == (
        "Protesters (United States)", 6, 60)
    assert (rally["admin1"], rally["admin2"], rally["admin3"]) == ("Texas", "Harris County", "")
    assert rally["fatalities"] == 0 and rally["time_precision"] == 1


def test_gdelt_row_from_the_store_has_tone_and_actor_geography(claims_db) -> None:
    frame = claims_db.export("gdelt")
    strike = frame[frame["SOURCEURL"] == "Reuters"].iloc[0]
    assert strike["AvgTone"] == -4.0
    assert (strike["ActionGeo_ADM1Code"], strike["Actor1Geo_ADM1Code"],
            strike["Actor2Geo_ADM1Code"]) == ("IZ01", "IZ01", "IZ01")
    assert strike["Actor1Geo_FeatureID"] == "99134" and strike["Actor1Geo_Type"] == 4
    attack = frame[frame["SOURCEURL"] == "Sahel Courier"].iloc[0]
    assert (attack["Actor1Geo_Type"], attack["Actor1Geo_ADM1Code"]) == (0, "")
    assert attack["Actor2Geo_ADM1Code"] == "NI27" and pd.isna(attack["AvgTone"])
    rally = frame[frame["SOURCEURL"] == "Houston Chronicle"].iloc[0]
    assert (rally["ActionGeo_Type"], rally["ActionGeo_ADM1Code"], rally["ActionGeo_ADM2Code"]) == (
        3, "USTX", "TX201")


@pytest.mark.parametrize("scan_above", [0, 20_000])
def test_claims_and_tones_read_the_same_by_id_lists_or_one_scan(
        claims_db, monkeypatch: pytest.MonkeyPatch, scan_above: int) -> None:
    monkeypatch.setattr(context, "SCAN_ABOVE", scan_above)
    monkeypatch.setattr(context, "CHUNK", 1)
    event_id = STRIKE.events[0].id
    claims = context.toll_claims(claims_db.store, [event_id, "no-such-event", "it's"])
    assert claims == {event_id: [TollClaim("the PMF", 25, 2), TollClaim("The Pentagon", 19, 2)]}
    tones = context.party_tones(claims_db.store, [STRIKE.article.id, UNCLAIMED.article.id])
    assert tones == {(STRIKE.article.id, "USA-MIL"): -0.4, (STRIKE.article.id, "IRQ-PMF-KH"): 0.3}


def test_csv_writes_integer_codes_with_gaps_as_integers(claims_db) -> None:
    out = io.StringIO()
    write_text(claims_db.export("acled"), "csv", out)
    rows = {r["source"]: r for r in csv.DictReader(io.StringIO(out.getvalue()))}
    assert (rows["Reuters"]["inter2"], rows["Reuters"]["interaction"]) == ("3", "38")
    assert (rows["Houston Chronicle"]["inter2"], rows["Houston Chronicle"]["fatalities"]) == ("", "0")
