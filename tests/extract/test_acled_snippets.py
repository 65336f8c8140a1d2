"""News snippets -> ACLED sub-event type, with hard negatives (``acled_rules.yaml``).

Short wire sentences written for these tests in the style of the CASE 2021 snippets (not taken
from any gold set), at least four for each of ACLED's 25 sub-event types, across the codebook's
weak boundaries: who was targeted (unarmed people -> Attack; soldiers or police -> Armed clash),
which weapon (aircraft, artillery, planted explosive, suicide, grenade, gas), what the police
did to a demonstration (arrests or tear gas -> intervention; live fire -> excessive force) and
what a crowd did (demonstrators -> Violent demonstration; a crowd punishing a suspect -> Mob
violence). The negatives are the text ACLED leaves out: crime, accidents, disasters, courts,
elections and diplomacy must get no category.
"""

from __future__ import annotations

import pytest

from tacitus.extract import events, main_event
from tacitus.model import Article, Event
from tests.extract.test_acled_types import (
    BATTLES,
    NONE,
    PROTESTS,
    REMOTE,
    RIOTS,
    STRATEGIC,
    VAC,
    category,
)

SNIPPETS = [
    # Armed clash: two armed, organised sides
    (("Fighting broke out between the army and Ansar al-Islam militants near Djibo on "
      "Tuesday, leaving 14 dead on both sides."),
     BATTLES, "Armed clash"),
    (("Police officers engaged bandits in a gun duel in Katsina state, killing three of the "
      "attackers, a police spokesman said."),
     BATTLES, "Armed clash"),
    (("Two rival militias exchanged heavy gunfire in the south of Tripoli overnight, "
      "residents said."),
     BATTLES, "Armed clash"),
    (("Houthi fighters and pro-government forces battled for control of the Marib front for "
      "a third day."),
     BATTLES, "Armed clash"),
    (("ADF rebels ambushed an army patrol near Beni, and soldiers returned fire, killing "
      "four of them."),
     BATTLES, "Armed clash"),
    (("Al-Shabaab militants attacked a Somali army base in Lower Shabelle, triggering a "
      "fierce gun battle."),
     BATTLES, "Armed clash"),
    # Government regains territory
    (("Afghan security forces retook the district centre of Ghormach from the Taliban on "
      "Sunday."),
     BATTLES, "Government regains territory"),
    (("Iraqi troops recaptured the village of Imam Gharbi from Islamic State militants "
      "after a two-day battle."),
     BATTLES, "Government regains territory"),
    (("The Nigerian military said it had regained control of Marte from Boko Haram "
      "fighters."),
     BATTLES, "Government regains territory"),
    (("Government forces liberated the town of Mekelle from TPLF rebels, the prime "
      "minister's office said."),
     BATTLES, "Government regains territory"),
    # Non-state actor overtakes territory
    (("Taliban fighters captured the district headquarters of Dand-e-Ghori after government "
      "forces fled."),
     BATTLES, "Non-state actor overtakes territory"),
    (("Al-Shabaab militants seized the town of Mahas in central Somalia after heavy "
      "fighting with troops."),
     BATTLES, "Non-state actor overtakes territory"),
    (("M23 rebels took control of the border town of Bunagana on Monday, local officials "
      "said."),
     BATTLES, "Non-state actor overtakes territory"),
    ("Jihadists overran a military outpost in northern Burkina Faso, the army said.",
     BATTLES, "Non-state actor overtakes territory"),
    # Air/drone strike
    (("Syrian government aircraft bombed a hospital in southern Idlib on Monday, killing "
      "four people."),
     REMOTE, "Air/drone strike"),
    ("A Turkish drone struck a car near Qamishli, killing two PKK members, a monitor said.",
     REMOTE, "Air/drone strike"),
    (("Saudi-led coalition jets carried out a series of raids on Houthi positions in Saada "
      "province."),
     REMOTE, "Air/drone strike"),
    ("Nigerian Air Force fighter jets pounded Boko Haram hideouts in the Sambisa forest.",
     REMOTE, "Air/drone strike"),
    (("An air raid on a crowded market in Yemen's Hajjah province killed at least 20 "
      "civilians."),
     REMOTE, "Air/drone strike"),
    # Shelling/artillery/missile attack
    (("Russian forces shelled residential areas of Kharkiv overnight, killing three "
      "civilians."),
     REMOTE, "Shelling/artillery/missile attack"),
    (("Militants fired two rockets at the Baghdad airport on Tuesday, causing no "
      "casualties."),
     REMOTE, "Shelling/artillery/missile attack"),
    (("Pakistani troops shelled villages across the Line of Control on Sunday, wounding "
      "four civilians."),
     REMOTE, "Shelling/artillery/missile attack"),
    ("A ballistic missile launched by the Houthis hit an oil facility in Jizan.",
     REMOTE, "Shelling/artillery/missile attack"),
    ("Mortar rounds landed on a camp for displaced people in Maiduguri, wounding six.",
     REMOTE, "Shelling/artillery/missile attack"),
    # Remote explosive/landmine/IED
    (("An improvised explosive device exploded near a military convoy in Mali's Mopti "
      "region, killing two peacekeepers."),
     REMOTE, "Remote explosive/landmine/IED"),
    ("A car bomb went off outside a government building in Mogadishu on Saturday.",
     REMOTE, "Remote explosive/landmine/IED"),
    (("A bomb planted on a motorcycle detonated in a crowded bazaar in Quetta, injuring 12 "
      "people."),
     REMOTE, "Remote explosive/landmine/IED"),
    ("A magnetic bomb attached to a minibus killed a prosecutor in Kabul.",
     REMOTE, "Remote explosive/landmine/IED"),
    # Suicide bomb
    (("A suicide bomber detonated his explosives among worshippers at a Shiite mosque in "
      "Kunduz."),
     REMOTE, "Suicide bomb"),
    (("Two female suicide bombers blew themselves up at a market in Konduga, killing 30 "
      "people."),
     REMOTE, "Suicide bomb"),
    ("A suicide car bomb rammed into a military checkpoint in Mogadishu on Sunday.",
     REMOTE, "Suicide bomb"),
    (("An attacker wearing an explosive vest blew himself up at the gate of a police "
      "academy."),
     REMOTE, "Suicide bomb"),
    # Grenade
    ("Militants lobbed a hand grenade at a CRPF bunker in Sopore, injuring two personnel.",
     REMOTE, "Grenade"),
    ("A grenade thrown into a bar in Bujumbura wounded eight people on Friday night.",
     REMOTE, "Grenade"),
    ("Unidentified men hurled grenades at a police station in Manipur late on Tuesday.",
     REMOTE, "Grenade"),
    ("A grenade explosion at a political rally in Ethiopia killed one person.", REMOTE, "Grenade"),
    # Chemical weapon
    ("Activists said a sarin gas attack killed more than 80 people in Khan Sheikhoun.",
     REMOTE, "Chemical weapon"),
    ("Islamic State fighters fired mustard gas shells at Peshmerga positions near Mosul.",
     REMOTE, "Chemical weapon"),
    (("Dozens of people suffered breathing problems after a toxic gas attack on the town of "
      "Douma."),
     REMOTE, "Chemical weapon"),
    # Attack (one-sided violence on unarmed people)
    (("Suspected Fulani herdsmen killed 17 villagers in an overnight raid on a village in "
      "Plateau state."),
     VAC, "Attack"),
    ("Gunmen on motorbikes shot dead a local councillor in Sindh province on Wednesday.",
     VAC, "Attack"),
    ("ADF militants massacred at least 22 civilians with machetes in Beni territory.",
     VAC, "Attack"),
    ("Soldiers executed seven unarmed men in a village in central Mali, witnesses said.",
     VAC, "Attack"),
    ("A human rights defender was stabbed to death by unknown assailants in Tegucigalpa.",
     VAC, "Attack"),
    ("Security forces beat a journalist covering the election in Harare.", VAC, "Attack"),
    # Sexual violence
    ("Armed men raped three women who were fetching firewood outside the camp in Darfur.",
     VAC, "Sexual violence"),
    (("A teenage girl was gang-raped by soldiers at a checkpoint in Tigray, a rights group "
      "said."),
     VAC, "Sexual violence"),
    ("Militiamen sexually assaulted dozens of women during an attack on the village.",
     VAC, "Sexual violence"),
    # Abduction/forced disappearance
    ("Gunmen kidnapped a Catholic priest from his parish in Kaduna state on Sunday.",
     VAC, "Abduction/forced disappearance"),
    ("Bandits abducted 80 passengers from a train in Kaduna after blowing up the tracks.",
     VAC, "Abduction/forced disappearance"),
    (("Armed men seized two foreign aid workers in northern Mali and took them to an "
      "unknown location."),
     VAC, "Abduction/forced disappearance"),
    ("Al-Shabaab militants took hostage 12 passengers travelling on a bus to Mandera.",
     VAC, "Abduction/forced disappearance"),
    # Peaceful protest
    (("Hundreds of nurses demonstrated outside the health ministry in Nairobi to demand "
      "unpaid salaries."),
     PROTESTS, "Peaceful protest"),
    (("Thousands of people rallied in Warsaw on Saturday against a near-total ban on "
      "abortion."),
     PROTESTS, "Peaceful protest"),
    (("Farmers blocked a major highway with their tractors to protest against new fuel "
      "taxes."),
     PROTESTS, "Peaceful protest"),
    (("Students held a candlelight vigil at the university to demand justice for a murdered "
      "classmate."),
     PROTESTS, "Peaceful protest"),
    ("Opposition supporters staged a peaceful march to the electoral commission in Lusaka.",
     PROTESTS, "Peaceful protest"),
    # Protest with intervention
    (("Police detained dozens of opposition supporters who gathered in central Minsk to "
      "protest the election results."),
     PROTESTS, "Protest with intervention"),
    (("Riot police used water cannon to disperse hundreds of anti-government demonstrators "
      "in Tbilisi."),
     PROTESTS, "Protest with intervention"),
    ("Security forces fired tear gas at teachers marching to parliament in Kampala.",
     PROTESTS, "Protest with intervention"),
    (("Police broke up a sit-in by unemployed graduates in Rabat and arrested several of "
      "them."),
     PROTESTS, "Protest with intervention"),
    # Excessive force against protesters
    (("Security forces shot dead four demonstrators during protests over bread prices in "
      "Atbara."),
     PROTESTS, "Excessive force against protesters"),
    (("Police opened fire with live ammunition on a crowd protesting against the coup, "
      "killing two."),
     PROTESTS, "Excessive force against protesters"),
    ("A student died after being beaten by police during a peaceful march in Conakry.",
     PROTESTS, "Excessive force against protesters"),
    (("Troops killed at least nine people when they fired on protesters demanding the "
      "release of a cleric."),
     PROTESTS, "Excessive force against protesters"),
    # Violent demonstration
    (("Angry protesters set fire to a police station in Minneapolis after the death of "
      "George Floyd."),
     RIOTS, "Violent demonstration"),
    (("Demonstrators burned tyres and pelted security forces with stones in the Kashmir "
      "valley."),
     RIOTS, "Violent demonstration"),
    (("Youths protesting the arrest of their leader blocked roads and torched vehicles in "
      "Lagos."),
     RIOTS, "Violent demonstration"),
    (("Supporters of the ousted president stormed the electoral commission's office and "
      "ransacked it."),
     RIOTS, "Violent demonstration"),
    (("Protesters clashed with police in central Hong Kong, throwing bricks and petrol "
      "bombs."),
     RIOTS, "Violent demonstration"),
    # Mob violence
    ("A mob beat to death a man accused of stealing a motorcycle in Kisumu.",
     RIOTS, "Mob violence"),
    ("Angry villagers burned alive two suspected kidnappers in Puebla state.",
     RIOTS, "Mob violence"),
    ("Hindu vigilantes lynched a Muslim man they accused of transporting beef.",
     RIOTS, "Mob violence"),
    ("A crowd attacked a woman accused of witchcraft and set her house ablaze.",
     RIOTS, "Mob violence"),
    # Arrests
    ("Police arrested 20 members of an opposition party at a meeting in Harare.",
     STRATEGIC, "Arrests"),
    ("Turkish authorities detained 45 soldiers suspected of links to the Gulen movement.",
     STRATEGIC, "Arrests"),
    ("Security forces rounded up dozens of activists in dawn raids across Cairo.",
     STRATEGIC, "Arrests"),
    (("A prominent journalist was taken into custody in Addis Ababa over his reporting on "
      "the war."),
     STRATEGIC, "Arrests"),
    ("The army captured a senior Boko Haram commander in Borno state.", STRATEGIC, "Arrests"),
    # Disrupted weapons use
    ("Troops discovered and destroyed an IED factory in a forest in Sambisa.",
     STRATEGIC, "Disrupted weapons use"),
    ("Police found two hand grenades hidden in a bag at the bus station in Srinagar.",
     STRATEGIC, "Disrupted weapons use"),
    ("Israel's Iron Dome system intercepted rockets fired from Gaza over Ashkelon.",
     STRATEGIC, "Disrupted weapons use"),
    ("Bomb disposal experts safely detonated a device found near the parliament building.",
     STRATEGIC, "Disrupted weapons use"),
    ("Security forces foiled a plot to blow up a church in Lahore by seizing explosives.",
     STRATEGIC, "Disrupted weapons use"),
    # Looting/property destruction
    ("Rebel fighters looted shops and the health centre in the town of Bambari.",
     STRATEGIC, "Looting/property destruction"),
    ("Boko Haram fighters burned down a school and several homes in the village.",
     STRATEGIC, "Looting/property destruction"),
    ("Soldiers demolished the homes of suspected militants in the village.",
     STRATEGIC, "Looting/property destruction"),
    ("Armed men vandalised a telecommunications mast in Borno state.",
     STRATEGIC, "Looting/property destruction"),
    # Non-violent transfer of territory
    (("Rebels withdrew from the city of Bangassou and handed it to the army without a "
      "fight."),
     STRATEGIC, "Non-violent transfer of territory"),
    ("French troops handed over their last base in Mali to the Malian army.",
     STRATEGIC, "Non-violent transfer of territory"),
    ("Militants abandoned several villages before the army moved in, the governor said.",
     STRATEGIC, "Non-violent transfer of territory"),
    # Headquarters or base established
    ("The Russian military set up a new base at the airport of Qamishli.",
     STRATEGIC, "Headquarters or base established"),
    ("Islamic State fighters established a headquarters in a school building in the town.",
     STRATEGIC, "Headquarters or base established"),
    ("The Wagner group built a new military camp near the town of Ménaka.",
     STRATEGIC, "Headquarters or base established"),
    ("Turkish troops established a new observation post near Saraqeb.",
     STRATEGIC, "Headquarters or base established"),
    # Change to group/activity
    (("Two rebel factions announced they had merged into a single armed group called the "
      "National Liberation Front."),
     STRATEGIC, "Change to group/activity"),
    ("A senior commander of the militia defected to the government with 50 fighters.",
     STRATEGIC, "Change to group/activity"),
    (("The jihadist group pledged allegiance to the Islamic State, its leader said in a "
      "video."),
     STRATEGIC, "Change to group/activity"),
    ("The army deployed hundreds of troops to the restive region ahead of the vote.",
     STRATEGIC, "Change to group/activity"),
    ("The militant group changed its name to Jabhat Fateh al-Sham on Thursday.",
     STRATEGIC, "Change to group/activity"),
    # Agreement
    ("The government and the rebels agreed to a ceasefire starting at midnight.",
     STRATEGIC, "Agreement"),
    ("The warring sides exchanged 200 prisoners under a deal brokered by the Red Cross.",
     STRATEGIC, "Agreement"),
    ("Rebel leaders signed a peace accord with the government in Juba on Sunday.",
     STRATEGIC, "Agreement"),
    ("The armed group released 15 hostages after negotiations with tribal elders.",
     STRATEGIC, "Agreement"),
    # Other
    (("A curfew was imposed in the city after two days of ethnic clashes, the governor "
      "said."),
     STRATEGIC, "Other"),
    (("The authorities declared a state of emergency in three northern provinces after a "
      "series of jihadist attacks."),
     STRATEGIC, "Other"),
    (("Authorities imposed martial law in the province after a wave of attacks by "
      "militants."),
     STRATEGIC, "Other"),
    ("A dusk-to-dawn curfew was declared in Kandy after anti-Muslim riots.", STRATEGIC, "Other"),
    # No category: crime, disasters, accidents, courts, elections, diplomacy
    ("A man stabbed his neighbour to death after an argument over a parking space.", *NONE),
    ("Two armed robbers held up a bank in Johannesburg and escaped with cash.", *NONE),
    ("Floods swept away dozens of homes in Assam, killing at least 15 people.", *NONE),
    ("A truck carrying fuel overturned and exploded on the highway, killing 30 people.", *NONE),
    ("The Supreme Court upheld the death sentence of a former army officer.", *NONE),
    ("A court in Paris sentenced a former rebel leader to life in prison for war crimes.", *NONE),
    ("Voters went to the polls on Sunday to elect a new parliament.", *NONE),
    (("The electoral commission declared the incumbent the winner of the presidential "
      "election."),
     *NONE),
    ("The foreign ministers of the two countries met in Geneva to discuss trade ties.", *NONE),
    ("The president appointed a new army chief of staff on Monday.", *NONE),
    ("The United Nations warned that millions of people face famine in the country.", *NONE),
    ("Police seized 200 kilograms of cocaine at the port of Guayaquil.", *NONE),
    ("Prosecutors charged the former minister with corruption and money laundering.", *NONE),
    (("A plane crashed shortly after take-off from the airport in Kathmandu, killing all 72 "
      "people on board."),
     *NONE),
    ("The opposition leader announced he would run for president in the next elections.", *NONE),
    ("Parliament passed a new law on the press on Tuesday.", *NONE),
    (("The minister condemned the attack on the police station and promised an "
      "investigation."),
     *NONE),
    ("Heavy rains triggered a landslide that buried a village in Uganda.", *NONE),
    # Attack vs Armed clash: one-sided against the unarmed vs two armed sides
    (("At least 30 villagers were killed when gunmen raided the village of Kukawa "
      "overnight, a local official said."),
     VAC, "Attack"),
    ("Militants opened fire on a passenger bus in Balochistan, killing 11 coal miners.",
     VAC, "Attack"),
    (("Gunmen attacked a police patrol in Ingushetia, and officers returned fire, killing "
      "two of the attackers."),
     BATTLES, "Armed clash"),
    (("Heavy fighting between the army and the Arakan Army left 20 soldiers dead in Rakhine "
      "state."),
     BATTLES, "Armed clash"),
    (("Police said two suspected militants were killed in an exchange of fire in Pulwama "
      "district."),
     BATTLES, "Armed clash"),
    ("Unknown gunmen shot and killed a school teacher in Ghazni on Monday.", VAC, "Attack"),
    # weapons: shelling vs air strike vs IED vs suicide vs grenade
    ("Israeli aircraft struck a Hamas training camp in northern Gaza early on Sunday.",
     REMOTE, "Air/drone strike"),
    (("Ukrainian forces said Russian artillery pounded the town of Bakhmut throughout the "
      "night."),
     REMOTE, "Shelling/artillery/missile attack"),
    ("Two policemen were wounded when a roadside bomb hit their vehicle in Diyala.",
     REMOTE, "Remote explosive/landmine/IED"),
    (("A suicide attacker drove an explosives-laden truck into the gate of an army base in "
      "Gao."),
     REMOTE, "Suicide bomb"),
    ("Assailants threw a grenade at the house of a local politician in Tripura.",
     REMOTE, "Grenade"),
    (("A drone attack on an airport in southern Saudi Arabia wounded eight civilians, the "
      "coalition said."),
     REMOTE, "Air/drone strike"),
    # protests: peaceful vs intervention vs excessive force
    (("Thousands of doctors staged a protest in Lahore demanding better security at "
      "hospitals."),
     PROTESTS, "Peaceful protest"),
    (("Police arrested 25 protesters who blocked a road in central London during a climate "
      "demonstration."),
     PROTESTS, "Protest with intervention"),
    (("Police fired rubber bullets and tear gas to disperse protesters outside parliament "
      "in Nairobi."),
     PROTESTS, "Protest with intervention"),
    (("Three protesters were shot dead by police during a demonstration against the fuel "
      "price hike."),
     PROTESTS, "Excessive force against protesters"),
    # riots: violent demonstration vs mob violence
    ("Protesters hurled stones at a police convoy in Srinagar and blocked the highway.",
     RIOTS, "Violent demonstration"),
    ("A mob set fire to a mosque in the town after rumours of blasphemy spread.",
     RIOTS, "Mob violence"),
    ("Angry residents lynched a man suspected of stealing a goat in the village.",
     RIOTS, "Mob violence"),
    # abduction vs arrests
    (("Unknown armed men kidnapped a local chief and his two sons in Cameroon's Northwest "
      "region."),
     VAC, "Abduction/forced disappearance"),
    (("Police arrested an opposition lawmaker who had called for protests against the "
      "president."),
     STRATEGIC, "Arrests"),
    ("Security forces detained dozens of suspected Boko Haram members in Maiduguri.",
     STRATEGIC, "Arrests"),
    # territory
    ("The army said it had retaken the town of Tal Afar from Islamic State.",
     BATTLES, "Government regains territory"),
    (("Al-Shabaab fighters took over the town of Bulo Burde after Ethiopian troops "
      "withdrew."),
     STRATEGIC, "Non-violent transfer of territory"),
    ("Houthi rebels seized control of the district after clashes with tribal fighters.",
     BATTLES, "Non-state actor overtakes territory"),
    # strategic developments
    ("Army engineers defused a landmine planted on a road in Kidal.",
     STRATEGIC, "Disrupted weapons use"),
    (("Two militants were killed when the bomb they were assembling exploded prematurely in "
      "a house in Quetta."),
     STRATEGIC, "Disrupted weapons use"),
    (("Police seized a large quantity of rifles and ammunition from a militant hideout in "
      "Kandahar."),
     STRATEGIC, "Disrupted weapons use"),
    (("Government soldiers looted homes and livestock in the villages they passed through, "
      "residents said."),
     STRATEGIC, "Looting/property destruction"),
    ("The two sides agreed on a prisoner swap and a temporary truce.", STRATEGIC, "Agreement"),
    ("A curfew was imposed in Kandahar after a string of militant attacks.", STRATEGIC, "Other"),
    # no category
    ("Police arrested two men for stealing cattle from a farm.", *NONE),
    ("Three people died after a boat capsized on Lake Victoria.", *NONE),
    ("A gas cylinder explosion at a restaurant in Karachi injured ten people.", *NONE),
    ("The president held talks with his French counterpart on security cooperation.", *NONE),
    ("A court acquitted five police officers accused of torturing a suspect.", *NONE),
    ("The ruling party won a majority of seats in Sunday's parliamentary elections.", *NONE),
    ("A man shot his wife and two children before killing himself.", *NONE),
    ("Police arrested a suspected serial killer in the city.", *NONE),
    # headline / passive / attributed variants of the weaker classes
    ("Gunmen kill 12 worshippers in attack on church in Burkina Faso", VAC, "Attack"),
    ("Five farmers were hacked to death by suspected herders in Benue state, police said.",
     VAC, "Attack"),
    ("Militiamen torched a village and killed at least 40 civilians, the UN said.", VAC, "Attack"),
    ("Mob lynches two men over child kidnapping rumours in Maharashtra", RIOTS, "Mob violence"),
    (("A crowd of angry residents beat two suspected robbers to death and set their bodies "
      "on fire."),
     RIOTS, "Mob violence"),
    ("Police kill three protesters as demonstrations over election results turn deadly",
     PROTESTS, "Excessive force against protesters"),
    ("Soldiers opened fire on demonstrators in Yangon, killing at least five people.",
     PROTESTS, "Excessive force against protesters"),
    ("Riot police dispersed a rally by opposition supporters in Kinshasa using tear gas.",
     PROTESTS, "Protest with intervention"),
    (("Hundreds of protesters torched cars and looted shops in the capital after the "
      "verdict."),
     RIOTS, "Violent demonstration"),
    ("Protesters attacked the offices of the ruling party and set them ablaze.",
     RIOTS, "Violent demonstration"),
    ("The government and the armed group signed a ceasefire agreement in Addis Ababa.",
     STRATEGIC, "Agreement"),
    ("Rebels and the government agreed to a humanitarian truce to allow aid deliveries.",
     STRATEGIC, "Agreement"),
    ("Hundreds of militiamen joined the army under a new integration programme.",
     STRATEGIC, "Change to group/activity"),
    (("The rebel coalition announced the formation of a new armed alliance against the "
      "junta."),
     STRATEGIC, "Change to group/activity"),
    (("Fighters looted the market and burned the district office in the town, residents "
      "said."),
     STRATEGIC, "Looting/property destruction"),
    ("Troops destroyed dozens of homes belonging to suspected rebel sympathisers.",
     STRATEGIC, "Looting/property destruction"),
    ("Government forces withdrew from the town, leaving it in the hands of the rebels.",
     STRATEGIC, "Non-violent transfer of territory"),
    ("The militia handed over control of the airport to the national army.",
     STRATEGIC, "Non-violent transfer of territory"),
    ("Jihadists captured the town of Boni after an assault on the army garrison.",
     BATTLES, "Non-state actor overtakes territory"),
    ("Rebels seize key town in eastern Congo", BATTLES, "Non-state actor overtakes territory"),
    ("Syrian troops capture rebel-held village in Idlib", BATTLES, "Government regains territory"),
    (("Activists accused the government of using chlorine gas against civilians in the "
      "town."),
     REMOTE, "Chemical weapon"),
    ("A chemical attack on the rebel-held town killed dozens of people, doctors said.",
     REMOTE, "Chemical weapon"),
    # calibration: violence and demonstrations named in passing, or none
    ("Thousands attended the funeral of the singer in Kampala on Sunday.", *NONE),
    ("The police chief announced new traffic rules for the capital.", *NONE),
    ("Two people drowned when their canoe overturned on the river.", *NONE),
    ("A 14-year-old boy was arrested for stabbing a classmate at school.", *NONE),
    ("Three people were killed in a stampede at a football stadium.", *NONE),
    # armed victims: an attack on soldiers or police is a battle, not violence against civilians
    ("Gunmen shot dead two policemen guarding a polio vaccination team in Peshawar.",
     BATTLES, "Armed clash"),
    ("Militants killed five soldiers in an attack on an army checkpoint in Sinai.",
     BATTLES, "Armed clash"),
    (("Suspected jihadists ambushed a gendarmerie convoy in eastern Burkina Faso, killing "
      "eight gendarmes."),
     BATTLES, "Armed clash"),
    (("Unknown assailants stabbed a police officer to death in Nairobi's Eastleigh "
      "district."),
     BATTLES, "Armed clash"),
    # more for the thinner classes
    ("Women in the displacement camp said they had been raped by men in military uniform.",
     VAC, "Sexual violence"),
    (("Militia members sexually abused several girls during a raid on Kalehe, the UN "
      "mission said."),
     VAC, "Sexual violence"),
    (("The Syrian regime was accused of dropping barrel bombs containing chlorine on Kafr "
      "Zita."),
     REMOTE, "Chemical weapon"),
    ("Rebels fired shells containing toxic gas at army positions, wounding 20 soldiers.",
     REMOTE, "Chemical weapon"),
    (("The army opened a new forward operating base in Tillaberi to counter jihadist "
      "attacks."),
     STRATEGIC, "Headquarters or base established"),
    (("Al-Shabaab fighters were reported to be setting up camps in the forests near the "
      "border."),
     STRATEGIC, "Headquarters or base established"),
    (("Artillery fire hit a residential building in Donetsk, killing two people, local "
      "authorities said."),
     REMOTE, "Shelling/artillery/missile attack"),
    ("A landmine blast killed four soldiers on patrol in the Casamance region.",
     REMOTE, "Remote explosive/landmine/IED"),
    (("A teenage suicide bomber detonated explosives at a mosque in Maiduguri during "
      "morning prayers."),
     REMOTE, "Suicide bomb"),
    ("A grenade attack on a bus station in Nairobi wounded at least ten people.",
     REMOTE, "Grenade"),
    # agreements in varied wording
    ("The government and the FARC reached a deal to end five decades of conflict.",
     STRATEGIC, "Agreement"),
    ("The two warring parties accepted a UN-brokered truce on Friday.", STRATEGIC, "Agreement"),
    (("Armenia and Azerbaijan signed a peace deal to end the fighting over "
      "Nagorno-Karabakh."),
     STRATEGIC, "Agreement"),
    (("The Taliban and the United States agreed on a prisoner exchange as part of peace "
      "talks."),
     STRATEGIC, "Agreement"),
    ("A ceasefire between Israel and Hamas took effect at dawn.", STRATEGIC, "Agreement"),
    # change to group or activity
    ("Two armed groups in Mali announced an alliance to fight the jihadists.",
     STRATEGIC, "Change to group/activity"),
    ("Thousands of reservists were called up as the army mobilised for a new offensive.",
     STRATEGIC, "Change to group/activity"),
    # looting
    ("Armed men looted humanitarian warehouses in Mekelle, the World Food Programme said.",
     STRATEGIC, "Looting/property destruction"),
    (("Militants blew up a mobile phone tower in Khyber district overnight; no one was "
      "hurt."),
     STRATEGIC, "Looting/property destruction"),
    # who takes the ground decides: state vs non-state, whatever the verb or voice
    ("Islamic State militants recaptured the village of Bashir from Kurdish forces.",
     BATTLES, "Non-state actor overtakes territory"),
    (("The army drove Boko Haram fighters out of the town of Damasak and took control of "
      "it."),
     BATTLES, "Government regains territory"),
    ("Ethiopian federal forces took control of the city of Shire from Tigrayan forces.",
     BATTLES, "Government regains territory"),
    # abduction vs arrest
    ("Men in plain clothes abducted a journalist outside his office in Islamabad.",
     VAC, "Abduction/forced disappearance"),
    ("Police arrested the organisers of the march on charges of unlawful assembly.",
     PROTESTS, "Protest with intervention"),
    ("Security forces arrested a senior member of the opposition party in Conakry.",
     STRATEGIC, "Arrests"),
    # peaceful protest in varied wording
    (("Hundreds of Rohingya refugees demonstrated in Cox's Bazar to demand a safe return to "
      "Myanmar."),
     PROTESTS, "Peaceful protest"),
    (("Workers at the state oil company walked out and picketed the headquarters over "
      "unpaid wages."),
     PROTESTS, "Peaceful protest"),
    ("Residents marched to the governor's office to protest against frequent power cuts.",
     PROTESTS, "Peaceful protest"),
    # crime, disasters, diplomacy, claims: no ACLED category
    ("Police shot dead two suspected armed robbers in a shootout in Soweto.", *NONE),
    ("A drug cartel hitman was sentenced to 40 years in prison for the murders.", *NONE),
    ("Gang members robbed passengers on a minibus and stabbed the driver.", *NONE),
    ("Customs officials seized 3 tonnes of cannabis hidden in a lorry at the border.", *NONE),
    ("An explosion at a fireworks warehouse killed 11 people in the city.", *NONE),
    ("A building under construction collapsed in Lagos, trapping dozens of workers.", *NONE),
    ("Cyclone Idai killed hundreds of people in Mozambique and Zimbabwe.", *NONE),
    ("The foreign minister will visit Beijing next week to discuss bilateral relations.", *NONE),
    ("The European Union imposed sanctions on five officials over the crackdown.", *NONE),
    (("Al-Shabaab claimed responsibility for the attack in a statement on its radio "
      "station."),
     *NONE),
    ("The UN Security Council called for an immediate ceasefire in the region.", *NONE),
    ("The country's top court annulled the results of the presidential election.", *NONE),
    # force against demonstrators: lethal or maiming is excessive
    ("At least 12 demonstrators died when security forces fired on crowds in Khartoum.",
     PROTESTS, "Excessive force against protesters"),
    ("Police killed a 17-year-old boy during protests against the government in Dakar.",
     PROTESTS, "Excessive force against protesters"),
    ("Security forces crushed the demonstration, killing 20 people, witnesses said.",
     PROTESTS, "Excessive force against protesters"),
    # violent demonstrations
    (("Protests turned violent in Nairobi as demonstrators blocked roads with burning "
      "tyres."),
     RIOTS, "Violent demonstration"),
    ("Demonstrators smashed shop windows and fought running battles with police in Paris.",
     RIOTS, "Violent demonstration"),
    # mob violence
    ("Residents set ablaze a man caught stealing a phone at the market.", RIOTS, "Mob violence"),
    ("A mob attacked a police station and freed a man held for blasphemy.", RIOTS, "Mob violence"),
    # disrupted weapons use
    ("Sappers cleared 300 landmines from farmland near the front line.",
     STRATEGIC, "Disrupted weapons use"),
    ("Air defences shot down a drone over Erbil airport on Saturday.",
     STRATEGIC, "Disrupted weapons use"),
    ("Police defused a bomb planted under a bridge in Mogadishu.",
     STRATEGIC, "Disrupted weapons use"),
    ("Turkey sent more reinforcements to its military posts in Idlib on Sunday.",
     STRATEGIC, "Change to group/activity"),
    # the weapon decides over the victim, unless the trigger itself is gunfire
    ("A drone strike killed a senior Taliban commander and his two bodyguards in Kunar.",
     REMOTE, "Air/drone strike"),
    ("An IED attack on a bus killed ten passengers near Kabul.",
     REMOTE, "Remote explosive/landmine/IED"),
    ("A suicide bomber targeted a police checkpoint in Diyarbakir, wounding five officers.",
     REMOTE, "Suicide bomb"),
    ("Militants fired rockets at a village near the border, killing two children.",
     REMOTE, "Shelling/artillery/missile attack"),
    (("Protesters were hit by rubber bullets and tear gas canisters as police cleared the "
      "square."),
     PROTESTS, "Protest with intervention"),
    ("A man threw a hand grenade into a crowd of worshippers at a temple in Punjab.",
     REMOTE, "Grenade"),
    # calls, threats and bans are not demonstrations; taking to the streets is
    (("The opposition called on its supporters to protest on Friday against the election "
      "results."),
     *NONE),
    ("The teachers' union threatened to go on strike next month if salaries are not paid.", *NONE),
    ("The governor banned all public rallies in the state for 30 days.", *NONE),
    (("Thousands took to the streets of Algiers for the 50th consecutive Friday to demand "
      "political change."),
     PROTESTS, "Peaceful protest"),
    (("Hundreds of taxi drivers staged a go-slow on the main highway to protest against "
      "fuel prices."),
     PROTESTS, "Peaceful protest"),
    # violent words used figuratively: no political violence
    ("The club fired its head coach after a string of defeats.", *NONE),
    ("Opposition lawmakers attacked the government's budget plan in parliament.", *NONE),
    ("The striker shot the ball past the goalkeeper in the 89th minute.", *NONE),
    ("Share prices crashed after the central bank raised interest rates.", *NONE),
    ("The company slashed 2,000 jobs and closed three factories.", *NONE),
    # written after the rules above were settled, as an unseen check (29 of 30 passed then;
    # the bus accident led to the road-accident cues "fell into", "swept away")
    (("Clashes between Fano militiamen and federal troops killed at least 15 people near "
      "Gondar."),
     BATTLES, "Armed clash"),
    ("Soldiers repelled an attack by JNIM fighters on their camp in Boulkessi.",
     BATTLES, "Armed clash"),
    ("The army regained control of Bama after driving out Boko Haram insurgents.",
     BATTLES, "Government regains territory"),
    ("RSF fighters captured the army's headquarters in Nyala on Thursday.",
     BATTLES, "Non-state actor overtakes territory"),
    ("A Russian missile struck an apartment block in Dnipro, killing 40 people.",
     REMOTE, "Shelling/artillery/missile attack"),
    ("Turkish warplanes bombed PKK targets in northern Iraq overnight.",
     REMOTE, "Air/drone strike"),
    (("A bomb hidden in a motorcycle exploded near a checkpoint in Cotabato, wounding three "
      "soldiers."),
     REMOTE, "Remote explosive/landmine/IED"),
    ("A suicide bomber killed 14 people at a police recruitment centre in Mogadishu.",
     REMOTE, "Suicide bomb"),
    ("Attackers threw a grenade into a church during Sunday mass in Mindanao.", REMOTE, "Grenade"),
    ("Gunmen shot dead a Catholic priest in Michoacan state on Sunday.", VAC, "Attack"),
    ("Bandits kidnapped 40 worshippers from a mosque in Zamfara state.",
     VAC, "Abduction/forced disappearance"),
    (("Soldiers raped two girls during a search operation in the village, their families "
      "said."),
     VAC, "Sexual violence"),
    ("Thousands of Israelis demonstrated in Tel Aviv against the judicial overhaul.",
     PROTESTS, "Peaceful protest"),
    ("Police fired tear gas at opposition supporters marching in Dakar.",
     PROTESTS, "Protest with intervention"),
    ("Security forces killed two demonstrators at a protest against the junta in Niamey.",
     PROTESTS, "Excessive force against protesters"),
    ("Protesters set fire to the parliament building in Kampala and clashed with police.",
     RIOTS, "Violent demonstration"),
    ("A mob lynched a man accused of blasphemy in Sialkot.", RIOTS, "Mob violence"),
    ("Police arrested a prominent opposition journalist at his home in Harare.",
     STRATEGIC, "Arrests"),
    ("The army found and defused an IED on the road to Gao.", STRATEGIC, "Disrupted weapons use"),
    ("Rebels looted a health centre and burned homes in the village of Bunia.",
     STRATEGIC, "Looting/property destruction"),
    ("The UN peacekeeping mission handed over its base in Kidal to the Malian army.",
     STRATEGIC, "Non-violent transfer of territory"),
    ("The government and the ELN signed a ceasefire agreement in Havana.", STRATEGIC, "Agreement"),
    ("Three armed groups merged to form a new coalition in the Central African Republic.",
     STRATEGIC, "Change to group/activity"),
    ("The army set up a new base near the border with Niger.",
     STRATEGIC, "Headquarters or base established"),
    ("A bus fell into a river in Nepal, killing 24 passengers.", *NONE),
    ("Police arrested four men for stealing copper cables.", *NONE),
    ("The prime minister met the Chinese ambassador in Islamabad.", *NONE),
    ("A court in Nairobi sentenced a former police officer to 15 years in prison.", *NONE),
    ("Floods killed at least 50 people in the north of the country.", *NONE),
    ("The Islamic State group claimed responsibility for the attack.", *NONE),
]


@pytest.fixture(scope="module")
def coded(pipeline) -> dict[str, Event | None]:
    """Each snippet's main event; the snippets are parsed in one batch, which is much faster."""
    texts = [c[0] for c in SNIPPETS]
    parsed = pipeline.parse([Article(text=t) for t in texts])
    return {t: main_event(events(p)) for t, p in zip(texts, parsed)}


@pytest.mark.parametrize(("text", "event_type", "sub_event_type"), SNIPPETS,
                         ids=[f"{c[2] or 'none'}: {c[0][:40]}" for c in SNIPPETS])
def test_snippet_category(coded: dict[str, Event | None], text: str, event_type: str | None,
                          sub_event_type: str | None) -> None:
    event = coded[text]
    assert category(event) == (event_type, sub_event_type), event.provenance if event else "no event"


def test_every_sub_event_type_has_four_snippets() -> None:
    counts: dict[str, int] = {}
    for _, _, sub in SNIPPETS:
        if sub is not None:
            counts[sub] = counts.get(sub, 0) + 1
    assert len(counts) == 25 and min(counts.values()) >= 4, counts
    assert sum(1 for c in SNIPPETS if c[2] is None) >= 20
