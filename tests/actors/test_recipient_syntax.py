"""Whom an act is done to, read from the syntax: sentences written for these tests (not taken
from any gold set), one or more per pattern that used to lose the recipient: indirect objects,
parties inside a thing-object ("gas supplies to Ukraine"), inside an event noun ("the withdrawal
of Turkish troops"), conditions of threats, purposes and results of force, reciprocal verbs,
the doer of a document ("issued a declaration demanding"), the recipient given by the place
of an attack that names no target, and cases where no recipient may be invented."""

from __future__ import annotations

from datetime import date

import pytest

from tacitus.api import extract_text
from tacitus.errors import ResourceError
from tacitus.eval.codes import party_keys
from tacitus.eval.system import main_event
from tacitus.extract.parties import unresolved_party
from tacitus.extract.roles import parse_recipient_rules, recipient_rules
from tacitus.resources import load_yaml

WHEN = date(2020, 3, 4)

# (sentence, actor key, recipient key, fragment of the recipient's provenance)
SENTENCES = [
    # indirect objects
    ("Japan gave Vietnam a loan of 200 million dollars.", "JPN", "VNM", "indirect object"),
    ("The World Bank granted Kenya a credit of 50 million dollars.", "IGO", "KEN", "indirect object"),
    # a party inside an object that is a thing
    ("Russia threatened to cut gas supplies to Ukraine.", "RUS", "UKR", "'to X'"),
    ("Italy announced a suspension of air links with Serbia.", "ITA", "SRB", "'with X' in 'links'"),
    ("The United States defended the right of Russian troops to fire on militants.", "USA", "RUS",
     "party named in the object"),
    # inside an event noun that has no actor of its own
    (("Poland's parliament demanded an immediate admission by Moscow that Soviet forces murdered "
     "the officers."), "POL", "RUS", "'by X' in 'admission'"),
    ("The rebels dismissed an appeal from the Ivorian president to lay down their arms.", "CIV", "CIV",
     "'from X' in 'appeal'"),
    ("Iraq demanded the withdrawal of Turkish troops from its territory.", "IRQ", "TUR", "withdrawal"),
    ("Britain mobilized army reservists for a possible war against Iraq.", "GBR", "IRQ", "'against X' in 'war'"),
    ("France called for a ceasefire between Israel and Hezbollah.", "FRA", "ISR", "'between X' in 'ceasefire'"),
    # the condition of a threat, on the threat's verb or on the act threatened
    ("Iran threatened to close the Strait of Hormuz if the United States imposed new sanctions.",
     "IRN", "USA", "subject of 'imposed'"),
    ("Russia has threatened to stop the negotiations if the United States goes ahead with the deployment.",
     "RUS", "USA", "subject of 'goes'"),
    ("The Kenyan government warned that it would expel the diplomats unless Somalia withdrew its troops.",
     "KEN", "SOM", "subject of 'withdrew'"),
    # withdrawals and mobilisations: the actor's own force is not the recipient
    ("NATO troops withdrew from Afghanistan.", "IGO", "AFG", "'from X'"),
    ("Nigeria will withdraw its peacekeeping force from Chad.", "NGA", "TCD", "'from X'"),
    # purpose and result of force
    ("Egyptian police opened fire to disperse the demonstrators.", "EGY", "EGY", "object of 'disperse'"),
    ("A car bomb exploded in Mogadishu, killing five people.", "SOM", "SOM", "object of 'killing'"),
    ("A roadside bomb tore through an Afghan army vehicle in Nangarhar province, killing two soldiers.",
     "AFG", "AFG", "'through X'"),
    # reciprocal and mediating acts
    ("India and Pakistan exchanged fire across the border.", "IND", "PAK", "second of conjoined subjects"),
    ("Qatar launched a mediation effort between Saudi Arabia and the United Arab Emirates.", "QAT", "SAU",
     "'between X'"),
    # the subject of a demand's clause, wherever the parser attached it
    ("The International Labor Office reiterated its demand that Israel ease the restrictions.", "IGO", "ISR",
     "subject of 'ease'"),
    ("The Federal Minister for Interior allowed the opposition leader to hold a rally in Islamabad.",
     "PAK", "PAK", "subject of 'hold'"),
    # a document speaks for whoever issued it
    (("The Kurdistan Workers' Party issued a declaration demanding that the Turkish government release "
     "its leader."), "TUR", "TUR", "subject of 'release'"),
    # an attack with no named target falls on the country it happens in
    ("Israeli tanks fired four shells at targets in Jericho.", "ISR", "PSE", "default_recipients.yaml"),
    ("Afghan guerrillas blew up three power lines leading into Kabul.", "AFG", "AFG", "default_recipients.yaml"),
    # patterns that worked before and must keep working
    ("Russian warplanes carried out strikes on rebel positions in Idlib.", "RUS", "SYR", "'on X'"),
    ("The Chinese foreign minister held talks with his Indian counterpart in Beijing.", "CHN", "IND", "'with X'"),
    ("Egypt condemned the Israeli attack on Gaza.", "EGY", "ISR", "the actor of that event"),
    ("The European Union imposed sanctions on Belarus.", "IGO", "BLR", "'on X'"),
]


@pytest.mark.parametrize(("sentence", "actor", "recipient", "rule"), SENTENCES)
def test_recipient_from_syntax(sentence, actor, recipient, rule):
    event = main_event(extract_text(sentence, published=WHEN))
    assert event is not None
    if actor is None:
        assert event.actor is None
    else:
        assert actor in party_keys(event.actor)
    assert recipient in party_keys(event.recipient), event.provenance.get("recipient")
    assert rule in event.provenance["recipient"]


# (sentence, a recipient country that would be wrong)
NOT_RECIPIENTS = [
    ("Demonstrators marched through Baghdad waving Iraqi flags.", None),   # a place and a thing
    ("The army launched a massive offensive on Tuesday.", None),           # no target, no place
    ("Hundreds of mourners gathered for the funerals of the fighters.", None),
    ("Russian jets carried out strikes in Syria.", "RUS"),                 # never the attacker's own
]


@pytest.mark.parametrize(("sentence", "wrong"), NOT_RECIPIENTS)
def test_no_recipient_invented(sentence, wrong):
    event = main_event(extract_text(sentence, published=WHEN))
    assert event is not None
    provenance = event.provenance.get("recipient", "")
    if wrong is None:
        assert event.recipient is None or "default_recipients.yaml" in provenance
    else:
        assert event.recipient is None or event.recipient.country != wrong


def test_shipped_rules_load():
    rules = recipient_rules()
    assert rules.verb_preps[0] == "against"
    assert "from" in rules.type_preps["RETREAT"]
    assert "ASSAULT" in rules.force_types


@pytest.mark.parametrize(("key", "value", "message"), [
    ("verb_preps", [True, "at"], "lower-case words"),
    ("nested_preps", [], "non-empty"),
    ("doer_types", ["accuse"], "PLOVER types"),
    ("type_preps", ["from"], "map PLOVER types"),
])
def test_malformed_rules(key, value, message):
    data = dict(load_yaml("actors/recipient_rules.yaml"))
    data[key] = value
    with pytest.raises(ResourceError, match=message) as info:
        parse_recipient_rules(data)
    assert "recipient_rules.yaml" in str(info.value)


# (sentence, actor key, fragment of the actor's provenance)
ACTORS = [
    # passive arrests and inquiries: the authorities of the place
    ("A Christian missionary from Calgary was arrested in Lebanon for collaborating with Israel.", "LBN",
     "default_actors.yaml"),
    ("A US national has been put under investigation in Italy for her role in the riots.", "ITA",
     "default_actors.yaml"),
    # the passive subject of the verb an infinitive hangs on
    ("The American envoy is expected to return to Kabul next week to press the Taliban to agree to a truce.",
     "USA", "passive subject of 'expected'"),
    # a document speaks for whoever issued it
    (("The Kurdistan Workers' Party issued a declaration demanding that the Turkish government release "
     "its leader."), "TUR", "who issued 'declaration'"),
]


@pytest.mark.parametrize(("sentence", "actor", "rule"), ACTORS)
def test_actor_from_syntax_and_place(sentence, actor, rule):
    event = main_event(extract_text(sentence, published=WHEN))
    assert event is not None
    assert actor in party_keys(event.actor), event.provenance.get("actor")
    assert rule in event.provenance["actor"]


@pytest.mark.parametrize(("sentence", "phrase", "kept"), [
    ("The Kashkash villagers fled.", "The Kashkash villagers", True),        # a named group
    ("Tanks fired at targets in Jericho.", "targets in Jericho", False),     # a thing at a place
    ("Iran threatened to close the Strait of Hormuz.", "the Strait of Hormuz", False),  # a place
    ("Protesters blocked the Europe Bridge.", "the Europe Bridge", False),  # a facility
])
def test_unlisted_names_are_parties_but_places_are_not(nlp, sentence, phrase, kept):
    doc = nlp(sentence)
    start = sentence.index(phrase)
    span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
    assert (unresolved_party(span) is not None) is kept
