"""Noun phrases the dictionaries used to miss or code wrongly -> the party they name: military
coalitions, peacekeepers, prisoners, Islamists, the PRC, the ILO and the European Community;
and multinational parties are never given the country their event happened in."""

from __future__ import annotations

import pytest

from tacitus.actors import get_resolver

# (phrase, id, country, sector, kind)
PHRASES = [
    ("coalition warplanes", "IGO", None, "IGO", "international"),
    ("coalition forces", "IGO", None, "IGO", "international"),
    ("the Saudi-led coalition", "IGO-COALITION-YEMEN", "SAU", "MIL", "international"),
    ("the ruling coalition", "PTY", None, "PTY", "political"),
    ("peacekeepers", "IGO", None, "IGO", "international"),
    ("Ghanaian peacekeeping troops", "GHAIGO", "GHA", "IGO", "international"),
    ("UN peacekeepers", "IGO-UN", None, "IGO", "international"),
    ("hundreds of prisoners", "CVL", None, "CVL", "civilian"),
    ("Islamic fundamentalists", "OPP", None, "OPP", "political"),
    ("The PRC", "CHN", "CHN", None, "state"),
    ("the International Labor Office", "IGO-ILO", None, "IGO", "international"),
    ("the European Community", "IGO-EU", None, "IGO", "international"),
]


@pytest.mark.parametrize(("text", "party_id", "country", "sector", "kind"), PHRASES)
def test_resolves(text, party_id, country, sector, kind):
    party = get_resolver().resolve_text(text)
    assert party is not None
    assert (party.id, party.country, party.sector, party.kind) == (party_id, country, sector, kind)


@pytest.mark.parametrize(("text", "localised"), [
    ("coalition warplanes", None),
    ("peacekeepers", None),
    ("police", "YEMCOP"),
])
def test_multinational_parties_keep_no_country(text, localised):
    resolver = get_resolver()
    party = resolver.resolve_text(text)
    assert party is not None
    assert resolver.localise(party, "YEM").id == (localised or party.id)
