"""Framing: loaded labels in real news sentences, what they qualify, and how they are voiced."""

from __future__ import annotations

from datetime import date

import pytest

from tacitus.errors import ResourceError
from tacitus.model import Article, Attribution, Event, Evidence
from tacitus.nlp import ParsedArticle
from tacitus.statements import framing as framing_module
from tacitus.statements.framing import DISTANCING, framing, labels

WHEN = date(2020, 1, 6)


def _framing(nlp, text: str, events=()):
    return framing(ParsedArticle(Article(text=text, published=WHEN), nlp(text)), list(events))


@pytest.mark.parametrize("text, term, label, category, stance, target", [
    ("Kataib Hezbollah, a terrorist group backed by Iran, fired rockets at the base.",
     "terrorist", "terrorist", "delegitimising", -1, "Kataib Hezbollah"),
    ("Washington designated the Houthis as a terrorist organisation last year.",
     "terrorist organisation", "terrorist", "delegitimising", -1, "Houthis"),
    ("Hamas is a terrorist organisation, the minister said.",
     "terrorist organisation", "terrorist", "delegitimising", -1, "Hamas"),
    ("The Houthi rebels fired a drone at Abha airport.", "rebels", "rebel", "descriptive", 0,
     "Houthis"),
    ("Iranian state media condemned the American aggression against Iraq.",
     "aggression", "aggression", "aggression", -1, "United States"),
    ("Residents mourned the martyrs of the Popular Mobilisation Units.",
     "martyrs", "martyr", "victimising", 1, "Popular Mobilization"),
    ("The so-called Islamic State claimed the bombing.", "so-called", "so-called", "hedging", 0,
     "Islamic State"),
    ("Myanmar's military regime arrested dozens of activists.", "regime", "regime",
     "delegitimising", -1, "Myanmar"),
    ("The Pentagon described the raids as defensive strikes.", "defensive strikes",
     "defensive strike", "legitimising", 1, None),
])
def test_label_and_target(nlp, text, term, label, category, stance, target) -> None:
    found = [f for f in _framing(nlp, text) if f.term == term]
    assert len(found) == 1
    item = found[0]
    assert (item.label, item.category, item.stance) == (label, category, stance)
    assert text[item.start:item.end] == term
    assert item.rule.startswith("framing.yaml:")
    if target is None:
        assert item.target is None
    else:
        assert item.target is not None and target.lower() in item.target.name.lower()


@pytest.mark.parametrize("text", [
    "The Islamic Resistance in Iraq claimed the attack.",          # part of a name
    "He faces criminal charges over the protest.",                  # not a party noun
    "Amnesty alleged that the police had beaten detainees.",        # a verb, not a hedge
    "The proxy war has lasted a decade.",                           # a compound modifier
])
def test_no_label(nlp, text) -> None:
    assert _framing(nlp, text) == []


def test_scare_quotes_distance_the_writer(nlp) -> None:
    found = _framing(nlp, 'The "peacekeepers" entered the village at dawn after the "liberation".')
    assert [(f.term, f.category, f.stance) for f in found] == [
        ("peacekeepers", DISTANCING, 0), ("liberation", DISTANCING, 0)]


def test_a_speakers_label_keeps_its_lean(nlp) -> None:
    found = _framing(nlp, 'The ministry denounced the strikes as "a flagrant act of aggression".')
    assert [(f.label, f.category, f.stance) for f in found] == [("aggression", "aggression", -1)]
    assert "speaker's quotation" in found[0].rule


def test_label_is_tied_to_the_event_of_its_sentence(nlp) -> None:
    text = "Rebels shelled the town. The army called the attack a massacre."
    second = text.index("The army")
    event = Event(id="e1", type="ASSAULT", cameo="190", goldstein=-10.0, quad_class=4,
                  status="occurred", attribution=Attribution(),
                  evidence=(Evidence(text[second:], second, len(text)),))
    found = {f.label: f for f in _framing(nlp, text, [event])}
    assert found["massacre"].event_id == "e1"
    assert found["rebel"].event_id is None


def test_lexicon_entries_are_validated(monkeypatch) -> None:
    assert all(lab.stance in (-1, 0, 1) for lab in labels())
    monkeypatch.setattr(framing_module, "load_yaml",
                        lambda name: {"labels": [{"term": "x", "label": "x", "category": "odd",
                                                  "stance": 0, "applies": "party",
                                                  "__line__": 3}]})
    labels.cache_clear()
    try:
        with pytest.raises(ResourceError, match="unknown category"):
            labels()
    finally:
        labels.cache_clear()


@pytest.mark.parametrize("text", [
    'The minister called them “terrorists and said "they will pay.\n\nNext paragraph.',
    "Le ministre a dénoncé « l'agression » américaine. قال المتحدث إن «الإرهابيين» هاجموا",
    '"""',
])
def test_bad_quotation_marks_do_not_crash(nlp, text) -> None:
    for item in _framing(nlp, text):
        assert 0 <= item.start < item.end <= len(text)
