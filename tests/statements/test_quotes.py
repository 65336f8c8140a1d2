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
