"""Killed and injured counts tied to one event, never to an unrelated number."""

from __future__ import annotations

import pytest

from tacitus.errors import ResourceError
from tacitus.extract import toll
from tacitus.extract.toll import event_toll

# (sentence, trigger, killed, injured, qualifier)
TOLLS = [
    ("US drone strikes killed at least 25 fighters on Sunday, the Pentagon said.",
     "killed", 25, None, "at least"),
    ("US drone strikes killed at least 25 fighters on Sunday, the Pentagon said.",
     "strikes", 25, None, "at least"),
    ("An attack that left 3 dead and 12 wounded hit the market late on Saturday.",
     "attack", 3, 12, "exact"),
    ("Militants stormed the village, killing 6 civilians, including 2 women.",
     "stormed", 6, None, "exact"),
    ("A death toll of 19 was reported by officials yesterday.", "toll", 19, None, "exact"),
    ("The death toll from the strikes rose to 25, officials said.", "strikes", 25, None, "exact"),
    ("25 were killed in the strikes.", "strikes", 25, None, "exact"),
    ("Two soldiers died in the ambush.", "ambush", 2, None, "exact"),
    ("Two soldiers died and 10 others were hurt in the ambush on Monday night.",
     "ambush", 2, 10, "exact"),
    ("Dozens of people were killed and hundreds wounded in the blast.",
     "blast", 12, 100, "at least"),
    ("A third soldier died of his wounds on Monday.", "died", 1, None, "exact"),
    ("Police killed two gunmen and wounded a third.", "killed", 2, 1, "exact"),
    ("Another 22 people were injured in the accident.", "accident", None, 22, "exact"),
    ("Tens of militiamen were killed in the air raid.", "raid", 10, None, "at least"),
    ("At least 24 people were killed and 18 others injured after gunmen attacked a church.",
     "killed", 24, 18, "at least"),
    ("A schoolboy and a watchman sustained injuries in one of the attacks.",
     "attacks", None, 2, "exact"),
    ("Three grenade attacks rocked the town, causing injuries to a policeman and a civilian.",
     "attacks", None, 2, "exact"),
    ("A dozen protesters were injured when police fired tear gas.", "fired", None, 12, "exact"),
    ("The attack left a 25-year-old man dead.", "attack", 1, None, "exact"),
    ("More than 40 people were killed two days ago, including 12 children.",
     "killed", 40, None, "more than"),
    ("The explosion killed two soldiers and a civilian and wounded 14 others.",
     "explosion", 3, 14, "exact"),
    ("The bombing claimed 31 lives.", "bombing", 31, None, "exact"),
    ("Some 30 people lost their lives in the attack.", "attack", 30, None, "about"),
    ("Gunmen shot dead a police officer in Kirkuk.", "shot", 1, None, "exact"),
    ("US forces launched air strikes that killed 25 Kataib Hezbollah fighters.",
     "launched", 25, None, "exact"),
    ("No one was killed in the attack.", "attack", 0, None, "exact"),
    ("At least 12 people were killed, including three children, when a car bomb exploded.",
     "exploded", 12, None, "at least"),
    ("Gunmen killed four people in two attacks in Kabul.", "attacks", 4, None, "exact"),
    ("A suicide bomber killed 25 people and wounded 55 others at a mosque in Kabul on Friday.",
     "killed", 25, 55, "exact"),
    ("Security forces fired tear gas, injuring dozens of protesters.",
     "fired", None, 12, "at least"),
    ("Clashes between protesters and police left at least 7 dead and dozens injured.",
     "Clashes", 7, 12, "at least"),
    ("A 13-year-old boy was killed by a stray bullet.", "killed", 1, None, "exact"),
    ("Police opened fire on the crowd, killing at least 15 and wounding more than 100.",
     "opened", 15, 100, "at least"),
    # Several figures for one count: the one in the trigger's own clause.
    (("The explosion killed 8 people, a hospital official said, while the interior ministry "
      "put the toll at 10."), "explosion", 8, None, "exact"),
    ("Police arrested 12 protesters after clashes killed 3 people.", "clashes", 3, None, "exact"),
]


@pytest.mark.parametrize("sentence, trigger, killed, injured, qualifier", TOLLS)
def test_event_toll(nlp, sentence, trigger, killed, injured, qualifier) -> None:
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == trigger)
    guess = event_toll(token)
    assert guess is not None, "no toll found"
    assert (guess.killed, guess.injured, guess.qualifier) == (killed, injured, qualifier)
    assert guess.start is not None and guess.end is not None
    assert guess.start < guess.end <= len(doc.text)
    assert guess.rule.startswith("toll.yaml ")


# Numbers that are not this event's toll.
UNRELATED = [
    ("The strikes on Sunday hit three sites in Iraq and two in Syria.", "strikes"),
    ("The US carried out strikes on five targets in Iraq and Syria.", "strikes"),
    ("The strikes came two days after a rocket attack killed a US contractor.", "strikes"),
    ("Police arrested 12 protesters after clashes killed 3 people.", "arrested"),
    ("The UN Security Council adopted Resolution 2334 after the strikes killed 4.", "adopted"),
    ("Israeli jets struck Gaza in response to a rocket attack that wounded two Israelis.",
     "struck"),
    ("The blast caused $2 million in damage.", "blast"),
    ("The US pledged $50 million after the blast.", "pledged"),
    ("Two rockets hit the Green Zone, causing no casualties.", "hit"),
    ("In 2017, militants attacked 3 checkpoints in 25 minutes.", "attacked"),
    # One figure for killed and wounded together: neither count can take it.
    ("The Syrian army killed and wounded scores of terrorists.", "killed"),
    ("The army fired rockets at the site, killing and injuring several soldiers.", "fired"),
    # Nobody died (yet): an attempt, a threat, a negation.
    ("Militants said they attempted to assassinate Prime Minister Iyad Allawi.", "assassinate"),
    ("The group said it will kill 10 hostages.", "kill"),
    ("The militia did not kill 3 soldiers, its spokesman said.", "kill"),
]


@pytest.mark.parametrize("sentence, trigger", UNRELATED)
def test_unrelated_numbers_are_not_a_toll(nlp, sentence, trigger) -> None:
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == trigger)
    assert event_toll(token) is None


def test_offsets_cover_the_expression(nlp) -> None:
    doc = nlp("Militants stormed the village, killing 6 civilians, including 2 women.")
    guess = event_toll(doc[1])
    assert guess is not None
    assert doc.text[guess.start:guess.end] == "killing 6"


def test_bad_entry_names_file_and_line(monkeypatch) -> None:
    bad = {"__line__": 1, "casualty": [{"__line__": 4, "lemma": "kill", "count": "maimed",
                                        "kind": "transitive"}]}
    monkeypatch.setattr(toll, "load_yaml", lambda name: bad)
    toll.lexicon.cache_clear()
    try:
        with pytest.raises(ResourceError, match=r"toll\.yaml:4: count must be one of"):
            toll.lexicon()
    finally:
        toll.lexicon.cache_clear()


@pytest.mark.parametrize("text", [
    "Heavy casualties. Three dead, dozens wounded. The death toll.",
    "Breaking: explosion in Kabul market",
])
def test_any_token_of_a_fragment(nlp, text) -> None:
    """Verbless sentences (headlines, fragments) have a noun root: the walk up must stop there."""
    doc = nlp(text)
    tolls = [event_toll(token) for token in doc]
    assert any(t is not None and t.killed == 3 for t in tolls[:8]) or "Three" not in text
