"""Sentiment: sentence polarity on a labelled set, and per-party tone in an article."""

from __future__ import annotations

from datetime import date

import pytest

from tacitus.actors import get_resolver
from tacitus.model import Article
from tacitus.nlp import ParsedArticle
from tacitus.statements.sentiment import NEUTRAL, party_sentiment, sentence_polarity

# Written before the lexicon, to validate it (see the module docstring): 1 positive,
# -1 negative, 0 neutral.
VALIDATION = [
    ('The two governments signed a peace agreement in Doha on Tuesday.', 1),
    ('The minister welcomed the release of the hostages as a victory for diplomacy.', 1),
    ('Aid agencies praised the army for protecting the convoy.', 1),
    ('The ceasefire has held for a week and markets have reopened.', 1),
    ('Residents celebrated as the siege was lifted and food arrived.', 1),
    ('The rebels freed all 20 prisoners in a gesture of goodwill.', 1),
    ('Both sides said the talks were constructive and productive.', 1),
    ('The UN thanked Qatar for its support in securing the deal.', 1),
    ('Doctors rescued dozens of children from the rubble.', 1),
    ('The president hailed the courage of the soldiers who defended the town.', 1),
    ('The agreement will allow displaced families to return home safely.', 1),
    ('Leaders pledged to cooperate on rebuilding the bridge.', 1),
    ('The envoy said he was hopeful that a lasting solution was within reach.', 1),
    ('The opposition commended the electoral commission for a fair and peaceful vote.', 1),
    ('Volunteers delivered food and medicine to the camp.', 1),
    ('The militia agreed to hand over its weapons and join the political process.', 1),
    ('The court acquitted the journalists and ordered their immediate release.', 1),
    ('Relations between the neighbours have improved markedly since the summit.', 1),
    ('Police helped evacuate the wounded to safety.', 1),
    ("The government promised generous compensation to the victims' families.", 1),
    ('Militants killed 12 villagers in a brutal overnight attack.', -1),
    ('The ministry condemned the bombing as a cowardly act of terror.', -1),
    ('Protesters accused the police of torturing detainees.', -1),
    ('The shelling destroyed the hospital and left dozens dead.', -1),
    ('Amnesty said the crackdown was unlawful and deadly.', -1),
    ('The junta threatened to crush any resistance.', -1),
    ('Gunmen abducted 30 students from their dormitory.', -1),
    ('The strike on the market was a horrifying massacre of civilians.', -1),
    ('The rebels looted shops and burned houses as they fled.', -1),
    ('Officials warned of a worsening humanitarian crisis and famine.', -1),
    ('The army denied the allegations and called them fake news.', -1),
    ('Thousands were forced to flee their homes after the raids.', -1),
    ('The opposition said the election was rigged and fraudulent.', -1),
    ('A suicide bomber blew himself up at a checkpoint, wounding nine soldiers.', -1),
    ('The UN described the conditions in the camp as appalling.', -1),
    ('Security forces fired tear gas and live rounds at demonstrators.', -1),
    ('The minister blamed the insurgents for the deadly ambush.', -1),
    ('Fighting has displaced more than 100,000 people and killed hundreds.', -1),
    ('The group vowed revenge for the killing of its commander.', -1),
    ('Diplomats expressed alarm at the escalating violence.', -1),
    ('The foreign minister will visit Ankara next week.', 0),
    ('The parliament is expected to vote on the budget on Monday.', 0),
    ('The delegation arrived in Geneva on Sunday evening.', 0),
    ('The spokesman said the meeting would take place in the capital.', 0),
    ('The election commission will publish the results on Friday.', 0),
    ('The president spoke by telephone with his Turkish counterpart.', 0),
    ('The report was published by the statistics office in March.', 0),
    ('The province has a population of about two million.', 0),
    ('The army announced a reshuffle of its regional commanders.', 0),
    ('The two ministers discussed trade and energy.', 0),
    ('The UN Security Council will meet on Thursday to discuss the situation.', 0),
    ('The border crossing is open from eight in the morning.', 0),
    ('The government appointed a new ambassador to Washington.', 0),
    ('Officials said the census would start in April.', 0),
    ('The committee held its third session in Addis Ababa.', 0),
    ('The convoy travelled along the main road to the north.', 0),
    ('The agency said it had received the request on Tuesday.', 0),
    ("The company's trucks carry goods between the two ports.", 0),
    ('The minister is a former judge from the southern province.', 0),
    ('The talks are scheduled to resume after the holiday.', 0),
]


def _sign(score: float) -> int:
    return 0 if abs(score) < NEUTRAL else (1 if score > 0 else -1)


def test_validation_accuracy(nlp) -> None:
    right = sum(_sign(sentence_polarity(nlp(text)[:])) == label for text, label in VALIDATION)
    assert right / len(VALIDATION) >= 0.9


@pytest.mark.parametrize("text, sign", [
    ("The ministry condemned the attack.", -1),
    ("The ministry did not condemn the attack on the convoy.", 0),  # only "condemn" flips
    ("The envoy did not welcome the proposal.", -1),                    # negation flips
    ("The talks were deeply constructive.", 1),
    ("The minister arrived in Cairo.", 0),
])
def test_sentence_sign(nlp, text, sign) -> None:
    assert _sign(sentence_polarity(nlp(text)[:])) == sign


def test_intensifier_strengthens(nlp) -> None:
    plain = sentence_polarity(nlp("Diplomats were alarmed by the report.")[:])
    strong = sentence_polarity(nlp("Diplomats were gravely alarmed by the report.")[:])
    assert strong < plain < 0


def test_party_tone_per_article(nlp) -> None:
    text = ("Kataib Hezbollah fighters killed two soldiers in a brutal ambush. "
            "The Iraqi government welcomed the ceasefire and praised the mediators. "
            "Kataib Hezbollah threatened more attacks.")
    when = date(2020, 1, 6)
    parsed = ParsedArticle(Article(text=text, published=when), nlp(text))
    resolver = get_resolver()
    kh = resolver.resolve_text("Kataib Hezbollah", when)
    gov = resolver.resolve_text("the Iraqi government", when)
    absent = resolver.resolve_text("Hamas", when)
    found = {s.party.id: s for s in party_sentiment(parsed, [kh, gov, absent])}
    assert set(found) == {kh.id, gov.id}
    assert found[kh.id].mentions == 2 and found[kh.id].score < 0
    assert found[gov.id].mentions == 1 and found[gov.id].score > 0
