"""Placing events: the stated place, then the evidence sentence, then the article."""

from __future__ import annotations

from tacitus.geo import Geocoder, place_events
from tacitus.model import Article, Event, Evidence, Party, Place
from tacitus.nlp import Pipeline

US_FORCES = Party("US forces", "United States Armed Forces", "USA-MIL", "USA", "MIL", "state")


def _event(sentence_of: str, text: str, location: Place | None = None,
           actor: Party | None = US_FORCES) -> Event:
    start = text.index(sentence_of)
    end = start + len(sentence_of)
    return Event(id="e1", type="ASSAULT", cameo="195", goldstein=-10.0, quad_class=4,
                 status="occurred", actor=actor, location=location,
                 evidence=(Evidence(text[start:end], start, end),), confidence=0.8)


def _run(pipeline: Pipeline, geocoder: Geocoder, text: str, event: Event,
         dateline: str | None = None) -> Event:
    parsed = next(pipeline.parse([Article(text=text, dateline_place=dateline)]))
    [placed] = place_events(parsed, [event], geocoder)
    return placed


def test_stated_location_is_resolved_with_context(pipeline, geocoder) -> None:
    text = "US forces launched airstrikes in Anbar province near the Syrian border, the Pentagon said."
    start = text.index("Anbar")
    event = _event(text, text, Place("Anbar", start=start, end=start + 5))
    placed = _run(pipeline, geocoder, text, event)
    assert placed.location.name == "Anbar" and placed.location.country == "IRQ"
    assert placed.location.precision == "admin1"
    assert placed.confidence == event.confidence
    assert placed.provenance["location"].startswith("stated: gazetteer: 'Anbar' -> admin1 Anbar (IRQ)")


def test_event_place_is_not_the_actors_capital(pipeline, geocoder) -> None:
    text = "Washington said US forces struck an Islamic State convoy near Mosul on Tuesday."
    placed = _run(pipeline, geocoder, text, _event(text, text))
    assert placed.location.name == "Mosul" and placed.location.country == "IRQ"
    assert "Washington" in placed.provenance["location"]
    assert placed.confidence < 0.8


def test_speaking_government_is_not_the_place(pipeline, geocoder) -> None:
    text = "Moscow condemned the shelling of Donetsk, which killed four civilians."
    event = _event(text, text, actor=None)
    placed = _run(pipeline, geocoder, text, event)
    assert placed.location.name == "Donetsk"


def test_no_place_in_sentence_falls_back_to_dateline(pipeline, geocoder) -> None:
    text = "Police fired tear gas at protesters on Sunday."
    placed = _run(pipeline, geocoder, text, _event(text, text, actor=None), dateline="BAGHDAD")
    assert placed.location.name == "Baghdad" and placed.location.start is None
    assert placed.location.precision == "admin1"  # around the dateline city, not in it
    assert placed.provenance["location"].startswith("article dateline")
    assert placed.confidence < 0.8


def test_no_place_falls_back_to_dominant_country(pipeline, geocoder) -> None:
    text = ("Iraqi police fired tear gas at protesters outside the ministry. "
            "Iraq's government said Iraq would investigate.")
    first = text.split(". ")[0] + "."
    placed = _run(pipeline, geocoder, text, _event(first, text, actor=None))
    assert placed.location.country == "IRQ" and placed.location.precision == "country"
    assert placed.location.lat is not None
    assert "dominant country: IRQ" in placed.provenance["location"]


def test_unknown_stated_place_stays_unresolved(pipeline, geocoder) -> None:
    text = "Gunmen attacked Zqxvillé on Friday."
    start = text.index("Zqxvillé")
    event = _event(text, text, Place("Zqxvillé", start=start, end=start + 8), actor=None)
    placed = _run(pipeline, geocoder, text, event)
    assert placed.location.lat is None and placed.location.lon is None
    assert placed.location.text == "Zqxvillé"
    assert "unresolved" in placed.provenance["location"]


def test_stated_location_without_offsets_is_resolved_by_name(pipeline, geocoder) -> None:
    text = "Rebels shelled the town on Monday. The fighting around Hasaka spread east."
    event = _event("Rebels shelled the town on Monday.", text, Place("Hasaka"), actor=None)
    placed = _run(pipeline, geocoder, text, event)
    assert placed.location.country == "SYR" and placed.location.start is None
    assert placed.provenance["location"].startswith("stated (no offsets)")


def test_no_events_no_work(pipeline, geocoder) -> None:
    parsed = next(pipeline.parse([Article(text="Nothing happened in Mosul.")]))
    assert place_events(parsed, [], geocoder) == []
