"""Reference resolution: pronouns and definite descriptions -> the nearest compatible party."""

from __future__ import annotations

import pytest

from tacitus.actors import get_resolver, is_reference, resolve_reference


def span_of(nlp, sentence: str, phrase: str):
    doc = nlp(sentence)
    start = sentence.index(phrase)
    span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
    assert span is not None, phrase
    return span


def parties(*texts: str):
    resolver = get_resolver()
    return [resolver.resolve_text(t) for t in texts]


# (earlier mentions in text order, sentence, reference) -> expected id (None: no antecedent)
CASES = [
    (("US forces", "Kataib Hezbollah"), "The group vowed to retaliate.", "The group", "IRQ-PMF-KH"),
    (("Kataib Hezbollah", "Iraqi officials"), "The group vowed to retaliate.", "The group", "IRQ-PMF-KH"),
    (("Kataib Hezbollah", "Iraq's interior ministry"), "The ministry denied the report.", "The ministry",
     "IRQGOV"),
    (("Hezbollah", "US forces"), "The militia said it fired the rockets.", "The militia", "LBN-HEZBOLLAH"),
    (("US forces", "Iraqi officials"), "The militia said it fired the rockets.", "The militia", None),
    (("Kataib Hezbollah", "Israel's foreign minister"), "He said the strike was justified.", "He", "ISRGOV"),
    (("Israel's foreign minister", "Kataib Hezbollah"), "It said the strike was unjustified.", "It",
     "IRQ-PMF-KH"),
    (("Hamas", "Israel's foreign minister"), "They rejected the ceasefire.", "They", "PSE-HAMAS"),
    (("NATO", "US forces"), "The alliance agreed to send more troops.", "The alliance", "IGO-NATO"),
    (("Sairoon", "Iraqi officials"), "The bloc boycotted the session.", "The bloc", "IRQ-SAIROON"),
    (("Iraqi officials",), "The country has been hit by protests.", "The country", "IRQ"),
    (("Houthi rebels", "Saudi officials"), "The rebels claimed the attack.", "The rebels", "YEM-HOUTHI"),
    (("Pentagon spokesman Jonathan Hoffman",), "The spokesman declined to comment.", "The spokesman",
     "USA-DOD"),
    ((), "It said the strike was unjustified.", "It", None),
    # a modifier naming a sector narrows a person reference: not the minister named before
    (("Pakistan's interior minister",), "The opposition leader rejected the offer.", "The opposition leader",
     None),
    (("Pakistan's interior minister",), "The minister rejected the offer.", "The minister", "PAKGOV"),
    # plural officers are the forces they command, not the last person named
    (("Myanmar's military", "President Joe Biden"), "The generals refused to step down.", "The generals",
     "MMRMIL"),
    (("Kataib Hezbollah", "US forces"), "The Iran-backed group denied it.", "The Iran-backed group",
     "IRQ-PMF-KH"),
]


@pytest.mark.parametrize("earlier, sentence, phrase, expected", CASES)
def test_resolve_reference(nlp, earlier, sentence, phrase, expected):
    found = resolve_reference(span_of(nlp, sentence, phrase), parties(*earlier))
    assert (found.id if found else None) == expected


def test_country_reference_names_the_state(nlp):
    found = resolve_reference(span_of(nlp, "The country was hit.", "The country"), parties("Iraqi officials"))
    assert found is not None
    assert (found.name, found.country, found.sector, found.kind) == ("Iraq", "IRQ", None, "state")


@pytest.mark.parametrize("sentence, phrase, expected", [
    ("The group vowed to retaliate.", "The group", True),
    ("They rejected the offer.", "They", True),
    ("Its fighters withdrew.", "Its", True),
    ("A group of men opened fire.", "A group of men", False),
    ("Kataib Hezbollah vowed to retaliate.", "Kataib Hezbollah", False),
    ("The Pentagon said the strikes were defensive.", "The Pentagon", False),
    ("The Iraqi ministry denied the report.", "The Iraqi ministry", False),
    ("The building collapsed.", "The building", False),
    ("The state of emergency was lifted.", "The state of emergency", False),
])
def test_is_reference(nlp, sentence, phrase, expected):
    assert is_reference(span_of(nlp, sentence, phrase)) is expected
