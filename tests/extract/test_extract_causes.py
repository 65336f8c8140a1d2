"""Sentences -> coded main event, one row per general cause of coding errors fixed in the
extract stage: a mis-lemmatised light verb, a name on a modifying word, a casualty verb hung on
its number, denials, resignations, troops and peacekeepers arriving, eased curfews, conditional
threats, blockades, press releases, and the merging of one incident's mentions."""

from __future__ import annotations

from datetime import date

import pytest

from tacitus.extract import events, main_event
from tacitus.model import Article
from tacitus.nlp import ParsedArticle

PUBLISHED = date(2021, 6, 14)


def parse(pipeline, text: str) -> ParsedArticle:
    return next(pipeline.parse([Article(text=text, published=PUBLISHED)]))


# (sentence, type, cameo, actor country or sector, actor kind)
MAIN_EVENTS = [
    # "staged" lemmatised as "stag": the light verb still lends its subject to the protest
    ("Thousands of farmers staged demonstrations in the capital on Friday.",
     "PROTEST", "141", "CVL", "civilian"),
    # the name hangs on a modifying noun ("US" on "Predator")
    ("US Predator attacks killed six militants in the tribal areas last week.",
     "ASSAULT", "190", "USA", "state"),
    # "and five more injured in an airstrike": the casualty verbs report the strike's toll
    ("Four civilians were killed and six more wounded in a Turkish drone strike near Qamishli.",
     "ASSAULT", "195", "TUR", "state"),
    # denying an accusation is CAMEO 016, PLOVER REJECT
    ("The militia's spokesman rejected the accusation on Tuesday.",
     "REJECT", "016", None, None),
    ("The ministry denied any involvement in the killing of the journalist.",
     "REJECT", "016", "GOV", "state"),
    # resigning is PLOVER RETREAT, mode resign
    ("The defence minister resigned on Friday after weeks of protests.",
     "RETREAT", "0831", "GOV", "state"),
    # troops arriving are deployed, not visiting; peacekeepers arriving are protection given
    ("French troops arrived in Chad on Thursday.", "MOBILIZE", "154", "FRA", "state"),
    ("Kenyan peacekeepers arrived in Mogadishu on Monday.", "AID", "074", "KEN", "international"),
    # easing a curfew concedes
    ("The governor eased the curfew in the city on Sunday.", "CONCEDE", "081", "GOV", "state"),
    # an act announced on a condition put to the other side is a threat
    ("Ghana will recall its ambassador unless Togo releases the detained fishermen.",
     "THREATEN", "1313", "GHA", "state"),
    # blocking traffic is obstruction
    ("Truck drivers blocked traffic on the main highway on Monday.", "PROTEST", "144", None, None),
    # a date phrase is no "on X" phrase of a pattern ("call on" appeals)
    ("The Turkish president telephoned his Russian counterpart on Friday.",
     "CONSULT", "041", "TUR", "state"),
    # an aspectual verb lends its clause the event
    ("Serb forces began withdrawing heavy weapons from the hills on Sunday.",
     "RETREAT", "0874", None, None),
    # rioters burning things riot; lifting a ban concedes; letting inspectors in gives access
    ("Rioters set fire to cars and shops in the city centre.", "PROTEST", "145", "OPP", "civilian"),
    ("The government lifted the ban on opposition newspapers.", "CONCEDE", "081", "GOV", "state"),
    ("Iraq allowed the weapons inspectors to return.", "RETREAT", "086", "IRQ", "state"),
    # a warning whose clause announces a restriction is a threat
    ("Iran warned it would close the Strait of Hormuz.", "THREATEN", "137", "IRN", "state"),
    ("Venezuela mobilized thousands of reservists on Saturday.", "MOBILIZE", "154", "VEN", "state"),
    ("The two navies held joint exercises in the strait.", "COOPERATE", "062", None, None),
    # "on" read from the YAML as a string again ("went on strike", "called on")
    ("Teachers went on strike on Monday demanding higher pay.", "PROTEST", "143", "EDU", "civilian"),
    ("The government agreed to the protesters' demands.", "CONCEDE", "083", "GOV", "state"),
    ("Morocco withdrew its ambassador from Algiers.", "SANCTION", "161", "MAR", "state"),
    ("Pakistan protested to India over the border incident.", "ACCUSE", "114", "PAK", "state"),
    # what an inquiry is into is its subject matter, not a second event
    ("A parliamentary committee began hearings into the massacre on Monday.",
     "ACCUSE", "090", "LEG", "state"),
    ("Police raided the offices of the newspaper on Tuesday.", "COERCE", "171", "COP", "state"),
    # who charges "with" decides: a rival accuses, the police charge
    ("Opposition leaders charged the government with rigging the vote.",
     "ACCUSE", "112", "OPP", "political"),
    ("China strongly protested the arrest of its citizens.", "ACCUSE", "111", "CHN", "state"),
    ("Pakistan extradited the suspect to the United States.", "COOPERATE", "063", "PAK", "state"),
    ("The army lifted the siege of the town on Sunday.", "RETREAT", "087", "MIL", "state"),
    ("The opposition boycotted the talks.", "REJECT", "125", "OPP", "political"),
    ("Doctors walked off the job over unpaid salaries.", "PROTEST", "143", "HLH", "civilian"),
]


@pytest.mark.parametrize(("text", "kind", "cameo", "actor", "actor_kind"), MAIN_EVENTS)
def test_main_event(pipeline, text, kind, cameo, actor, actor_kind):
    event = main_event(events(parse(pipeline, text)))
    assert event is not None
    assert (event.type, event.cameo) == (kind, cameo), event.provenance
    if actor is not None:
        assert event.actor is not None, event.provenance
        assert actor in (event.actor.country, event.actor.sector), event.actor
        assert event.actor.kind == actor_kind


def test_press_release_is_no_event(pipeline):
    text = "The army is holding hundreds of villagers, according to a press release by the rebels."
    assert all(e.cameo != "0841" for e in events(parse(pipeline, text)))


# (article, type, number of events of that type, actor country of the first)
MERGED = [
    # a bare agent ("warplanes") and a named party of the same sector are one incident's actor
    (("Warplanes struck a fuel depot near Idlib on Monday. A monitoring group said the depot had "
      "been hit by Russian jets."), "ASSAULT", 1, "RUS"),
    # a later casualty report with no one acting is the toll of the incident told
    (("A car bomb exploded at a checkpoint in Mogadishu on Saturday. Police said at least seven "
      "people were killed and ten injured."), "ASSAULT", 1, None),
]


@pytest.mark.parametrize(("text", "kind", "count", "actor"), MERGED)
def test_one_event_per_incident(pipeline, text, kind, count, actor):
    found = [e for e in events(parse(pipeline, text)) if e.type == kind]
    assert len(found) == count, [e.provenance for e in found]
    if actor is not None:
        assert found[0].actor is not None and found[0].actor.country == actor


def test_stated_obligation_is_the_speakers_demand(pipeline):
    """'Russia said Sudan must return the helicopter': Russia demands, of Sudan."""
    text = "Russia said on Tuesday that Sudan must return the helicopter it seized last week."
    event = main_event(events(parse(pipeline, text)))
    assert event is not None and event.type == "REQUEST"
    assert event.actor is not None and event.actor.country == "RUS"
    assert event.recipient is not None and event.recipient.country == "SDN"


def test_ethnic_group_is_not_the_state(pipeline):
    """'ethnic Albanians' in Macedonia are not Albania."""
    event = main_event(events(parse(pipeline, "Ethnic Albanians protested in Skopje on Sunday.")))
    assert event is not None and event.actor is not None
    assert (event.actor.country, event.actor.sector) == (None, "CVL")

