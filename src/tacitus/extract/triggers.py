"""Finding event triggers in a parsed sentence and choosing the pattern that codes each.

Candidates are verbs (not auxiliaries) and event nouns that head their phrase ("the raids",
"US drone strikes"; not the compound "protest" in "protest leaders"). The words around a
candidate (subject, object, particle, prepositional phrases, noun modifiers) are collected once
into a :class:`~tacitus.extract.lexicon.Context` and tested against the candidate's patterns
(one hashed lookup by lemma). Three kinds of verbs are folded into the noun they govern instead
of becoming events of their own: light verbs ("launched strikes": the strikes are the event,
the verb lends its clause), effect verbs whose subject is an event noun ("the strikes killed
25") and reporting verbs (attribution, never events).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from tacitus.extract.coding import Coding, coding
from tacitus.extract.lexicon import DISCARD, Context, Lexicon, Pattern, get_lexicon

NP_MODIFIERS = frozenset({"compound", "amod", "nmod", "poss", "nummod", "npadvmod"})
OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd", "acomp", "prt", "advmod", "npadvmod"})
CLAUSE_OBJECT_DEPS = frozenset({"xcomp", "ccomp"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
PREP_DEPS = frozenset({"prep", "agent"})
# A noun in these positions describes something else ("calling it an attack", "protest
# leaders") rather than telling a new event.
NOT_EVENT_NOUN_DEPS = frozenset({"compound", "attr", "oprd", "appos"})
# A noun inside these entities is a name or a date ("March 7", "Strike Force"), not an event.
NAME_ENTS = frozenset({"DATE", "TIME", "PERSON", "GPE", "ORG", "WORK_OF_ART", "LAW"})
# "25 were killed in the strikes": the strikes are the event, the killing their toll.
CAUSE_PREPS = frozenset({"in", "during", "by", "after", "from"})
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
                if grandchild.dep_ in ("compound", "amod"):
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
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS and child.dep_ != "expl":
                if child.tag_ in ("WDT", "WP") and current.dep_ == "relcl":
                    return current.head
                return child
            if child.dep_ == "agent":
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        if current.dep_ in ("xcomp", "conj", "advcl") and current.head.pos_ in ("VERB", "AUX"):
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
            words = out.setdefault(child.lemma_.lower(), set())
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    np_words(grandchild, words)
                elif grandchild.dep_ == "pcomp":
                    _add(words, grandchild)
                    for g in grandchild.children:
                        if g.dep_ in ("dobj", "pobj"):
                            np_words(g, words)
    return {k: frozenset(v) for k, v in out.items()}


def verb_context(verb: Token) -> Context:
    subj: set[str] = set()
    subject = subject_of(verb)
    if subject is not None:
        np_words(subject, subj)
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
                if grandchild.dep_ in ("dobj", "prt", "attr"):
                    np_words(grandchild, obj)
    return Context(frozenset(subj), frozenset(obj), frozenset(), _preps(heads))


def noun_context(noun: Token, light: Token | None) -> Context:
    subj: set[str] = set()
    if light is not None:
        subject = subject_of(light)
        if subject is not None:
            np_words(subject, subj)
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
    verb = _governing_verb(noun)
    if verb is not None and noun.dep_ != "pobj" and verb.lemma_.lower() in lexicon.light_verbs:
        return verb
    return None


def _is_event_noun(token: Token, nouns: dict[int, Trigger]) -> bool:
    return token.i in nouns or (token.dep_ == "conj" and token.head.i in nouns)


def _folded_verb(verb: Token, nouns: dict[int, Trigger], lexicon: Lexicon) -> bool:
    """True for verbs that belong to an event noun rather than being events themselves."""
    lemma = verb.lemma_.lower()
    if lemma in lexicon.reporting_verbs:
        return True
    if any(t.light is not None and t.light.i == verb.i for t in nouns.values()):
        return True
    if lemma in lexicon.effect_verbs:
        subject = subject_of(verb)
        if subject is not None and _is_event_noun(subject, nouns):
            return True
        obj = object_of(verb)
        if obj is not None and obj.dep_ == "dobj":
            return False
        partners = [verb] + [c for c in verb.children if c.dep_ == "conj"]
        partners += [verb.head] if verb.dep_ == "conj" else []
        for partner in partners:
            for prep in partner.children:
                if prep.dep_ in ("prep", "agent") and prep.lower_ in CAUSE_PREPS and any(
                    g.dep_ == "pobj" and _is_event_noun(g, nouns) for g in prep.children
                ):
                    return True
    return False


def _effect_of_event(verb: Token, found: dict[int, Trigger], lexicon: Lexicon) -> bool:
    """"..., killing 6 civilians" under an event verb: a result, not a new event."""
    if verb.lemma_.lower() not in lexicon.effect_verbs or verb.dep_ not in EFFECT_ATTACHMENTS:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    return any(verb.head.i in (t.token.i, t.anchor.i) for t in found.values())


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
        lemma = token.lemma_.lower()
        if not lexicon.candidates("noun", lemma):
            lemma = token.lower_
            if not lexicon.candidates("noun", lemma):
                continue
        light = _light_verb(token, lexicon)
        pattern = lexicon.best("noun", lemma, noun_context(token, light))
        if light is not None:
            verb_pattern = lexicon.best("verb", light.lemma_.lower(), verb_context(light))
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
    for token in sent:
        if token.pos_ != "VERB" or token.dep_ == "amod":
            continue
        lemma = token.lemma_.lower()
        if not lexicon.candidates("verb", lemma):
            continue
        if _folded_verb(token, nouns, lexicon) or _effect_of_event(token, found, lexicon):
            continue
        pattern = lexicon.best("verb", lemma, verb_context(token))
        if pattern is None or pattern.code == DISCARD:
            continue
        if pattern.specificity == 0 and lemma in lexicon.generic_verbs:
            continue
        coded = coding(pattern.code)
        if coded is not None:
            found[token.i] = Trigger(token, token, pattern, coded)
            if pattern.obj:
                _drop_objects(token, found, nouns)
    _drop_effects(found, lexicon)
    return [found[i] for i in sorted(found)]


def _drop_effects(found: dict[int, Trigger], lexicon: Lexicon) -> None:
    """'25 were killed when US warplanes struck': a casualty verb linked by a clause to
    another event verb reports that event's toll, so only the other one is kept."""
    for i, trig in list(found.items()):
        token = trig.token
        if token.pos_ != "VERB" or token.lemma_.lower() not in lexicon.effect_verbs:
            continue
        linked = [c for c in token.children if c.dep_ in ("advcl", "conj")]
        linked += [token.head] if token.dep_ in ("advcl", "conj") else []
        if any(t.i in found and (t.lemma_.lower() not in lexicon.effect_verbs
                                 or found[t.i].pattern.specificity > trig.pattern.specificity)
               for t in linked):
            del found[i]


def _drop_objects(verb: Token, found: dict[int, Trigger], nouns: dict[int, Trigger]) -> None:
    """'destroyed 342 mines', 'fired rockets at': a noun the verb's pattern used as its object
    is what the act was done with or to, not an event of its own."""
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            for token in [child, *(c for c in child.children if c.dep_ == "conj")]:
                if token.i in nouns and nouns[token.i].light is None:
                    found.pop(token.i, None)
