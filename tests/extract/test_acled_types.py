"""Sentences -> ACLED event type and sub-event type of the main event (``acled_rules.yaml``).

The sentences are written for these tests from the ACLED codebook's definition of each
sub-event type (not taken from any gold set): the weapon decides among the remote-violence
types, whether the target is armed decides Attack vs Armed clash, the force used decides among
the protest types, and the strategic developments are named by what changed hands or status.
"""

from __future__ import annotations

import pytest

from tacitus.errors import ResourceError
from tacitus.extract import events, main_event
from tacitus.extract.acled import Facts, _rule, classify, rules
from tacitus.model import Article, Event

NONE = (None, None)
BATTLES, REMOTE, VAC = "Battles", "Explosions/Remote violence", "Violence against civilians"
PROTESTS, RIOTS, STRATEGIC = "Protests", "Riots", "Strategic developments"

CASES = [
    # Battles
    ("Government troops and rebels exchanged fire for hours near the town of Beni on Tuesday.",
     BATTLES, "Armed clash"),
    (("Soldiers clashed with Al-Shabaab militants at a military base in Lower Shabelle, leaving "
      "ten fighters dead."), BATTLES, "Armed clash"),
    ("The Syrian army recaptured the town of Khan Sheikhoun from rebel fighters on Friday.",
     BATTLES, "Government regains territory"),
    ("Islamic State militants seized control of the town of Palmyra after heavy fighting.",
     BATTLES, "Non-state actor overtakes territory"),
    # Explosions / remote violence
    ("Russian warplanes bombed a market in Idlib on Monday, killing 15 people.",
     REMOTE, "Air/drone strike"),
    ("A US drone strike killed two al-Qaeda commanders in Marib province.",
     REMOTE, "Air/drone strike"),
    ("Rebels fired mortar shells at the city of Donetsk overnight, wounding three residents.",
     REMOTE, "Shelling/artillery/missile attack"),
    ("Militants attacked an army post using anti-aircraft guns and rocket-propelled grenades.",
     REMOTE, "Shelling/artillery/missile attack"),
    ("A roadside bomb exploded under a police vehicle in Kandahar, killing four officers.",
     REMOTE, "Remote explosive/landmine/IED"),
    ("A landmine killed two shepherds near the border on Sunday.",
     REMOTE, "Remote explosive/landmine/IED"),
    ("A suicide bomber blew himself up at a wedding hall in Kabul, killing 63 people.",
     REMOTE, "Suicide bomb"),
    ("Unknown assailants hurled a grenade at a police station in Srinagar, injuring two people.",
     REMOTE, "Grenade"),
    ("Government helicopters dropped barrels filled with chlorine gas on the town, residents said.",
     REMOTE, "Chemical weapon"),
    # Violence against civilians
    ("Gunmen shot dead five villagers in their homes in Zamfara state on Sunday.",
     VAC, "Attack"),
    ("Armed men abducted 30 students from a boarding school in Kaduna state.",
     VAC, "Abduction/forced disappearance"),
    ("Soldiers raped at least ten women during a raid on the village, a UN report said.",
     VAC, "Sexual violence"),
    # Protests and riots
    ("Thousands of teachers marched peacefully through the capital to demand higher pay.",
     PROTESTS, "Peaceful protest"),
    ("Police fired tear gas and water cannon to disperse students protesting tuition fees.",
     PROTESTS, "Protest with intervention"),
    ("Security forces opened fire on protesters in Khartoum, killing at least seven people.",
     PROTESTS, "Excessive force against protesters"),
    ("Protesters threw stones at police and set tyres on fire during the demonstration.",
     RIOTS, "Violent demonstration"),
    ("An angry mob lynched a man accused of theft in the market.",
     RIOTS, "Mob violence"),
    # Strategic developments
    ("Police arrested the opposition leader at his home in Kampala on Thursday.",
     STRATEGIC, "Arrests"),
    ("Security forces conducted raids to detain members of the banned party.",
     STRATEGIC, "Arrests"),
    ("The army defused a roadside bomb planted near the market.",
     STRATEGIC, "Disrupted weapons use"),
    ("Police found a cache of weapons and explosives in an abandoned house.",
     STRATEGIC, "Disrupted weapons use"),
    ("Turkey deployed more troops and tanks to its observation posts in Idlib.",
     STRATEGIC, "Change to group/activity"),
    ("The warring parties signed a ceasefire agreement in Khartoum on Saturday.",
     STRATEGIC, "Agreement"),
    ("Government forces took control of the town after Kurdish fighters withdrew from it.",
     STRATEGIC, "Non-violent transfer of territory"),
    ("Militants looted shops and burned houses in the village.",
     STRATEGIC, "Looting/property destruction"),
    ("Rebels established a new base on the outskirts of the town.",
     STRATEGIC, "Headquarters or base established"),
    # the known hard cuts: who was targeted, what weapon, what the crowd did
    ("Gunmen opened fire on worshippers at a mosque in Kano, killing 12 people.", VAC, "Attack"),
    ("Militants attacked a bus carrying passengers on the highway, killing nine.", VAC, "Attack"),
    ("Unidentified gunmen stabbed a journalist to death outside his home in Karachi, police said.",
     VAC, "Attack"),
    ("Soldiers beat and shot unarmed civilians at a checkpoint.", VAC, "Attack"),
    ("Gunmen killed a tribal elder in Waziristan on Sunday.", VAC, "Attack"),
    # an assassination is one-sided, even of an armed official
    ("Militants assassinated a provincial police chief in Kandahar on Monday.", VAC, "Attack"),
    ("Unknown gunmen killed the district governor as he left a mosque.", VAC, "Attack"),
    (("Taliban fighters attacked a police checkpoint in Kunduz, sparking a gunfight that lasted "
      "three hours."), BATTLES, "Armed clash"),
    ("Troops killed 12 militants in an ambush in North Waziristan, the army said.",
     BATTLES, "Armed clash"),
    ("Islamic State militants overran an army base in Anbar.",
     BATTLES, "Non-state actor overtakes territory"),
    ("Demonstrators hurled rocks and petrol bombs at riot police in Santiago.",
     RIOTS, "Violent demonstration"),
    ("Hundreds of protesters stormed the governor's office and set cars on fire.",
     RIOTS, "Violent demonstration"),
    ("Rioters clashed with police and looted shops in the city centre.",
     RIOTS, "Violent demonstration"),
    ("A crowd of villagers attacked and burned the house of a man accused of witchcraft.",
     RIOTS, "Mob violence"),
    ("Police violently dispersed the protest, injuring dozens of demonstrators.",
     PROTESTS, "Excessive force against protesters"),
    ("Hundreds of farmers staged a sit-in outside the ministry to demand subsidies.",
     PROTESTS, "Peaceful protest"),
    ("Israeli tanks shelled Hamas positions in the Gaza Strip.",
     REMOTE, "Shelling/artillery/missile attack"),
    ("Saudi air defences intercepted a ballistic missile fired at Riyadh.",
     STRATEGIC, "Disrupted weapons use"),
    ("Bomb disposal experts defused an explosive device found near a school.",
     STRATEGIC, "Disrupted weapons use"),
    ("Security agents abducted an activist from his home and his whereabouts remain unknown.",
     VAC, "Abduction/forced disappearance"),
    ("Security forces detained 15 suspected members of the Islamic State in Kirkuk.",
     STRATEGIC, "Arrests"),
    ("Rebels handed over control of the town to government forces under the deal.",
     STRATEGIC, "Non-violent transfer of territory"),
    ("Hundreds of fighters defected from the rebel group to join the government side.",
     STRATEGIC, "Change to group/activity"),
    ("Soldiers set fire to dozens of homes in the village of Kyauk Pyin.",
     STRATEGIC, "Looting/property destruction"),
    ("US forces established a military checkpoint near the city.",
     STRATEGIC, "Headquarters or base established"),
    ("A bus crashed into a truck on the highway, killing 15 passengers.", *NONE),
    ("A gas explosion at a restaurant killed four people.", *NONE),
    ("Police arrested a man for robbing three banks.", *NONE),
    ("The army said it had shot down two drones launched by Houthi rebels.",
     STRATEGIC, "Disrupted weapons use"),
    ("Security forces recovered a huge cache of arms and ammunition during a search operation.",
     STRATEGIC, "Disrupted weapons use"),
    ("Two people were wounded when an unidentified man tossed a grenade into a shop.",
     REMOTE, "Grenade"),
    ("Two soldiers were killed when their vehicle struck a landmine in Kidal.",
     REMOTE, "Remote explosive/landmine/IED"),
    ("Soldiers fired live rounds at protesters in Mandalay, killing a teenage boy.",
     PROTESTS, "Excessive force against protesters"),
    ("Two trains collided near the station, killing 30 people.", *NONE),
    # who acts and against whom: the unarmed, crowds punishing suspects, supporters, stone-throwers
    ("Soldiers opened fire on a crowd of unarmed villagers, killing 11.", VAC, "Attack"),
    ("Residents attacked and killed two suspected kidnappers in the village.",
     RIOTS, "Mob violence"),
    ("Angry residents beat a suspected thief to death in the market.", RIOTS, "Mob violence"),
    ("Two rival groups of supporters clashed with machetes after the election results.",
     RIOTS, "Mob violence"),
    ("Students pelted police with stones, and officers responded with tear gas.",
     RIOTS, "Violent demonstration"),
    ("Police used batons to break up a demonstration by nurses in Harare.",
     PROTESTS, "Protest with intervention"),
    ("Gunmen killed a village chief and burned his house.", VAC, "Attack"),
    ("Villagers burned down the houses of a rival clan.", RIOTS, "Mob violence"),
    ("Militants torched dozens of houses in the village.",
     STRATEGIC, "Looting/property destruction"),
    ("Over 40 fighters defected from the rebel group and joined the army.",
     STRATEGIC, "Change to group/activity"),
    ("Gunmen shot dead an opposition politician outside his home.", VAC, "Attack"),
    ("Police shot dead a teenager at a traffic stop.", VAC, "Attack"),
    ("Suspected militants hacked to death 10 farmers in their fields.", VAC, "Attack"),
    # a protest about violence is not a violent protest; firing in the air is no lethal force
    ("Thousands of women marched in Mexico City against gender violence.",
     PROTESTS, "Peaceful protest"),
    ("Hundreds of residents held a rally to protest against the attack on a local church.",
     PROTESTS, "Peaceful protest"),
    ("Hundreds of people marched to the police station to protest the killing of a young man.",
     PROTESTS, "Peaceful protest"),
    ("Police fired live ammunition into the air to disperse protesters in Lagos.",
     PROTESTS, "Protest with intervention"),
    ("A protester died after being hit by a tear gas canister.",
     PROTESTS, "Excessive force against protesters"),
    # Outside ACLED's categories
    ("The two countries signed a free trade agreement on Monday.", *NONE),
    ("Hackers attacked the computer systems of the central bank.", *NONE),
    ("Police arrested a man suspected of killing his wife.", *NONE),
    ("Officers arrested five people for illegal logging.", *NONE),
    ("Customs officers seized smuggled cigarettes at the border.", *NONE),
    ("A bus plunged into a ravine, killing 20 passengers.", *NONE),
    ("Cholera has killed 200 people in the region.", *NONE),
    ("The Islamic State claimed responsibility for the bombing in a statement on Telegram.",
     *NONE),
    ("A magnitude 6.4 earthquake struck the region, killing 20 people.", *NONE),
    ("A massive explosion at a chemical plant killed six workers.", *NONE),
    ("Police arrested three men suspected of drug trafficking.", *NONE),
    ("The United States imposed new sanctions on Russia over cyberattacks on its election.",
     *NONE),
    # statements about violence are not the violence; a claim does not erase the attack
    ("Amnesty International condemned the firing on protesters by security forces.", *NONE),
    ("The defence minister accused the rebels of kidnapping aid workers.", *NONE),
    ("The prime minister called on protesters to go home.", *NONE),
    ("Iraqi forces raised their alert level on Monday.", *NONE),
    (("A roadside bomb killed three soldiers in Kandahar on Sunday. The Taliban claimed "
      "responsibility for the attack."), REMOTE, "Remote explosive/landmine/IED"),
]


def category(event: Event | None) -> tuple[str | None, str | None]:
    """The (event type, sub-event type) ACLED pair of an event, or NONE."""
    return (event.acled.event_type, event.acled.sub_event_type) if event and event.acled else NONE


def main(pipeline, text: str):
    parsed = next(pipeline.parse([Article(text=text)]))
    return main_event(events(parsed))


@pytest.mark.parametrize(("text", "event_type", "sub_event_type"), CASES,
                         ids=[c[2] or c[0][:30] for c in CASES])
def test_acled_category(pipeline, text: str, event_type: str | None,
                        sub_event_type: str | None) -> None:
    event = main(pipeline, text)
    assert category(event) == (event_type, sub_event_type), event.provenance if event else "no event"
    if event is not None and event.acled is not None:
        assert event.provenance["acled"].startswith("acled_rules.yaml:")


def test_rules_load_and_name_their_line() -> None:
    loaded = rules()
    assert loaded and all(r.line > 0 for r in loaded)
    assert len({r.name for r in loaded}) == len(loaded)


@pytest.mark.parametrize("entry", [
    {"name": "no category given"},
    {"name": "bad type", "acled": ["Battles"]},
    {"name": "unknown event type", "acled": ["Fights", "Armed clash"]},
    {"name": "unknown key", "acled": None, "cuez": ["x"]},
    {"name": "unknown PLOVER type", "acled": None, "types": ["FIGHT"]},
])
def test_malformed_rule_is_refused(entry: dict) -> None:
    with pytest.raises(ResourceError, match="acled_rules.yaml"):
        _rule({**entry, "__line__": 7}, 0)


@pytest.mark.parametrize(("cameo", "remote"), [("190", True), ("1833", True), ("193", False)])
def test_trigger_cameo_outranks_cue_words(cameo: str, remote: bool) -> None:
    """A blast told in the same sentence does not make a shooting (CAMEO 193) an IED attack."""
    facts = Facts("ASSAULT", cameo, frozenset({"blast", "gunmen", "shot", "killed"}),
                  frozenset({"shoot"}), None, None)
    acled, how = classify(facts)
    assert acled is not None, how
    assert (acled.event_type == REMOTE) is remote, how


def test_unless_cameo_is_read() -> None:
    rule = _rule({"name": "x", "acled": None, "unless_cameo": ["193", 192], "__line__": 3}, 0)
    assert rule.unless_cameo == ("193", "192")


@pytest.mark.parametrize(("words", "expected"), [
    ({"striker", "shot", "shoot", "ball", "goalkeeper"}, None),
    ({"soldiers", "shot", "shoot", "rebels", "village"}, "Armed clash"),
])
def test_catch_all_needs_evidence_beyond_the_trigger(words: set[str], expected: str | None) -> None:
    """The catch-all rules fire only with a word of armed violence other than the trigger."""
    acled, how = classify(Facts("ASSAULT", "193", frozenset(words), frozenset({"shoot", "shot"}),
                                None, None))
    assert (acled.sub_event_type if acled else None) == expected, how
