"""Parties a modern news reader meets (written for these tests, not taken from any gold set):
demonyms and peoples, capitals and seats of government standing for their state, ministries,
security services and armed groups with and without their country, international bodies,
unlisted organisations, and references back to a named party ("the coalition", "the group")."""

from __future__ import annotations

from datetime import date

import pytest

from tacitus.actors import get_resolver, resolve_reference
from tacitus.api import extract_text
from tacitus.eval.system import main_event
from tacitus.model import Party

WHEN = date(2024, 5, 1)

# (phrase, id, country, sector)
PHRASES = [
    # demonyms and peoples: a people with a state is that state; one without is its civilians
    ("Ukrainians", "UKR", "UKR", None),
    ("Yemenis", "YEM", "YEM", None),
    ("Serbs", "SRB", "SRB", None),
    ("Nepalis", "NPL", "NPL", None),
    ("Brits", "GBR", "GBR", None),
    ("the Rohingya", "CVL", None, "CVL"),
    ("Kurds", "CVL", None, "CVL"),
    ("Uyghurs", "CVL", None, "CVL"),
    ("Iraqi Kurds", "IRQCVL", "IRQ", "CVL"),
    ("Kurdish fighters", "REB", None, "REB"),           # the force, not the people, is the head
    ("Rohingya refugees", "REF", None, "REF"),
    ("herders", "AGR", None, "AGR"),
    ("vigilantes", "UAF", None, "UAF"),
    # capitals and seats of government
    ("Kyiv", "UKR", "UKR", None),
    ("Tehran", "IRN", "IRN", None),
    ("the Kremlin", "RUS-KREMLIN", "RUS", "GOV"),
    ("Beijing", "CHN", "CHN", None),
    ("Downing Street", "GBR-DOWNINGST", "GBR", "GOV"),
    ("the White House", "USA-WHITEHOUSE", "USA", "GOV"),
    ("the British Foreign Office", "GBR-FCDO", "GBR", "GOV"),
    ("the German Foreign Office", "DEUGOV", "DEU", "GOV"),   # no British office by its name alone
    # ministries, services and armed groups
    ("Russia's defence ministry", "RUSGOV", "RUS", "GOV"),
    ("Iran's Revolutionary Guards", "IRN-IRGC", "IRN", "MIL"),
    ("the IRGC", "IRN-IRGC", "IRN", "MIL"),
    ("the Houthis", "YEM-HOUTHI", "YEM", "REB"),
    ("al-Shabaab", "SOM-SHABAAB", "SOM", "REB"),
    ("ISWAP", "NGA-ISWAP", "NGA", "REB"),
    ("IS fighters", "ISIS", None, "REB"),
    ("the SBU", "UKR-SBU", "UKR", "SPY"),
    ("the Islamic Resistance in Iraq", "IRQ-IRI", "IRQ", "UAF"),  # not Lebanon's "Islamic Resistance"
    ("the Haqqani network", "AFG-HAQQANI", "AFG", "REB"),
    ("Abu Sayyaf gunmen", "PHL-ABUSAYYAF", "PHL", "REB"),
    ("Fano militiamen", "ETH-FANO", "ETH", "UAF"),
    ("the Tatmadaw", "MMR-TATMADAW", "MMR", "MIL"),
    ("the FDLR", "RWA-FDLR", "RWA", "REB"),
    # international bodies
    ("The IMF", "IGO-IMF", None, "IGO"),                     # a capitalised "The" starts no name
    ("UNRWA", "IGO-UN-UNRWA", None, "IGO"),
    ("the OSCE", "IGO-OSCE", None, "IGO"),
    ("The G7", "IGO-G7", None, "IGO"),
    ("the World Court", "IGO-ICJ", None, "IGO"),
    ("The OAS", "IGOOAS", None, "IGO"),
]


@pytest.mark.parametrize(("text", "party_id", "country", "sector"), PHRASES)
def test_resolves_phrase(text, party_id, country, sector):
    party = get_resolver().resolve_text(text, WHEN)
    assert party is not None
    assert (party.id, party.country, party.sector) == (party_id, country, sector)


def test_armoured_vehicle_is_no_party():
    """Acronyms that are also common nouns ("an APC") are not listed as parties."""
    assert get_resolver().resolve_text("an APC", WHEN) is None


# (sentence, actor id, actor country, recipient country or None)
SENTENCES = [
    ("KYIV, May 1 (Reuters) - The foreign minister condemned the Russian strike on the port.",
     "UKRGOV", "UKR", "RUS"),
    ("The Kremlin accused Kyiv of attacking a Russian border village.", "RUS-KREMLIN", "RUS", "UKR"),
    ("Beijing warned Taipei against declaring independence.", "CHN", "CHN", "TWN"),
    ("Downing Street condemned the arrest of the British journalist in Tehran.", "GBR-DOWNINGST", "GBR", None),
    ("The Houthis attacked a cargo ship in the Red Sea.", "YEM-HOUTHI", "YEM", None),
    ("ISWAP fighters killed 12 soldiers in Borno state.", "NGA-ISWAP", "NGA", "NGA"),
    ("The Islamic Resistance in Iraq claimed a drone attack on a US base.", "IRQ-IRI", "IRQ", "USA"),
    ("The IMF approved a loan for Pakistan.", "IGO-IMF", None, None),
    ("The OSCE urged both sides to respect the ceasefire.", "IGO-OSCE", None, None),
    ("LAGOS, May 1 (AFP) - Protesters blocked the main highway to demand lower fuel prices.",
     "NGAOPP", "NGA", "NGA"),
    ("Assailants killed a priest in Burkina Faso.", "BFAUAF", "BFA", "BFA"),
    ("Serbs blocked roads in northern Kosovo.", "SRB", "SRB", None),
    # an event noun sought, threatened or offered is the subject's act
    ("The government will seek new sanctions against Russia.", None, "RUS", "RUS"),
    ("The Turkish foreign minister proposed talks with Greece.", "TURGOV", "TUR", "GRC"),
    # an organisation no dictionary lists is a local one
    ("The Chinland Defence Army captured the town of Falam in western Myanmar.",
     "MMR-CHINLAND-DEFENCE-ARMY", "MMR", "MMR"),
    ("Fighters of the Ambazonia Defence Forces attacked a police post in Bamenda, Cameroon.",
     "CMR-AMBAZONIA", "CMR", "CMR"),
    # a town the act is done to, written as part of the place, is its country
    ("Russian forces captured the town of Avdiivka.", "RUSMIL", "RUS", "UKR"),
    # conjoined subjects of a signing or agreeing verb act with each other
    ("Colombia and Venezuela signed an agreement to reopen their border.", "COL", "COL", "VEN"),
    ("Israel and Hamas agreed to a truce.", "ISR", "ISR", "PSE"),
    ("The government and the rebels held talks in Juba.", "SSDGOV", "SSD", "SSD"),
    # passive agents, possessive owners and the peoples of a place
    ("Two aid workers were abducted by gunmen in North Darfur.", "SDNUAF", "SDN", "SDN"),
    ("The Houthis said their fighters had shot down a US drone over Marib.", "YEM-HOUTHI", "YEM", "USA"),
    # one withdraws envoys from a country, or bans its goods, as a sanction on it
    ("Britain withdrew its ambassador from Iran.", "GBR", "GBR", "IRN"),
    ("The EU banned imports from Belarus.", "IGO-EU", None, "BLR"),
    # whom aid is for may hang inside what is given
    ("Germany pledged 500 million euros in military aid to Ukraine.", "DEU", "DEU", "UKR"),
    # with no place told, those a state's force acts on are of its own state
    ("Pakistani security forces killed six militants in a raid in North Waziristan.", "PAKMIL", "PAK", "PAK"),
    # a court or police force acts on its own state's people, wherever else the sentence points
    (("An Argentine judge ordered former president Carlos Menem to appear for questioning over arms "
      "sales to Croatia."), "ARGJUD", "ARG", "ARG"),
]


@pytest.mark.parametrize(("sentence", "actor_id", "actor_country", "recipient_country"), SENTENCES)
def test_sentence_parties(sentence, actor_id, actor_country, recipient_country):
    event = main_event(extract_text(sentence, published=WHEN))
    assert event is not None and event.actor is not None
    if actor_id is not None:
        assert event.actor.id == actor_id
    assert event.actor.country == actor_country
    if recipient_country is not None:
        assert event.recipient is not None and event.recipient.country == recipient_country


def test_description_prefers_named_party_over_generic_agent():
    """'the coalition' points back to the Saudi-led coalition named in a clause that is no
    event's role, not to the nearer "coalition warplanes", which names no state."""
    text = ("The Houthi leader warned that his fighters would strike Saudi territory if the Saudi-led "
            "coalition kept bombing the north. On Saturday coalition warplanes struck a market in Saada. "
            "The coalition then bombed a weapons depot.")
    events = extract_text(text, published=WHEN).events
    referring = [e for e in events if "'The coalition'" in e.provenance.get("actor", "")]
    assert referring and all(e.actor is not None and e.actor.id == "IGO-COALITION-YEMEN" for e in referring)


def test_group_never_points_back_to_a_person(nlp):
    """'the group' is no unlisted person named before it ("Attaullah Khogyani"), though the
    dictionaries cannot tell that the name is a person's."""
    doc = nlp("The group denied any involvement.")
    taliban = get_resolver().resolve_text("the Taliban", WHEN)
    person = Party(text="Attaullah Khogyani", name="Attaullah Khogyani", id="ATTAULLAH_KHOGYANI",
                   country=None, sector=None, kind="other")
    assert taliban is not None
    assert resolve_reference(doc[0:2], [taliban, person]) == person
    assert resolve_reference(doc[0:2], [taliban, person], people={person.id}) == taliban


@pytest.mark.parametrize(("text", "actor_id"), [
    # a surname alone is the party the name was introduced with, by its title ...
    (("Lagos police spokesman Bala Elkana said the activists had been arrested. "
      "Elkana accused the activists of planning to defy the lockdown."), "NGACOP"),
    # ... or by an apposition (a generic office, which then takes the event's country)
    (("A bomb killed two soldiers near Jalalabad, according to Attaullah Khogyani, a spokesman for "
      "the provincial governor. Khogyani accused the Taliban of the attack."), "AFGGOV"),
])
def test_surname_refers_to_the_titled_name(text, actor_id):
    accusations = [e for e in extract_text(text, published=WHEN).events if e.type == "ACCUSE"]
    assert accusations and accusations[0].actor is not None
    assert (accusations[0].actor.id, accusations[0].actor.text) == (actor_id, text.split(". ")[-1].split()[0])
    assert "named earlier" in accusations[0].provenance["actor"]


@pytest.mark.parametrize(("sentence", "actor_id"), [
    ("The Jalalabad blast killed three people.", None),        # a town before the event noun: where
    ("US airstrikes killed 12 militants in Somalia.", "USA"),  # a state's name or abbreviation: who
    ("Israeli strikes killed 20 people in Gaza.", "ISR"),
    ("Hezbollah attacks killed two soldiers.", "LBN-HEZBOLLAH"),
])
def test_town_modifying_event_noun_is_no_actor(sentence, actor_id):
    event = main_event(extract_text(sentence, published=WHEN))
    assert event is not None
    if actor_id is None:
        assert event.actor is None or "modifying the event noun" not in event.provenance.get("actor", "")
    else:
        assert event.actor is not None and event.actor.id == actor_id

