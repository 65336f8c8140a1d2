"""Sentences and articles -> coded events: the behaviour of ``tacitus.extract.events``."""

from __future__ import annotations

from datetime import date

import pytest

import tacitus.extract
from tacitus.extract import events, main_event
from tacitus.model import Article
from tacitus.nlp import ParsedArticle

PUBLISHED = date(2019, 12, 30)


def parse(pipeline, text: str) -> ParsedArticle:
    return next(pipeline.parse([Article(text=text, published=PUBLISHED)]))


# (sentence, type, mode, cameo, ACLED sub-event type, actor country, recipient country, status)
SENTENCES = [
    # verb and noun triggers, light verbs, compounds
    ("US forces launched air strikes on Kataib Hezbollah sites in Iraq and Syria on Sunday.",
     "ASSAULT", "aerial", "195", "Air/drone strike", "USA", "IRQ", "occurred"),
    ("American drone strikes killed at least 25 fighters of Kataib Hezbollah on Sunday.",
     "ASSAULT", "aerial", "195", "Air/drone strike", "USA", "IRQ", "occurred"),
    ("Israel's strikes on Gaza killed 12 people on Saturday.",
     "ASSAULT", "aerial", "195", "Air/drone strike", "ISR", "PSE", "occurred"),
    ("The army shelled villages in Idlib province on Sunday.",
     "ASSAULT", "heavy-weapons", "194", "Shelling/artillery/missile attack", None, None,
     "occurred"),
    ("A suicide bomber blew himself up at a checkpoint in Kabul on Monday, killing eight soldiers.",
     "ASSAULT", "suicide-attack", "1831", "Suicide bomb", None, None, "occurred"),
    ("A roadside bomb killed three soldiers in Helmand province on Saturday.",
     "ASSAULT", "explosives", "1833", "Remote explosive/landmine/IED", None, None, "occurred"),
    ("Rebels and government troops clashed near Goma on Friday.",
     "ASSAULT", "firearms", "193", "Armed clash", None, None, "occurred"),
    ("Gunmen kidnapped a local official in Kaduna state on Wednesday.",
     "ASSAULT", "abduct", "181", "Abduction/forced disappearance", None, None, "occurred"),
    ("At least 25 fighters were killed when US warplanes struck their positions in Anbar.",
     "ASSAULT", "aerial", "195", "Air/drone strike", "USA", None, "occurred"),
    ("Turkish security forces destroyed 342 mines and 288 improvised explosive devices.",
     "COERCE", "seize", "1711", "Disrupted weapons use", "TUR", None, "occurred"),
    # intents, obligations and refusals are coded as CAMEO codes them
    ("Syria says it is willing to withdraw its troops from Lebanon.",
     "AGREE", None, "0356", None, None, None, "occurred"),
    ("Sudan must return the captured helicopter, Russia said.",
     "REQUEST", None, "100", None, None, None, "planned"),
    # passive: the agent acts, the subject undergoes
    ("The embassy was attacked by protesters in Baghdad on Tuesday.",
     "ASSAULT", None, "190", "Violent demonstration", None, None, "occurred"),
    # protests and their repression
    ("Police fired tear gas at protesters in Baghdad on Sunday.",
     "ASSAULT", "crowd-control", "175", "Protest with intervention", None, None, "occurred"),
    ("Thousands of protesters rallied in Tahrir Square on Friday.",
     "PROTEST", "demo", "141", "Peaceful protest", None, None, "occurred"),
    # strategic developments
    ("Security forces arrested 15 suspected militants in Mosul on Thursday.",
     "COERCE", "arrest", "173", "Arrests", None, None, "occurred"),
    ("Syrian government forces recaptured the town of Saraqeb from rebels on Sunday.",
     "COERCE", "seize", "192", "Government regains territory", "SYR", None, "occurred"),
    ("Turkey and Russia signed an agreement on a ceasefire in Idlib on Thursday.",
     "SUPPORT", None, "057", "Agreement", "TUR", None, "occurred"),
    # diplomacy and sanctions: no ACLED category
    ("Iran's foreign minister visited Baghdad on Saturday.",
     "CONSULT", "visit", "042", None, "IRN", "IRQ", "occurred"),
    ("The United States imposed sanctions on Iran's central bank on Friday.",
     "SANCTION", "restrict", "163", None, "USA", "IRN", "occurred"),
    ("The EU called for an immediate ceasefire in Libya.",
     "REQUEST", None, "027", None, None, None, "occurred"),
    # reactions are events
    ("A commander of the Popular Mobilization Forces vowed to retaliate against US forces.",
     "THREATEN", "violence", "138", None, "IRQ", "USA", "occurred"),
    ("NATO condemned the strikes as an attack on Iraqi sovereignty.",
     "ACCUSE", "disapprove", "111", None, None, None, "occurred"),
    ("Saudi Arabia's foreign minister welcomed the US strikes.",
     "SUPPORT", None, "051", None, "SAU", None, "occurred"),
    ("Iraqi forces raised their alert level on Monday.",
     "MOBILIZE", "troops", "152", None, "IRQ", None, "occurred"),
    # a denial and a recounted battle
    ("Iran denied carrying out the attack on the tanker.",
     "ASSAULT", None, "190", "Attack", "IRN", None, "denied"),
    ("In 2017, Iraqi forces fought Islamic State militants in Mosul.",
     "ASSAULT", "firearms", "193", "Armed clash", "IRQ", None, "background"),
]


@pytest.mark.parametrize(
    "text, kind, mode, cameo, sub_type, actor_country, recipient_country, status", SENTENCES
)
def test_sentence_main_event(pipeline, text, kind, mode, cameo, sub_type, actor_country,
                             recipient_country, status):
    event = main_event(events(parse(pipeline, text)))
    assert event is not None
    assert (event.type, event.mode, event.cameo, event.status) == (kind, mode, cameo, status)
    assert (event.acled.sub_event_type if event.acled else None) == sub_type
    if actor_country is not None:
        assert event.actor is not None and event.actor.country == actor_country
    if recipient_country is not None:
        assert event.recipient is not None and event.recipient.country == recipient_country


def test_recipient_of_a_reaction_is_the_actor_of_the_event_it_reacts_to(pipeline):
    text = ("US forces launched air strikes on Kataib Hezbollah sites in Iraq on Sunday. "
            "Iraq's prime minister condemned the raids.")
    found = events(parse(pipeline, text))
    accuse = next(e for e in found if e.type == "ACCUSE")
    assert accuse.actor is not None and accuse.actor.country == "IRQ"
    assert accuse.recipient is not None and accuse.recipient.country == "USA"
    assert "actor of that event" in accuse.provenance["recipient"]


ARTICLE = (
    "US forces launched air strikes on Kataib Hezbollah sites in Iraq on Sunday, killing at "
    "least 25 fighters, the Pentagon said. The strikes targeted three sites in Iraq's western "
    "Anbar province. Iraq's prime minister condemned the raids. A commander of the Popular "
    "Mobilization Forces vowed to respond. In 2017, Iraqi forces fought Islamic State "
    "militants in Mosul."
)


def test_mentions_of_one_incident_merge_into_one_event(pipeline):
    found = events(parse(pipeline, ARTICLE))
    strikes = [e for e in found if e.type == "ASSAULT" and e.cameo == "195"]
    assert len(strikes) == 1
    strike = strikes[0]
    assert len(strike.evidence) >= 2
    assert strike.date == date(2019, 12, 29)
    assert strike.actor is not None and strike.actor.country == "USA"
    assert {e.type for e in found} >= {"ASSAULT", "ACCUSE", "THREATEN"}
    battle = next(e for e in found if e.cameo == "193")
    assert battle.status == "background" and battle.id != strike.id


def test_two_incidents_at_different_places_stay_apart(pipeline):
    text = ("A US drone strike hit a militia base in Anbar on Sunday. "
            "Another US drone strike hit a convoy in Basra on Monday.")
    strikes = [e for e in events(parse(pipeline, text)) if e.type == "ASSAULT"]
    assert len(strikes) == 2
    assert {e.location.text for e in strikes if e.location} == {"Anbar", "Basra"}


def test_evidence_slices_the_article_and_provenance_explains_every_field(pipeline):
    parsed = parse(pipeline, ARTICLE)
    for event in events(parsed):
        for ev in event.evidence:
            assert parsed.article.text[ev.start:ev.end] == ev.sentence
        assert {"type", "date", "status"} <= set(event.provenance)
        if event.actor is not None:
            assert "actor" in event.provenance
        if event.acled is not None:
            assert "acled" in event.provenance
        if event.location is not None:
            assert "location" in event.provenance
        assert 0.0 <= event.confidence <= 1.0


def test_events_are_deterministic_and_ids_stable(pipeline):
    first = [e.to_dict() for e in events(parse(pipeline, ARTICLE))]
    second = [e.to_dict() for e in events(parse(pipeline, ARTICLE))]
    assert first == second
    assert len({e["id"] for e in first}) == len(first)


def test_reporting_verbs_and_accidents_are_not_events(pipeline):
    assert events(parse(pipeline, "The minister said the economy was growing.")) == []
    found = events(parse(pipeline, "Five people were killed in a car accident on Sunday."))
    assert all(e.type != "ASSAULT" for e in found)


def test_main_event_of_nothing_is_none():
    assert main_event([]) is None


def test_public_names():
    assert sorted(tacitus.extract.__all__) == [
        "EventMention", "Trigger", "events", "group_mentions", "main_event", "mentions",
        "sentence_triggers",
    ]
