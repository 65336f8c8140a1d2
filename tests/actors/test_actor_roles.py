"""Actor and recipient resolution on whole sentences (written for these tests, not taken from
any gold set): titles with names, unlisted spellings of listed people, organisations speaking
through a titled person, demonym + sector nouns, and the recipient side: a party named inside
the pattern's object, the subject of a demand's "that" clause or of a threat's condition, and
the implicit recipient of protests and domestic measures (the country they happen in)."""

from __future__ import annotations

from datetime import date

import pytest

from tacitus.actors import get_resolver
from tacitus.actors.localise import default_recipients
from tacitus.api import extract_text
from tacitus.eval.system import main_event

WHEN = date(2007, 5, 2)

# (phrase, id, country, sector)
PHRASES = [
    ("President Mugabe", "ZWEGOV", "ZWE", "GOV"),                    # surname of a listed person
    ("President Omar El Bashir", "SDNGOV", "SDN", "GOV"),            # another spelling, first name agrees
    ("Prime Minister Smith", "GOV", None, "GOV"),                    # surname of many countries' people
    ("U.N. mediator Diego Cordovez", "IGO-UN", None, "IGO"),          # ORG title NAME: the organisation
    ("Hamas official Ismail Haniyeh", "PSE-HAMAS", "PSE", "REB"),
    ("the Lebanese Armed Forces", "LBNMIL", "LBN", "MIL"),            # "Armed" here is no sponsor word
    ("Iranian-armed militias", "UAF", None, "UAF"),                   # ... but here it is
    ("Syrian officers", "SYRMIL", "SYR", "MIL"),
    ("police officers", "COP", None, "COP"),
    ("Sunni tribesmen", "CVL", None, "CVL"),
    ("the Democratic People's Republic of Korea", "PRK", "PRK", None),
    ("Iraqi lawmakers", "IRQLEG", "IRQ", "LEG"),
    ("Iran's foreign minister", "IRNGOV", "IRN", "GOV"),
]


@pytest.mark.parametrize(("text", "party_id", "country", "sector"), PHRASES)
def test_resolves_phrase(text, party_id, country, sector):
    party = get_resolver().resolve_text(text, WHEN)
    assert party is not None
    assert (party.id, party.country, party.sector) == (party_id, country, sector)


def test_surname_must_agree_with_named_country():
    """A country named beside the title outranks a same-surname person of another country."""
    party = get_resolver().resolve_text("British Defence Secretary Tom King", WHEN)
    assert party is not None and party.country == "GBR"


# (sentence, actor country, recipient id, recipient country, recipient provenance fragment)
SENTENCES = [
    ("Kenya rejected a Tanzanian proposal to share the border crossing.",
     "KEN", "TZA", "TZA", "party named in the object"),
    ("The Netherlands expelled three Iranian diplomats on Tuesday.",
     "NLD", "IRNGOV", "IRN", "party named in the object"),
    ("The Chinese government demanded that Japan withdraw its warships from the disputed islands.",
     "CHN", "JPN", "JPN", "subject of 'withdraw'"),
    ("President Mugabe met Zambian President Levy Mwanawasa in Harare.",
     "ZWE", "ZMBGOV", "ZMB", "direct object"),
    ("The United States urged the Democratic People's Republic of Korea to return to talks.",
     "USA", "PRK", "PRK", "direct object"),
    ("Thousands of students demonstrated in Nairobi on Monday.",
     "KEN", "KENGOV", "KEN", "default_recipients.yaml"),
    ("Authorities imposed a curfew in the town of Kasese in western Uganda on Sunday.",
     "UGA", "UGA", "UGA", "default_recipients.yaml"),
    ("The Malian government lifted the state of emergency in Mali on Friday.",
     "MLI", "MLI", "MLI", "default_recipients.yaml"),
    ("The Lebanese Armed Forces arrested five gunmen in Beirut.",
     "LBN", "LBNUAF", "LBN", "direct object"),
]


@pytest.mark.parametrize(("sentence", "actor_country", "recipient_id", "recipient_country", "rule"), SENTENCES)
def test_sentence_roles(sentence, actor_country, recipient_id, recipient_country, rule):
    event = main_event(extract_text(sentence, published=WHEN))
    assert event is not None and event.actor is not None and event.recipient is not None
    assert event.actor.country == actor_country
    assert (event.recipient.id, event.recipient.country) == (recipient_id, recipient_country)
    assert rule in event.provenance["recipient"]


def test_threat_condition_names_recipient():
    event = main_event(extract_text("Rwanda threatened sanctions unless the Belgian government apologised.",
                                    published=WHEN))
    assert event is not None and event.recipient is not None
    assert event.recipient.country == "BEL"


def test_named_recipient_is_not_replaced_by_default():
    event = main_event(extract_text("Hundreds of protesters marched against the Kenyan police in Nairobi.",
                                    published=WHEN))
    assert event is not None and event.recipient is not None
    assert event.recipient.id == "KENCOP"


def test_default_recipient_rules_are_valid():
    rules = default_recipients()
    assert any("PROTEST" in r.types for r in rules)
    assert all(r.source.startswith("default_recipients.yaml:") for r in rules)
