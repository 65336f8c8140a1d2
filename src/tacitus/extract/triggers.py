"""Finding event triggers in a parsed sentence and choosing the pattern that codes each.

Candidates are verbs (not auxiliaries) and event nouns that head their phrase ("the raids",
"US drone strikes"; not the compound "protest" in "protest leaders"). The words around a
candidate (subject, object, particle, prepositional phrases, noun modifiers) are collected once
into a :class:`~tacitus.extract.lexicon.Context` and tested against the candidate's patterns
(one hashed lookup by lemma). Three kinds of verbs are folded into the noun they govern instead
of becoming events of their own: light verbs ("launched strikes": the strikes are the event,
the verb lends its clause), effect verbs whose subject is an event noun ("the strikes killed
25") and reporting verbs (attribution, never events, unless they perform a material act:
"declared martial law"); an aspectual verb ("began withdrawing") gives way to its clause's verb.
Between the triggers of one sentence: a casualty verb takes the armed act it names ("wounded two
soldiers in a bomb attack"), a threat, demand or agreement folds in the act it is about but not
a clause of time or a condition (an act under "if"/"until" is not asserted), and a mission sent
to do something unarmed is that thing ("sent experts to investigate"). A crowd gathered "to mark"
or "to commemorate" something is no protest, and what an event noun's required phrase names
("a ban on gatherings") is part of that event. A dispersal done "using" a weapon is that
weapon's crowd control; a participle that describes a party ("a government backed by ...",
"a man accused of spying"), what a banner says and what a crowd chants tell no act. A headline
root the tagger took for a noun but that governs a subject and an object ("Protesters storm
parliament") is read as the verb it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Span, Token

from tacitus.errors import ResourceError
from tacitus.extract.coding import ARMED_ROOTS, Coding, coding
from tacitus.extract.generic import generic_reason
from tacitus.extract.lexicon import (
    DISCARD,
    TRIGGERS_FILE,
    Context,
    Lexicon,
    Pattern,
    get_lexicon,
)
from tacitus.resources import LINE_KEY, load_yaml, path, word_set

# The word a pattern's subject slot uses for "several parties act together" (triggers.yaml).
JOINT = "+and"
NP_MODIFIERS = frozenset({"compound", "amod", "nmod", "poss", "nummod", "npadvmod"})
OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd", "acomp", "prt", "advmod", "npadvmod"})
CLAUSE_OBJECT_DEPS = frozenset({"xcomp", "ccomp"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
PREP_DEPS = frozenset({"prep", "agent"})
# A noun in these positions describes something else ("calling it an attack", "protest
# leaders") rather than telling a new event.
NOT_EVENT_NOUN_DEPS = frozenset({"compound", "attr", "oprd", "appos"})
TIME_ENTS = frozenset({"DATE", "TIME"})
# A noun inside these entities is a name or a date ("March 7", "Strike Force"), not an event.
NAME_ENTS = frozenset({"DATE", "TIME", "PERSON", "GPE", "ORG", "WORK_OF_ART", "LAW"})
# Clauses that describe a participant rather than report an act ("officials who control the
# conglomerates"): only a curated pattern makes their verb an event.
DESCRIPTIVE_DEPS = frozenset({"relcl", "acl", "amod", "pcomp", "csubj"})
# "25 were killed in the strikes": the strikes are the event, the killing their toll.
CAUSE_PREPS = frozenset({"in", "during", "by", "after", "from"})
# Speech acts whose clause states the act they threaten, ask for, agree to or refuse: that act
# is their content, not an event of its own ("vowed that the group would retaliate", "called on
# X to release", "agreed to restore consular services", "rejected an invitation to attend").
CONTENT_TYPES = frozenset({"THREATEN", "REQUEST", "AGREE", "REJECT"})
# CAMEO "provide military protection": what troops sent somewhere do, not a separate act.
PROTECTION_CODE = "074"
# CAMEO "investigate" and the prepositions that name what is investigated.
INQUIRY_CODE = "09"
INQUIRY_PREPS = frozenset({"into", "of"})
# CAMEO "deny responsibility": a denial whose clause states the act denied is that act's status.
DENIAL_CODE = "016"
# An accusation's clause ("accused infiltrators of attacking police") is what it alleges.
ALLEGING_TYPES = frozenset({"ACCUSE"})
# CAMEO QuadClasses of material (not verbal) cooperation and conflict, and of cooperation.
MATERIAL_QUADS = frozenset({2, 4})
COOPERATIVE_QUADS = frozenset({1, 2})
MOBILIZE = "MOBILIZE"
PROTEST = "PROTEST"
# Types and a mode that a participle on a party describes rather than tells ("a government
# backed by ...", "a man accused of spying", "men convicted of murder").
DESCRIBING_TYPES = frozenset({"SUPPORT", "ACCUSE"})
CONVICT = "convict"
# Links from a slogan's words up to the verb that chants it.
SLOGAN_LINKS = frozenset({"dobj", "ccomp", "xcomp", "pobj", "prep", "acl", "appos", "attr"})
# CAMEO "defy norms, law": done while protesting, it is the protest's manner.
DEFIANCE_CODE = "128"
# Links that open a clause: content is stated in a clause, not in a prepositional phrase.
CLAUSE_LINKS = frozenset({"xcomp", "ccomp", "advcl", "acl", "pcomp"})
# Reactions whose speaker's explanation ("welcomed the strikes, saying they sent a message")
# belongs to the one statement: what the explanation reports is not a new event.
REACTION_TYPES = frozenset({"ACCUSE", "SUPPORT", "REJECT", "THREATEN", "REQUEST", "PROTEST"})
# Prepositions that name the armed act a casualty verb's victims fell in ("wounded two soldiers
# in a bomb attack").
MEANS_PREPS = frozenset({"in", "during"})
# Prepositions and conjunctions that open a clause of time, never the content of a speech act.
TIME_LINKS = frozenset({"after", "before", "since", "following", "during", "when", "while",
                        "once", "whenever"})
# Conjunctions of a condition: the act they introduce is not asserted.
CONDITION_LINKS = frozenset({"if", "unless", "until", "till", "provided"})
# Links from a content clause up to the speech act that governs it.
CONTENT_LINKS = frozenset({"xcomp", "ccomp", "advcl", "dobj", "pobj", "prep", "nsubj",
                           "nsubjpass", "pcomp", "aux", "conj", "acl"})
# Participles and relative clauses that report what an event did ("..., killing 6").
EFFECT_ATTACHMENTS = frozenset({"advcl", "relcl", "acl", "conj", "xcomp"})


@dataclass(frozen=True, slots=True)
class Trigger:
    """A coded event word: ``token`` is coded, ``anchor`` is the clause verb (or ``token``)."""

    token: Token
    anchor: Token
    pattern: Pattern
    coding: Coding
    light: Token | None = None
    content: Trigger | None = None
    """The act a threat or demand is about ("warned that more sanctions would follow")."""


def is_root_code(code: str) -> bool:
    """'040', '19', '190': a CAMEO category's general code rather than a specific act."""
    return len(code) <= 2 or (len(code) == 3 and code.endswith("0"))


def _add(words: set[str], token: Token) -> None:
    words.add(token.lower_)
    words.add(token.lemma_.lower())


def np_words(token: Token, words: set[str] | None = None) -> set[str]:
    """Head, modifiers and conjoined heads of the noun phrase headed by ``token``."""
    words = set() if words is None else words
    _add(words, token)
    for child in token.children:
        if child.dep_ in NP_MODIFIERS:
            _add(words, child)
            for grandchild in child.children:
                # "chlorine-filled barrels": the filling hangs on the participle.
                if grandchild.dep_ in ("compound", "amod", "npadvmod"):
                    _add(words, grandchild)
        elif child.dep_ == "conj":
            np_words(child, words)
        elif child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    _add(words, pobj)
                    for grandchild in pobj.children:
                        if grandchild.dep_ in ("compound", "amod"):
                            _add(words, grandchild)
    return words


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def subject_of(verb: Token) -> Token | None:
    """The semantic subject: active subject, passive agent, or the subject shared with the
    governing verb ("X vowed to respond", "X attacked and seized")."""
    current: Token | None = verb
    for _ in range(4):
        if current is None:
            break
        # Nearest subject first: a dateline the parser made a second subject ("BAGHDAD, Nov 4
        # (Reuters) - Iraqi riot police fired ...") stands further from the verb.
        at = current.i
        for child in sorted(current.children, key=lambda c: -c.i if c.i < at else c.i):
            if child.dep_ in SUBJECT_DEPS and child.dep_ != "expl":
                if child.tag_ in ("WDT", "WP") and current.dep_ == "relcl":
                    return current.head
                return child
            if child.dep_ == "agent":
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        if current.dep_ in ("xcomp", "conj", "advcl", "acomp") and current.head.pos_ in (
            "VERB", "AUX", "ADJ"
        ):
            # Through adjectives of intent too: "Syria says it is willing to withdraw".
            current = current.head
        elif current.dep_ in ("relcl", "acl") and current.head.pos_ in ("NOUN", "PROPN"):
            return current.head if not any(c.dep_ == "nsubj" for c in current.children) else None
        else:
            break
    return None


def object_of(verb: Token) -> Token | None:
    """The semantic object: direct object, or the subject of a passive verb."""
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            return child
    return None


def _preps(heads: Iterable[Token]) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for head in heads:
        for child in head.children:
            if child.dep_ not in PREP_DEPS and not (child.dep_ == "dative" and child.pos_ == "ADP"):
                continue
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects and all(g.ent_type_ in TIME_ENTS for g in objects):
                # "on Friday", "in March": a time, never the phrase a pattern asks for
                # ("telephoned Putin on Friday" is no "call on" appeal).
                continue
            words = out.setdefault(child.lemma_.lower(), set())
            two_word = not objects
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    np_words(grandchild, words)
                elif grandchild.dep_ == "pcomp":
                    _add(words, grandchild)
                    for g in grandchild.children:
                        if g.dep_ in ("dobj", "pobj"):
                            np_words(g, words)
                elif grandchild.dep_ == "prep" and two_word:
                    # "pulled out of the deal", "away from the border": the parser hangs the
                    # second word's object on it; the phrase names what the first one does.
                    for g in grandchild.children:
                        if g.dep_ == "pobj":
                            np_words(g, words)
    return {k: frozenset(v) for k, v in out.items()}


def _several(subject: Token) -> bool:
    """'French and Egyptian warships', 'Russia and China': the subject names several parties."""
    return any(c.dep_ == "conj" for c in subject.children) or any(
        g.dep_ == "conj" for c in subject.children if c.dep_ in ("amod", "compound")
        for g in c.children)


def _subject_words(subject: Token | None, words: set[str]) -> None:
    """The subject phrase's words, plus JOINT when it names several parties."""
    if subject is not None:
        np_words(subject, words)
        if _several(subject):
            words.add(JOINT)


def verb_context(verb: Token) -> Context:
    subj: set[str] = set()
    _subject_words(subject_of(verb), subj)
    obj: set[str] = set()
    heads = [verb]
    for child in verb.children:
        if child.dep_ in OBJECT_DEPS or child.dep_ == "nsubjpass":
            np_words(child, obj)
            if child.dep_ in ("dobj", "nsubjpass"):
                heads.append(child)
        elif child.dep_ in CLAUSE_OBJECT_DEPS:
            _add(obj, child)
            for grandchild in child.children:
                # "allowed inspectors to return": the clause's subject is the verb's object too.
                if grandchild.dep_ in ("dobj", "prt", "attr") or (
                        grandchild.dep_ == "nsubj" and child.dep_ == "ccomp" and grandchild.i > verb.i
                        and grandchild.pos_ in ("NOUN", "PROPN")):
                    np_words(grandchild, obj)
    clause = any(c.dep_ in CLAUSE_OBJECT_DEPS and c.pos_ in ("VERB", "AUX") for c in verb.children)
    return Context(frozenset(subj), frozenset(obj), frozenset(), _preps(heads), clause)


def noun_context(noun: Token, light: Token | None) -> Context:
    subj: set[str] = set()
    if light is not None:
        _subject_words(subject_of(light), subj)
    heads = [noun] + ([light] if light is not None else [])
    return Context(frozenset(subj), frozenset(), frozenset(np_words(noun)), _preps(heads))


def _governing_verb(noun: Token) -> Token | None:
    """The verb of which ``noun`` is the object or subject (through one preposition)."""
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and head.pos_ in ("VERB", "AUX"):
        return head
    if noun.dep_ == "pobj" and head.dep_ in PREP_DEPS and head.head.pos_ == "VERB":
        return head.head
    if noun.dep_ == "conj":
        return _governing_verb(head) if head.pos_ in ("NOUN", "PROPN") else None
    return None


def _light_verb(noun: Token, lexicon: Lexicon) -> Token | None:
    if noun.dep_ == "compound":
        noun = noun.head
    verb = _governing_verb(noun)
    if verb is not None and noun.dep_ != "pobj" and lexicon.verb_lemma(verb) in lexicon.light_verbs:
        return verb
    return None


def _is_event_noun(token: Token, nouns: dict[int, Trigger]) -> bool:
    return token.i in nouns or (token.dep_ == "conj" and token.head.i in nouns)


def _material_declaration(verb: Token, lemma: str, lexicon: Lexicon) -> bool:
    """'declared martial law', 'declared a ceasefire': a reporting verb whose curated pattern
    names a material act (CAMEO QuadClass 2 or 4) performs that act rather than reporting."""
    pattern = lexicon.best("verb", lemma, verb_context(verb))
    if pattern is None or not pattern.curated or pattern.specificity == 0 or pattern.code == DISCARD:
        return False
    coded = coding(pattern.code)
    return coded is not None and coded.quad_class in MATERIAL_QUADS


def _folded_verb(verb: Token, nouns: dict[int, Trigger], lexicon: Lexicon) -> bool:
    """True for verbs that belong to an event noun rather than being events themselves."""
    lemma = lexicon.verb_lemma(verb)
    if lemma in lexicon.reporting_verbs:
        return not _material_declaration(verb, lemma, lexicon)
    if any(t.light is not None and t.light.i == verb.i for t in nouns.values()):
        return True
    if lemma in lexicon.effect_verbs:
        subject = subject_of(verb)
        if subject is not None and _is_event_noun(subject, nouns):
            return True
        if subject is not None and subject.lemma_.lower() in lexicon.conflict_nouns:
            # "Yemen's war has killed tens of thousands": a conflict's toll, not an incident.
            return True
        obj = object_of(verb)
        if obj is not None and obj.dep_ == "dobj":
            return False
        partners = [verb] + [c for c in verb.children if c.dep_ == "conj"]
        partners += [verb.head] if verb.dep_ == "conj" else []
        # "3 were killed and five more injured in an airstrike": the second casualty verb
        # may hang on its number rather than on the first verb.
        partners += [g for c in partners[1:] for g in c.children
                     if g.dep_ in ("amod", "acl") and g.lemma_.lower() in lexicon.effect_verbs]
        for partner in partners:
            for prep in partner.children:
                if prep.dep_ in ("prep", "agent") and prep.lower_ in CAUSE_PREPS and any(
                    g.dep_ == "pobj" and _is_event_noun(g, nouns) for g in prep.children
                ):
                    return True
    return False


def _effect_of_event(verb: Token, found: dict[int, Trigger], lexicon: Lexicon) -> bool:
    """"..., killing 6 civilians" under an event verb: a result, not a new event."""
    if verb.lemma_.lower() not in lexicon.effect_verbs:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WDT", "WP")
           for c in verb.children):
        return False
    if any(c.dep_ == "nsubj" and c.tag_ == "WDT" for c in verb.children) and any(
        t.token.pos_ == "NOUN" and t.token.i < verb.i for t in found.values()
    ):
        # "an air strike on a market on Saturday, which ... killed 17": "which" stands for
        # the event noun told before it, wherever the parser hung the clause.
        return True
    # "an air strike ..., which the ministry said killed 17": reporting verbs in between.
    head = verb
    while head.dep_ == "ccomp" and head.head.lemma_.lower() in lexicon.reporting_verbs:
        head = head.head
    if head.dep_ not in EFFECT_ATTACHMENTS:
        return False
    # The clause may hang on a phrase of the event ("a strike on a market ..., which ...").
    heads: set[int] = set()
    attached = head.head
    for _ in range(4):
        heads.add(attached.i)
        if attached.dep_ not in ("pobj", "prep", "compound", "appos") or attached.head.i == attached.i:
            break
        attached = attached.head
    return any(heads & {t.token.i, t.anchor.i} for t in found.values())


def sentence_triggers(sent: Span, lexicon: Lexicon | None = None) -> list[Trigger]:
    """Coded triggers of one sentence, in text order."""
    lexicon = lexicon or get_lexicon()
    nouns: dict[int, Trigger] = {}
    for token in sent:
        if token.pos_ not in ("NOUN", "PROPN") or token.dep_ in NOT_EVENT_NOUN_DEPS and not (
            token.dep_ == "compound" and token.head.lemma_.lower() in lexicon.frame_nouns
        ):
            continue
        if token.dep_ == "pobj" and token.head.lower_ == "as" or token.ent_type_ in NAME_ENTS:
            continue
        if token.is_title and token.i > sent.start and not sent.doc[token.i - 1].is_punct:
            # "the Group for the Support of Islam", "Operation Olive Branch": a capitalised
            # common noun mid-sentence is part of a name the tagger did not catch.
            continue
        lemma = token.lemma_.lower()
        if not lexicon.candidates("noun", lemma):
            lemma = token.lower_
            if not lexicon.candidates("noun", lemma):
                continue
        light = _light_verb(token, lexicon)
        pattern = lexicon.best("noun", lemma, noun_context(token, light))
        if light is not None:
            verb_pattern = lexicon.best("verb", lexicon.verb_lemma(light), verb_context(light))
            if verb_pattern is not None and verb_pattern.code != DISCARD and (
                pattern is None
                or (verb_pattern.curated and verb_pattern.specificity > pattern.specificity)
            ):
                pattern = verb_pattern
        if pattern is None or pattern.code == DISCARD:
            continue
        coded = coding(pattern.code)
        if coded is not None:
            nouns[token.i] = Trigger(token, light or token, pattern, coded, light)
    found: dict[int, Trigger] = dict(nouns)
    for trig in nouns.values():
        if any(slots for _, slots in trig.pattern.preps):
            # "a ban on public gatherings", "the lifting of the curfew": what the phrase names
            # is part of the act.
            _drop_prep_objects(trig.token, trig.pattern, found, nouns)
    for token in sent:
        if (token.pos_ != "VERB" and not _untagged_verb(token)) or token.dep_ == "amod":
            continue
        lemma = lexicon.verb_lemma(token)
        if not lexicon.candidates("verb", lemma):
            continue
        if _folded_verb(token, nouns, lexicon) or _effect_of_event(token, found, lexicon):
            continue
        if lemma in lexicon.aspectual_verbs and any(
                c.dep_ == "xcomp" and c.pos_ == "VERB" and lexicon.candidates("verb", lexicon.verb_lemma(c))
                for c in token.children):
            # "began withdrawing heavy weapons": the clause's verb is the act.
            continue
        pattern = lexicon.best("verb", lemma, verb_context(token))
        if pattern is None or pattern.code == DISCARD:
            continue
        if _describes_people(token):
            # "those who threaten its soldiers", "among those detained", "those who ordered
            # troops to fire": a kind of person or a reference to people, not a new act.
            continue
        if pattern.specificity == 0 and (lemma in lexicon.generic_verbs or (
            not pattern.curated and is_root_code(pattern.code)
        )):
            # A bare PETRARCH entry with a root code ("degrade" -> 110, "wound" -> 180) is
            # too loose for whole articles: only its patterns with an object or phrase code
            # events.
            continue
        if not pattern.curated and token.dep_ in DESCRIPTIVE_DEPS and token.head.dep_ != "ROOT":
            # "shoppers buying qat", "a target used by the Houthis to store weapons": a
            # PETRARCH verb in a clause that describes a participant is no act (unless the
            # parser hung the main verb on a verbless root: "The bloc called on ...").
            continue
        coded = coding(pattern.code)
        if coded is None or coded.type == PROTEST and _commemoration(token, lexicon):
            continue
        if _descriptive(token, coded, nouns):
            continue
        found[token.i] = Trigger(token, token, pattern, coded)
        if pattern.obj:
            _drop_objects(token, found, nouns)
        if any(slots for _, slots in pattern.preps):
            _drop_prep_objects(token, pattern, found, nouns)
    _drop_effects(found, lexicon)
    _merge_means(found, nouns, lexicon)
    _drop_manners(found, nouns, lexicon)
    _crowd_control(found, lexicon)
    _drop_defiance(found)
    _fold_contents(found, lexicon)
    return [found[i] for i in sorted(found)
            if generic_reason(found[i].token, found[i].anchor, lexicon.effect_verbs) is None
            and not _chanted(found[i].anchor)]


@dataclass(frozen=True, slots=True)
class ExtraRules:
    """``triggers.yaml`` lists read here rather than by the lexicon: crowd dispersal (PLOVER
    'crowd-control') and the things that carry words rather than do acts (signs, banners,
    chanted slogans)."""

    dispersal_verbs: frozenset[str]
    instrument_verbs: frozenset[str]
    display_nouns: frozenset[str]
    chant_verbs: frozenset[str]
    crowd_control: Pattern
    crowd_coding: Coding


@lru_cache(maxsize=1)
def extra_rules() -> ExtraRules:
    """Loaded once from ``triggers.yaml``; the code is checked against the CAMEO table."""
    data = load_yaml(TRIGGERS_FILE)
    code = str(data.get("crowd_control_code") or "")
    coded = coding(code)
    if coded is None:
        raise ResourceError(f"crowd_control_code: no PLOVER coding for {code!r}",
                            str(path(TRIGGERS_FILE)), data.get(LINE_KEY))
    lines = path(TRIGGERS_FILE).read_text(encoding="utf-8").splitlines()
    line = next((n for n, text in enumerate(lines, 1) if text.startswith("crowd_control_code:")), 0)
    rule = Pattern("disperse", "verb", code, "triggers.yaml", line, label="use + weapon + to disperse")
    return ExtraRules(word_set(data, "dispersal_verbs", TRIGGERS_FILE),
                      word_set(data, "instrument_verbs", TRIGGERS_FILE),
                      word_set(data, "display_nouns", TRIGGERS_FILE),
                      word_set(data, "chant_verbs", TRIGGERS_FILE), rule, coded)


def _untagged_verb(token: Token) -> bool:
    """'Protesters storm parliament': in a headline the tagger may take the main verb for a
    noun, yet a noun never governs both a subject and a direct object, so such a root is the
    verb (inside a clause the parser's relative clauses stay descriptions)."""
    return (token.pos_ == "NOUN" and token.dep_ == "ROOT"
            and {"nsubj", "dobj"} <= {c.dep_ for c in token.children})


def _describes_people(verb: Token) -> bool:
    """The verb is in a relative clause on a pronoun ("those who ..."), or in a clause such a
    relative clause governs."""
    for _ in range(3):
        if verb.dep_ in ("relcl", "acl") and verb.head.pos_ == "PRON":
            return True
        if verb.dep_ not in ("xcomp", "ccomp", "conj") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _descriptive(verb: Token, coded: Coding, nouns: dict[int, Trigger]) -> bool:
    """'a government backed by the Saudi-led coalition', 'two men convicted of murder', 'signs
    thanking Biden': a participle that names whom a party is aligned with or what it stands
    accused or convicted of, or what a sign or banner says, describes a participant; no act of
    support or accusation happens in the sentence. On an event noun ("the deal endorsed by
    parliament", "the attack condemned by the UN") the participle is an act."""
    displays = extra_rules().display_nouns
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in displays for c in verb.children):
        # the parser's "[banners praising the president]" as a clause of its own
        return True
    if verb.dep_ != "acl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if verb.head.lemma_.lower() in displays:
        return True
    return verb.tag_ == "VBN" and verb.head.i not in nouns and (
        coded.type in DESCRIBING_TYPES or coded.mode == CONVICT)


def _crowd_control(found: dict[int, Trigger], lexicon: Lexicon) -> None:
    """'dispersed the crowd using water cannon', 'used batons to disperse the protesters': one
    act of crowd control (PLOVER ASSAULT 'crowd-control', a dispersal by a named weapon or
    tactic), not a restriction plus a separate weapon use. The dispersal keeps its actor and
    crowd and takes the weapon's code, or the crowd-control code when the weapon is no trigger
    of its own. Live fire "to disperse" stays firearms (manual: less-lethal weapons only)."""
    rules = extra_rules()
    for i, trig in list(found.items()):
        token = trig.token
        if i not in found or token.pos_ != "VERB":
            continue
        if lexicon.verb_lemma(token) in rules.dispersal_verbs and trig.coding.type != "ASSAULT":
            # "dispersed the crowd using tear gas" (or the parser's "the crowd using ...")
            manners = [*token.children, *(g for c in token.children if c.dep_ == "dobj"
                                          for g in c.children if g.dep_ == "acl")]
            # The weapon may be the trigger, its verb a light one ("using tear gas").
            by_anchor = {t.anchor.i: t for t in found.values()}
            tool = next((by_anchor[c.i] for c in manners
                         if c.dep_ in ("advcl", "acl") and c.tag_ == "VBG" and c.i in by_anchor
                         and c.lemma_.lower() in rules.instrument_verbs
                         and by_anchor[c.i].coding.type == "ASSAULT"), None)
            if tool is not None:
                found[i] = replace(trig, pattern=tool.pattern, coding=tool.coding)
                del found[tool.token.i]
        if (i in found and lexicon.verb_lemma(token) in rules.dispersal_verbs
                and found[i].coding.type != "ASSAULT" and token.dep_ in ("advcl", "xcomp")
                and _infinitive(token)
                and token.head.lemma_.lower() in rules.instrument_verbs):
            # "used batons to disperse the protesters": the tactic is named, whatever it is.
            found[i] = replace(trig, pattern=rules.crowd_control, coding=rules.crowd_coding)


def _chanted(anchor: Token) -> bool:
    """'chanting "the people want the fall of the regime"': the act is in a slogan a crowd
    voices (a chant verb's object or clause), not told by the sentence."""
    chants = extra_rules().chant_verbs
    token = anchor
    for _ in range(4):
        if token.dep_ not in SLOGAN_LINKS or token.head.i == token.i:
            return False
        token = token.head
        if token.pos_ == "VERB" and token.lemma_.lower() in chants:
            return True
    return False


def _drop_defiance(found: dict[int, Trigger]) -> None:
    """'took to the streets, defying a ban on gatherings': defying the ban is how the protest
    was held (its manner), not a refusal of its own (CAMEO 128, defy norms)."""
    protests = {i for t in found.values() if t.coding.type == PROTEST
                for i in (t.token.i, t.anchor.i)}
    for i, trig in list(found.items()):
        token = trig.token
        if (trig.coding.cameo.startswith(DEFIANCE_CODE) and token.dep_ in ("advcl", "conj")
                and token.tag_ == "VBG" and token.head.i in protests):
            del found[i]


def _commemoration(verb: Token, lexicon: Lexicon) -> bool:
    """'gathered in Kyiv to mark five years since the battle', 'marched to commemorate the
    victims': a crowd whose stated purpose is to remember or mourn holds a commemoration, which
    PLOVER does not count as a protest (a protest is directed against someone)."""
    return any(c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in lexicon.commemoration_verbs
               and any(g.dep_ == "aux" and g.tag_ == "TO" for g in c.children)
               for c in verb.children)


def _governor(trig: Trigger, found: dict[int, Trigger],
              lexicon: Lexicon) -> tuple[Trigger | None, bool, bool]:
    """The nearest trigger above ``trig`` through clause and argument links, if any, whether
    the way up passed a reporting verb ("welcomed the strikes, saying they sent ...") and
    whether it passed a condition ("vowed to stay until their demands were met")."""
    token = trig.anchor
    reported = False
    clausal = False
    conditional = False
    for _ in range(5):
        if (token.dep_ not in CONTENT_LINKS and not _infinitive_relative(token)
                or token.head.i == token.i):
            break
        links = {token.lower_} if token.dep_ == "prep" else {
            c.lower_ for c in token.children if c.dep_ == "mark"}
        if links & TIME_LINKS:
            # "joined the army after laying down their arms", "agreed when the talks ended":
            # a clause of time tells what came before or after, not what is agreed or demanded.
            break
        conditional = conditional or bool(links & CONDITION_LINKS)
        if token.dep_ == "conj" and token.head.i in found:
            if reported and token.lemma_.lower() in lexicon.reporting_verbs:
                # "condemned the attack and said that ...": what the speaker says next is
                # part of the same statement.
                return found[token.head.i], True, False
            break
        link = token.dep_
        clausal = clausal or link in CLAUSE_LINKS
        token = token.head
        for other in found.values():
            if other is not trig and token.i in (other.token.i, other.anchor.i):
                # The speech act's own subject, a conjoined act, or a phrase that is no clause
                # ("agreed ... at the end of the visit") is not what it is about.
                if link in ("nsubj", "nsubjpass", "conj") or not clausal:
                    return None, reported, False
                return other, reported, conditional
        reported = reported or token.lemma_.lower() in lexicon.reporting_verbs
    return None, reported, False


def _infinitive_relative(verb: Token) -> bool:
    """'a counteroffensive to retake the town': a to-infinitive the parser hung on its noun as
    a relative clause is the noun's purpose clause."""
    return verb.dep_ == "relcl" and _infinitive(verb)


def _infinitive(verb: Token) -> bool:
    """'to disperse', 'to protect': the verb has the infinitive marker."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _purpose(trig: Trigger, governor: Trigger) -> bool:
    """'sent troops to protect civilians', 'launched an offensive to free Anbar': an act in a
    to-infinitive clause of another act is its purpose, not a second event."""
    verb = trig.anchor
    return (verb.pos_ == "VERB" and (verb.dep_ in ("xcomp", "advcl", "acl")
                                     or _infinitive_relative(verb))
            and verb.head.i in (governor.token.i, governor.anchor.i) and _infinitive(verb))


def _mission(trig: Trigger, governor: Trigger, lexicon: Lexicon) -> bool:
    """'sent 21 experts to investigate', 'deployed soldiers to help flood victims': a
    deployment whose purpose is no armed act is that purpose (CAMEO 09 inquiries included);
    troops sent "to protect civilians" are the deployment itself."""
    return (governor.coding.type == MOBILIZE and _purpose(trig, governor)
            and lexicon.verb_lemma(governor.token) in lexicon.sending_verbs
            and not trig.coding.cameo.startswith(PROTECTION_CODE)
            and (trig.coding.quad_class in COOPERATIVE_QUADS
                 or trig.coding.cameo.startswith(INQUIRY_CODE)))


def _fold_contents(found: dict[int, Trigger], lexicon: Lexicon) -> None:
    """Fold the act a threat or demand is about into it: "vowed that the group would
    retaliate" is one threat, "called on the government to expel US forces" one demand, and
    what a reaction's speaker adds in a reported clause belongs to the reaction. A
    warning verb whose clause holds no act ("warned that the country risks ...") is reported
    speech, not a threat, and is dropped."""
    contents: dict[int, Trigger] = {}
    for i, trig in list(found.items()):
        governor, reported, conditional = _governor(trig, found, lexicon)
        if governor is not None and conditional:
            # "will attack if the army advances", "vowed to stay until their demands were met":
            # the condition is neither asserted nor what is threatened or promised.
            del found[i]
            continue
        if governor is not None and governor.coding.cameo.startswith(DENIAL_CODE):
            # "denied carrying out the attack": the act is the event, its status denied; a
            # denial is an event of its own only when it names no act ("rejected the accusation").
            found.pop(governor.token.i, None)
            continue
        if governor is not None and _mission(trig, governor, lexicon):
            found.pop(governor.token.i, None)
            continue
        if governor is not None and (governor.coding.type in CONTENT_TYPES or (
            reported and governor.coding.type in REACTION_TYPES
        ) or (governor.coding.type in ALLEGING_TYPES and trig.token.pos_ == "VERB")
                or _purpose(trig, governor)):
            del found[i]
            contents.setdefault(governor.token.i, trig)
    for i, trig in list(found.items()):
        if i in contents:
            found[i] = replace(trig, content=contents[i])
        elif (trig.token.lemma_.lower() in lexicon.warning_verbs and trig.pattern.specificity == 0
              and any(c.dep_ == "ccomp" for c in trig.token.children)):
            del found[i]


def _drop_effects(found: dict[int, Trigger], lexicon: Lexicon) -> None:
    """'25 were killed when US warplanes struck': a casualty verb linked by a clause to
    another event verb reports that event's toll, so only the other one is kept."""
    for i, trig in list(found.items()):
        token = trig.token
        if token.pos_ != "VERB" or token.lemma_.lower() not in lexicon.effect_verbs:
            continue
        linked = [c for c in token.children if c.dep_ in ("advcl", "conj")]
        # "25 were killed and 55 wounded when warplanes struck": the clause may hang on the
        # conjoined casualty verb.
        linked += [g for c in linked if c.dep_ == "conj" for g in c.children if g.dep_ == "advcl"]
        linked += [token.head] if token.dep_ in ("advcl", "conj") else []
        if any(t.i in found and (t.lemma_.lower() not in lexicon.effect_verbs
                                 or found[t.i].pattern.specificity > trig.pattern.specificity)
               for t in linked):
            del found[i]


def _more_specific(code: str, than: str) -> bool:
    return code != than and (len(code) > len(than) or is_root_code(than) and not is_root_code(code))


def _merge_means(found: dict[int, Trigger], nouns: dict[int, Trigger], lexicon: Lexicon) -> None:
    """'guerrillas wounded two soldiers in a bomb attack', 'killed 12 in an air strike': the
    casualty verb keeps the actor and victims, the armed act it names in an "in/during" phrase
    says how it was done; the verb takes that act's more specific code and the noun goes."""
    for i, trig in list(found.items()):
        token = trig.token
        if i not in found or token.pos_ != "VERB" or lexicon.verb_lemma(token) not in lexicon.effect_verbs:
            continue
        means = next((nouns[n.i] for p in token.children
                      if p.dep_ == "prep" and p.lower_ in MEANS_PREPS
                      for n in p.children if n.dep_ == "pobj" and n.i in nouns), None)
        if (means is not None and means.light is None and means.coding.cameo[:2] in ARMED_ROOTS
                and _more_specific(means.coding.cameo, trig.coding.cameo)):
            found[i] = replace(trig, pattern=means.pattern, coding=means.coding)
            found.pop(means.token.i, None)


def _drop_manners(found: dict[int, Trigger], nouns: dict[int, Trigger], lexicon: Lexicon) -> None:
    """'arrested 12 activists in overnight raids', 'came under fire from artillery': an event
    noun in an "in/during" or "from/by" phrase of another event verb tells how that act was
    done, not a second incident (casualty verbs are the exception: in "25 were killed in the
    strikes" the strikes are the event)."""
    for i, trig in list(found.items()):
        token = trig.token
        if i not in nouns or trig.light is not None or token.dep_ != "pobj":
            continue
        prep = token.head
        if prep.lower_ in INQUIRY_PREPS and prep.head.i in found and found[prep.head.i].coding.cameo.startswith(
                INQUIRY_CODE):
            # "an inquiry into the massacre", "hearings into the killings": what is investigated
            # is the inquiry's subject matter, told as its own event elsewhere if at all.
            del found[i]
            continue
        if prep.lower_ in ("in", "during"):
            verb = prep.head
        elif prep.lower_ in ("from", "by"):
            # "came under fire from Russian artillery": the act's source, not a second act.
            verb = prep.head
            while verb.dep_ in ("pobj", "prep") and verb.head.i != verb.i:
                verb = verb.head
        else:
            continue
        if (verb.i in found and verb.pos_ == "VERB" and found[verb.i] is not trig
                and verb.lemma_.lower() not in lexicon.effect_verbs):
            del found[i]


def _drop_prep_objects(verb: Token, pattern: Pattern, found: dict[int, Trigger],
                       nouns: dict[int, Trigger]) -> None:
    """'went on strike', 'came under fire', 'called for the release': a noun the verb's
    pattern needed in a prepositional phrase is part of that act, not an event of its own."""
    needed = {prep for prep, slots in pattern.preps if slots}
    for child in verb.children:
        if child.dep_ in PREP_DEPS and child.lower_ in needed:
            # "pulled out of the deal": the object may hang on the phrase's second word.
            second = [g for g in child.children if g.dep_ == "prep"]
            for pobj in (g for head in [child, *second] for g in head.children):
                if pobj.dep_ == "pobj" and pobj.i in nouns and nouns[pobj.i].light is None:
                    found.pop(pobj.i, None)


def _drop_objects(verb: Token, found: dict[int, Trigger], nouns: dict[int, Trigger]) -> None:
    """'destroyed 342 mines', 'fired rockets at': a noun the verb's pattern used as its object
    is what the act was done with or to, not an event of its own."""
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            for token in [child, *(c for c in child.children if c.dep_ == "conj")]:
                if token.i in nouns and nouns[token.i].light is None:
                    found.pop(token.i, None)
