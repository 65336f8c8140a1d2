"""Claims: tolls and responsibility tied to who asserts them, with a certainty score."""

from __future__ import annotations

from datetime import date

import pytest

from tacitus import extract
from tacitus.model import Article
from tacitus.nlp import ParsedArticle
from tacitus.statements import extract_quotes, link_quotes
from tacitus.statements.claims import Claim, claims

WHEN = date(2020, 1, 6)


def _claims(nlp, text: str) -> list[Claim]:
    parsed = ParsedArticle(Article(text=text, published=WHEN), nlp(text))
    events = extract.events(parsed)
    quotes, _ = extract_quotes(parsed, events)
    return claims(parsed, link_quotes(events, quotes), quotes)


def _tolls(found: list[Claim]) -> list[tuple[str | None, int | None, int | None, int]]:
    return [(c.source_text, c.killed, c.injured, c.certainty) for c in found if c.kind == "toll"]


@pytest.mark.parametrize("text, expected", [
    (("At least 31 people were killed and 65 injured in the market strike, according to the "
      "White Helmets."), [("the White Helmets", 31, 65, 2)]),
    ("US warplanes struck the base on Sunday, killing 12 fighters.", [(None, 12, None, 3)]),
    (("The militants claimed to have killed 40 soldiers in the raid on the base, a figure that "
      "could not be independently verified."), [("The militants", 40, None, 1)]),
    ("Four soldiers were reportedly killed in the ambush on the convoy.", [(None, 4, None, 2)]),
    ("The army confirmed that 3 soldiers were killed in the ambush.", [("The army", 3, None, 3)]),
])
def test_toll_source_and_certainty(nlp, text, expected) -> None:
    assert _tolls(_claims(nlp, text)) == expected


def test_disagreeing_sources_are_both_kept(nlp) -> None:
    found = _claims(nlp, "The PMF said 25 fighters were killed in the US strikes on Sunday. "
                         "Iraqi officials put the toll at 19.")
    tolls = [(c.source.name if c.source else None, c.killed) for c in found if c.kind == "toll"]
    assert tolls == [("Popular Mobilization Forces", 25), ("Iraqi government", 19)]
    assert all(c.certainty == 2 for c in found if c.kind == "toll")


def test_toll_in_a_quote_takes_the_quote_and_its_speaker(nlp) -> None:
    found = _claims(nlp, "The Pentagon said the strikes on the depot had killed 25 militants.")
    toll = next(c for c in found if c.kind == "toll")
    assert toll.killed == 25
    assert toll.quote_id is not None
    assert toll.source is not None and "Defense" in toll.source.name


@pytest.mark.parametrize("text, source, actor, certainty", [
    ("Islamic State claimed responsibility for the bombing in Kabul.", "Islamic State",
     "Islamic State", 2),
    ("The Taliban denied any involvement in the bombing.", "Taliban", "Taliban", 0),
    ("Washington blamed Kataib Hezbollah for the rocket attack on the base.", "United States",
     "Kataib Hezbollah", 1),
])
def test_responsibility(nlp, text, source, actor, certainty) -> None:
    found = [c for c in _claims(nlp, text) if c.kind == "responsibility" and c.rule.startswith("claims.yaml")]
    assert len(found) == 1
    claim = found[0]
    assert claim.source is not None and source in claim.source.name
    assert claim.actor is not None and actor in claim.actor.name
    assert claim.certainty == certainty


def test_to_dict_round_trips_the_fields(nlp) -> None:
    claim = _claims(nlp, "US warplanes struck the base on Sunday, killing 12 fighters.")[0]
    data = claim.to_dict()
    assert set(data) >= {"kind", "event_id", "source", "certainty", "killed", "injured", "actor",
                         "hedges", "quote_id", "start", "end", "rule"}
