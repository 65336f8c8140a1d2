"""PLOVER event type and mode of a sentence's main event, on news sentences written for tacitus.

The table holds sentences of every PLOVER type (manual draft 0.8, chapter 3), mixing verb and
noun triggers, passives, statements of intent ("said it would ..."), requests ("called on ...
to"), accusations, refusals and reactions, so that a change tuned to one gold sentence shows
up here when it breaks the general case. None of them is taken from a gold set.
"""

from __future__ import annotations

from datetime import date

import pytest

from tacitus.extract import events, main_event
from tacitus.extract.lexicon import get_lexicon
from tacitus.extract.triggers import verb_context
from tacitus.model import Article

PUBLISHED = date(2023, 6, 14)
ANY = "*"
"""Mode not checked: PLOVER gives the type no mode, or the sentence does not fix one."""

# (sentence, PLOVER type, mode or ANY; None means "no mode")
SENTENCES = [
    # --- AGREE: offers, promises, and cooperation stated as future --------------------------
    ("Pakistan offered to mediate between Iran and Saudi Arabia.", "AGREE", ANY),
    ("The two governments pledged to boost trade and investment.", "AGREE", ANY),
    ("Ethiopia promised to hold free and fair elections next year.", "AGREE", ANY),
    ("Japan will provide $50 million in humanitarian aid to Sudan, the foreign ministry said.",
     "AGREE", ANY),
    ("The opposition agreed to join a national unity government.", "AGREE", ANY),
    ("Colombia and the ELN agreed to resume peace negotiations in Havana.", "AGREE", ANY),
    ("The president vowed to sign the peace accord by the end of the month.", "AGREE", ANY),
    ("Serbia said it was ready to cooperate with the war crimes tribunal.", "AGREE", ANY),
    ("The junta said it would release all political detainees by Friday.", "AGREE", ANY),
    ("Chinese and Indian commanders agreed to hold another round of talks.", "AGREE", ANY),
    # --- CONSULT: meetings, visits, calls, talks ----------------------------------------------
    ("Chancellor Olaf Scholz met Chinese President Xi Jinping in Beijing on Friday.",
     "CONSULT", ANY),
    ("The Turkish foreign minister arrived in Moscow for talks with his Russian counterpart.",
     "CONSULT", "visit"),
    ("Egypt hosted delegations from Israel and Hamas in Cairo on Sunday.", "CONSULT", "visit"),
    ("President Biden spoke by phone with President Zelensky on Tuesday.", "CONSULT", "phone"),
    ("Indian and Chinese military commanders held talks on the border dispute.", "CONSULT", ANY),
    ("The Saudi crown prince received the Iraqi prime minister in Riyadh.", "CONSULT", "visit"),
    ("The UN envoy held consultations with Libyan factions in Tunis.", "CONSULT", ANY),
    ("The French president paid a two-day visit to Algeria.", "CONSULT", "visit"),
    ("Negotiators from Armenia and Azerbaijan met in Washington on Thursday.", "CONSULT", ANY),
    ("The foreign ministers discussed the refugee crisis in Brussels.", "CONSULT", ANY),
    # --- SUPPORT: praise, endorsement, recognition, signing ---------------------------------------
    ("The African Union praised the army and protest leaders for reaching a power-sharing deal.",
     "SUPPORT", None),
    ("Washington welcomed the release of the detained journalists.", "SUPPORT", None),
    ("Germany voiced support for the Ukrainian government's peace plan.", "SUPPORT", None),
    ("Brazil recognized the new government in Caracas on Monday.", "SUPPORT", None),
    ("The European Parliament endorsed the proposed reforms.", "SUPPORT", None),
    ("Israel and the United Arab Emirates signed a normalization agreement at the White House.",
     "SUPPORT", None),
    ("The Pope commended the peace efforts of the Colombian government.", "SUPPORT", None),
    ("The Arab League expressed its solidarity with the Lebanese people.", "SUPPORT", None),
    ("Kenya and Somalia restored diplomatic relations on Tuesday.", "SUPPORT", None),
    # --- CONCEDE: verbal concessions, easing restrictions, pardons --------------------------------
    ("The government lifted the curfew in the capital on Monday.", "CONCEDE", None),
    ("President Tokayev granted amnesty to hundreds of protesters.", "CONCEDE", None),
    ("The military junta eased restrictions on political parties.", "CONCEDE", None),
    ("The prime minister conceded defeat in Sunday's election.", "CONCEDE", None),
    ("The king pardoned 50 political prisoners on Tuesday.", "CONCEDE", None),
    ("The company expressed regret for the deaths of the protesters.", "CONCEDE", None),
    ("Authorities allowed the opposition to hold a rally in the capital.", "CONCEDE", None),
    ("The government accepted the demands of the striking teachers.", "CONCEDE", None),
    ("The authorities lifted the state of emergency in the northern provinces.", "CONCEDE", None),
    # --- COOPERATE: joint exercises, extradition, shared intelligence -----------------------------
    ("Russian and Chinese warships held joint naval exercises in the Sea of Japan.",
     "COOPERATE", None),
    ("Spain extradited a suspected drug lord to the United States on Wednesday.", "COOPERATE", None),
    ("The two intelligence services shared information on the bombing suspects.", "COOPERATE", None),
    ("Nigerian and Cameroonian troops conducted joint patrols along the border.", "COOPERATE", None),
    ("Egypt and Sudan began joint military drills near their border.", "COOPERATE", None),
    ("The police forces of both countries cooperated closely in the investigation.",
     "COOPERATE", None),
    # --- AID: material help, asylum, rescues, peacekeepers ----------------------------------------
    ("The World Food Programme delivered food aid to 200,000 people in Tigray.", "AID", None),
    ("The United States sent $300 million in military aid to Ukraine on Friday.", "AID", None),
    ("Germany granted asylum to a Russian dissident journalist.", "AID", None),
    ("Jordan dispatched medical teams to help earthquake victims in Turkey.", "AID", None),
    ("The coast guard rescued 80 migrants off the coast of Libya.", "AID", None),
    ("The IMF approved a $3 billion loan for Egypt.", "AID", None),
    ("UN peacekeepers evacuated civilians from the besieged town.", "AID", None),
    ("Qatar donated fuel and medicine to hospitals in Gaza.", "AID", None),
    # --- RETREAT: releases, withdrawals, surrender, resignations, access --------------------------
    ("Rebels released 20 hostages on Saturday.", "RETREAT", "release"),
    ("Russian troops withdrew from the city of Kherson.", "RETREAT", ANY),
    ("The interior minister resigned on Wednesday amid protests.", "RETREAT", "resign"),
    ("Hundreds of militants surrendered to the army in the north.", "RETREAT", ANY),
    ("Israel freed 39 Palestinian prisoners in exchange for the hostages.", "RETREAT", "release"),
    ("The government allowed UN inspectors into the nuclear site.", "RETREAT", "access"),
    ("The army lifted the siege of the city after three months.", "RETREAT", ANY),
    ("Government forces pulled out of the disputed town on Sunday.", "RETREAT", ANY),
    ("The rebels handed over their weapons to the peacekeepers.", "RETREAT", ANY),
    # --- REQUEST: calls, appeals, demands ------------------------------------------------------
    ("The EU called on both sides to show restraint.", "REQUEST", ANY),
    ("The UN secretary-general appealed for humanitarian access to the besieged city.",
     "REQUEST", ANY),
    ("Protest leaders demanded the resignation of the prime minister.", "REQUEST", "change"),
    ("The United States urged Israel to protect civilians in Gaza.", "REQUEST", ANY),
    ("The families asked the government to release their sons.", "REQUEST", "yield"),
    ("Amnesty International called for an independent investigation into the killings.",
     "REQUEST", ANY),
    ("Kiev asked Western allies for more air defence systems.", "REQUEST", ANY),
    ("The opposition demanded early elections.", "REQUEST", ANY),
    ("The council urged the junta to hand power to civilians.", "REQUEST", ANY),
    # --- ACCUSE: condemnation, accusations, lawsuits, investigations -------------------------------
    ("The foreign ministry condemned the attack on the embassy.", "ACCUSE", "disapprove"),
    ("Iran accused Israel of sabotaging its nuclear facility.", "ACCUSE", ANY),
    ("Human rights groups criticised the new security law.", "ACCUSE", "disapprove"),
    ("Ukraine filed a lawsuit against Russia at the International Court of Justice.",
     "ACCUSE", "allege"),
    ("Prosecutors opened an investigation into the death of the journalist.",
     "ACCUSE", "investigate"),
    ("The opposition blamed the government for the fuel shortages.", "ACCUSE", ANY),
    ("China lodged a formal protest with Japan over the visit.", "ACCUSE", ANY),
    ("The ICC is investigating alleged war crimes in Darfur.", "ACCUSE", "investigate"),
    ("The minister denounced the sanctions as illegal.", "ACCUSE", "disapprove"),
    ("Washington accused Moscow of violating the treaty.", "ACCUSE", ANY),
    # --- REJECT: refusals, rejections, vetoes, denials ------------------------------------------
    ("Hamas rejected the Israeli ceasefire proposal.", "REJECT", ANY),
    ("Russia vetoed the Security Council resolution on Syria.", "REJECT", ANY),
    ("The government refused to negotiate with the kidnappers.", "REJECT", ANY),
    ("Tehran dismissed the accusations as baseless.", "REJECT", ANY),
    ("The president refused to step down despite weeks of protests.", "REJECT", ANY),
    ("The rebels turned down an invitation to the peace conference.", "REJECT", ANY),
    # A denial of an act stated in its clause is that act, with status denied (triggers.yaml).
    ("The ministry denied that its forces had used chemical weapons.", "ASSAULT", "unconventional"),
    ("The ministry denied the accusations of torture.", "REJECT", ANY),
    ("Serbia said it would not recognize Kosovo's independence.", "REJECT", ANY),
    ("The opposition boycotted the talks in Geneva.", "REJECT", ANY),
    # --- THREATEN: warnings and threats --------------------------------------------------------
    ("North Korea threatened to launch a nuclear strike against the United States.",
     "THREATEN", "violence"),
    ("Iran warned of a crushing response to any attack on its territory.", "THREATEN", "violence"),
    ("Washington threatened to impose new sanctions on Tehran.", "THREATEN", ANY),
    ("The militia vowed revenge for the killing of its commander.", "THREATEN", "violence"),
    ("China warned that it would cut off trade with Lithuania.", "THREATEN", ANY),
    ("The army gave the rebels an ultimatum to lay down their arms.", "THREATEN", ANY),
    ("The union threatened a general strike if wages were not raised.", "THREATEN", ANY),
    ("Russia threatened to expel Western diplomats.", "THREATEN", ANY),
    # --- PROTEST: demonstrations, strikes, riots, blockades ----------------------------------------
    ("Thousands of people marched through the capital to protest the new law.", "PROTEST", "demo"),
    ("Teachers went on strike across the country on Monday.", "PROTEST", ANY),
    ("Rioters torched cars and looted shops in the city centre.", "PROTEST", "riot"),
    ("Farmers blocked the main highway with tractors.", "PROTEST", "obstruct"),
    ("Jailed activists began a hunger strike on Sunday.", "PROTEST", "hunger"),
    ("Demonstrators rallied outside parliament demanding the president's resignation.",
     "PROTEST", "demo"),
    ("Students staged a sit-in at the university.", "PROTEST", "demo"),
    ("Hundreds of protesters took to the streets of Khartoum on Thursday.", "PROTEST", "demo"),
    # --- SANCTION: sanctions, cut ties, expelled diplomats, suspended aid ---------------------------
    ("The European Union imposed sanctions on Iranian officials on Monday.", "SANCTION", ANY),
    ("Morocco severed diplomatic ties with Iran.", "SANCTION", ANY),
    ("The United States suspended military aid to Egypt.", "SANCTION", ANY),
    ("Britain expelled four Russian diplomats on Tuesday.", "SANCTION", ANY),
    ("The African Union suspended Mali's membership after the coup.", "SANCTION", ANY),
    ("Canada recalled its ambassador from Riyadh.", "SANCTION", ANY),
    ("The Treasury froze the assets of three militia leaders.", "SANCTION", ANY),
    ("Western donors cut off funding to the health ministry.", "SANCTION", ANY),
    ("The government withdrew from the nuclear deal.", "SANCTION", ANY),
    # --- MOBILIZE: deployments, alerts, drills, build-ups ------------------------------------------
    ("Russia massed troops on its border with Ukraine.", "MOBILIZE", "troops"),
    ("The Pentagon deployed 3,000 additional soldiers to Poland.", "MOBILIZE", "troops"),
    ("The army put its forces on high alert after the border clash.", "MOBILIZE", ANY),
    ("North Korea staged large-scale military drills on Tuesday.", "MOBILIZE", ANY),
    ("Iran mobilized its reservists as tensions rose.", "MOBILIZE", "troops"),
    ("Turkey sent tanks and armoured vehicles to the Syrian border.", "MOBILIZE", ANY),
    ("The navy dispatched two warships to the Strait of Hormuz.", "MOBILIZE", ANY),
    ("Thousands of police officers were deployed in the capital ahead of the vote.",
     "MOBILIZE", ANY),
    # --- COERCE: arrests, bans, curfews, deportations, raids, seizures -----------------------------
    ("Police arrested dozens of opposition activists in Minsk.", "COERCE", "arrest"),
    ("The authorities imposed a curfew on the city after the riots.", "COERCE", "curfew"),
    ("The government banned the main opposition party on Thursday.", "COERCE", "ban"),
    ("Greece deported 40 migrants to Turkey.", "COERCE", "deport"),
    ("Police raided the offices of an independent newspaper.", "COERCE", "seize"),
    ("The authorities shut down the internet across the country.", "COERCE", "restrict"),
    ("The president declared martial law in the eastern provinces.", "COERCE", "martial-law"),
    ("Soldiers detained three journalists at a checkpoint near Mosul.", "COERCE", "arrest"),
    ("Customs officers seized a shipment of weapons at the port.", "COERCE", "seize"),
    ("A court sentenced the opposition leader to five years in prison.", "COERCE", "arrest"),
    # --- ASSAULT: attacks, bombings, killings, abductions, torture --------------------------------
    ("Gunmen killed seven villagers in an attack on Sunday night.", "ASSAULT", ANY),
    ("Israeli jets bombed targets in southern Lebanon.", "ASSAULT", "aerial"),
    ("A car bomb exploded outside a police station in Kirkuk.", "ASSAULT", "explosives"),
    ("Boko Haram fighters abducted 30 schoolgirls from a village in Borno.", "ASSAULT", "abduct"),
    ("The army shelled rebel positions north of the city.", "ASSAULT", "heavy-weapons"),
    ("Government troops and rebels clashed near the airport on Saturday.", "ASSAULT", "firearms"),
    ("A suicide bomber blew himself up at a mosque in Peshawar.", "ASSAULT", "suicide-attack"),
    ("The detainees were tortured by prison guards.", "ASSAULT", "torture"),
    ("Militants assassinated a provincial governor in Kandahar.", "ASSAULT", ANY),
    ("A drone strike killed four militants in North Waziristan.", "ASSAULT", ANY),
    # --- wire-style sentences: attribution, subordinate clauses, the act inside a speech act ---
    (("Officials from both sides said on Tuesday they had agreed in principle to a prisoner "
     "exchange that could take place next month."), "AGREE", ANY),
    (("The government, under pressure from donors, said it was prepared to resume talks with the "
     "rebels without preconditions."), "AGREE", ANY),
    (("The rebel commander told reporters his fighters would hand over their heavy weapons to UN "
     "monitors."), "AGREE", ANY),
    (("Talks between the government and the rebels resumed in Addis Ababa on Monday, a mediator "
     "said."), "CONSULT", ANY),
    (("The envoy, who arrived in Kabul on Sunday, held separate meetings with the president and "
     "Taliban representatives."), "CONSULT", ANY),
    (("Putin and Erdogan met in Sochi for three hours on Friday to discuss the fighting in Idlib, "
     "the Kremlin said."), "CONSULT", ANY),
    (("The United States on Wednesday expressed support for the Kenyan-led security mission to "
     "Haiti, saying it would help restore order."), "SUPPORT", None),
    (("In a statement, the ministry hailed the agreement as a major step towards peace in the "
     "region."), "SUPPORT", None),
    ("The government on Sunday reduced the hours of the curfew imposed after last month's riots.",
     "CONCEDE", None),
    ("Saudi Arabia has given Yemen's central bank a $2 billion deposit to prop up the currency.",
     "AID", None),
    (("Hezbollah fighters have withdrawn from positions near the Israeli border, Lebanese security "
     "sources said on Saturday."), "RETREAT", ANY),
    (("Kidnappers freed the two Italian engineers on Sunday after 40 days in captivity, police "
     "said."), "RETREAT", "release"),
    (("More than 200 fighters laid down their arms and surrendered to the army in the Pool "
     "region."), "RETREAT", ANY),
    (("In a letter to the Security Council, Iraq asked the United Nations to help it recover "
     "antiquities looted from its museums."), "REQUEST", ANY),
    ("The bishops urged the government and the rebels to return to the negotiating table.",
     "REQUEST", ANY),
    ("Relatives of the kidnapped students appealed to the abductors to free them.",
     "REQUEST", ANY),
    (("Amnesty International accused Egyptian police of detaining hundreds of protesters without "
     "charge."), "ACCUSE", ANY),
    ("The opposition condemned the arrest of its leader and called it politically motivated.",
     "ACCUSE", "disapprove"),
    (("Pakistan on Sunday accused India of shelling villages along the Line of Control, killing "
     "two civilians."), "ACCUSE", ANY),
    (("A parliamentary committee is investigating allegations that officials took bribes from arms "
     "dealers."), "ACCUSE", "investigate"),
    ("Kyiv summoned the Hungarian ambassador to protest against remarks by the prime minister.",
     "ACCUSE", ANY),
    ("Israel on Monday rejected a UN call for an immediate ceasefire in Gaza.", "REJECT", ANY),
    ("The junta has refused to allow aid workers into the areas worst hit by the cyclone.",
     "REJECT", ANY),
    (("The Kremlin dismissed as nonsense reports that Russian troops were massing near the "
     "border."), "REJECT", ANY),
    ("The rebels said they would not take part in the elections.", "REJECT", ANY),
    ("The Houthis warned on Sunday that they would target ships heading to Israeli ports.",
     "THREATEN", ANY),
    (("Erdogan said Turkey would launch a new military operation in northern Syria if Kurdish "
     "fighters did not withdraw."), "THREATEN", ANY),
    ("A spokesman for the group said it would kill the hostages unless its demands were met.",
     "THREATEN", ANY),
    (("Tens of thousands of Israelis demonstrated in Tel Aviv on Saturday against the "
     "government's judicial overhaul, police said."), "PROTEST", "demo"),
    ("Dock workers in Antwerp walked off the job on Tuesday over pay.", "PROTEST", ANY),
    ("Angry residents set fire to tyres and blocked roads in the town after the shooting.",
     "PROTEST", ANY),
    ("The United States on Friday slapped sanctions on two Russian banks over the invasion.",
     "SANCTION", ANY),
    ("Bahrain announced it had cut all ties with Qatar.", "SANCTION", ANY),
    ("The junta ordered the French ambassador to leave the country within 48 hours.",
     "SANCTION", ANY),
    ("The World Bank halted disbursements to Uganda over the new law.", "SANCTION", ANY),
    (("Israel has called up 300,000 reservists ahead of an expected ground offensive, the army "
     "said."), "MOBILIZE", ANY),
    ("Russia has moved additional air defence systems to Crimea, according to satellite images.",
     "MOBILIZE", ANY),
    (("Security forces detained at least 40 people in overnight raids in the West Bank, the army "
     "said."), "COERCE", "arrest"),
    (("Police in Hong Kong arrested seven activists on Wednesday on charges of organising an "
     "unlawful assembly."), "COERCE", "arrest"),
    ("The authorities blocked access to Twitter and Facebook after the protests.",
     "COERCE", ANY),
    (("The military government has banned all political gatherings in the capital until further "
     "notice."), "COERCE", ANY),
    (("Suspected jihadists attacked an army post in northern Burkina Faso, killing 11 soldiers, "
     "security sources said."), "ASSAULT", ANY),
    (("Three people were killed when a bomb went off in a crowded market in Quetta on Friday, "
     "police said."), "ASSAULT", "explosives"),
    ("Unidentified gunmen opened fire on a bus carrying pilgrims, killing at least nine.",
     "ASSAULT", ANY),
    # --- round 2: manual cuts between neighbouring types ----------------------------------------
    # formal charges are accusations (manual 3.9 ACCUSE 'allege'); a prison sentence is COERCE
    ("Prosecutors charged the former minister with corruption on Tuesday.", "ACCUSE", "allege"),
    ("The two suspects were charged with murder and remanded in custody.", "ACCUSE", "allege"),
    ("A federal grand jury indicted the former governor on 12 counts.", "ACCUSE", "allege"),
    ("The opposition charged the government with rigging the vote.", "ACCUSE", "disapprove"),
    ("The prosecution of the opposition leader has drawn criticism abroad.", "ACCUSE", "allege"),
    # a coup is a coercive use of power short of battle (manual 3.15; context 4.8)
    ("The army seized power in a bloodless coup on Monday.", "COERCE", ANY),
    ("Mutinous soldiers staged a coup and detained the president.", "COERCE", ANY),
    ("Army officers overthrew the elected government on Wednesday.", "COERCE", ANY),
    # dispersing a crowd with no weapon named restricts it; tear gas is crowd-control violence
    ("Police dispersed the crowd outside the electoral commission.", "COERCE", "restrict"),
    ("Riot police fired tear gas at students marching on parliament.", "ASSAULT", "crowd-control"),
    ("The junta dissolved the main opposition party on Friday.", "COERCE", "ban"),
    ("Israeli forces demolished the family home of the attacker.", "ASSAULT", ANY),
    # a killed office-holder is a targeted killing
    ("Unknown attackers killed the mayor of the town on Sunday.", "ASSAULT", "assassinate"),
    ("Gunmen shot dead a provincial governor in Kandahar.", "ASSAULT", "assassinate"),
    # fighters evacuated from a besieged position retreat; civilians evacuated are helped
    (("More than 250 soldiers, many of them wounded, were evacuated from the besieged steel "
      "plant."), "RETREAT", "withdraw"),
    ("Rescue workers evacuated hundreds of residents from the flooded villages.", "AID", None),
    ("The last foreign troops left the country on Monday night.", "RETREAT", "withdraw"),
    ("Ukraine to pull troops out of the eastern town", "RETREAT", ANY),
    ("Rebels began withdrawing from the captured town on Monday.", "RETREAT", ANY),
    ("Twenty hostages were freed by the kidnappers on Friday.", "RETREAT", "release"),
    ("Russia and Ukraine exchanged 200 prisoners of war on Saturday.", "RETREAT", "release"),
    ("The rebels gave up control of the airport on Friday.", "RETREAT", ANY),
    # concessions told as nouns or phrasal verbs
    ("The lifting of the curfew was announced on state television.", "CONCEDE", None),
    ("The government backed down on the fuel price increase after a week of strikes.",
     "CONCEDE", None),
    ("The authorities reopened the independent television station on Friday.", "CONCEDE", None),
    ("The government dropped the charges against the activists.", "CONCEDE", None),
    ("The president commuted the death sentences of 20 prisoners.", "CONCEDE", None),
    # sanctions and expulsions told as nouns
    ("The expulsion of two Russian diplomats was announced on Tuesday.", "SANCTION", ANY),
    ("Mali ordered the UN peacekeeping mission to leave the country.", "SANCTION", ANY),
    ("China banned imports of Japanese seafood after the water release.", "SANCTION", ANY),
    ("The EU's decision to freeze the assets of the oligarchs was announced on Monday.",
     "SANCTION", ANY),
    ("Lithuania downgraded diplomatic relations with China.", "SANCTION", ANY),
    # bans, deportations and detentions told as nouns
    ("A ban on public gatherings took effect in the capital on Monday.", "COERCE", "ban"),
    ("The ban on opposition rallies remains in force.", "COERCE", "ban"),
    ("The deportation of 500 migrants began on Monday.", "COERCE", "deport"),
    ("The detention of the activists drew international criticism.", "COERCE", "arrest"),
    # meetings, offers, recognition and aid with no verb trigger
    ("Talks between Ethiopia and Egypt over the dam ended without agreement on Tuesday.",
     "CONSULT", ANY),
    ("A visit by the Iranian president to Riyadh is the first in a decade.", "CONSULT", "visit"),
    ("An offer of talks by the rebels was welcomed in the capital.", "AGREE", None),
    ("The recognition of Palestine by Spain angered Israel.", "SUPPORT", None),
    ("A shipment of humanitarian aid arrived in Gaza on Sunday.", "AID", None),
    ("Saudi Arabia deposited $1 billion in Egypt's central bank.", "AID", None),
    ("The extradition of the suspect to France was approved on Monday.", "COOPERATE", None),
    ("Israel's high court opened a hearing into the legality of the interrogation methods.",
     "ACCUSE", "investigate"),
    ("Security forces cordoned off the area around the parliament.", "COERCE", "restrict"),
    ("The two presidents held a video call on Monday.", "CONSULT", "phone"),
    ("Niger revoked its military cooperation agreement with France.", "SANCTION", ANY),
    ("The government compensated the families of the victims.", "AID", None),
    # refusing a retreat or a concession is a rejection of it
    ("The junta declined to free the detained opposition leader.", "REJECT", ANY),
    ("The government ruled out withdrawing its troops from the region.", "REJECT", ANY),
    ("The army balked at pulling back from the border.", "REJECT", ANY),
    ("Washington ruled out lifting sanctions on Iran.", "REJECT", ANY),
    ("Russia cut off gas supplies to Bulgaria on Wednesday.", "SANCTION", ANY),
    ("The rebels called off their offensive after the talks.", "RETREAT", ANY),
]


# General rules of triggers.py / recode.py, each with a sentence that needs it.
RULES = [
    # a verb of preparation makes an armed act a show of force, not a threat
    ("The army prepared to resume shelling rebel-held villages.", "MOBILIZE", ANY),
    ("Troops were preparing to storm the rebel stronghold.", "MOBILIZE", ANY),
    # ... while the adjective "prepared to" states an intent
    ("Syria is prepared to withdraw its troops from Lebanon.", "AGREE", None),
    # an intent noun ("willingness", "readiness") makes its act an intent
    ("The government expressed willingness to negotiate with the strikers.", "AGREE", None),
    # a commitment verb takes the type of what it announces
    ("The rebels vowed to fight on until the regime falls.", "THREATEN", "violence"),
    ("The president pledged to release all political prisoners.", "AGREE", None),
    # an order to someone else is a demand; an order to one's own troops is their act
    (("An Argentine judge ordered the former president to appear for questioning in a corruption "
     "investigation."), "REQUEST", ANY),
    ("The president ordered troops to withdraw from the border.", "RETREAT", "withdraw"),
    ("The governor ordered the newspaper to suspend publication.", "COERCE", "restrict"),
    # a mission's purpose, if no armed act, is the event
    (("The United Nations has sent 21 military and civilian personnel to Bosnia to investigate "
     "the situation."), "ACCUSE", "investigate"),
    ("The army deployed 2,000 soldiers to help flood victims in the south.", "AID", None),
    ("The Pentagon sent troops to protect the embassy.", "MOBILIZE", "troops"),
    # a reporting verb that performs a material act
    ("The army declared a state of emergency in the capital.", "COERCE", "martial-law"),
    # a casualty verb takes the armed act it names in an "in" phrase
    ("Guerrillas wounded two soldiers in a bomb attack on Thursday, police said.",
     "ASSAULT", "explosives"),
    ("The army killed 12 militants in an air strike near the border.", "ASSAULT", "aerial"),
    # a clause of time is no content of a speech act
    ("Over 40 fighters defected and joined the army after laying down their arms.", "AGREE", None),
    # a weapons test is a show of force
    ("North Korea test-fired two ballistic missiles on Monday.", "MOBILIZE", ANY),
    # "committed to" states an intent
    ("Vietnam is committed to opening up its economy.", "AGREE", None),
    # exercises by several parties, or with another, are joint
    ("French and Egyptian warships launched ten days of war games in the Mediterranean.",
     "COOPERATE", None),
    ("China held naval drills with Russia in the East China Sea.", "COOPERATE", None),
    # police deployments
    ("Riot police were deployed across the capital ahead of the vote.", "MOBILIZE", "police"),
]

# Round 3: every PLOVER type told in varied news syntax (noun triggers, passives, headlines,
# "X's decision to ...", light verbs) and the manual's cuts: crowd control needs a named weapon or
# tactic and live fire stays firearms (3.16.2-3), hostage rescues are AID (3.7.2), a conviction
# is SANCTION 'convict' (table 3.8), an official complaint ACCUSE 'disapprove' (3.9.2), a threat
# of bans THREATEN 'restrict' (table 3.6), an offer AGREE (3.1); a participle on a party
# ("a man accused of spying") describes it.
COVERAGE = [
    # crowd control
    ("Police dispersed the crowd using water cannon.", "ASSAULT", "crowd-control"),
    ("Police dispersed the protesters using tear gas and rubber bullets.",
     "ASSAULT", "crowd-control"),
    ("Police fired rubber bullets to disperse the demonstrators.", "ASSAULT", "crowd-control"),
    ("Police fired shots in the air to disperse the demonstrators.", "ASSAULT", "crowd-control"),
    ("Police used batons to disperse the protesters.", "ASSAULT", "crowd-control"),
    ("Security forces dispersed the rally with tear gas and rubber bullets on Sunday.",
     "ASSAULT", "crowd-control"),
    ("Soldiers fired live rounds to disperse the crowd.", "ASSAULT", "firearms"),
    ("Troops opened fire to disperse the crowd, killing three people.", "ASSAULT", "firearms"),
    # descriptions
    ("Two men convicted of murder were executed in Riyadh.", "ASSAULT", ANY),
    ("The police arrested a man accused of spying for Russia.", "COERCE", "arrest"),
    ("The attack, condemned by the UN, killed 12 people.", "ASSAULT", ANY),
    # convictions, complaints, conditional threats
    ("A court convicted the former president of corruption.", "SANCTION", "convict"),
    ("The court found the journalist guilty of spreading false news.", "SANCTION", "convict"),
    ("A court sentenced the former president to ten years in prison.", "COERCE", "arrest"),
    ("Nigeria summoned the British envoy to complain about the remarks.", "ACCUSE", "disapprove"),
    ("The party said it will boycott the elections unless the president agrees to step down.",
     "THREATEN", "restrict"),
    ("The rebels said they would attack the city unless the army withdrew.",
     "THREATEN", "violence"),
    ("The government threatened to ban the opposition party.", "THREATEN", "restrict"),
    ("Kenya offered to send police to Haiti.", "AGREE", ANY),
    # rescues and releases
    ("Special forces rescued 12 hostages in a raid on a militant hideout.", "AID", ANY),
    ("Soldiers freed 14 kidnapped farmers from a forest camp.", "AID", ANY),
    ("The kidnappers freed the hostages after a ransom was paid.", "RETREAT", "release"),
    ("Soldiers evacuated villagers from the flooded district.", "AID", ANY),
    ("Peacekeepers withdrew from the buffer zone on Friday.", "RETREAT", "withdraw"),
    # protests
    ("Thousands of protesters stormed the parliament building.", "PROTEST", "riot"),
    ("The opposition walked out of parliament in protest.", "PROTEST", ANY),
    ("Opposition lawmakers walked out of the chamber during the vote.", "PROTEST", ANY),
    ("Truckers blockaded the border crossing for a third day.", "PROTEST", "obstruct"),
    ("The strike by dock workers entered its third week.", "PROTEST", ANY),
    ("Thousands of workers staged a walkout over unpaid wages.", "PROTEST", ANY),
    ("Opposition supporters rallied in the capital on Saturday.", "PROTEST", ANY),
    ("Protesters blocked roads and burned tyres in the town.", "PROTEST", ANY),
    ("Students boycotted classes to protest the fee increase.", "PROTEST", ANY),
    ("Lawyers held a demonstration outside the supreme court.", "PROTEST", ANY),
    ("Farmers staged protests across France.", "PROTEST", ANY),
    ("Demonstrators torched the governor's office.", "PROTEST", ANY),
    ("A general strike paralysed the capital on Monday.", "PROTEST", ANY),
    # armed
    ("Israeli warplanes launched raids on Gaza overnight.", "ASSAULT", "aerial"),
    ("The army carried out raids in several villages.", "ASSAULT", None),
    ("The rebels launched a counteroffensive in the east.", "ASSAULT", ANY),
    # rockets or shells that hit, and fire "under" artillery, are heavy weapons
    ("More than 30 rockets hit the military base on Friday.", "ASSAULT", "heavy-weapons"),
    ("The convoy came under artillery fire near the border.", "ASSAULT", "heavy-weapons"),
    # defying a ban while protesting is how the protest was held
    ("Thousands of people took to the streets, defying a ban on gatherings.", "PROTEST", "demo"),
    # refusals and entry bans (REJECT, manual 3.10.2), inquiries, concessions, cooperation, meetings
    ("Israel barred UN investigators from entering the country.", "REJECT", ANY),
    ("Hungary denied entry to the Ukrainian delegation.", "REJECT", ANY),
    ("The government rebuffed calls for an international inquiry.", "REJECT", ANY),
    ("Tehran spurned the European offer.", "REJECT", ANY),
    ("The rebels turned down the peace proposal.", "REJECT", ANY),
    ("The president refused to meet the opposition leader.", "REJECT", ANY),
    ("The junta declined an invitation to the summit.", "REJECT", ANY),
    ("China denounced the sanctions as illegal.", "ACCUSE", ANY),
    ("The army chief accused the rebels of using civilians as human shields.", "ACCUSE", ANY),
    ("Prosecutors launched a probe into the deaths of the migrants.", "ACCUSE", "investigate"),
    ("The UN set up a commission to investigate the massacre.", "ACCUSE", "investigate"),
    ("The government lifted the ban on the opposition party.", "CONCEDE", None),
    ("The junta freed political prisoners under an amnesty.", "RETREAT", ANY),
    ("Authorities relaxed the curfew in the capital.", "CONCEDE", None),
    ("The president pardoned the jailed journalists.", "CONCEDE", None),
    ("The union called off the strike after the government raised wages.", "CONCEDE", None),
    ("The military expressed regret for the civilian deaths.", "CONCEDE", None),
    ("The authorities unblocked access to social media on Friday.", "CONCEDE", None),
    ("Colombia extradited a drug lord to the United States.", "COOPERATE", None),
    ("The two countries signed an extradition treaty.", "SUPPORT", None),
    ("The two armies held joint exercises near the border.", "COOPERATE", None),
    ("France and Germany agreed to share intelligence on extremists.", "AGREE", ANY),
    ("The two countries resumed direct flights after years of hostility.", "COOPERATE", None),
    ("The defence ministers met in Brussels on Thursday.", "CONSULT", ANY),
    ("The envoy met with Taliban leaders in Doha.", "CONSULT", ANY),
    ("Macron hosted the Indian prime minister in Paris.", "CONSULT", "visit"),
    ("The president travelled to Beijing for a state visit.", "CONSULT", "visit"),
    ("The two leaders spoke by telephone on Sunday.", "CONSULT", "phone"),
    # a to-infinitive the parser made a relative clause of its noun is the noun's purpose
    (("The junta warned that the army would launch a counteroffensive to retake every "
      "village."), "THREATEN", "violence"),
    ("Russian forces pounded Ukrainian positions with artillery.", "ASSAULT", ANY),
    ("Israeli troops stormed the refugee camp on Monday.", "ASSAULT", ANY),
    ("Militants carried out a suicide bombing at a checkpoint.", "ASSAULT", "suicide-attack"),
    ("Russian drones struck energy infrastructure overnight.", "ASSAULT", ANY),
    ("Al-Shabaab fighters ambushed a military convoy.", "ASSAULT", ANY),
    ("Israeli aircraft pounded targets in Gaza.", "ASSAULT", "aerial"),
    ("Commandos stormed the hijacked plane.", "ASSAULT", ANY),
    ("Houthi fighters attacked a cargo ship in the Red Sea.", "ASSAULT", ANY),
    ("Militants kidnapped a French aid worker in Niger.", "ASSAULT", "abduct"),
    # mobilize
    ("Japan scrambled fighter jets after Chinese drones approached its airspace.", "MOBILIZE", ANY),
    ("China dispatched coast guard vessels to the disputed shoal.", "MOBILIZE", ANY),
    ("Russia deployed nuclear-capable missiles to Belarus.", "MOBILIZE", ANY),
    ("China sent warships and fighter jets around Taiwan.", "MOBILIZE", ANY),
    ("Israel called up reservists on Saturday.", "MOBILIZE", ANY),
    ("Armenia put its army on combat alert.", "MOBILIZE", ANY),
    ("Troops were massed along the border ahead of the offensive.", "MOBILIZE", ANY),
    ("The US moved an aircraft carrier to the eastern Mediterranean.", "MOBILIZE", ANY),
    # sanction
    ("The US halted arms sales to Saudi Arabia.", "SANCTION", ANY),
    ("Moscow's decision to expel the diplomats drew protests from Berlin.", "SANCTION", ANY),
    ("Washington's decision to impose tariffs on Chinese goods angered Beijing.", "SANCTION", ANY),
    ("Washington imposed sanctions on three Chinese firms.", "SANCTION", ANY),
    ("The EU froze the assets of 20 Russian officials.", "SANCTION", ANY),
    ("Niger expelled the French ambassador.", "SANCTION", ANY),
    ("Poland recalled its envoy from Minsk for consultations.", "SANCTION", ANY),
    ("The US blacklisted five companies over their ties to the military.", "SANCTION", ANY),
    ("Algeria cut diplomatic ties with Morocco on Tuesday.", "SANCTION", ANY),
    ("Russia expelled 20 German diplomats on Friday.", "SANCTION", ANY),
    ("The authorities froze the bank accounts of the opposition party.", "SANCTION", ANY),
    ("The EU suspended budget support to Niger after the coup.", "SANCTION", ANY),
    ("The government expelled the UN human rights envoy.", "SANCTION", ANY),
    # coerce
    ("Police rounded up dozens of opposition supporters.", "COERCE", "arrest"),
    ("The government imposed a night-time curfew in the capital.", "COERCE", "curfew"),
    ("The authorities shut down mobile internet in the region.", "COERCE", ANY),
    ("The junta expelled foreign journalists from the country.", "COERCE", ANY),
    ("Security forces detained a prominent activist in Cairo.", "COERCE", "arrest"),
    ("The regime banned the opposition newspaper.", "COERCE", ANY),
    ("Authorities carried out raids on the homes of activists.", "COERCE", ANY),
    ("The ministry announced the arrest of 12 suspects.", "COERCE", "arrest"),
    ("Police carried out a series of arrests in the capital.", "COERCE", "arrest"),
    ("The opposition leader was placed under house arrest.", "COERCE", "arrest"),
    ("Several journalists were taken into custody.", "COERCE", "arrest"),
    ("The government imposed a state of emergency in three provinces.", "COERCE", "martial-law"),
    ("Iran seized a British-flagged tanker in the Strait of Hormuz.", "COERCE", ANY),
    ("The military ousted the president in a coup.", "COERCE", ANY),
    ("Rebels toppled the government and seized the capital.", "COERCE", ANY),
    ("The government deported hundreds of Afghan refugees.", "COERCE", "deport"),
    ("The court jailed the activist for five years.", "COERCE", "arrest"),
    ("Turkey's decision to close its airspace to Israeli flights was announced on Monday.",
     "COERCE", ANY),
    # accuse
    ("China slammed the US arms sale to Taiwan.", "ACCUSE", ANY),
    ("The opposition blasted the government's handling of the crisis.", "ACCUSE", ANY),
    ("Russia summoned the British ambassador over the remarks.", "ACCUSE", ANY),
    ("Rights groups decried the arrests as politically motivated.", "ACCUSE", ANY),
    ("The government sued the newspaper for defamation.", "ACCUSE", ANY),
    ("The UN launched an inquiry into the killing of the aid workers.", "ACCUSE", "investigate"),
    ("Moscow lashed out at NATO over the deployment.", "ACCUSE", ANY),
    ("Turkey summoned the Swedish ambassador over the Koran burning.", "ACCUSE", ANY),
    ("The Philippines accused China of firing water cannon at its vessel.", "ACCUSE", ANY),
    # reject
    ("The rebels rejected the government's offer of talks.", "REJECT", ANY),
    ("The council refused permission for the march.", "REJECT", ANY),
    ("The president vetoed the bill on Friday.", "REJECT", ANY),
    ("The junta defied international calls to release the detainees.", "REJECT", ANY),
    ("The prime minister dismissed the accusations as lies.", "REJECT", ANY),
    ("Iran rejected calls to halt uranium enrichment.", "REJECT", ANY),
    ("Israel refused to allow fuel into Gaza.", "REJECT", ANY),
    # threaten
    ("The Houthis threatened to attack ships in the Red Sea.", "THREATEN", ANY),
    ("China warned Taiwan of severe consequences.", "THREATEN", ANY),
    ("The army issued a warning to residents to leave the area.", "THREATEN", ANY),
    ("The union threatened to walk out if the talks fail.", "THREATEN", ANY),
    ("Pyongyang vowed to bolster its nuclear arsenal.", "THREATEN", ANY),
    ("The minister warned that the rebels would face a crushing response.", "THREATEN", ANY),
    ("The government issued an ultimatum to the striking doctors.", "THREATEN", ANY),
    ("Russia warned NATO against sending troops to Ukraine.", "THREATEN", ANY),
    ("Britain announced it would send more troops to Estonia.", "THREATEN", ANY),
    # request
    ("Ukraine pressed its allies for more long-range missiles.", "REQUEST", ANY),
    ("The opposition called for a general strike on Monday.", "REQUEST", ANY),
    ("Egypt urged restraint on both sides.", "REQUEST", ANY),
    ("The union demanded a 20 percent pay rise for nurses.", "REQUEST", ANY),
    ("The UN issued an appeal for $4 billion to fund its operations in Sudan.", "REQUEST", ANY),
    ("Kenya sought extradition of the suspect from Tanzania.", "REQUEST", ANY),
    ("The opposition demanded that the election results be annulled.", "REQUEST", ANY),
    ("The UN called for an end to the fighting.", "REQUEST", ANY),
    ("Zelensky appealed to Western leaders for more weapons.", "REQUEST", ANY),
    ("The UN chief urged an immediate ceasefire.", "REQUEST", ANY),
    # retreat
    ("The militants freed the last of the hostages on Sunday.", "RETREAT", "release"),
    ("Russian forces retreated from the west bank of the Dnipro.", "RETREAT", ANY),
    ("The prime minister stepped down after losing a confidence vote.", "RETREAT", "resign"),
    ("The army handed over power to a civilian government.", "RETREAT", ANY),
    ("The defence minister was forced to resign over the scandal.", "RETREAT", ANY),
    ("The army's decision to pull out of the town surprised residents.", "RETREAT", ANY),
    ("The finance minister resigned on Thursday.", "RETREAT", "resign"),
    # aid; a pledge or offer of aid promises it (AGREE)
    ("Donors pledged $2 billion for the reconstruction of Gaza.", "AGREE", None),
    ("Qatar offered humanitarian aid to the earthquake victims.", "AGREE", None),
    ("Japan donated $5 million to the UN refugee agency.", "AID", None),
    ("The UAE airlifted 50 tonnes of medical supplies to Gaza.", "AID", ANY),
    ("Aid agencies distributed food to displaced families in the camp.", "AID", ANY),
    ("The World Bank approved a $500 million grant to Ethiopia.", "AID", ANY),
    ("Lebanon took in thousands of refugees fleeing the fighting.", "AID", ANY),
    # cooperate
    ("Turkey and Azerbaijan staged joint military drills near the border.", "COOPERATE", ANY),
    ("Italy handed over a suspected smuggler to Libyan authorities.", "COOPERATE", ANY),
    ("The two navies conducted joint patrols in the Gulf of Aden.", "COOPERATE", ANY),
    # support
    ("The United States hailed the peace deal as historic.", "SUPPORT", ANY),
    ("France threw its weight behind the Moroccan autonomy plan.", "SUPPORT", ANY),
    ("The Gulf states voiced solidarity with Jordan after the attack.", "SUPPORT", ANY),
    ("The Security Council endorsed the ceasefire agreement on Tuesday.", "SUPPORT", ANY),
    ("Several countries have recognized the Palestinian state this year.", "SUPPORT", ANY),
    ("The president congratulated the winner of the election.", "SUPPORT", ANY),
    ("Kenya and Ethiopia signed a security cooperation pact.", "SUPPORT", ANY),
    ("The two leaders reached an agreement on border demarcation.", "SUPPORT", ANY),
    # consult
    ("The Chinese foreign minister held talks with his Australian counterpart in Canberra.",
     "CONSULT", ANY),
    ("The prime minister telephoned the Egyptian president to discuss the crisis.", "CONSULT", ANY),
    ("Leaders of the G7 convened an emergency summit on the crisis.", "CONSULT", ANY),
    ("The envoy shuttled between Cairo and Doha for talks with the mediators.", "CONSULT", ANY),
    ("The king hosted the Palestinian president at his palace in Amman.", "CONSULT", ANY),
    ("The two sides held a new round of talks in Doha.", "CONSULT", ANY),
    # agree
    ("The rebels signalled their readiness to join peace talks.", "AGREE", ANY),
    ("The two sides agreed on a prisoner swap, the mediators said.", "AGREE", ANY),
    ("Hamas accepted an Egyptian proposal for a truce.", "AGREE", ANY),
    ("The junta announced it would hold elections in 2025.", "AGREE", ANY),
    ("Blinken to visit Beijing next week", "AGREE", ANY),
    ("The two countries agreed to share intelligence on militant groups.", "AGREE", ANY),
    ("Germany will provide air defence systems to Ukraine.", "AGREE", ANY),
    # events that got no trigger or a wrong one: particles, undergoers, weapon phrases
    ("A shepherd stepped on a landmine near the village on Sunday.", "ASSAULT", "explosives"),
    ("A farmer was killed when his tractor drove over a landmine.", "ASSAULT", "explosives"),
    ("The minister stepped aside pending an investigation.", "RETREAT", "resign"),
    ("The town of Ghazni fell to the militants late on Thursday.", "COERCE", "seize"),
    ("Government forces lost control of the district to the rebels.", "COERCE", "seize"),
    ("Kunduz fell to the insurgents after government troops withdrew.", "COERCE", "seize"),
    ("Three protesters were wounded by live bullets in the capital.", "ASSAULT", "firearms"),
    ("Security forces wounded five demonstrators with live ammunition.", "ASSAULT", "firearms"),
    ("Government helicopters dropped chlorine-filled barrels on the town.", "ASSAULT",
     "unconventional"),
    ("Witnesses said aircraft dropped barrel bombs on the market.", "ASSAULT", "aerial"),
    ("Hundreds of women were forced into sexual slavery by the militants.", "ASSAULT", "sexual"),
    ("Many of the girls were sold into slavery.", "ASSAULT", "sexual"),
    ("He has been missing since security agents took him away from his home.", "ASSAULT",
     "abduct"),
    ("The rebels established a command post near the airport.", "COERCE", "seize"),
    ("The army set up a command centre in the town.", "COERCE", "seize"),
    ("Climate activists staged a die-in outside parliament.", "PROTEST", ANY),
    ("Lawmakers attacked the budget as reckless.", "ACCUSE", ANY),
    ("The opposition leader attacked the government's economic record.", "ACCUSE", ANY),
    ("Lawmakers attacked the government over its handling of the pandemic.", "ACCUSE", ANY),
    ("Gunmen attacked a police station in the north.", "ASSAULT", ANY),
    ("Germany sent tanks to Ukraine last month.", "AID", ANY),
    ("Iran sent drones to Russia.", "AID", ANY),
    ("Russia sent tanks to the border.", "MOBILIZE", ANY),
    ("The navy deployed warships to the strait.", "MOBILIZE", ANY),
    ("Protesters storm parliament", "PROTEST", "riot"),
    ("Protesters set up roadblocks on the main highway.", "PROTEST", "obstruct"),
    ("The fugitive commander turned himself in to police.", "RETREAT", ANY),
    ("Washington pulled out of the nuclear deal.", "SANCTION", ANY),
    ("The minister backed out of the deal.", "SANCTION", ANY),
    ("The rebels walked out of the peace talks.", "SANCTION", ANY),
]

NO_EVENT = [
    "The army ordered new rifles from a Czech manufacturer.",
    # a commemoration is no protest (a protest is directed against someone)
    "Hundreds of veterans gathered in central Kyiv on Thursday to mark Independence Day.",
    "Thousands of mourners gathered in the square to commemorate the victims.",
    "Schools and government offices remained closed on Monday.",
    # publishing a statement frees nobody
    "The ministry released a statement on the situation in the north.",
    "The forum said rich nations must help with the battle against the global water crisis.",
    "The minister said the economy was growing.",
    # a holiday kept, a shop shut, what a banner says: no act between parties
    "The day has been celebrated as a national holiday since 1991.",
    "Shops and banks remained closed in the capital on Tuesday.",
    "Supporters waved banners praising the president.",
    "Demonstrators held placards denouncing the junta.",
    "The war pits the army against militias backed by the former regime.",
    # "those who ordered troops to fire" names people, it tells no shooting
    "The minister said those who ordered troops to fire on the crowd must be punished.",
    # a film that bombed failed; prices that fell were taken by nobody
    "The film bombed at the box office.",
    "Oil prices fell to their lowest level in a year.",
    "Responsibility for security fell to the army.",
]


# What a crowd chants is its slogan: only the protest itself is an event.
SLOGANS = [
    (('The students had marched from the university waving flags and chanting "The people want '
      'the fall of the government."'), ["PROTEST"]),
    ("Crowds shouted slogans calling for the overthrow of the regime.", []),
]


@pytest.fixture(scope="module")
def parsed(pipeline):
    """Every sentence parsed once, as its own article."""
    texts = [text for text, _, _ in SENTENCES + RULES + COVERAGE] + NO_EVENT
    texts += [text for text, _ in SLOGANS]
    articles = [Article(text=text, published=PUBLISHED) for text in texts]
    return {p.article.text: p for p in pipeline.parse(articles)}


@pytest.mark.parametrize("text, kind, mode", SENTENCES + RULES + COVERAGE)
def test_main_event_type_and_mode(parsed, text, kind, mode):
    event = main_event(events(parsed[text]))
    assert event is not None, "no event"
    assert event.type == kind, event.provenance["type"]
    if mode != ANY:
        assert event.mode == mode, event.provenance["type"]


@pytest.mark.parametrize("text", NO_EVENT)
def test_no_event(parsed, text):
    assert events(parsed[text]) == []


@pytest.mark.parametrize("text, kinds", SLOGANS)
def test_slogans_tell_no_acts(parsed, text, kinds):
    assert [e.type for e in events(parsed[text])] == kinds


def test_a_clause_pattern_needs_a_clause(nlp):
    clause = [p for p in get_lexicon().candidates("verb", "order") if p.clause]
    assert clause and all(p.specificity >= 1 for p in clause)
    doc = nlp("The judge ordered the minister to appear.")
    assert verb_context(doc[2]).clause
    assert not verb_context(nlp("The army ordered new rifles.")[2]).clause
