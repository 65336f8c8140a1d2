"""Quotes: spans, direct/indirect, speakers, on real news-style sentences."""

from __future__ import annotations

from datetime import date

import pytest

from tacitus.statements.marks import find_quoted_spans
from tacitus.statements.quotes import statements

WHEN = date(2019, 12, 30)


@pytest.mark.parametrize("text, expected", [
    ('He said "we will respond" today.', ["we will respond"]),
    ("“We will respond,” he said.", ["We will respond,"]),
    ('“We will,” he said, “respond.”', ["We will,", "respond."]),
    ('It was 5" long and "terrible" too.', ["terrible"]),
    ("No quotes at all.", []),
])
def test_quoted_spans(text: str, expected: list[str]) -> None:
    assert [text[s.start:s.end] for s in find_quoted_spans(text)] == expected


def test_unbalanced_quote_closes_at_paragraph_end() -> None:
    text = "He said “we will never stop.\n\nThe next paragraph is plain."
    spans = find_quoted_spans(text)
    assert [text[s.start:s.end] for s in spans] == ["we will never stop."]
    assert spans[0].closed is False


@pytest.mark.parametrize("text, quote, direct, speaker_text", [
    ('“We will take revenge for the martyrs,” Qais al-Khazali, the leader of Asaib Ahl al-Haq, said.',
     "We will take revenge for the martyrs,", True, "Qais al-Khazali"),
    ('The Pentagon said it had hit three sites in Iraq and two in Syria.',
     "it had hit three sites in Iraq and two in Syria", False, "Pentagon"),
    ('According to Iraqi officials, at least 25 fighters were killed.',
     "at least 25 fighters were killed", False, "Iraqi officials"),
    ('“We will,” the commander said, “respond in kind.”',
     "We will, respond in kind.", True, "commander"),
])
def test_statement_and_speaker(nlp, text, quote, direct, speaker_text) -> None:
    found, warnings = statements(nlp(text), WHEN)
    assert warnings == []
    assert len(found) == 1
    statement = found[0]
    assert statement.text == quote
    assert statement.direct is direct
    assert statement.speaker is not None
    assert speaker_text.lower() in (statement.speaker.text + " " + statement.speaker.name).lower()


def test_pronoun_speaker_takes_the_last_person(nlp) -> None:
    text = ('Qais al-Khazali said the strikes were a crime. '
            '“There will be a response,” he added.')
    found, _ = statements(nlp(text), WHEN)
    assert [s.direct for s in found] == [False, True]
    assert found[1].speaker == found[0].speaker
    assert found[1].speaker.name == "Qais al-Khazali"


def test_scare_quotes_are_not_statements(nlp) -> None:
    found, _ = statements(nlp('The ministry called the strikes "aggression" on Monday.'), WHEN)
    assert all(s.direct is False for s in found)


def _texts(nlp, text: str) -> list[tuple[str, bool]]:
    found, _ = statements(nlp(text), WHEN)
    return [(s.text, s.direct) for s in found]


@pytest.mark.parametrize("text, expected", [
    # indirect speech with the reporting verbs of news
    ("The Taliban denied that their fighters had attacked the convoy.",
     [("their fighters had attacked the convoy", False)]),
    ("Hamas claimed that Israeli forces had killed 12 people.",
     [("Israeli forces had killed 12 people", False)]),
    (("The minister insisted that the elections would go ahead, and stressed that no civilians had "
     "been harmed."), [("the elections would go ahead", False), ("no civilians had been harmed", False)]),
    ("Kataib Hezbollah vowed to avenge its fighters.", [("to avenge its fighters", False)]),
    ("The commander told reporters the town had been retaken.", [("the town had been retaken", False)]),
    ("Defence Minister Lloyd Austin was quoted as saying that the strikes were proportionate.",
     [("the strikes were proportionate", False)]),
    # 'said in a statement that ...', which the parser hangs on the noun
    ("The RSF said in a statement that the army had shelled residential areas.",
     [("the army had shelled residential areas", False)]),
    # a time phrase dates the saying, not the report
    ("The UN said on Monday it would send a team to investigate.",
     [("it would send a team to investigate", False)]),
    # "and that" goes on with the same report
    (("Residents said they heard gunfire throughout the day, and that navy gunboats shelled "
     "positions along the river overnight."),
     [(("they heard gunfire throughout the day, and that navy gunboats shelled positions along the "
       "river overnight"), False)]),
    # a coordinated speech verb without its own subject is the speaker's, not the report's
    (('Azerbaijan\'s defence ministry said 50 of its servicemen had died and blamed Armenia for '
     '"large-scale provocations".'),
     [("50 of its servicemen had died", False), ("large-scale provocations", True)]),
    # attributions after or inside the clause they report
    (("Shelling along the border has emptied several villages, local officials said, as fighting "
     "entered a second week."), [("Shelling along the border has emptied several villages", False)]),
    ("The attack, officials said, was carried out by two suicide bombers.",
     [("The attack, officials said, was carried out by two suicide bombers", False)]),
    (("Gunmen on motorcycles killed at least 17 soldiers on Tuesday, the defence ministry said in a "
     "statement read on state television."),
     [("Gunmen on motorcycles killed at least 17 soldiers on Tuesday", False)]),
    ("Three soldiers were killed in the ambush, according to a military source.",
     [("Three soldiers were killed in the ambush", False)]),
    # a relative clause's reported words start after the verb
    ("The air strike hit a market, which the health ministry said killed 17 civilians.",
     [("killed 17 civilians", False)]),
    # nothing is asserted: a gerund, a negated or open report, a relative clause's threat
    ("Kigali has repeatedly denied supporting the M23.", []),
    ("No one has claimed that killing either.", []),
    ("The army would not say whether any soldiers had been killed.", []),
    ("ECOWAS, which has threatened to intervene militarily, condemned the attack.", []),
])
def test_indirect_statements(nlp, text: str, expected: list[tuple[str, bool]]) -> None:
    assert _texts(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # quoted words under a speech verb are the speaker's; a one-word label is framing
    (('Britain\'s foreign secretary described the sentence as "another appalling attempt" to stifle '
     'opposition.'), [("another appalling attempt", True)]),
    ('The envoy urged both sides to exercise "maximum restraint" and to return to talks.',
     [("maximum restraint", True)]),
    ('The RSF accused the army of using "civilians as human shields".',
     [("civilians as human shields", True)]),
    ('The ministry called the strikes "aggression" on Monday.', []),
    # a fragment inside reported speech: the clause and the quoted words
    ('The UN envoy, Hans Grundberg, said he was "deeply concerned" by the escalation.',
     [('he was "deeply concerned" by the escalation', False), ("deeply concerned", True)]),
    # multi-sentence quotes and a quote going on after its attribution
    ('"The attack was planned for weeks. We knew nothing," the governor told reporters.',
     [("The attack was planned for weeks. We knew nothing,", True)]),
    ('"We have lost everything," said Fatima Yusuf, a mother of five. "My house is gone."',
     [("We have lost everything,", True), ("My house is gone.", True)]),
    # a headline or subhead: 'Speaker: "..."'
    ('Sadr: "US troops must leave Iraq now"\n\nMoqtada al-Sadr spoke on Friday.',
     [("US troops must leave Iraq now", True)]),
])
def test_direct_statements(nlp, text: str, expected: list[tuple[str, bool]]) -> None:
    assert _texts(nlp, text) == expected


def test_split_quote_keeps_its_speaker_and_span(nlp) -> None:
    text = '"I was asleep," she said, "and then the windows flew into the room."'
    found, _ = statements(nlp('Natalia Ivanenko, 64, lives across the street. ' + text), WHEN)
    assert len(found) == 1
    assert found[0].text == "I was asleep, and then the windows flew into the room."
    assert found[0].speaker is not None and found[0].speaker.name == "Natalia Ivanenko"


@pytest.mark.parametrize("text, warning", [
    ('The commander said "we will fight until the end.\n\nPolice said two people died.', "unbalanced"),
    ('He said: "', "unbalanced"),
    ('“We will respond," the commander said. "Nobody should doubt it.”', "mixed"),
    ("The spokesman said «لن نستسلم» and left.", "non-Latin"),
    ("The spokesman said 「我们不会让步」 and left.", "non-Latin"),
])
def test_bad_quotation_marks_warn_and_keep_going(nlp, text: str, warning: str) -> None:
    found, warnings = statements(nlp(text), WHEN)
    assert any(warning in w for w in warnings)
    assert all(text[s.start:s.end].strip() for s in found)


def test_quotes_in_other_scripts_are_kept(nlp) -> None:
    found, _ = statements(nlp("The spokesman said «لن نستسلم» and left."), WHEN)
    assert [(s.text, s.direct) for s in found] == [("لن نستسلم", True)]
    assert found[0].speaker is not None and found[0].speaker.text == "The spokesman"
