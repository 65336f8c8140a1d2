"""People of recent news the Phoenix dictionaries lack, by full name, bare surname and title,
and the curated file's ``type`` field, which must be a known one."""

from __future__ import annotations

from datetime import date

import pytest

from tacitus.actors import get_resolver
from tacitus.actors.codes import get_codebook
from tacitus.actors.lexicon import load_curated
from tacitus.errors import ResourceError

WHEN = date(2022, 6, 1)


@pytest.mark.parametrize(("text", "party_id", "country"), [
    ("Zelensky", "UKRGOV", "UKR"),
    ("Volodymyr Zelenskyy", "UKRGOV", "UKR"),
    ("French President Emmanuel Macron", "FRAGOV", "FRA"),
    ("Biden", "USAGOV", "USA"),
    ("Hemedti", "SDN-RSF", "SDN"),
    ("Guterres", "IGO-UN", None),
    ("Min Aung Hlaing", "MMRMIL", "MMR"),
])
def test_recent_people(text, party_id, country):
    party = get_resolver().resolve_text(text, WHEN)
    assert party is not None
    assert (party.id, party.country) == (party_id, country)


def test_people_are_persons_for_he_and_she():
    resolver = get_resolver()
    party = resolver.resolve_text("Macron", WHEN)
    assert party is not None and resolver.is_person(party)


def test_surname_in_lower_case_is_no_name():
    assert get_resolver().resolve_text("the trump card", WHEN) is None


def test_unknown_curated_type(tmp_path):
    bad = tmp_path / "people.yaml"
    bad.write_text("- {type: robot, id: X, name: X Y, aliases: [X Y], country: USA, sector: GOV, kind: state}\n",
                   encoding="utf-8")
    with pytest.raises(ResourceError, match="type 'robot'") as info:
        load_curated(str(bad), get_codebook())
    assert info.value.line == 1
