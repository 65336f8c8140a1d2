"""Speakers: appositions, titles, pronouns and descriptions resolved to the party who spoke."""

from __future__ import annotations

from datetime import date

import pytest

from tacitus.statements.quotes import Statement, statements

WHEN = date(2023, 5, 5)


def _by_text(found: list[Statement], text: str) -> Statement:
    matches = [s for s in found if s.text == text]
    assert matches, f"no statement {text!r} in {[s.text for s in found]}"
    return matches[0]


def _speaks(statement: Statement, speaker: str) -> bool:
    party = statement.speaker
    return party is not None and speaker.lower() in f"{party.name} {party.text}".lower()


@pytest.mark.parametrize("text, quote, speaker", [
    # a name in apposition to a title, either way round, and after an inverted "said"
    ("Qais al-Khazali, the leader of Asaib Ahl al-Haq, said the Americans would pay a heavy price.",
     "the Americans would pay a heavy price", "Qais al-Khazali"),
    ('"We will not let this pass," said Ahmed Mohammed, a spokesman for the Basra provincial council.',
     "We will not let this pass,", "Ahmed Mohammed"),
    ("Its spokesman, Brigadier Nabil Abdallah, said the RSF had attacked the city from three directions.",
     "the RSF had attacked the city from three directions", "Nabil Abdallah"),
    ("The Congolese army spokesman, General Sylvain Ekenge, said Rwanda was backing the rebels.",
     "Rwanda was backing the rebels", "Sylvain Ekenge"),
    # a name the small model does not tag as a person, known as one by its cues
    ('"There is no army here," said Natalia Ivanenko, 64, who lives across the street.',
     "There is no army here,", "Natalia Ivanenko"),
    # a hyphen-joined surname is the whole name, and takes the full name given earlier
    ('Abdul-Malik al-Houthi spoke on television. "Our response will be painful," al-Houthi said.',
     "Our response will be painful,", "Abdul-Malik al-Houthi"),
    # "who" climbs from the organisation the parser hung it on to the person
    (("The fight lasted an hour, according to Lieutenant General Cirilito Sobejana, commander of the "
     "Western Mindanao Command, who said troops were pursuing the militants."),
     "troops were pursuing the militants", "Cirilito Sobejana"),
    # an unknown organisation named inside a generic phrase
    ("According to the shipping firm Maersk, the detours add up to two weeks to voyages.",
     "the detours add up to two weeks to voyages", "Maersk"),
    ("The dissident group, known as the Estado Mayor Central, said the soldiers had entered its territory.",
     "the soldiers had entered its territory", "Estado Mayor Central"),
    # a statement's medium speaks for its owner
    ("A statement from the Kenyan foreign ministry said the envoy had been summoned.",
     "the envoy had been summoned", "Kenya"),
    # the whole name of an organisation the parse splits at a preposition
    (("The Group for the Support of Islam and Muslims claimed the raid, saying its fighters had "
     '"punished the occupiers\' allies" in Sokolo.'), "punished the occupiers' allies", "JNIM"),
])
def test_named_speaker(nlp, text: str, quote: str, speaker: str) -> None:
    found, _ = statements(nlp(text), WHEN)
    assert _speaks(_by_text(found, quote), speaker)


@pytest.mark.parametrize("text, quote, speaker", [
    # "he" takes the subject of the previous sentence, a titled one included, not the last speaker
    (('A ministry spokesman, Igor Konashenkov, said no homes had been hit. Ukraine\'s foreign minister '
     'called for more air defence. "Every day of delay costs lives," he said.'),
     "Every day of delay costs lives,", "foreign minister"),
    (('Zaw Min Tun told reporters the sentence had been reduced by the head of the government. '
     '"The chairman has shown mercy," he said.'), "The chairman has shown mercy,", "Zaw Min Tun"),
    # names inside quotation marks are never antecedents
    ('President Gustavo Petro said the talks would go on. "Ask Ivan Duque, he will tell you," he added.',
     "Ask Ivan Duque, he will tell you,", "Gustavo Petro"),
    # a definite title: the last person holding it
    (("Babagana Zulum, the Borno state governor, visited the village. The governor said the toll "
     "could rise."), "the toll could rise", "Babagana Zulum"),
    # an unnamed title named in the next sentence
    (("Colombia's defence minister said soldiers had been killed in Cauca. \"There will be no "
     'impunity," Minister Ivan Velasquez told reporters.'), "soldiers had been killed in Cauca",
     "Ivan Velasquez"),
    # "it" takes the last organisation that spoke
    ("The ministry said the border would stay closed. It warned that smugglers would be arrested.",
     "smugglers would be arrested", "government"),
])
def test_reference_speaker(nlp, text: str, quote: str, speaker: str) -> None:
    found, _ = statements(nlp(text), WHEN)
    assert _speaks(_by_text(found, quote), speaker)


@pytest.mark.parametrize("text, quote, speaker", [
    # a description without a name: the earlier organisation of that kind
    (("Fighting has killed 27 people, according to Medecins Sans Frontieres. The medical charity said "
     "its teams were running out of supplies."), "its teams were running out of supplies",
     "Medecins Sans Frontieres"),
    # else the organ of the country the report is about
    ("Malian gendarmes were killed in Sokolo, in central Mali, the army said.",
     "Malian gendarmes were killed in Sokolo, in central Mali", "Malian"),
    # a capitalised name is not a description, even when unknown to the dictionaries
    (("The Islamic State group claimed the attack. According to the International Organization for "
     "Migration, 8,000 people have arrived."), "8,000 people have arrived",
     "International Organization for Migration"),
])
def test_description_speaker(nlp, text: str, quote: str, speaker: str) -> None:
    found, _ = statements(nlp(text), WHEN)
    assert _speaks(_by_text(found, quote), speaker)
