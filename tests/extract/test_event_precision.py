"""Fewer, truer events: mentions that tell no incident, and repeated mentions of one incident.

Rows are sentences written for these tests (not taken from any gold set). A generic, habitual,
tallying or negated mention gives no event (:mod:`tacitus.extract.generic`); the same sentence
telling one incident still does, so every rule is checked from both sides.
"""

from __future__ import annotations

from datetime import date

import pytest

from tacitus.extract import events
from tacitus.extract.generic import generic_reason, generic_words, separate_marker
from tacitus.extract.lexicon import get_lexicon
from tacitus.extract.places import event_place
from tacitus.model import Article

PUBLISHED = date(2021, 6, 14)


def types(pipeline, text: str) -> list[str]:
    parsed = next(pipeline.parse([Article(text=text, published=PUBLISHED)]))
    return [e.type for e in events(parsed)]


NO_INCIDENT = [
    # a class of acts, named by a class word
    "The minister said such attacks would not break the country's resolve.",
    "The group has carried out repeated attacks on army bases in the north.",
    "The militia has claimed several bombings of police stations in the region.",
    # a trend counts acts over time
    "The province has seen a surge in kidnappings and roadside bombings in recent months.",
    "Attacks on aid workers have increased sharply, the agency said.",
    # a habit in the present tense
    'The governor said the rebels "continue to kill innocent farmers."',
    "Officials say the militants keep attacking convoys on the highway.",
    # a running tally, not an incident
    "More than 2,000 people have been killed in the region since January, the UN says.",
    "At least 300 civilians have been killed over the past year, according to monitors.",
    # negated by its determiner
    "Officials said there had been no attacks in the district on Sunday.",
]

INCIDENT = [
    ("The minister said the attack would not break the country's resolve.", ["ASSAULT"]),
    ("Gunmen attacked an army base in the north on Sunday.", ["ASSAULT"]),
    ("The militia bombed a police station in the region on Monday.", ["ASSAULT"]),
    # PLOVER codes an abduction as ASSAULT (mode abduct)
    ("Two people were kidnapped on the highway near Kaduna on Tuesday, police said.", ["ASSAULT"]),
    ("Rebels killed three farmers in the village on Friday, the governor said.", ["ASSAULT"]),
    ("Twelve people were killed in the region on Saturday, the UN said.", ["ASSAULT"]),
    # a future "continue" is no habit: the act is still coded (as the threat it is)
    ("The rebels said they will continue to attack army convoys.", ["THREATEN"]),
]


@pytest.mark.parametrize("text", NO_INCIDENT)
def test_mention_that_tells_no_incident_gives_no_event(pipeline, text):
    assert types(pipeline, text) == []


@pytest.mark.parametrize(("text", "expected"), INCIDENT)
def test_the_incident_itself_is_still_coded(pipeline, text, expected):
    assert types(pipeline, text) == expected


@pytest.mark.parametrize(("text", "word", "reason"), [
    ("Such raids terrify the villagers.", "raids", "class of acts"),
    ("The group had no involvement in the bombing.", "involvement", "negated"),
    ("Hundreds have been killed since March.", "killed", "running tally"),
    ("Turkish forces have established 12 posts in the province since 2017.", "established", None),
    ("US forces hit the sites in response to repeated Kataib Hezbollah attacks on Iraqi bases.",
     "attacks", "class of acts"),
    ('They "continue to kill civilians."', "kill", "habit"),
    ("Police raided the offices on Monday.", "raided", None),
    ("Police used force to stop protesters from storming the buildings.", "storming",
     "kept from happening"),
    ("Security forces foiled an attack on the embassy.", "attack", "kept from happening"),
    ("The truce had sharply reduced cross-border attacks.", "attacks", "class of acts"),
    ("Protesters stormed the buildings on Monday.", "stormed", None),
])
def test_generic_reason_names_the_marker(nlp, text, word, reason):
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    got = generic_reason(token, token, get_lexicon().effect_verbs)
    assert (got.split(":")[0] if got else None) == reason


def test_marker_lists_load_as_words():
    words = generic_words()
    assert "such" in words.class_modifiers and "since" in words.tally_preps
    assert "separate" in words.separate_markers


@pytest.mark.parametrize(("text", "word", "marker"), [
    ("Another bomb exploded near the checkpoint.", "bomb", "Another"),
    ("In a separate attack, gunmen killed a police officer.", "killed", "In ... attack"),
    ("Separately, gunmen killed a police officer.", "killed", "Separately"),
    ("Gunmen killed a police officer in Kandahar.", "killed", None),
    ("The bomb exploded near the checkpoint.", "bomb", None),
])
def test_separate_marker_announces_a_new_incident(nlp, text, word, marker):
    token = next(t for t in nlp(text) if t.text == word)
    assert separate_marker(token, token) == marker


MERGED = [
    # the raids told as the arrests' manner are that incident, not a second one
    (("Police arrested 12 activists in overnight raids on their homes in Lagos. "
      "The raids took place late on Thursday, the activists' lawyer said."), ["COERCE"]),
]


@pytest.mark.parametrize(("text", "expected"), MERGED)
def test_later_mention_of_a_folded_noun_joins_its_incident(pipeline, text, expected):
    parsed = next(pipeline.parse([Article(text=text, published=PUBLISHED)]))
    found = events(parsed)
    assert [e.type for e in found] == expected
    assert len(found[0].evidence) == 2


# One or more sentences of our own per PLOVER type (definitions: PLOVER manual 2021; CAMEO codes
# map to types through CAMEO2PLOVER-2021, so "signed an agreement" (057) and "apologised" (055)
# are SUPPORT, "resigned" (0831) and "agreed to a ceasefire" (0871) RETREAT, and tear gas on
# protesters (175, crowd-control) ASSAULT). The first event of the sentence is checked.
PLOVER_TYPES = [
    ("AGREE", "The rebels pledged to hold talks with the government next month."),
    ("AGREE", "France and Mali agreed to share intelligence on jihadist groups."),
    ("CONSULT", "The Iranian foreign minister met his Iraqi counterpart in Baghdad on Sunday."),
    ("CONSULT", "President Macron telephoned Vladimir Putin to discuss the crisis."),
    ("CONSULT", "The Colombian president visited Caracas for the first time in five years."),
    ("SUPPORT", "Germany praised Greece for its handling of the migrant crisis."),
    ("SUPPORT", "The Arab League endorsed the Saudi peace initiative on Thursday."),
    ("SUPPORT", "Turkey recognised the new government in Tripoli."),
    ("SUPPORT", "Kenya and Somalia signed a border security agreement in Nairobi on Tuesday."),
    ("SUPPORT", "The government apologised to the families of the victims."),
    ("COOPERATE", "Indian and US troops held joint military exercises in Rajasthan."),
    ("AID", "Japan sent 50 tonnes of food aid to flood-hit Pakistan."),
    ("AID", "The World Bank granted Ukraine a $500 million loan."),
    ("AID", "The UN delivered medical supplies to the besieged town."),
    ("RETREAT", "Russian troops withdrew from the city of Kherson on Friday."),
    ("RETREAT", "The rebels released 20 hostages they had held for a month."),
    ("RETREAT", "Israel lifted its blockade of the border crossing."),
    ("RETREAT", "The president resigned after weeks of mass protests."),
    ("RETREAT", "The rebels agreed to a 30-day ceasefire proposed by the African Union."),
    ("REQUEST", "The UN Secretary-General urged both sides to stop the fighting."),
    ("REQUEST", "Amnesty International called for the release of the detained journalists."),
    ("REQUEST", "Kyiv asked its allies for more air defence systems."),
    ("ACCUSE", "The government accused the opposition of inciting violence."),
    ("ACCUSE", "Human rights groups condemned the execution of the activists."),
    ("ACCUSE", "The European Union criticised Belarus over the crackdown."),
    ("REJECT", "The Taliban rejected the proposal for a ceasefire."),
    ("REJECT", "The junta refused to allow UN investigators into the country."),
    ("THREATEN", "North Korea threatened to strike US bases in Guam."),
    ("THREATEN", "The president warned the rebels of severe consequences if they did not disarm."),
    ("THREATEN", "Iran vowed revenge for the killing of its general."),
    ("PROTEST", "Thousands of people marched through Khartoum demanding civilian rule."),
    ("PROTEST", "Workers went on strike at the country's largest copper mine."),
    ("PROTEST", "Hundreds of students demonstrated outside parliament on Monday."),
    ("SANCTION", "The United States imposed sanctions on three Iranian officials."),
    ("SANCTION", "Algeria expelled the French ambassador and recalled its envoy from Paris."),
    ("SANCTION", "The EU froze the assets of five Russian oligarchs."),
    ("MOBILIZE", "Armenia put its armed forces on high alert after the border clash."),
    ("MOBILIZE", "Russia deployed thousands of troops near the Ukrainian border."),
    ("MOBILIZE", "The army mobilised reservists ahead of the offensive."),
    ("COERCE", "Police arrested 40 opposition supporters in the capital."),
    ("COERCE", "The government imposed a curfew in the northern city."),
    ("ASSAULT", "Security forces dispersed the protesters with tear gas."),
    ("ASSAULT", "Saudi-led warplanes bombed a bus in northern Yemen, killing 40 children."),
    ("ASSAULT", "Gunmen shot dead a journalist in Mexico City on Tuesday."),
    ("ASSAULT", "A suicide bomber blew himself up at a mosque in Peshawar."),
    # PLOVER manual 3.4.2: pardons, amnesties and regret are CONCEDE; a release is RETREAT
    ("CONCEDE", "The president pardoned 200 political prisoners on Sunday."),
    ("CONCEDE", "The government granted an amnesty to the rebels."),
    ("CONCEDE", "The general expressed regret for the deaths of civilians."),
    ("CONCEDE", "The regime made concessions to the striking miners."),
    ("AID", "The IMF approved a $3 billion bailout for Sri Lanka."),
    ("MOBILIZE", "Hezbollah fighters massed near the Israeli border."),
    ("PROTEST", "Farmers staged a sit-in outside the ministry."),
]


@pytest.mark.parametrize(("expected", "text"), PLOVER_TYPES)
def test_plover_type_of_the_main_event(pipeline, expected, text):
    assert types(pipeline, text)[:1] == [expected]


def roles(pipeline, text: str) -> list[tuple[str, str | None, str | None]]:
    parsed = next(pipeline.parse([Article(text=text, published=PUBLISHED)]))
    return [(e.type, e.actor.text if e.actor else None, e.recipient.text if e.recipient else None)
            for e in events(parsed)][:1]


@pytest.mark.parametrize(("text", "expected"), [
    # the second of two conjoined subjects of a mutual act is its partner
    (("Colombia and Venezuela agreed on Wednesday to restore consular services, at the end of "
     "a visit to Caracas."), ("AGREE", "Colombia", "Venezuela")),
    ("Kenya and Somalia met in Nairobi on Tuesday.", ("CONSULT", "Kenya", "Somalia")),
    # not for an act done to someone: the object stays the recipient
    ("Iraq and Syria attacked the militants on Monday.", ("ASSAULT", "Iraq", "the militants")),
    # "shot and killed X": the first verb shares the second one's object
    ("Gunmen shot and killed a police officer in Kabul on Tuesday.",
     ("ASSAULT", "Gunmen", "a police officer")),
    # a dateline the parser made a second subject is not the actor
    (("BAGHDAD, Nov 4, 2019 (Reuters) - Iraqi riot police fired tear gas to disperse the "
     "protesters."), ("ASSAULT", "Iraqi riot police", "the protesters")),
])
def test_roles_of_the_main_event(pipeline, text, expected):
    assert roles(pipeline, text) == [expected]


# Short articles written for these tests -> the types of their events, in order, and how many
# evidence sentences each holds. One incident told in several sentences is one event; a new
# incident (another day, another marked "separate", another actor) is a new one; a kind of act,
# a lasting state or what a reaction is about is no event of its own.
ARTICLES = [
    # the next sentence goes on about the bomb: no one acting, no date of its own
    (("A roadside bomb tore through an army vehicle in Helmand province on Monday, killing two "
      "soldiers. The device had been planted beside the main road outside Lashkar Gah, police "
      "said."), [("ASSAULT", 2)]),
    # ... unless it says it is another incident
    (("A roadside bomb killed two soldiers in Helmand on Monday. Another bomb exploded near a "
      "checkpoint in the same district."), [("ASSAULT", 1), ("ASSAULT", 1)]),
    (("A roadside bomb killed two soldiers in Helmand on Monday. In a separate attack, gunmen "
      "killed a police officer in Kandahar."), [("ASSAULT", 1), ("ASSAULT", 1)]),
    # a date read off the warning is not the strike's: both strike mentions are one incident
    (("The rebel leader warned on Sunday that his fighters would strike back, a day after an "
      "air strike killed 17 people in Saada. His warning followed an air strike by coalition "
      "jets on a market in Saada on Saturday."), [("THREATEN", 2), ("ASSAULT", 2)]),
    # two days stated for the acts themselves are two incidents
    (("Jets struck the town of Maarat on Monday, killing three. Jets struck the town on "
      "Wednesday, killing five."), [("ASSAULT", 1), ("ASSAULT", 1)]),
    # what a reaction is about joins the incident told; the speaker's claim names no actor
    (("Gunmen attacked a camp for displaced people in West Darfur on Saturday, killing 48. "
      "Residents blamed militiamen, some of them wearing army uniforms, for the killings."),
     [("ASSAULT", 2), ("ACCUSE", 1)]),
    # a bare noun in what an accusation says names a practice, not an incident
    ("The minister accused the group of financing itself through kidnapping and extortion.",
     [("ACCUSE", 1)]),
    ("Colleagues said the presenter had received threatening phone calls for several weeks.", []),
    # the toll the reference sentence adds belongs to the incident
    (("Separatists attacked the retreating columns near the town on Tuesday. The attack killed "
      "more than 300 soldiers, and hundreds more were taken prisoner."), [("ASSAULT", 2)]),
    # targets named loosely ("top generals" ... "military officials") are one target
    (("The United States imposed sanctions on Myanmar's acting president and several top "
      "generals on Thursday. The Treasury Department said it had blacklisted ten military "
      "officials."), [("SANCTION", 2)]),
    # a place found elsewhere in the sentence ("UK-based") does not part the strike
    (("Russian jets struck a market in Maarat al-Numan in Idlib province on Monday. A UK-based "
      "monitoring group said Russian jets hit the market."), [("ASSAULT", 2)]),
    # unidentified armed men and gunmen are one attacker
    (("Armed men attacked a village in Zamfara on Sunday, killing 12. Witnesses said hundreds "
      "of gunmen on motorcycles entered the village, shooting residents."), [("ASSAULT", 2)]),
    # a reference to the incident in a sentence does not pull in another act told beside it
    (("US warplanes struck the group's positions in Anbar on Sunday. The strikes came two days "
      "after rockets hit a base near Kirkuk."), [("ASSAULT", 2), ("ASSAULT", 1)]),
    # instances counted with "incidents of" are still reported acts
    ("The footage shows multiple incidents of sexual assault on women by men during the festival.",
     [("ASSAULT", 1)]),
]


@pytest.mark.parametrize(("text", "expected"), ARTICLES)
def test_one_event_per_incident(pipeline, text, expected):
    parsed = next(pipeline.parse([Article(text=text, published=PUBLISHED)]))
    assert [(e.type, len(e.evidence)) for e in events(parsed)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a date that opens the sentence frames every act in it, however deep the parser hangs it;
    # a later undated reference and toll go on about the same history
    (("On August 29, 2014, as the columns tried to leave the town, they came under artillery "
      "fire from Russian forces. The attack killed more than 300 soldiers."),
     [("ASSAULT", "background", 2)]),
    # news after a history sentence stays news
    (("The coalition launched air strikes in Yemen in March 2015. Coalition jets struck a "
      "market in Saada on Saturday, killing 17 people."),
     [("ASSAULT", "background", 1), ("ASSAULT", "occurred", 1)]),
])
def test_history_stays_history(pipeline, text, expected):
    parsed = next(pipeline.parse([Article(text=text, published=PUBLISHED)]))
    assert [(e.type, e.status, len(e.evidence)) for e in events(parsed)] == expected


# Only a place in a phrase of the event (or its clause verb) is attached to it and can keep
# two incidents apart; a place elsewhere in the sentence is only read off it.
PLACES = [
    ("Thousands of protesters gathered in Idlib on Sunday.", "gathered", "Idlib", True),
    ("The strikes near Goma killed 12 people.", "strikes", "Goma", True),
    ("A monitor in the UK said jets struck a market.", "struck", "UK", False),
]


@pytest.mark.parametrize("sentence, trigger, place, attached", PLACES)
def test_place_attachment(nlp, sentence, trigger, place, attached):
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == trigger)
    guess = event_place(token, token, (None,))
    assert guess is not None
    assert (guess.place.text, guess.attached) == (place, attached)
    assert ("in a phrase of" in guess.rule) == attached


def coded(pipeline, text: str) -> list[tuple[str, str, int]]:
    parsed = next(pipeline.parse([Article(text=text, published=PUBLISHED)]))
    return [(e.type, e.cameo, len(e.evidence)) for e in events(parsed)]


# An incident told first by its casualties, then by the act: one event, coded by the act.
CASUALTIES_THEN_ACT = [
    (("Two children were killed in Raqqa. Witnesses said the deaths came in an airstrike by "
     "coalition jets on a school."), [("ASSAULT", "195", 2)]),
    (("At least three civilians were killed and five more injured in the south of the town in a "
     "US-led coalition airstrike"), [("ASSAULT", "195", 1)]),
    # another incident, told with a place and a day of its own, stays apart
    (("Two children were killed in Raqqa on Sunday. Gunmen attacked a checkpoint in Homs on "
     "Monday."), [("ASSAULT", "190", 1), ("ASSAULT", "190", 1)]),
]


@pytest.mark.parametrize("text, expected", CASUALTIES_THEN_ACT)
def test_casualties_merge_with_the_act(pipeline, text, expected):
    assert coded(pipeline, text) == expected


# An act told in the "when/as" clause of another act's verb is how that one came about; two
# bare crowds told in consecutive sentences are one protest. Different types or different named
# sides stay apart.
TOLD_TOGETHER = [
    ("The fighting broke out on Thursday when rebels attacked a police station in the town.",
     ["ASSAULT"]),
    ("Violence flared in the camp on Saturday when gunmen stormed a school.", ["ASSAULT"]),
    (("Thousands of people took to the streets of Yangon on Thursday. Demonstrators marched to "
     "the city hall, chanting slogans."), ["PROTEST"]),
    ("Police arrested 12 people on Friday when protesters attacked a police station.",
     ["COERCE", "ASSAULT"]),
    ("Gunmen attacked a church on Sunday. Soldiers attacked a rebel camp on Monday.",
     ["ASSAULT", "ASSAULT"]),
    ("Rebels attacked a police station on Thursday when soldiers shelled their positions.",
     ["ASSAULT", "ASSAULT"]),
]


@pytest.mark.parametrize(("text", "expected"), TOLD_TOGETHER)
def test_acts_told_together_are_one_incident(pipeline, text, expected):
    assert types(pipeline, text) == expected


def test_later_mention_lends_no_unknown_party(pipeline):
    text = ("Thousands of people protested in Yangon on Thursday. Demonstrators marched to the "
            "Sule Pagoda, chanting slogans.")
    parsed = next(pipeline.parse([Article(text=text, published=PUBLISHED)]))
    found = events(parsed)
    assert [e.type for e in found] == ["PROTEST"]
    assert found[0].recipient is None


@pytest.mark.parametrize(("text", "word", "reason"), [
    ("Kyiv hoped the fighters could later be exchanged for prisoners of war.", "exchanged",
     "only wished for"),
    ('Protesters chanted "the people want the fall of the regime".', "fall", "only wished for"),
    ("The town was supposed to be protected by a ceasefire.", "protected", "only wished for"),
    ("The government plans to deploy troops to the region.", "deploy", None),
    ("Rebels vowed to attack the capital.", "attack", None),
    ("Police wanted two men over the bombing of a bus.", "bombing", None),
])
def test_what_is_only_wished_for_is_no_incident(nlp, text, word, reason):
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    found = generic_reason(token, token, get_lexicon().effect_verbs)
    assert (found or "").startswith(reason or "") and (found is None) == (reason is None)
