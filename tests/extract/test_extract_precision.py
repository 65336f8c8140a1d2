"""Whole-article precision: what is *not* a new event (round 2 of tacitus.extract).

Each row is a short news passage and the (type, cameo) pairs a careful coder expects, in the
order :func:`tacitus.extract.events` gives them: bare PETRARCH root codes, the act a threat or
demand is about, what a reaction's speaker adds, references back to an incident already told,
people described by a clause, and names that contain event words.
"""

from __future__ import annotations

from datetime import date

import pytest

from tacitus.extract import events
from tacitus.extract.triggers import is_root_code, sentence_triggers
from tacitus.model import Article

PUBLISHED = date(2019, 12, 30)


def coded(pipeline, text: str) -> list[tuple[str, str]]:
    parsed = next(pipeline.parse([Article(text=text, published=PUBLISHED)]))
    return [(e.type, e.cameo) for e in events(parsed)]


PASSAGES = [
    # a bare PETRARCH root code ("degrade" -> 110) is not an event on its own
    (("The statement described the operation as a defensive measure meant to degrade the "
     "group's capabilities."), []),
    ("Ambulances were still ferrying the wounded to hospitals late into the night.", []),
    # one vow, one threat: the threatened act is its content
    ("A Kataib Hezbollah commander vowed on Monday that the group would retaliate.",
     [("THREATEN", "138")]),
    # a demand: the act asked for is its content
    ("The bloc called on the caretaker government to expel US forces from the country.",
     [("REQUEST", "020")]),
    # a warning takes the specific threat code of the act it announces
    ("President Joe Biden warned that more sanctions would follow.", [("THREATEN", "1312")]),
    # a warning that announces no act is reported speech
    (("Iraqi officials have long warned that the country risks being turned into a "
     "battlefield."), []),
    # what a reaction's speaker adds belongs to the reaction
    (("US warplanes struck Kataib Hezbollah positions on Sunday. Israel's foreign minister "
     "welcomed the strikes, saying that they sent a clear message to Iran."),
     [("ASSAULT", "195"), ("SUPPORT", "051")]),
    # a definite noun refers back to the incident, wherever its sentence is set
    (("US warplanes struck the group's positions in Anbar on Sunday. The strikes came two days "
     "after rockets hit a base near Kirkuk."),
     [("ASSAULT", "195"), ("ASSAULT", "194")]),
    # casualty verbs joined to the act that caused them
    (("At least 25 fighters were killed and 55 others wounded when US warplanes struck the "
     "group's positions on Sunday."), [("ASSAULT", "195")]),
    (("His warning followed an air strike on a market on Saturday, which the health ministry "
     "said killed 17 civilians."), [("THREATEN", "130"), ("ASSAULT", "195")]),
    # the same act told again with the same verb is one incident
    (("Nigerian police arrested 12 activists in Lagos on Saturday. A police spokesman said "
     "the activists had been arrested for breaking lockdown rules."), [("COERCE", "173")]),
    # a raid that tells how an arrest was made is not a second incident
    ("Nigerian police arrested 12 activists in overnight raids on their homes.",
     [("COERCE", "173")]),
    # people described by a clause are not acts
    ("He added that Israel stood by Washington against those who threaten its soldiers.",
     [("SUPPORT", "051")]),
    # a capitalised event word inside a name
    ("The Group for the Support of Islam and Muslims said its fighters were ready.", []),
    # intransitive "dispersed" of a rally is the rally ending, not a crackdown
    ("The rally dispersed after three hours without incident.", [("PROTEST", "141")]),
]


@pytest.mark.parametrize("text, expected", PASSAGES)
def test_whole_article_events(pipeline, text, expected):
    assert coded(pipeline, text) == expected


@pytest.mark.parametrize("code, root", [("040", True), ("19", True), ("190", True),
                                        ("111", False), ("0841", False), ("195", False)])
def test_root_codes(code, root):
    assert is_root_code(code) is root


def test_threat_keeps_its_content(nlp):
    sent = next(nlp("President Joe Biden warned that more sanctions would follow.").sents)
    (trigger,) = sentence_triggers(sent)
    assert trigger.token.text == "warned"
    assert trigger.content is not None and trigger.content.token.text == "sanctions"


# (sentence, main event type, CAMEO code): general lexicon entries added in round 2
MAIN_EVENTS = [
    ("President Levy Mwanawasa has reneged on his commitment to hold elections.", "REJECT", "120"),
    ("A newspaper has violated a ban imposed by General Michel Aoun.", "REJECT", "128"),
    ("Guerrillas blew up three power lines leading into Kabul.", "ASSAULT", "1712"),
    ("Schools remained closed after the country's main teachers' union called a strike.",
     "PROTEST", "143"),
    ("Italy announced a suspension of air links with Serbia on Wednesday.", "SANCTION", "160"),
    (("Colombia and Venezuela agreed on Wednesday to restore consular services and resume "
     "flights."), "AGREE", "031"),
    ("Gunmen seized two journalists in Kaduna on Wednesday.", "ASSAULT", "181"),
    ("Officers also seized laptops, mobile phones and boxes of placards.", "COERCE", "171"),
    # a past-tense refusal is not made a threat by a date later in its clause
    (("The Islamic Jihad movement rejected an invitation to attend a meeting of Palestinian "
     "factions next week."), "REJECT", "120"),
]


@pytest.mark.parametrize("text, kind, cameo", MAIN_EVENTS)
def test_main_event_of_lexicon_entries(pipeline, text, kind, cameo):
    assert coded(pipeline, text)[:1] == [(kind, cameo)]


def test_accusation_holds_what_it_alleges(pipeline):
    text = ("An interior ministry spokesman accused infiltrators of attacking police and trying "
            "to storm government buildings.")
    assert coded(pipeline, text) == [("ACCUSE", "112")]


def test_a_conflict_toll_is_no_incident(pipeline):
    assert coded(pipeline, "Yemen's war has killed tens of thousands of people.") == []


def test_subject_that_comes_under_fire_is_the_recipient(pipeline):
    text = "Ukrainian troops came under heavy shelling by Russian forces near Pisky."
    parsed = next(pipeline.parse([Article(text=text, published=PUBLISHED)]))
    (event,) = events(parsed)
    assert event.type == "ASSAULT"
    assert event.actor is not None and event.actor.country == "RUS"
    assert event.recipient is not None and event.recipient.country == "UKR"


@pytest.mark.parametrize(("text", "actor_id"), [
    ("The district of Arghandab fell to the Taliban on Sunday.", "AFG-TALIBAN"),
    ("Government forces lost control of the town to the rebels on Friday.", "REB"),
])
def test_a_place_lost_to_a_force_is_taken_by_it(pipeline, text, actor_id):
    parsed = next(pipeline.parse([Article(text=text, published=PUBLISHED)]))
    (event,) = events(parsed)
    assert event.cameo == "192"
    assert event.actor is not None and event.actor.id == actor_id


def test_that_attack_is_the_incident_just_told_and_blame_names_its_actor(pipeline):
    text = ("Kataib Hezbollah attacks on Iraqi bases have grown. On Friday more than 30 rockets "
            "hit the K1 military base near Kirkuk. Washington blamed Kataib Hezbollah for that "
            "attack.")
    parsed = next(pipeline.parse([Article(text=text, published=PUBLISHED)]))
    found = events(parsed)
    rockets = next(e for e in found if any("rockets" in ev.sentence for ev in e.evidence))
    assert any("that attack" in ev.sentence for ev in rockets.evidence)
    assert rockets.actor is not None and rockets.actor.country == "IRQ"
    assert [e.type for e in found].count("ACCUSE") == 1


def test_subject_reaches_through_an_adjective_of_intent(pipeline):
    parsed = next(pipeline.parse([Article(
        text="Syria says it is willing to withdraw its troops from Lebanon.", published=PUBLISHED)]))
    event = events(parsed)[0]
    assert (event.type, event.cameo) == ("AGREE", "0356")
    assert event.actor is not None and event.actor.country == "SYR"
