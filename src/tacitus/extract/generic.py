"""Event words that tell no incident: a kind of act, a habit, a running tally, a negated act.

News reports mention acts they do not report: "such attacks", "repeated attacks on Iraqi
bases", "a surge in sticky bombs", "attacks on civilians have increased", "the insurgents
continue to kill Afghans", "400 civilians have been killed since April", "had no involvement
in the blast". Coding those as events floods an article with incidents nobody can date or
count, so :func:`generic_reason` names why such a trigger is no event and
:mod:`tacitus.extract.triggers` drops it. The marker words live in
``resources/extract/generic.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from tacitus.resources import load_yaml, word_set

GENERIC_FILE = "extract/generic.yaml"
# Determiners and possessives that pick out one incident ("the attack", "their raid").
SPECIFIC_DEPS = frozenset({"det", "poss", "nummod"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})


@dataclass(frozen=True, slots=True)
class GenericWords:
    """The marker word lists of ``generic.yaml``."""

    class_modifiers: frozenset[str]
    negating_determiners: frozenset[str]
    trend_nouns: frozenset[str]
    trend_verbs: frozenset[str]
    habitual_aspectuals: frozenset[str]
    tally_preps: frozenset[str]
    preventing_verbs: frozenset[str]
    averting_verbs: frozenset[str]
    trend_objects: frozenset[str]
    separate_markers: frozenset[str]
    wishing_verbs: frozenset[str]


@lru_cache(maxsize=1)
def generic_words() -> GenericWords:
    """Load and validate ``generic.yaml`` once (a ResourceError names file and line)."""
    data = load_yaml(GENERIC_FILE)
    return GenericWords(**{name: word_set(data, name, GENERIC_FILE)
                           for name in GenericWords.__dataclass_fields__})


def _bare_plural(noun: Token) -> bool:
    """'attacks', 'sticky bombs': a plural noun with no determiner, possessive or number."""
    return noun.tag_ in ("NNS", "NNPS") and not any(c.dep_ in SPECIFIC_DEPS for c in noun.children)


def _modifiers(noun: Token) -> list[Token]:
    """The noun's own modifiers and those of the names compounded before it: in "repeated
    Kataib Hezbollah attacks" the parser hangs "repeated" on "Hezbollah", not on "attacks"."""
    found = list(noun.children)
    for child in noun.lefts:
        if child.dep_ == "compound":
            found.extend(_modifiers(child))
    return found


def _noun_reason(noun: Token, words: GenericWords) -> str | None:
    for child in _modifiers(noun):
        if child.dep_ == "det" and child.lower_ in words.negating_determiners:
            return f"negated: '{child.text} {noun.text}'"
        if child.dep_ in ("det", "amod", "predet") and child.lower_ in words.class_modifiers:
            return f"class of acts: '{child.text} {noun.text}'"
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in ("in", "of") and head.head.lemma_.lower() in words.trend_nouns:
        return f"class of acts: '{head.head.text} {head.text} {noun.text}'"
    if noun.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN"):
        return _noun_reason(head, words)
    wished = _wished(noun, words)
    if wished is not None:
        return wished
    if noun.dep_ == "dobj" and head.lemma_.lower() in words.averting_verbs:
        return f"kept from happening: '{head.text} ... {noun.text}'"
    if noun.dep_ == "dobj" and _bare_plural(noun) and head.lemma_.lower() in words.trend_objects:
        return f"class of acts: '{head.text} ... {noun.text}'"
    if noun.dep_ == "nsubj" and _bare_plural(noun) and head.lemma_.lower() in words.trend_verbs:
        return f"class of acts: '{noun.text} ... {head.text}'"
    return None


def _perfect(verb: Token) -> bool:
    """'have been killed', 'has killed': present perfect."""
    return any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in PRESENT_TAGS
               for c in verb.children)


def _present(verb: Token) -> bool:
    """'continue', 'keeps': simple present (a bare form after a quotation mark is tagged VB;
    with an auxiliary it is a future or modal form, not a habit)."""
    return verb.tag_ in PRESENT_TAGS or verb.tag_ == "VB" and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children)


def _wished(word: Token, words: GenericWords) -> str | None:
    """'Kyiv hoped the fighters could be exchanged', 'chanting "the people want the fall of the
    regime"', 'Idlib was supposed to be protected': what is only hoped for, wanted or was due
    is no incident (a plan is told with "plan", "expect", "vow" and keeps its status)."""
    head = word.head
    if word.dep_ in ("xcomp", "ccomp", "dobj") and head.i != word.i \
            and words.wishing_verbs & {head.lemma_.lower(), head.lower_}:
        return f"only wished for: '{head.text} ... {word.text}'"
    return None


def _verb_reason(verb: Token, words: GenericWords, effect_verbs: frozenset[str]) -> str | None:
    wished = _wished(verb, words)
    if wished is not None:
        return wished
    head = verb.head
    if (verb.dep_ == "pcomp" and head.lower_ == "from"
            and head.head.lemma_.lower() in words.preventing_verbs):
        return f"kept from happening: '{head.head.text} ... from {verb.text}'"
    if (verb.dep_ == "xcomp" and head.lemma_.lower() in words.habitual_aspectuals
            and _present(head)):
        return f"habit: '{head.text} to {verb.text}'"
    if verb.lemma_.lower() in effect_verbs and _perfect(verb):
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in words.tally_preps:
                return f"running tally: '{verb.text} ... {child.text}'"
    return None


def generic_reason(token: Token, anchor: Token, effect_verbs: frozenset[str]) -> str | None:
    """Why the trigger ``token`` (clause verb ``anchor``) tells no incident, or None when it may.

    A noun is a class of acts when a class word modifies it ("such", "repeated"), when it
    counts a trend ("a surge in X", "X have increased", "reduced attacks"), negated with
    "no", or kept from happening ("foiled an attack"); a verb is kept from happening in the
    "from" clause of a preventing verb ("stopped protesters from storming"), a
    habit under present-tense "continue to"/"keep", and a casualty verb in the present
    perfect with "since"/"over" is a running tally.
    """
    words = generic_words()
    if token.pos_ in ("NOUN", "PROPN"):
        reason = _noun_reason(token, words)
        if reason is not None or anchor is token:
            return reason
    return _verb_reason(anchor, words, effect_verbs)


def separate_marker(token: Token, anchor: Token) -> str | None:
    """The word that announces a new incident ("another bomb", "in a separate attack",
    "separately, gunmen killed ..."), on the event word or its clause verb, or None.

    Such a mention never joins an incident already told, however much it shares with it.
    """
    words = generic_words().separate_markers
    for head in dict.fromkeys((token, anchor)):
        for child in _modifiers(head):
            if child.dep_ in ("det", "amod", "advmod") and child.lower_ in words:
                return child.text
        for child in head.children:
            if child.dep_ == "prep":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and any(
                            c.dep_ == "amod" and c.lower_ in words for c in pobj.children):
                        return f"{child.text} ... {pobj.text}"
    return None
