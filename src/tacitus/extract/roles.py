"""Who acts and whom it is done to, read from the syntax around a trigger.

The rules follow how English news names participants: the subject (or the passive agent "by
X") acts and the direct object (or the passive subject, or "on/against/at X") undergoes; an
event noun takes its actor from a possessor ("Israel's strikes"), a name or demonym modifying
it ("US airstrikes", "American strikes"), a "by" phrase or the subject of the light verb that
governs it ("the US launched strikes"), and its recipient from "on/against/of X" or the object
of the verb it is the subject of ("the strikes targeted ...").

The recipient is searched among candidates in order of preference (indirect object, direct
object, prepositional targets, the act a threat or demand names, ...), and the first that names
a party wins: a thing in the object's place ("cut gas supplies to Ukraine", "suspended air
links with Serbia") hands over to the party inside it or to the next candidate, so that the
syntax's first guess is not kept when it names no one. Each rule's name goes into the event's
provenance.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Span, Token

from tacitus.actors import get_resolver, is_reference
from tacitus.errors import ResourceError
from tacitus.extract.lexicon import Pattern, get_lexicon
from tacitus.extract.parties import unresolved_party
from tacitus.extract.triggers import (
    Trigger,
    is_passive,
    np_words,
    object_of,
    subject_of,
)
from tacitus.resources import LINE_KEY, load_yaml
from tacitus.resources import path as resource_path

RULES_FILE = "actors/recipient_rules.yaml"
PHRASE_CUT = frozenset({
    "relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "prep", "parataxis", "ccomp",
    "xcomp", "dep",
})
# "negotiators returned to Geneva for talks": the subject of the verb takes part.
PURPOSE_PREPS = frozenset({"for", "into"})
KEPT_PREPS = frozenset({"of", "in", "from"})
# "three civilians were killed in a bombing", "a US national was put under investigation":
# the noun's verb says whom the act struck ("under" only with a passive verb: "under the
# agreement, the two countries will reopen their consulates" is no undergoing).
CIRCUMSTANCE_PREPS = frozenset({"in", "during", "by", "under"})
ACTIVE_CIRCUMSTANCE_PREPS = frozenset({"in", "during", "by"})
NOT_PARTY_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
NAME_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON", "FAC", "LOC"})
CLAUSE_PARTY_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON"})
CONDITION_MARKS = frozenset({"if", "unless"})
# "demanded that the US cancel the sale": the clause says what the other party is to do. A
# threat's clause says what the threatener will do ("vowed that the group would retaliate"):
# its target is in the condition, if anywhere (see _condition).
CLAUSE_RECIPIENT_TYPES = frozenset({"REQUEST"})
# Acts two parties do with each other: "Colombia and Venezuela agreed", "X and Y met".
MUTUAL_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})
# How deep the search goes into clauses ("threatened to stop talks if ...") and into phrases
# ("a truce with the rebels of the north"): news syntax rarely nests the party deeper.
MAX_DEPTH = 2

Found = tuple[Token, str]


@dataclass(frozen=True, slots=True)
class RecipientRules:
    """The word lists of ``resources/actors/recipient_rules.yaml`` (see its comments)."""

    verb_preps: tuple[str, ...]
    purpose_preps: tuple[str, ...]
    noun_preps: tuple[str, ...]
    nested_preps: tuple[str, ...]
    agent_preps: tuple[str, ...]
    type_preps: dict[str, tuple[str, ...]]
    reciprocal_verbs: frozenset[str]
    own_force_types: frozenset[str]
    doer_types: frozenset[str]
    force_types: frozenset[str]
    uncontrolled_preps: frozenset[str]
    intent_verbs: frozenset[str]
    beneficiary_types: dict[str, tuple[str, ...]]


def _ordered_words(data: dict[str, Any], key: str, line: int | None, types: bool = False) -> tuple[str, ...]:
    """A word list (or, with ``types``, a list of upper-case PLOVER types) in file order."""
    words = data.get(key)
    case = str.upper if types else str.lower
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w == case(w) for w in words):
        what = "PLOVER types" if types else "lower-case words (quote on/off/yes/no)"
        raise ResourceError(f"'{key}' must be a non-empty list of {what}", str(resource_path(RULES_FILE)), line)
    return tuple(words)


@lru_cache(maxsize=1)
def recipient_rules() -> RecipientRules:
    """The recipient rules, loaded and validated once."""
    return parse_recipient_rules(load_yaml(RULES_FILE))


def parse_recipient_rules(data: Any) -> RecipientRules:
    """Validate the parsed rules file; a bad list raises ResourceError naming file and line."""
    if not isinstance(data, dict):
        raise ResourceError("expected a mapping of word lists", str(resource_path(RULES_FILE)), 1)
    line = data.get(LINE_KEY)
    return RecipientRules(
        verb_preps=_ordered_words(data, "verb_preps", line),
        purpose_preps=_ordered_words(data, "purpose_preps", line),
        noun_preps=_ordered_words(data, "noun_preps", line),
        nested_preps=_ordered_words(data, "nested_preps", line),
        agent_preps=_ordered_words(data, "agent_preps", line),
        type_preps=_by_type(data, "type_preps", line),
        reciprocal_verbs=frozenset(_ordered_words(data, "reciprocal_verbs", line)),
        own_force_types=frozenset(_ordered_words(data, "own_force_types", line, types=True)),
        doer_types=frozenset(_ordered_words(data, "doer_types", line, types=True)),
        force_types=frozenset(_ordered_words(data, "force_types", line, types=True)),
        uncontrolled_preps=frozenset(_ordered_words(data, "uncontrolled_preps", line)),
        intent_verbs=frozenset(_ordered_words(data, "intent_verbs", line)),
        beneficiary_types=_by_type(data, "beneficiary_types", line),
    )


def _by_type(data: dict[str, Any], key: str, line: int | None) -> dict[str, tuple[str, ...]]:
    """A mapping of PLOVER types to word lists."""
    table = data.get(key)
    if not isinstance(table, dict):
        raise ResourceError(f"'{key}' must map PLOVER types to word lists", str(resource_path(RULES_FILE)), line)
    return {kind: _ordered_words(table, kind, table.get(LINE_KEY)) for kind in table if kind != LINE_KEY}


@dataclass(frozen=True, slots=True)
class Roles:
    """Noun phrases of the actor and recipient with the rule that found each."""

    actor: Span | None = None
    actor_rule: str = ""
    recipient: Span | None = None
    recipient_rule: str = ""


def phrase(head: Token) -> Span:
    """The noun phrase headed by ``head``: its subtree without clauses, appositions,
    conjuncts and prepositional phrases other than "of/in/from" ("25 fighters of Kataib
    Hezbollah", "rebels in the Ivory Coast": the resolver reads the country there)."""
    keep = [head]
    stack = [head]
    while stack:
        token = stack.pop()
        for child in token.children:
            if child.dep_ in PHRASE_CUT and not (
                child.dep_ == "prep" and child.lower_ in KEPT_PREPS and child.i > token.i
            ):
                # A fronted phrase ("In a statement ..., the bloc") is the clause's, not the
                # noun's, whatever the parser attached it to.
                continue
            keep.append(child)
            stack.append(child)
    start = min(t.i for t in keep)
    end = max(t.i for t in keep) + 1
    doc = head.doc
    if head.ent_type_ in NAME_ENTS:
        # A name the parser split ("Hamad bin Khalifa al-Thani" with "al-Thani" as a second
        # subject): the phrase covers the whole named entity its head is in.
        start, end = min(start, _entity_start(head)), max(end, _entity_end(head))
    while start < end - 1 and doc[start].dep_ in ("punct", "cc", "case"):
        start += 1
    return doc[start:end]


def _entity_start(token: Token) -> int:
    i = token.i
    while token.doc[i].ent_iob_ == "I" and i > 0:
        i -= 1
    return i


def _entity_end(token: Token) -> int:
    doc = token.doc
    i = token.i + 1
    while i < len(doc) and doc[i].ent_iob_ == "I":
        i += 1
    return i


def _pobjs(head: Token, preps: Iterable[str]) -> Iterator[Found]:
    """Objects of ``preps`` attached to ``head``, in the order of ``preps``, that can be
    parties (not a date, time or number: "on Monday" is no target), with the preposition."""
    for prep in preps:
        for child in head.children:
            if child.dep_ in ("prep", "dative") and child.lower_ == prep:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.ent_type_ not in NOT_PARTY_ENTS and not pobj.like_num:
                        yield pobj, prep


def _prep_object(head: Token, preps: Iterable[str]) -> Found | None:
    """The object of the first of ``preps`` attached to ``head`` that can be a party."""
    return next(_pobjs(head, preps), None)


def _is_name(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ in NAME_ENTS


def _name_modifiers(noun: Token) -> Span | None:
    """'US' in 'US drone strikes', 'Kataib Hezbollah' in 'Kataib Hezbollah attacks', and a
    name on a modifying word ('US Predator attacks', where "US" hangs on "Predator")."""
    modifiers = [child for child in noun.lefts if child.dep_ in ("compound", "amod", "nmod")]
    first = next((i for i, child in enumerate(modifiers) if _is_name(child) or any(
        _is_name(g) for g in child.subtree)), None)
    if first is None:
        return None
    # From the first modifier that holds a name: "US-led coalition" in "a US-led coalition
    # airstrike", where the name hangs on "led".
    tokens = [t for child in modifiers[first:] for t in child.subtree]
    span = noun.doc[min(t.i for t in tokens):max(t.i for t in tokens) + 1]
    return None if _town(span) else span


def _town(span: Span) -> bool:
    """'the Jalalabad blast', 'the Gaza strikes': a town or region named before an event noun
    says where it happened, not who did it, unlike a state's name or a demonym ("Iran missile
    attack", "Israeli strikes")."""
    if not all(t.pos_ == "PROPN" for t in span):
        return False
    resolver = get_resolver()
    party = resolver.resolve_span(span)
    return (party is not None and party.kind == "state" and party.sector is None
            and not resolver.is_country_name(span.text))


def _pattern_object(trigger: Trigger, token: Token) -> bool:
    """True when the pattern needed this object ('impose + sanctions'): it is the act's
    instrument or content, and the recipient is named elsewhere ('on Iran')."""
    words = np_words(token)
    return any(slot & words for slot in trigger.pattern.obj)


def _undergoer_roles(verb: Token, pattern: Pattern) -> Roles:
    """'The columns came under fire from Russian artillery': the subject undergoes, the
    "from/by" phrase (on the verb or inside its "under" phrase) acts, and so does a phrase the
    pattern needs with any object ("the district fell to the Taliban")."""
    subject = subject_of(verb)
    agents = ("from", "by", *(prep for prep, slots in pattern.preps if not slots))
    found = _prep_object(verb, agents)
    if found is None:
        for prep in verb.children:
            for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                found = found or _prep_object(pobj, ("from", "by"))
    return Roles(
        phrase(found[0]) if found is not None else None, f"'{found[1]} X'" if found else "",
        phrase(subject) if subject is not None else None, "subject that undergoes the act"
        if subject is not None else "",
    )


def _condition(verb: Token) -> Found | None:
    """The subject of an "if/unless" clause on the threat's verb or on a clause below it
    ("threatened to stop the talks if the United States goes ahead", "warned that more
    sanctions would follow if the generals did not ..."): the party the threat is aimed at."""
    level = [verb]
    for _ in range(MAX_DEPTH + 1):
        for head in level:
            for clause in head.children:
                if clause.dep_ == "advcl" and any(
                        m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in clause.children):
                    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                    if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
                        return subject, f"subject of '{clause.text}'"
        level = [c for head in level for c in head.children if c.dep_ in ("xcomp", "ccomp")]
    return None


def _clause_recipient(verb: Token, instrument: Token | None, kind: str) -> Found | None:
    """Where a verb with no direct party object says whom it concerns: a party named in the
    pattern's own object ("rejected an Indian proposal", "expelled two Russian diplomats"), or,
    for a demand, the subject of its "that" clause ("demanded that the US cancel the sale")."""
    if instrument is not None and (
        any(t.ent_type_ in CLAUSE_PARTY_ENTS - {"GPE"} for t in instrument.subtree)
        or any(c.dep_ in ("amod", "compound", "nmod", "poss") and c.ent_type_ == "GPE" for c in instrument.lefts)
    ):
        return instrument, "party named in the object"
    if kind not in CLAUSE_RECIPIENT_TYPES:
        return None
    for clause in verb.children:
        if clause.dep_ == "ccomp":
            subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
                return subject, f"subject of '{clause.text}'"
    return None


def _conjoined_object(verb: Token) -> Found | None:
    """'gunmen shot and killed a radio presenter': a verb with no object of its own shares the
    object of a verb conjoined after it that has no subject of its own."""
    for conj in verb.children:
        if conj.dep_ == "conj" and conj.pos_ == "VERB" and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
            obj = object_of(conj)
            if obj is not None and obj.dep_ == "dobj":
                return obj, f"object of '{conj.text}'"
    return None


def _conjoined_partner(actor: Token | None) -> Token | None:
    """'Colombia and Venezuela agreed ...': in a mutual act the second conjoined subject is
    the party the first acts with."""
    if actor is None:
        return None
    return next((c for c in actor.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")), None)


def _is_mutual(kind: str, verb: Token | None) -> bool:
    """Agreeing and meeting, and acts whose verb is reciprocal ("India and Pakistan exchanged
    fire", "troops and rebels clashed"), are done by conjoined subjects to each other."""
    return kind in MUTUAL_TYPES or (
        verb is not None and get_lexicon().verb_lemma(verb) in recipient_rules().reciprocal_verbs)


def _dative(verb: Token) -> Token | None:
    """The indirect object: 'Japan gave Vietnam a loan'."""
    return next((c for c in verb.children if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON")), None)


def _effect_objects(verb: Token) -> Iterator[Found]:
    """'police opened fire to disperse the demonstrators', 'a bomb exploded in Mogadishu,
    killing five people': a purpose or participle clause on the act says whom it was aimed at
    or struck (the purpose first)."""
    clauses = [c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB"]
    purposes = [c for c in clauses if any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)]
    for clause in (*purposes, *(c for c in clauses if c.dep_ == "advcl" and c.tag_ == "VBG")):
        obj = object_of(clause)
        if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
            yield obj, f"object of '{clause.text}'"


def _is_event_noun(token: Token) -> bool:
    """An act or conflict the lexicon knows ("attack", "truce", "war")."""
    if token.pos_ != "NOUN":
        return False
    lexicon = get_lexicon()
    lemma = token.lemma_.lower()
    return bool(lexicon.candidates("noun", lemma)) or lemma in lexicon.conflict_nouns


def _has_own_actor(noun: Token) -> bool:
    """'Iran's offer', 'the Israeli attack', 'the attack by the rebels'."""
    return (any(c.dep_ == "poss" for c in noun.children) or _name_modifiers(noun) is not None
            or _prep_object(noun, ("by",)) is not None)


def _names_party(token: Token) -> bool:
    """Whether the phrase headed by ``token`` can be a recipient: a pronoun or a reference to
    an earlier party, a party of the dictionaries, or a named one they lack. Things ("gas
    supplies", "targets in Jericho", "the Strait of Hormuz") cannot."""
    if token.pos_ == "PRON":
        return True
    span = phrase(token)
    return (is_reference(span) or get_resolver().resolve_span(span) is not None
            or unresolved_party(span) is not None)


def _nested(token: Token, preps: Iterable[str], kind: str, depth: int) -> Found | None:
    """The first party named in ``token``'s prepositional phrases. A bare agent noun there
    ("a commission on border security") is too often a topic to count: the party must have a
    name or a country."""
    if depth >= MAX_DEPTH:
        return None
    for inner, prep in _pobjs(token, preps):
        found = _settle(inner, f"'{prep} X' in '{token.text}'", kind, depth + 1)
        if found is not None and not _generic(found[0]):
            return found
    return None


def _generic(token: Token) -> bool:
    """'border security', 'civilians': an agent noun alone, with no name or country (a titled
    name the dictionaries lack, "President Laurent Gbagbo", is no generic agent)."""
    if token.pos_ == "PRON":
        return False
    span = phrase(token)
    party = get_resolver().resolve_span(span)
    return (party is not None and party.country is None and party.id == party.sector
            and not any(t.pos_ == "PROPN" for t in span))


def _settle(token: Token, rule: str, kind: str, depth: int = 0) -> Found | None:
    """The recipient a candidate phrase stands for, or None when it names no one.

    A phrase naming a party is itself the recipient. An event noun ("condemned the attack") is
    too (mention.py gives it the actor of that event), unless it has no actor of its own and
    a phrase in it names who is to act or acted ("demanded the withdrawal of Turkish troops",
    "dismissed an appeal from the president", "demanded a truce with Moslem forces"); acts
    aimed at a doer (``doer_types``) look only at the "of/from/by" ones. A thing hands over to
    a party in its prepositional phrases ("cut gas supplies to Ukraine")."""
    rules = recipient_rules()
    if _is_event_noun(token):
        if not _has_own_actor(token):
            preps = rules.agent_preps if kind in rules.doer_types else rules.agent_preps + rules.nested_preps
            found = _nested(token, preps, kind, depth)
            if found is not None:
                return found
        return token, rule
    if _names_party(token):
        return token, rule
    return _nested(token, rules.nested_preps, kind, depth)


def _first_party(candidates: Iterable[Found], kind: str) -> Found | None:
    """The first candidate that names a party (see :func:`_settle`); else the first one, so
    that provenance still says what the syntax offered."""
    first: Found | None = None
    for token, rule in candidates:
        found = _settle(token, rule, kind)
        if found is not None:
            return found
        first = first or (token, rule)
    return first


def _clause_candidates(verb: Token, preps: tuple[str, ...], depth: int) -> Iterator[Found]:
    """Objects and prepositional targets of the act a verb governs ('threatened to cut gas
    supplies to Ukraine', 'agreed to re-open its borders to UN peacekeepers')."""
    for clause in verb.children:
        if clause.dep_ != "xcomp":
            continue
        inner = _dative(clause)
        if inner is not None:
            yield inner, "indirect object of " + clause.text
        inner = object_of(clause)
        if inner is not None:
            yield inner, "object of " + clause.text
        yield from _pobjs(clause, preps)
        if depth < MAX_DEPTH:
            yield from _clause_candidates(clause, preps, depth + 1)


def _own_force(token: Token) -> bool:
    """'army reservists', 'their peacekeeping force': a force with no country of its own, or
    one a pronoun owns, which in a mobilisation or withdrawal is the actor's own."""
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children):
        return True
    party = get_resolver().resolve_span(phrase(token))
    return party is not None and party.country is None and party.id == party.sector


def _raised_subject(verb: Token) -> Found | None:
    """'The envoy is expected to return to Kabul to press both sides', 'the troops were ordered
    to withdraw': the passive subject of the verb an infinitive hangs on is who does the act."""
    current = verb
    for _ in range(MAX_DEPTH + 1):
        if current.dep_ not in ("xcomp", "advcl") or current.head.i == current.i:
            return None
        current = current.head
        subject = next((c for c in current.children if c.dep_ == "nsubjpass"), None)
        if subject is not None:
            return subject, f"passive subject of '{current.text}'"
    return None


def _controller(verb: Token) -> Found | None:
    """'Vietnam is committed to opening up its economy', 'the rebels insisted on keeping their
    weapons', 'the envoy was accused of leaking the report': a gerund after a preposition has
    no subject of its own; it is done by the subject of the verb the preposition hangs on.
    Not when that verb has an object, which then controls the gerund ("accused Iran of
    arming the rebels": Iran arms), nor after a preposition of opposition ("warned against
    attacking Iran": the one warning does not attack). A subjectless clausal subject of a
    reported clause is the speaker's."""
    if verb.dep_ in ("csubj", "csubjpass") and verb.head.dep_ in ("ccomp", "parataxis"):
        # "US officials said removing the sanctions is out of the question": a subjectless
        # act that is the topic of a reported clause is the speaker's to do or refuse.
        speaker = speaker_subject(verb.head)
        return (speaker, f"speaker of '{verb.head.head.text}'") if speaker is not None else None
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ in recipient_rules().uncontrolled_preps:
        return None
    governor = prep.head
    if governor.pos_ not in ("VERB", "ADJ") or any(c.dep_ in ("dobj", "dative") for c in governor.children):
        return None
    subject = next((c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.tag_ in ("WDT", "WP", "EX"):
        return None
    return subject, f"subject of '{governor.text} {prep.text}'"


def _issuer(verb: Token, noun: Token) -> Found | None:
    """'The PKK issued a declaration demanding ...', 'the army launched an operation targeting
    ...': a participle on a document or operation noun that names no party (the parser makes the
    noun its subject) is the act of whoever issued or launched it, the subject of the verb
    governing the noun. Not for event nouns ("condemned the attack killing five": the attack
    kills, not the one condemning it)."""
    if (verb.dep_ != "acl" or verb.head.i != noun.i or noun.pos_ != "NOUN" or noun.dep_ != "dobj"
            or noun.head.pos_ != "VERB" or _is_event_noun(noun) or _names_party(noun)):
        return None
    subject = subject_of(noun.head)
    if subject is None or subject.i == noun.i:
        return None
    return subject, f"subject of '{noun.head.text}' (who issued '{noun.text}')"


def _verb_candidates(trigger: Trigger, direct: Token | None, instrument: Token | None) -> Iterator[Found]:
    """Recipient candidates of a verb trigger, best first."""
    verb = trigger.token
    kind = trigger.coding.type
    rules = recipient_rules()
    preps = rules.verb_preps + rules.type_preps.get(kind, ())
    condition = _condition(verb) if not (direct is not None and _is_name(direct)) else None
    if kind == "THREATEN" and condition is not None:
        # "threatened sanctions unless the Kremlin closed its base": the condition's subject
        # is the one threatened, not the content of the threat.
        yield condition
    dative = _dative(verb)
    if dative is not None:
        yield dative, "indirect object"
    if direct is not None:
        yield direct, "passive subject" if direct.dep_ == "nsubjpass" else "direct object"
    for pobj, prep in _pobjs(verb, preps):
        yield pobj, f"'{prep} X'"
    for pobj, prep in _pobjs(verb, rules.purpose_preps):
        if _is_event_noun(pobj):
            yield pobj, f"'{prep} X'"
    if instrument is not None:
        for pobj, prep in _pobjs(instrument, preps):
            yield pobj, f"'{prep} X'"
    for clause in verb.children:
        # "allowed the opposition leader to hold a rally", parsed as a clause with a subject:
        # whom an infinitive clause's subject is, the verb acts on.
        if clause.dep_ == "ccomp" and any(a.dep_ == "aux" and a.tag_ == "TO" for a in clause.children):
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
                yield subject, f"subject of '{clause.text}'"
    if instrument is not None and not _is_event_noun(instrument) and not _generic(instrument) and not (
            kind in rules.own_force_types and _own_force(instrument)):
        # "defended the right of Russian troops": a party inside the pattern's own object (not
        # a bare agent noun: "declared a state of emergency")
        yield instrument, "party named in the object"
    for token, rule in _clause_candidates(verb, preps, 1):
        yield token, rule if rule.startswith(("object of", "indirect object")) else f"'{rule} X'"
    found = _conjoined_object(verb)
    if found is not None:
        yield found
    if kind in rules.force_types:
        yield from _effect_objects(verb)
    found = _clause_recipient(verb, instrument, kind)
    if found is not None:
        yield found
    if condition is not None:
        # "will withdraw its force unless the president arranges a ceasefire": a condition
        # makes the act a threat (recoded later) aimed at the condition's subject.
        yield condition
    given = instrument if instrument is not None else direct
    if given is not None:
        yield from _beneficiaries(given, kind)


def _beneficiaries(obj: Token, kind: str) -> Iterator[Found]:
    """'pledged 500 million euros in military aid to Ukraine': whom an act of giving is for
    may hang anywhere inside what is given (recipient_rules.yaml beneficiary_types)."""
    preps = recipient_rules().beneficiary_types.get(kind, ())
    for token in obj.subtree:
        if token.i != obj.i and token.pos_ in ("NOUN", "PROPN"):
            for pobj, prep in _pobjs(token, preps):
                yield pobj, f"'{prep} X' in '{token.text}'"


def _verb_roles(trigger: Trigger) -> Roles:
    verb = trigger.token
    if trigger.pattern.undergoer_subject:
        return _undergoer_roles(verb, trigger.pattern)
    actor = subject_of(verb)
    actor_rule = ""
    raised = (_raised_subject(verb) or _controller(verb)) if actor is None else None
    if raised is not None:
        actor, actor_rule = raised
    issuer = _issuer(verb, actor) if actor is not None and raised is None else None
    if issuer is not None:
        actor, actor_rule = issuer
    elif actor is not None and raised is None:
        if any(c.dep_ == "agent" for c in verb.children) and actor.head.dep_ == "agent":
            actor_rule = "passive agent"
        elif actor.head.i == verb.i:
            actor_rule = "subject"
        else:
            actor_rule = f"subject of '{actor.head.text}'"
    direct = object_of(verb)
    instrument = None
    if direct is not None and (_pattern_object(trigger, direct) or (
            trigger.coding.type in recipient_rules().own_force_types and direct.dep_ == "dobj"
            and _own_force(direct))):
        instrument, direct = direct, None
    found = _first_party(_verb_candidates(trigger, direct, instrument), trigger.coding.type)
    recipient, recipient_rule = found if found is not None else (None, "")
    partner = _conjoined_partner(actor) if _is_mutual(trigger.coding.type, verb) else None
    if partner is not None and recipient_rule not in ("direct object", "passive subject"):
        recipient, recipient_rule = partner, "second of conjoined subjects"
    return Roles(
        phrase(actor) if actor is not None else None, actor_rule,
        phrase(recipient) if recipient is not None else None, recipient_rule,
    )


def _noun_candidates(trigger: Trigger) -> Iterator[Found]:
    """Recipient candidates of an event noun, best first."""
    noun = trigger.token
    rules = recipient_rules()
    kind = trigger.coding.type
    # "launched a mediation effort between the Emirates and Saudi Arabia": the phrase a
    # compound event noun modifies carries its prepositions.
    heads = [noun, noun.head] if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" else [noun]
    for head in heads:
        for pobj, prep in _pobjs(head, rules.noun_preps + rules.type_preps.get(kind, ())):
            yield pobj, f"'{prep} X'"
    if trigger.light is not None:
        dative = _dative(trigger.light)
        if dative is not None:
            yield dative, "indirect object"
        for pobj, prep in _pobjs(trigger.light, rules.verb_preps + rules.type_preps.get(kind, ())):
            yield pobj, f"'{prep} X'"
    verbs = [noun.head] if noun.dep_ == "nsubj" and noun.head.pos_ == "VERB" else []
    verbs += [c for c in noun.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
    # "fired tear gas to disperse the protesters": the light verb's purpose clause names
    # whom the act was aimed at.
    verbs += [c for c in (trigger.light.children if trigger.light is not None else ())
              if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB"
              and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)]
    if noun.dep_ == "pobj" and noun.head.lower_ in CIRCUMSTANCE_PREPS and noun.head.head.pos_ == "VERB" and (
            noun.head.lower_ in ACTIVE_CIRCUMSTANCE_PREPS or is_passive(noun.head.head)):
        verbs.append(noun.head.head)
    for verb in verbs:
        target = object_of(verb)
        if target is not None and target.pos_ in ("NOUN", "PROPN") and target is not noun:
            yield target, f"object of '{verb.text}'"
    if noun.dep_ == "nsubj" and noun.head.pos_ == "VERB" and kind in rules.force_types:
        # "a roadside bomb tore through an army vehicle, killing two soldiers"
        for pobj, prep in _pobjs(noun.head, rules.verb_preps + rules.type_preps.get(kind, ())):
            yield pobj, f"'{prep} X' of '{noun.head.text}'"
        yield from _effect_objects(noun.head)
    if kind in CLAUSE_RECIPIENT_TYPES:
        # "its demand that Israel ease restrictions" (the clause on the noun or on its light
        # verb, where the parser often puts it): the clause's subject is the one asked.
        governor = trigger.light or (noun.head if noun.dep_ == "dobj" else None)
        for clause in (*noun.children, *(governor.children if governor is not None else ())):
            if clause.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in clause.children):
                subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
                    yield subject, f"subject of '{clause.text}'"


def _noun_roles(trigger: Trigger) -> Roles:
    noun = trigger.token
    actor_span: Span | None = None
    actor_rule = ""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    light_subject = subject_of(trigger.light) if trigger.light is not None else None
    if poss is not None and not (poss.pos_ == "PRON" and light_subject is not None):
        actor_span, actor_rule = phrase(poss), "possessor"
    if actor_span is None:
        actor_span = _name_modifiers(noun)
        actor_rule = "name modifying the event noun" if actor_span is not None else ""
    if actor_span is None:
        by = _prep_object(noun, ("by",))
        if by is not None:
            actor_span, actor_rule = phrase(by[0]), "'by X'"
    if actor_span is None and trigger.light is not None and light_subject is not None:
        actor_span, actor_rule = phrase(light_subject), f"subject of '{trigger.light.text}'"
    if actor_span is None and trigger.light is None and noun.dep_ == "dobj" and noun.head.pos_ == "VERB" \
            and noun.head.lemma_.lower() in recipient_rules().intent_verbs:
        # "the government will seek new sanctions", "Iran vowed revenge": who seeks, threatens
        # or promises an act is who would do it
        subject = subject_of(noun.head)
        if subject is not None:
            actor_span, actor_rule = phrase(subject), f"subject of '{noun.head.text}'"
    if actor_span is None and noun.dep_ == "pobj" and noun.head.lower_ in PURPOSE_PREPS:
        verb = noun.head.head
        obj = object_of(verb) if verb.pos_ == "VERB" else None
        subject = subject_of(verb) if verb.pos_ == "VERB" else None
        if obj is not None and obj.dep_ == "dobj" and noun.head.lower_ == "for":
            # "blamed Kataib Hezbollah for that attack", "praised Qatar for its mediation":
            # the object is the one the act is credited to.
            actor_span, actor_rule = phrase(obj), f"object of '{verb.text}' for the act"
        elif subject is not None:
            actor_span, actor_rule = phrase(subject), f"subject of '{verb.text}'"
    found = _first_party(_noun_candidates(trigger), trigger.coding.type)
    recipient_span, recipient_rule = (phrase(found[0]), found[1]) if found is not None else (None, "")
    # "the government and the rebels held talks", "X and Y signed a truce": conjoined subjects
    # of a mutual act's light verb act with each other
    partner = _conjoined_partner(light_subject) if trigger.light is not None and _is_mutual(
        trigger.coding.type, trigger.light) else None
    if partner is not None and (found is None or not _names_party(found[0])):
        recipient_span, recipient_rule = phrase(partner), "second of conjoined subjects"
    return Roles(actor_span, actor_rule, recipient_span, recipient_rule)


def speaker_subject(token: Token) -> Token | None:
    """The nearest named subject above ``token`` ("Syria" for "it" in "Syria says it is
    willing to withdraw"), for a pronoun that has no earlier party to refer to."""
    current = token
    for _ in range(6):
        if current.head.i == current.i:
            return None
        current = current.head
        subject = subject_of(current) if current.pos_ in ("VERB", "AUX") else None
        if subject is not None and subject.pos_ != "PRON":
            return subject
    return None


def role_spans(trigger: Trigger) -> Roles:
    """Actor and recipient noun phrases of a trigger (either may be None)."""
    if trigger.token.pos_ == "VERB":
        return _verb_roles(trigger)
    return _noun_roles(trigger)
