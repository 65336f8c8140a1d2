"""Who acts and whom it is done to, read from the syntax around a trigger.

The rules follow how English news names participants: the subject (or the passive agent "by
X") acts and the direct object (or the passive subject, or "on/against/at X") undergoes; an
event noun takes its actor from a possessor ("Israel's strikes"), a name or demonym modifying
it ("US airstrikes", "American strikes"), a "by" phrase or the subject of the light verb that
governs it ("the US launched strikes"), and its recipient from "on/against/of X" or the object
of the verb it is the subject of ("the strikes targeted ..."). Each rule's name goes into the
event's provenance.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from tacitus.extract.triggers import Trigger, np_words, object_of, subject_of

PHRASE_CUT = frozenset({
    "relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "prep", "parataxis", "ccomp",
    "xcomp", "dep",
})
# "negotiators returned to Geneva for talks": the subject of the verb takes part.
PURPOSE_PREPS = frozenset({"for", "into"})
KEPT_PREPS = frozenset({"of", "in", "from"})
RECIPIENT_PREPS = ("against", "on", "at", "targeting", "upon", "with", "into", "to", "toward",
                   "towards")
NOUN_RECIPIENT_PREPS = ("on", "against", "at", "targeting", "upon", "of", "with", "to", "into")
NOT_PARTY_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
NAME_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON", "FAC", "LOC"})
CLAUSE_PARTY_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON"})
CONDITION_MARKS = frozenset({"if", "unless"})
CLAUSE_RECIPIENT_TYPES = frozenset({"REQUEST", "THREATEN"})
# Acts two parties do with each other: "Colombia and Venezuela agreed", "X and Y met".
MUTUAL_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})


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


def _prep_object(head: Token, preps: tuple[str, ...]) -> tuple[Token, str] | None:
    """The object of the first of ``preps`` attached to ``head`` that can be a party (not a
    date, time or number: "on Monday" is no target)."""
    for prep in preps:
        for child in head.children:
            if child.dep_ in ("prep", "dative") and child.lower_ == prep:
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None and pobj.ent_type_ not in NOT_PARTY_ENTS and not pobj.like_num:
                    return pobj, prep
    return None


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
    return noun.doc[min(t.i for t in tokens):max(t.i for t in tokens) + 1]


def _pattern_object(trigger: Trigger, token: Token) -> bool:
    """True when the pattern needed this object ('impose + sanctions'): it is the act's
    instrument or content, and the recipient is named elsewhere ('on Iran')."""
    words = np_words(token)
    return any(slot & words for slot in trigger.pattern.obj)


def _undergoer_roles(verb: Token) -> Roles:
    """'The columns came under fire from Russian artillery': the subject undergoes, the
    "from/by" phrase (on the verb or inside its "under" phrase) acts."""
    subject = subject_of(verb)
    found = _prep_object(verb, ("from", "by"))
    if found is None:
        for prep in verb.children:
            for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                found = found or _prep_object(pobj, ("from", "by"))
    return Roles(
        phrase(found[0]) if found is not None else None, f"'{found[1]} X'" if found else "",
        phrase(subject) if subject is not None else None, "subject that undergoes the act"
        if subject is not None else "",
    )


def _clause_recipient(verb: Token, instrument: Token | None, kind: str) -> tuple[Token, str] | None:
    """Where a verb with no direct party object says whom it concerns: a party named in the
    pattern's own object ("rejected an Indian proposal", "expelled two Russian diplomats"),
    the subject of its "that" clause ("demanded that the US cancel the sale") or of its
    condition ("threatened ... unless the Kremlin closed its base"); the clauses only for
    demands and threats, whose clause says what the other party is to do or not do."""
    if instrument is not None and (
        any(t.ent_type_ in CLAUSE_PARTY_ENTS - {"GPE"} for t in instrument.subtree)
        or any(c.dep_ in ("amod", "compound", "nmod", "poss") and c.ent_type_ == "GPE" for c in instrument.lefts)
    ):
        return instrument, "party named in the object"
    if kind not in CLAUSE_RECIPIENT_TYPES:
        return None
    for clause in sorted(verb.children, key=lambda c: c.dep_ != "advcl"):
        if clause.dep_ == "ccomp" or (clause.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in clause.children)):
            subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
                return subject, f"subject of '{clause.text}'"
    return None


def _conjoined_object(verb: Token) -> tuple[Token, str] | None:
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


def _verb_roles(trigger: Trigger) -> Roles:
    verb = trigger.token
    if trigger.pattern.undergoer_subject:
        return _undergoer_roles(verb)
    actor = subject_of(verb)
    actor_rule = ""
    if actor is not None:
        if any(c.dep_ == "agent" for c in verb.children) and actor.head.dep_ == "agent":
            actor_rule = "passive agent"
        elif actor.head.i == verb.i:
            actor_rule = "subject"
        else:
            actor_rule = f"subject of '{actor.head.text}'"
    recipient = object_of(verb)
    instrument = None
    if recipient is not None and _pattern_object(trigger, recipient):
        instrument, recipient = recipient, None
    recipient_rule = ""
    condition = _clause_recipient(verb, None, trigger.coding.type) if trigger.coding.type == "THREATEN" else None
    if condition is not None and not (recipient is not None and _is_name(recipient)):
        # "threatened sanctions unless the Kremlin closed its base": the condition's subject
        # is the one threatened, not the content of the threat.
        recipient, recipient_rule = condition
    elif recipient is not None:
        recipient_rule = "passive subject" if recipient.dep_ == "nsubjpass" else "direct object"
    else:
        found = _prep_object(verb, RECIPIENT_PREPS)
        if found is None and instrument is not None:
            found = _prep_object(instrument, RECIPIENT_PREPS)
        if found is None:
            clause = next((c for c in verb.children if c.dep_ == "xcomp"), None)
            if clause is not None:
                inner = object_of(clause)
                found = (inner, "object of " + clause.text) if inner is not None else _prep_object(
                    clause, RECIPIENT_PREPS)
        if found is None:
            found = _conjoined_object(verb)
        if found is None:
            found = _clause_recipient(verb, instrument, trigger.coding.type)
        if found is not None:
            recipient, recipient_rule = found[0], (
                found[1] if found[1].startswith(("object of", "subject of", "party named")) else f"'{found[1]} X'")
    partner = _conjoined_partner(actor) if trigger.coding.type in MUTUAL_TYPES else None
    if partner is not None and recipient_rule not in ("direct object", "passive subject"):
        recipient, recipient_rule = partner, "second of conjoined subjects"
    return Roles(
        phrase(actor) if actor is not None else None, actor_rule,
        phrase(recipient) if recipient is not None else None, recipient_rule,
    )


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
    recipient_span: Span | None = None
    recipient_rule = ""
    found = _prep_object(noun, NOUN_RECIPIENT_PREPS)
    if found is None and trigger.light is not None:
        found = _prep_object(trigger.light, RECIPIENT_PREPS)
    if found is not None:
        recipient_span, recipient_rule = phrase(found[0]), f"'{found[1]} X'"
    else:
        verbs = [noun.head] if noun.dep_ == "nsubj" and noun.head.pos_ == "VERB" else []
        verbs += [c for c in noun.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
        # "fired tear gas to disperse the protesters": the light verb's purpose clause names
        # whom the act was aimed at.
        verbs += [c for c in (trigger.light.children if trigger.light is not None else ())
                  if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB"
                  and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)]
        for verb in verbs:
            target = object_of(verb)
            if target is not None and target.pos_ in ("NOUN", "PROPN") and target is not noun:
                recipient_span, recipient_rule = phrase(target), f"object of '{verb.text}'"
                break
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
