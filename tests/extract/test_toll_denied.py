"""Denied figures: a denial keeps the figure it denies, the event says it is denied and whose.

Rows are sentences written for these tests (not from any gold set). SCHEMA.md records a denied
incident as an event with status "denied"; its toll is the figure the text reports, and when
nobody else is named as asserting it the denier is the attribution (hedged: nobody vouches for
it). An ordinary figure, a negated act and a figure beside a denial stay what they were.
"""

from __future__ import annotations

from datetime import date

import pytest

from tacitus.extract import events
from tacitus.extract.status import denier, unrealised
from tacitus.extract.toll import event_toll
from tacitus.model import Article, Event

PUBLISHED = date(2021, 6, 14)


def _events(pipeline, text: str) -> list[Event]:
    parsed = next(pipeline.parse([Article(text=text, published=PUBLISHED)]))
    return events(parsed)


def _main(pipeline, text: str, kind: str) -> Event:
    return next(e for e in _events(pipeline, text) if e.type == kind)


# sentence, event type, killed, injured, denier as written
DENIED = [
    ("The army denied that 30 soldiers were killed in the ambush.", "ASSAULT", 30, None,
     "The army"),
    ("Officials rejected reports that dozens of people died in the fighting.", "ASSAULT", 12,
     None, "Officials"),
    ("The military denied reports that its strikes killed 12 civilians in the village.",
     "ASSAULT", 12, None, "The military"),
    ("Hezbollah denied carrying out the attack, which killed five soldiers.", "ASSAULT", 5,
     None, "Hezbollah"),
    ("The ministry dismissed claims that the raid left three people dead and 20 wounded.",
     "ASSAULT", 3, 20, "The ministry"),
    ("Police denied that officers shot dead two protesters during the march on Friday.",
     "ASSAULT", 2, None, "Police"),
]


@pytest.mark.parametrize(("text", "kind", "killed", "injured", "who"), DENIED)
def test_denied_figure_is_kept_with_its_denier(pipeline, text, kind, killed, injured, who):
    event = _main(pipeline, text, kind)
    assert event.status == "denied"
    assert event.fatalities is not None
    assert (event.fatalities.killed, event.fatalities.injured) == (killed, injured)
    assert event.attribution.hedged
    assert event.attribution.source is not None


@pytest.mark.parametrize(("text", "kind", "killed", "injured", "who"), DENIED)
def test_denier_names_the_subject_of_the_denial(nlp, text, kind, killed, injured, who):
    doc = nlp(text)
    guesses = [denier(t) for t in doc]
    found = {g.source.text for g in guesses if g is not None and g.source is not None}
    assert found == {who}
    assert all(g.denial and g.hedged and "denial" in g.rule for g in guesses if g is not None)


# Not denials: an ordinary report, a negated act, a figure beside a denial, a denial of another
# act than the one that killed.
ASSERTED = [
    ("The army said 30 soldiers were killed in the ambush.", "ASSAULT", "occurred", 30),
    ("Rebels rejected the accusation after 30 soldiers were killed in an ambush on Friday.",
     "ASSAULT", "occurred", 30),
    ("Gunmen killed 30 villagers on Friday. The army denied claims that its soldiers took part.",
     "ASSAULT", "occurred", 30),
]


@pytest.mark.parametrize(("text", "kind", "status", "killed"), ASSERTED)
def test_ordinary_figures_are_not_denials(pipeline, text, kind, status, killed):
    event = _main(pipeline, text, kind)
    assert event.status == status
    assert event.fatalities is not None and event.fatalities.killed == killed
    assert not (event.attribution.source or "").lower().startswith("rebel")


@pytest.mark.parametrize(("text", "word"), [
    ("Officials said the troops did not kill 30 civilians.", "kill"),
    ("The militants tried to assassinate the governor and two guards.", "assassinate"),
    ("The army denied that 30 soldiers were not killed in the ambush.", "killed"),
])
def test_negated_or_unrealised_casualties_count_nobody(nlp, text, word):
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    assert unrealised(token) is not None
    assert event_toll(token) is None


def test_a_denial_is_no_reason_to_drop_the_figure(nlp):
    doc = nlp("The army denied that 30 soldiers were killed in the ambush.")
    killed = next(t for t in doc if t.text == "killed")
    assert unrealised(killed) is None
    toll = event_toll(killed)
    assert toll is not None and toll.killed == 30


def test_asserting_source_beats_the_denier_in_one_incident(pipeline):
    text = ("Russia denied that its jets struck a market in the town of Ariha on Monday, killing "
            "at least 20 civilians. The Syrian Observatory for Human Rights said the market was "
            "hit by Russian jets.")
    event = _main(pipeline, text, "ASSAULT")
    assert event.status == "denied"
    assert event.fatalities is not None and event.fatalities.killed == 20
    assert event.attribution.source is not None
    assert "Observatory" in event.attribution.source
