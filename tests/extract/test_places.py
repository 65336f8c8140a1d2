"""Where the event happened, not where a party lives.

Rows are sentences written for these tests (not from any gold set). "A Baghdad-based militia",
"the London-based Observatory", "which is based in London", "headquartered in Nairobi" name a
party's home; a place in the event's own phrase ("attacked a base in Mosul") or beside a party
that is there ("an Iraqi militia in Anbar") is the event's.
"""

from __future__ import annotations

from datetime import date

import pytest

from tacitus.errors import ResourceError
from tacitus.extract import events, places
from tacitus.model import Article

PUBLISHED = date(2021, 6, 14)


def _location(pipeline, text: str, kind: str) -> str | None:
    parsed = next(pipeline.parse([Article(text=text, published=PUBLISHED)]))
    event = next(e for e in events(parsed) if e.type == kind)
    return event.location.text if event.location is not None else None


PLACES = [
    # a party's home is no place of the event
    ("A Baghdad-based militia attacked a US convoy on Sunday.", "ASSAULT", None),
    (("Jets struck a market in the town, the London-based Syrian Observatory for Human Rights "
     "said."), "ASSAULT", None),
    (("Jets struck the headquarters of a Damascus-based group, according to the UK-based "
     "Syrian Observatory for Human Rights."), "ASSAULT", None),
    ("Gunmen attacked a Kabul-based charity's office, killing four staff.", "ASSAULT", None),
    ("The Syrian Observatory, which is based in London, reported that jets struck the town.",
     "ASSAULT", None),
    ("A rights group headquartered in Nairobi accused police of beating protesters.", "ACCUSE",
     None),
    # the event's own place still counts, beside a party's home
    ("The Anbar-based group attacked a base in Mosul on Monday.", "ASSAULT", "Mosul"),
    ("A Beirut-based militia shelled villages near Homs on Friday.", "ASSAULT", "Homs"),
    ("Jets struck a market in Idlib, the London-based Syrian Observatory said.", "ASSAULT",
     "Idlib"),
    # a party placed where it acts: that place is the event's
    ("An Iraqi militia in Anbar attacked an army base on Monday.", "ASSAULT", "Anbar"),
    ("Protesters in Lagos marched to the governor's office on Tuesday.", "PROTEST", "Lagos"),
]


@pytest.mark.parametrize(("text", "kind", "expected"), PLACES)
def test_event_place_is_not_a_party_home(pipeline, text, kind, expected):
    assert _location(pipeline, text, kind) == expected


def test_home_rule_names_the_word(nlp):
    doc = nlp("A Baghdad-based militia attacked a US convoy.")
    baghdad = next(e for e in doc.ents if e.text == "Baghdad")
    assert places._home(baghdad) == "based"
    mosul = next(e for e in nlp("Gunmen attacked a base in Mosul.").ents if e.text == "Mosul")
    assert places._home(mosul) is None


def test_missing_homes_list_names_the_file(monkeypatch):
    monkeypatch.setattr(places, "load_yaml", lambda name: {"preps": ["in"], "heads": ["city"]})
    places._words.cache_clear()
    try:
        with pytest.raises(ResourceError, match="places.yaml"):
            places._words()
    finally:
        monkeypatch.undo()
        places._words.cache_clear()
