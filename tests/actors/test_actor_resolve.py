"""Actor resolution on news-like sentences: (sentence, phrase) -> party fields."""

from __future__ import annotations

from datetime import date

import pytest

import tacitus.actors
from tacitus.actors import get_resolver

WHEN = date(2019, 12, 30)


def span_of(nlp, sentence: str, phrase: str):
    doc = nlp(sentence)
    start = sentence.index(phrase)
    span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
    assert span is not None, phrase
    return span


# (sentence, phrase) -> (id, country, sector, kind)
CASES = [
    ("US forces launched air strikes on five Kataib Hezbollah facilities in Iraq and Syria.",
     "US forces", ("USAMIL", "USA", "MIL", "state")),
    ("At least 25 fighters of Kataib Hezbollah were killed in the strikes, Iraqi officials said.",
     "At least 25 fighters of Kataib Hezbollah", ("IRQ-PMF-KH", "IRQ", "UAF", "non-state armed")),
    ("At least 25 fighters of Kataib Hezbollah were killed in the strikes, Iraqi officials said.",
     "Iraqi officials", ("IRQGOV", "IRQ", "GOV", "state")),
    ("The Pentagon said the strikes were a response to a rocket attack on a base near Kirkuk.",
     "The Pentagon", ("USA-DOD", "USA", "MIL", "state")),
    ("Israel's foreign minister called the report a fabrication.",
     "Israel's foreign minister", ("ISRGOV", "ISR", "GOV", "state")),
    ("The bill was drafted by a parliamentary alliance close to the militias.",
     "a parliamentary alliance", ("PTY", None, "PTY", "political")),
    ("Police fired tear gas at demonstrators in Basra on Sunday.",
     "Police", ("COP", None, "COP", "state")),
    ("Hundreds of protesters stormed the compound in Baghdad on Tuesday.",
     "Hundreds of protesters", ("OPP", None, "OPP", "civilian")),
    ("US drone strikes killed two commanders near Baghdad airport.",
     "US drone strikes", ("USAMIL", "USA", "MIL", "state")),
    ("Police in Baghdad arrested three suspects.",
     "Police in Baghdad", ("IRQCOP", "IRQ", "COP", "state")),
    ("US forces in Iraq were placed on high alert.",
     "US forces in Iraq", ("USAMIL", "USA", "MIL", "state")),
    ("Turkish-backed Syrian fighters entered the town.",
     "Turkish-backed Syrian fighters", ("SYRREB", "SYR", "REB", "non-state armed")),
    ("Iraqi security forces clashed with gunmen overnight.",
     "Iraqi security forces", ("IRQMIL", "IRQ", "MIL", "state")),
    ("The Iraqi parliament voted to expel foreign troops.",
     "The Iraqi parliament", ("IRQLEG", "IRQ", "LEG", "state")),
    ("Iraq's Ministry of Defence said the drills would continue.",
     "Iraq's Ministry of Defence", ("IRQGOV", "IRQ", "GOV", "state")),
    ("The British Ministry of Defence confirmed the deployment.",
     "The British Ministry of Defence", ("GBR-MOD", "GBR", "MIL", "state")),
    ("The Popular Mobilization Forces denied any role in the attack.",
     "The Popular Mobilization Forces", ("IRQ-PMF", "IRQ", "UAF", "non-state armed")),
    ("Mourners chanted slogans in support of the Hashd al-Shaabi.",
     "the Hashd al-Shaabi", ("IRQ-PMF", "IRQ", "UAF", "non-state armed")),
    ("A spokesman for Kata'ib Hizballah vowed revenge.",
     "A spokesman for Kata'ib Hizballah", ("IRQ-PMF-KH", "IRQ", "UAF", "non-state armed")),
    ("Asaib Ahl al-Haq leader Qais al-Khazali was sanctioned.",
     "Asaib Ahl al-Haq leader Qais al-Khazali", ("IRQ-PMF-AAH", "IRQ", "UAF", "non-state armed")),
    ("Harakat al-Nujaba threatened US troops.", "Harakat al-Nujaba",
     ("IRQ-PMF-NUJABA", "IRQ", "UAF", "non-state armed")),
    ("The Badr Organization holds seats in parliament.", "The Badr Organization",
     ("IRQ-PMF-BADR", "IRQ", "UAF", "non-state armed")),
    ("Kataib Sayyid al-Shuhada fighters crossed into Syria.", "Kataib Sayyid al-Shuhada fighters",
     ("IRQ-PMF-KSS", "IRQ", "UAF", "non-state armed")),
    ("The IRGC seized a tanker in the Strait of Hormuz.", "The IRGC", ("IRN-IRGC", "IRN", "MIL", "state")),
    ("The commander of the Quds Force was killed.", "The commander of the Quds Force",
     ("IRN-IRGC-QF", "IRN", "MIL", "state")),
    ("Hezbollah fired anti-tank missiles across the border.", "Hezbollah",
     ("LBN-HEZBOLLAH", "LBN", "UAF", "non-state armed")),
    ("Yemen's Houthi rebels claimed the drone attack.", "Yemen's Houthi rebels",
     ("YEM-HOUTHI", "YEM", "REB", "non-state armed")),
    ("Ansar Allah said it had targeted an oil facility.", "Ansar Allah",
     ("YEM-HOUTHI", "YEM", "REB", "non-state armed")),
    ("The Kurdish-led SDF captured the last ISIS enclave.", "The Kurdish-led SDF",
     ("SYR-SDF", "SYR", "REB", "non-state armed")),
    ("Turkey shelled YPG positions east of the Euphrates.", "YPG positions",
     ("SYR-YPG", "SYR", "REB", "non-state armed")),
    ("PKK militants attacked a police station.", "PKK militants", ("TUR-PKK", "TUR", "REB", "non-state armed")),
    ("Daesh claimed responsibility for the bombing.", "Daesh", ("ISIS", None, "REB", "non-state armed")),
    ("Remnants of the Islamic State group remain active.", "Remnants of the Islamic State group",
     ("ISIS", None, "REB", "non-state armed")),
    ("An al-Qaeda affiliate in Yemen claimed the attack.", "An al-Qaeda affiliate",
     ("AQ", None, "REB", "non-state armed")),
    ("Al-Shabaab fighters overran a military base.", "Al-Shabaab fighters",
     ("SOM-SHABAAB", "SOM", "REB", "non-state armed")),
    ("Boko Haram abducted dozens of students.", "Boko Haram", ("NGA-BOKOHARAM", "NGA", "REB", "non-state armed")),
    ("ISWAP fighters ambushed a convoy in Borno.", "ISWAP fighters", ("NGA-ISWAP", "NGA", "REB", "non-state armed")),
    ("Hamas fired rockets towards Tel Aviv.", "Hamas", ("PSE-HAMAS", "PSE", "REB", "non-state armed")),
    ("Islamic Jihad said two of its members were killed.", "Islamic Jihad",
     ("PSE-PIJ", "PSE", "REB", "non-state armed")),
    ("HTS controls most of Idlib province.", "HTS", ("SYR-HTS", "SYR", "REB", "non-state armed")),
    ("JNIM claimed the attack on the army post.", "JNIM", ("MLI-JNIM", "MLI", "REB", "non-state armed")),
    ("Wagner Group mercenaries were deployed to Libya.", "Wagner Group mercenaries",
     ("RUS-WAGNER", "RUS", "UAF", "non-state armed")),
    ("Tigray forces retook the regional capital.", "Tigray forces",
     ("ETH-TIGRAY", "ETH", "REB", "non-state armed")),
    ("NATO allies condemned the attack.", "NATO allies", ("IGO-NATO", None, "IGO", "international")),
    ("The EU imposed new sanctions.", "The EU", ("IGO-EU", None, "IGO", "international")),
    ("The African Union suspended Mali.", "The African Union", ("IGO-AU", None, "IGO", "international")),
    ("The UN called for restraint.", "The UN", ("IGO-UN", None, "IGO", "international")),
    ("The UN refugee agency said 10,000 people had fled.", "The UN refugee agency",
     ("IGO-UN-UNHCR", None, "IGO", "international")),
    ("The Arab League held an emergency meeting.", "The Arab League",
     ("IGO-ARABLEAGUE", None, "IGO", "international")),
    ("ECOWAS threatened military intervention in Niger.", "ECOWAS", ("IGO-ECOWAS", None, "IGO", "international")),
    ("The Fatah Alliance is the second-largest bloc in parliament.", "The Fatah Alliance",
     ("IRQ-FATAH", "IRQ", "PTY", "political")),
    ("Sairoon, backed by Moqtada al-Sadr, won the most seats.", "Sairoon",
     ("IRQ-SAIROON", "IRQ", "PTY", "political")),
    ("The White House said the strike was defensive.", "The White House",
     ("USA-WHITEHOUSE", "USA", "GOV", "state")),
    ("The Kremlin denied the report.", "The Kremlin", ("RUS-KREMLIN", "RUS", "GOV", "state")),
    ("The State Department ordered non-emergency staff to leave.", "The State Department",
     ("USA-STATE", "USA", "GOV", "state")),
    ("Ayatollah Ali Khamenei vowed harsh revenge.", "Ayatollah Ali Khamenei", ("IRNGOV", "IRN", "GOV", "state")),
    ("The US-led coalition paused its operations.", "The US-led coalition",
     ("IGO-COALITION-OIR", None, "MIL", "international")),
    ("Riot police fired on anti-government protesters.", "anti-government protesters",
     ("OPP", None, "OPP", "civilian")),
    ("Russian-backed separatists shelled the village.", "Russian-backed separatists",
     ("REB", None, "REB", "non-state armed")),
    ("The Arakan Army seized the town of Pauktaw.", "The Arakan Army",
     ("MMR-AA", "MMR", "REB", "non-state armed")),
    ("The Chinland Defence Army seized the town.", "The Chinland Defence Army",
     ("CHINLAND-DEFENCE-ARMY", None, "REB", "non-state armed")),
    ("The opposition Lakeland Democratic Party condemned the arrests.",
     "The opposition Lakeland Democratic Party", ("LAKELAND-DEMOCRATIC-PARTY", None, "PTY", "political")),
    ("The opposition Peoples Democratic Party condemned the arrests.",
     "The opposition Peoples Democratic Party", ("NGA-PDP", "NGA", "PTY", "political")),
    ("Amnesty International condemned the arrests.", "Amnesty International",
     ("NGO-AMNESTY", None, "NGO", "international")),
    ("Israeli strikes on Hezbollah positions continued overnight.", "Israeli strikes on Hezbollah positions",
     ("ISRMIL", "ISR", "MIL", "state")),
    ("Protesters against Saddam Hussein gathered in London.", "Protesters against Saddam Hussein",
     ("OPP", None, "OPP", "civilian")),
    ("The government of President Muhammadu Buhari denied the claim.",
     "The government of President Muhammadu Buhari", ("NGAGOV", "NGA", "GOV", "state")),
]


@pytest.mark.parametrize("sentence, phrase, expected", CASES)
def test_resolve_span(nlp, sentence, phrase, expected):
    party = get_resolver().resolve_span(span_of(nlp, sentence, phrase), WHEN)
    assert party is not None
    assert (party.id, party.country, party.sector, party.kind) == expected
    assert party.text == phrase


@pytest.mark.parametrize("sentence, phrase", [
    ("The attack was a response to a rocket attack on a base.", "a rocket attack"),
    ("A spokesman declined to comment.", "A spokesman"),
    ("Soleimani was killed near Baghdad airport.", "near Baghdad airport"),
    ("They told us the building was empty.", "us"),
    ("Who fired the rockets is unclear.", "Who"),
    ("The strikes hit a warehouse.", "The strikes"),
])
def test_phrases_naming_no_party(nlp, sentence, phrase):
    assert get_resolver().resolve_span(span_of(nlp, sentence, phrase), WHEN) is None


@pytest.mark.parametrize("text, when, expected", [
    ("Hamid Karzai", date(1990, 1, 1), ("AFGELI", "ELI")),
    ("Hamid Karzai", date(2005, 6, 1), ("AFGGOV", "GOV")),
    ("Saddam Hussein", date(1995, 1, 1), ("IRQGOV", "GOV")),
    ("Saddam Hussein", date(2005, 1, 1), ("IRQELI", "ELI")),
    ("Saddam Hussein", None, ("IRQELI", "ELI")),  # undated role when no date is known
    ("President Saddam Hussein", None, ("IRQGOV", "GOV")),  # the title says what he is
    ("Hamid Karzai's government", None, ("AFGGOV", "GOV")),
    ("President Omar Hassan al-Bashir", None, ("GOV", "GOV")),  # not Jordan's "Hassan"
    ("the Taliban", date(2019, 1, 1), ("AFG-TALIBAN", "REB")),
    ("the Taliban government", date(2022, 1, 1), ("AFG-TALIBAN", "GOV")),  # its government only
    ("the RSF", date(2020, 1, 1), ("SDN-RSF", "MIL")),
    ("the RSF", date(2024, 1, 1), ("SDN-RSF", "REB")),
])
def test_date_dependent_roles(text, when, expected):
    party = get_resolver().resolve_text(text, when)
    assert party is not None
    assert (party.id, party.sector) == expected


def test_readable_names():
    resolver = get_resolver()
    assert resolver.resolve_text("US forces").name == "United States military"
    assert resolver.resolve_text("Iraqi officials").name == "Iraqi government"
    assert resolver.resolve_text("Hamid Karzai").name == "Hamid Karzai"


def test_localise_agent_parties():
    resolver = get_resolver()
    police = resolver.localise(resolver.resolve_text("riot police"), "IRQ")
    assert (police.id, police.name, police.country, police.sector) == ("IRQCOP", "Iraqi police", "IRQ", "COP")
    hezbollah = resolver.resolve_text("Hezbollah")
    assert resolver.localise(hezbollah, "IRQ") == hezbollah


def test_provenance_names_the_entries():
    resolution = get_resolver().explain_text("Iraqi officials")
    assert resolution is not None
    assert "Phoenix.Countries.actors.txt:" in resolution.provenance
    assert "agent_nouns.yaml:" in resolution.provenance


@pytest.mark.parametrize("text, expected", [
    ("Iraqi", "IRQ"), ("US", "USA"), ("U.S.", "USA"), ("American", "USA"), ("Israel's", "ISR"),
    ("Iranian", "IRN"), ("Japan", "JPN"), ("officials", None), ("Hezbollah", None), ("", None),
])
def test_country_of(text, expected):
    assert get_resolver().country_of(text) == expected


def test_public_exports():
    assert sorted(tacitus.actors.__all__) == [
        "ActorResolver", "Resolution", "get_resolver", "is_reference", "localise_parties",
        "resolve_reference",
    ]
