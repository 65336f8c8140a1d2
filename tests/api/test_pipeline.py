"""The whole pipeline through the Python API."""

from __future__ import annotations

from datetime import date

import pytest

from tacitus.api import extract_text, schema_errors
from tacitus.api import pipeline

PARAGRAPH = ("Police fired tear gas at hundreds of protesters in Lagos on Sunday, injuring at least "
             "12 people, witnesses said.\n\n")


def test_text_with_dateline_is_coded_and_schema_valid() -> None:
    result = extract_text("LAGOS, 14 June 2020 (AFP) - " + PARAGRAPH)
    assert result.article.published == date(2020, 6, 14)
    assert schema_errors(result.to_dict()) == []
    assert result.events, "a dispersal with injuries is an event"
    assert all(e.date == date(2020, 6, 14) for e in result.events if e.date_precision == "day")


def test_overlong_text_is_coded_up_to_the_cap_with_a_warning(monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "CODED_CHARS", 1000)
    monkeypatch.setattr("tacitus.nlp.pipeline.CHUNK_CHARS", 500)
    text = PARAGRAPH * 40
    result = extract_text(text, published=date(2020, 6, 14))
    assert len(result.article.text) == len(text.strip())
    [warning] = [w for w in result.warnings if w.startswith("article is")]
    assert "only the first" in warning
    assert result.events
    assert all(ev.end <= 1000 for e in result.events for ev in e.evidence)


@pytest.mark.slow
def test_a_five_megabyte_article_finishes_with_a_warning() -> None:
    text = PARAGRAPH * (5_000_000 // len(PARAGRAPH))
    result = extract_text(text, published=date(2020, 6, 14))
    assert any(w.startswith("article is") for w in result.warnings)


def test_a_place_missing_from_the_gazetteer_stays_unresolved_with_a_warning() -> None:
    result = extract_text("BAGHDAD, Dec 30 (Reuters) - Gunmen attacked a checkpoint in "
                          "Zzyzxville on Sunday, killing three soldiers, police said.")
    [attack] = [e for e in result.events if e.type == "ASSAULT"]
    assert attack.location is not None and attack.location.text == "Zzyzxville"
    assert (attack.location.lat, attack.location.lon) == (None, None)
    assert any("Zzyzxville" in w and "gazetteer" in w for w in result.warnings)
