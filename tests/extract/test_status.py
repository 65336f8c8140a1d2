"""Status (occurred/threatened/planned/alleged/denied/background) and attribution."""

from __future__ import annotations

from datetime import date

import pytest

from tacitus.errors import ResourceError
from tacitus.extract import status as status_module
from tacitus.extract.dates import event_date
from tacitus.extract.status import attribution, event_status
from tacitus.model import STATUSES

PUBLISHED = date(2019, 12, 30)

# (sentence, trigger, status, hedged)
STATUS = [
    ("US drone strikes killed at least 25 fighters on Sunday, the Pentagon said.",
     "killed", "occurred", False),
    ("US forces launched air strikes on five Kataib Hezbollah sites on Sunday.",
     "launched", "occurred", False),
    # Future, modal, conditional: threatened (coercive) or planned (scheduled).
    ("Iran will retaliate next week if the US strikes again, the minister warned.",
     "retaliate", "threatened", False),
    ("Iran will retaliate next week if the US strikes again, the minister warned.",
     "strikes", "threatened", False),
    ("Iran's supreme leader warned that the US would face a harsh response.",
     "response", "threatened", False),
    ("The group vowed to retaliate against US forces.", "retaliate", "threatened", False),
    ("Turkey threatened to launch a military operation in Syria.",
     "operation", "threatened", False),
    ("If the attacks continue, we will strike back, the commander said.",
     "strike", "threatened", False),
    ("The US plans to send 3,000 troops to the region.", "send", "planned", False),
    ("Iran is due to meet the envoy on Sunday.", "meet", "planned", False),
    ("The Iraqi prime minister is scheduled to visit Washington next month.",
     "visit", "planned", False),
    ("The two sides will meet in Geneva on Thursday.", "meet", "planned", False),
    ("The envoy will press both sides to agree to a ceasefire.", "agree", "planned", False),
    ("The UN urged Iran to release the tanker.", "release", "planned", False),
    ("The army is set to launch an offensive.", "launch", "planned", False),
    ("Iran warned of a harsh response.", "response", "threatened", False),
    ("The threat of strikes loomed over the talks.", "strikes", "threatened", False),
    # A plan word governs its complement, not any phrase on it.
    ("The delegation went to Geneva for talks.", "talks", "occurred", False),
    ("Protesters set fire to the building.", "fire", "occurred", False),
    ("Washington blamed Kataib Hezbollah for the rocket attack.", "attack", "alleged", True),
    ("Hezbollah denied responsibility for the attack.", "attack", "denied", False),
    # The threat itself happened.
    ("Turkey threatened to launch a military operation in Syria.",
     "threatened", "occurred", False),
    # Denial and negation.
    ("Hezbollah denied carrying out the attack on December 29.", "attack", "denied", False),
    ("Hezbollah did not carry out the attack, a spokesman told reporters.",
     "attack", "denied", False),
    ("Iran rejected claims that it attacked the tanker.", "attacked", "denied", True),
    ("Kataib Hezbollah has denied any involvement in the rocket attack.",
     "attack", "denied", False),
    # Hedges.
    ("Militants reportedly killed 12 villagers yesterday.", "killed", "alleged", True),
    ("The alleged attack took place on Friday.", "attack", "alleged", True),
    ("The militants are said to have killed 12 soldiers.", "killed", "alleged", True),
    ("The group is believed to have carried out the bombing.", "carried", "alleged", True),
    ("Militants may have killed dozens of villagers, local officials said.",
     "killed", "alleged", True),
    ("Iran claimed it shot down a US drone over the Gulf on Thursday.", "shot", "alleged", True),
    ("The minister accused Israel of carrying out the strike.", "strike", "alleged", True),
    ("The Pentagon did not confirm the strike.", "strike", "alleged", True),
    ("Witnesses said security forces apparently opened fire on the crowd.",
     "opened", "alleged", True),
    # A claim of responsibility does not hedge the attack; a hedge elsewhere does not either.
    ("ISIS claimed responsibility for the attack on Friday.", "attack", "occurred", False),
    ("The Islamic State has claimed several attacks on journalists.", "attacks", "occurred",
     False),
    ("The protesters, who were reportedly armed, stormed the building.",
     "stormed", "occurred", False),
    # Background: an undated event used to place something else in time.
    ("Veterans gathered to mark five years since the battle of Ilovaisk.",
     "battle", "background", False),
    ("Hundreds marched on the anniversary of the massacre.", "massacre", "background", False),
    ("Forty families have fled since the attack on Monday.", "attack", "occurred", False),
    # Background: well before the report.
    ("In 2017, Iraqi forces recaptured Mosul from the Islamic State.",
     "recaptured", "background", False),
    ("The 2003 invasion of Iraq toppled Saddam Hussein.", "invasion", "background", False),
    ("Protesters stormed the embassy in October.", "stormed", "background", False),
    ("Protesters stormed the embassy earlier this month.", "stormed", "occurred", False),
    ("Protesters stormed the embassy last week.", "stormed", "occurred", False),
]


# Statuses that reach an event word through its clause or a purpose infinitive, and denials
# whose figure is kept (see test_toll_denied.py for the tolls).
MORE_STATUS = [
    # an event noun that is the subject of the denied or hedged content clause
    ("The military denied reports that its strikes killed 12 civilians.", "strikes", "denied",
     False),
    ("Activists claimed that the raid left three people dead.", "raid", "alleged", True),
    # ... but not of a clause that only says when, nor of its own negation
    ("The rebels warned of revenge a day after an air strike killed 17 people.", "strike",
     "occurred", False),
    ("The strike did not kill anyone, officials said.", "strike", "occurred", False),
    # a purpose infinitive the parser hangs on a noun shares that noun's modality
    ("The general warned that the army would launch a counteroffensive to retake the town.",
     "retake", "planned", False),
    ("The army launched a counteroffensive to retake the town on Sunday.", "retake", "occurred",
     False),
    # "claims" tagged as a verb in an object's place is no reporting verb
    ("Police dismissed claims that officers shot two protesters.", "shot", "denied", True),
]


@pytest.mark.parametrize("sentence, trigger, expected, hedged", STATUS + MORE_STATUS)
def test_event_status(nlp, sentence, trigger, expected, hedged) -> None:
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == trigger)
    when = event_date(token, PUBLISHED)
    guess = event_status(token, when.date, when.precision, PUBLISHED)
    assert (guess.status, guess.hedged) == (expected, hedged), guess.rule
    assert guess.status in STATUSES and guess.rule
    if guess.start is not None:
        assert f"'{doc.text[guess.start:guess.end]}" in guess.rule  # the word that set it


@pytest.mark.parametrize(
    "event, precision, expected",
    [
        (date(2017, 6, 1), "year", "background"),
        (date(2019, 1, 1), "year", "occurred"),
        (date(2019, 11, 1), "month", "occurred"),  # November ends 30 days before
        (date(2019, 10, 1), "month", "background"),
        (date(2019, 11, 30), "day", "occurred"),
        (date(2019, 11, 29), "day", "background"),
        (date(2020, 1, 5), "day", "planned"),
        (date(2017, 6, 1), "publication", "occurred"),
        (None, None, "occurred"),
    ],
)
def test_status_from_date(nlp, event, precision, expected) -> None:
    doc = nlp("Delegations meet in Geneva.")
    assert event_status(doc[1], event, precision, PUBLISHED).status == expected


def test_past_tense_act_is_not_planned_by_a_later_date_in_its_clause(nlp) -> None:
    doc = nlp("Islamic Jihad rejected an invitation to a meeting next week.")
    rejected = next(t for t in doc if t.text == "rejected")
    assert event_status(rejected, date(2020, 1, 6), "week", PUBLISHED).status == "occurred"


def test_no_dateline_is_never_background(nlp) -> None:
    doc = nlp("Iraqi forces recaptured Mosul.")
    assert event_status(doc[2], date(2017, 1, 1), "year", None).status == "occurred"


# (sentence, trigger, source text or None for the outlet, hedged)
ATTRIBUTION = [
    ("US drone strikes killed at least 25 fighters on Sunday, the Pentagon said.",
     "killed", "the Pentagon", False),
    ("The Pentagon said it hit three sites in Iraq and two in Syria.", "hit", "The Pentagon",
     False),
    ("The strikes, the Pentagon said, killed 25.", "killed", "the Pentagon", False),
    ("The strikes on Sunday hit three sites, according to Iraqi officials.",
     "strikes", "Iraqi officials", False),
    (("Hezbollah did not carry out the attack, a spokesman for the group, Ali Hassan, told "
      "reporters."), "attack", "a spokesman for the group", False),
    ("The ministry said in a statement that it had arrested 12 suspects.",
     "arrested", "The ministry", False),
    ("Hezbollah fighters attacked the convoy, state media reported.",
     "attacked", "state media", False),
    ("Iraqi officials announced that US jets had struck the base.", "struck", "Iraqi officials",
     False),
    ("\"We will respond,\" the spokesman told Reuters.", "respond", "the spokesman", False),
    ("Iran claimed it shot down a US drone over the Gulf on Thursday.", "shot", "Iran", True),
    ("The minister accused Israel of carrying out the strike.", "strike", "The minister", True),
    ("The rebels alleged that government troops shelled the town.", "shelled", "The rebels",
     True),
    ("Militants reportedly killed 12 villagers yesterday.", "killed", None, True),
    ("It was reported that gunmen attacked the convoy.", "attacked", None, False),
    ("ISIS claimed responsibility for the attack on Friday.", "attack", None, False),
    ("The Islamic State has claimed several attacks on journalists.", "attacks", None, False),
    ("The Pentagon did not confirm the strike.", "strike", "The Pentagon", True),
    ("US forces launched air strikes on five sites on Sunday.", "launched", None, False),
]


@pytest.mark.parametrize("sentence, trigger, source, hedged", ATTRIBUTION)
def test_attribution(nlp, sentence, trigger, source, hedged) -> None:
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == trigger)
    guess = attribution(token)
    assert (guess.source.text if guess.source is not None else None, guess.hedged) == (
        source, hedged), guess.rule
    if guess.source is not None:
        assert doc.text[guess.start:guess.end] == source
    assert guess.rule


def test_bad_entry_names_file_and_line(monkeypatch) -> None:
    good = status_module.load_yaml(status_module.STATUS_RESOURCE)
    bad = {**good, "background_days": "thirty"}
    monkeypatch.setattr(status_module, "load_yaml", lambda name: bad)
    status_module.status_lexicon.cache_clear()
    try:
        with pytest.raises(ResourceError, match=r"status\.yaml:\d+: 'background_days'"):
            status_module.status_lexicon()
    finally:
        status_module.status_lexicon.cache_clear()


def test_bad_reporting_verb_names_file_and_line(monkeypatch) -> None:
    bad = {"__line__": 1, "reporting_verbs": [{"__line__": 12, "lemma": "say", "hedged": "no"}],
           "source_phrases": ["according to"]}
    monkeypatch.setattr(status_module, "load_yaml", lambda name: bad)
    status_module._attribution_lexicon.cache_clear()
    try:
        with pytest.raises(ResourceError, match=r"attribution\.yaml:12: 'hedged' must be"):
            status_module._attribution_lexicon()
    finally:
        status_module._attribution_lexicon.cache_clear()
