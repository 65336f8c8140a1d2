"""The typed records produce exactly the contract of docs/SCHEMA.md."""

from __future__ import annotations

from datetime import date

import pytest

from tacitus.api.schema import schema_errors
from tacitus.model import (
    Acled, Article, ArticleResult, Attribution, Event, Evidence, InputProblem, Party, Place, Toll,
    stable_hash, text_id,
)

TEXT = "US drone strikes on Sunday killed at least 25 fighters in Anbar, the Pentagon said."


def _event(**changes) -> Event:
    fields = dict(
        id=stable_hash("a", "b"), type="ASSAULT", cameo="195", goldstein=-10.0, quad_class=4,
        status="occurred", mode="aerial", context=("military",),
        acled=Acled("Explosions/Remote violence", "Air/drone strike"),
        date=date(2019, 12, 29), date_precision="day",
        actor=Party("US", "United States military", "USAMIL", "USA", "MIL", "state"),
        recipient=Party("fighters", "Kataib Hezbollah", "IRQ-PMF-KH", "IRQ", "REB", "non-state armed"),
        location=Place("Anbar", "Al Anbar", "IRQ", "Anbar", 33.4, 42.3, 99597, "admin1", 51, 56),
        fatalities=Toll(25, None, "at least"),
        attribution=Attribution("Pentagon", False, None),
        evidence=(Evidence(TEXT, 0, len(TEXT)),),
        confidence=0.8123,
        provenance={"type": "noun pattern 'drone strike' -> 195"},
    )
    fields.update(changes)
    return Event(**fields)


def test_full_event_is_schema_valid() -> None:
    result = ArticleResult(Article(TEXT, published=date(2019, 12, 30), source="Reuters"), (_event(),))
    assert schema_errors(result.to_dict()) == []


def test_schema_rejects_a_type_outside_plover() -> None:
    result = ArticleResult(Article(TEXT), (_event(type="FIGHT"),))
    assert any("FIGHT" in line for line in schema_errors(result.to_dict()))


@pytest.mark.parametrize("changes", [
    {"actor": None, "recipient": None, "location": None, "fatalities": None, "acled": None},
    {"date": None, "date_precision": None, "mode": None},
])
def test_nullable_fields_stay_valid(changes) -> None:
    result = ArticleResult(Article(TEXT), (_event(**changes),))
    assert schema_errors(result.to_dict()) == []


def test_confidence_is_rounded_and_dates_are_iso() -> None:
    data = _event().to_dict()
    assert data["confidence"] == 0.812
    assert data["date"] == "2019-12-29"
    assert data["cameo"] == "195"


def test_article_id_ignores_whitespace_layout() -> None:
    assert Article("a  b\nc").id == Article("a b c").id == text_id("a b c")
    assert Article("a b c").id != Article("a b d").id


def test_input_problem_prints_one_line() -> None:
    problem = InputProblem("corpus.jsonl", "invalid JSON: Expecting value", line=3)
    assert str(problem) == "error: corpus.jsonl:3: invalid JSON: Expecting value"
