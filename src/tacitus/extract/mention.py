"""One coded mention per trigger: type, parties, date, toll, status, attribution, place.

A mention is everything one sentence says about one event; :mod:`tacitus.extract.incidents`
later merges the mentions of one incident. Dates, tolls, status and attribution come from the
fact modules (``dates``, ``toll``, ``status``), read at the trigger's clause verb (the
``anchor``: "launched" for "launched strikes") because that is where English attaches them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from tacitus.extract.coding import Coding
from tacitus.extract.dates import DateGuess, event_date, from_anchor
from tacitus.extract.dates import lexicon as dates_lexicon
from tacitus.extract.generic import SPECIFIC_DEPS, separate_marker
from tacitus.extract.lexicon import Pattern, get_lexicon
from tacitus.extract.parties import ArticleParties
from tacitus.extract.places import event_place
from tacitus.extract.recode import recode
from tacitus.extract.roles import phrase, role_spans, speaker_subject
from tacitus.extract.status import (
    AttributionGuess,
    StatusGuess,
    attribution,
    denier,
    event_status,
)
from tacitus.extract.toll import TollGuess, event_toll
from tacitus.extract.triggers import Trigger, is_passive, np_words, sentence_triggers
from tacitus.model import Article, Evidence, Party, Place


@dataclass(frozen=True, slots=True)
class EventMention:
    """One event as one sentence states it, with the rule behind every field.

    What :mod:`.incidents` reads to merge mentions: ``firm_date``/``firm_place`` (a date or
    place stated for this act itself, not borrowed from its sentence), ``kind_only`` (a bare
    noun that may name a kind of act), ``separate`` ("another bomb", "in a separate attack"),
    ``reacted_to`` (what a reaction in the sentence is about), ``passive``, and ``clause`` /
    ``during`` (offsets of the trigger's clause verb and of the verb whose "when" clause holds
    it: "the fighting broke out when fighters attacked a police station" tells one incident).
    """

    trigger: str
    lemma: str
    start: int
    end: int
    sent_start: int
    sent_end: int
    sent_index: int
    pattern: Pattern
    coding: Coding
    actor: Party | None
    recipient: Party | None
    date: DateGuess
    toll: TollGuess | None
    status: StatusGuess
    attribution: AttributionGuess
    source: str | None
    location: Place | None
    words: frozenset[str]
    trigger_words: frozenset[str]
    definite: bool
    demonstrative: bool
    firm_date: bool
    firm_place: bool
    kind_only: bool
    separate: bool
    reacted_to: bool
    passive: bool
    depth: int
    target_event: int | None
    clause: int
    during: int | None
    provenance: tuple[tuple[str, str], ...]

    def evidence(self, text: str) -> Evidence:
        """The sentence without the line breaks spaCy attaches to a paragraph's last one."""
        sentence = text[self.sent_start:self.sent_end].rstrip()
        return Evidence(sentence, self.sent_start, self.sent_start + len(sentence))


def _sentence_words(sent: Span) -> frozenset[str]:
    words: set[str] = set()
    for token in sent:
        words.add(token.lower_)
        words.add(token.lemma_.lower())
    return frozenset(words)


def _definite(token: Token) -> bool:
    """'the strikes', 'these raids', 'his warning': a noun that refers back to an incident
    already told."""
    return token.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "these", "that", "those")
        or c.dep_ == "poss" and c.lower_ in ("his", "her", "its", "their")
        for c in token.children
    )


def _demonstrative(token: Token) -> bool:
    """'that attack', 'these raids': points at the incident just told."""
    return token.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "det" and c.lower_ in ("this", "these", "that", "those") for c in token.children)


# Date precisions the text states (every one but "publication", a fallback to the dateline).
STATED_PRECISIONS = frozenset({"day", "week", "month", "year"})
# Where a bare event noun names a kind of act rather than an incident told: "financing itself
# through kidnapping", "threatening phone calls", "a ban on public gatherings".
OBLIQUE_DEPS = frozenset({"pobj", "dobj"})
# Event types that react to another event, the links from what they are about up to them, and
# how many links to climb ("blamed X, some wearing uniforms, for the killings": the parser may
# hang the phrase on a participle in between).
REACTION_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT", "PROTEST", "THREATEN", "REQUEST"})
REACTION_LINKS = frozenset({"pobj", "prep", "dobj", "pcomp", "advcl", "conj"})
REACTION_REACH = 4


def _counted_from_earlier(when: DateGuess, earlier: list[EventMention], index: int,
                          kinds: dict[str, str]) -> DateGuess:
    """'Gunmen attacked a church on Sunday. Two days after the attack, police arrested 12':
    a distance from an event its sentence does not date counts from the latest earlier
    sentence's event told with that word, else from the latest one of the type that word
    codes when it refers back (``kinds``: definite event noun -> type, in this sentence;
    "bombed a market on Thursday. Police arrested a man on Saturday. Within hours of the
    bombing, ..." counts from the Thursday), or, for a general word ("the incident") or none
    ("a day later", "the day before"), from the latest dated event before; else the date
    stays what the sentence alone gives."""
    distance = when.distance
    if distance is None:
        return when
    dated = [m for m in reversed(earlier) if m.sent_index < index and m.firm_date]
    same = next((m for m in dated if distance.event in (m.lemma, m.trigger.lower())), None)
    kind = kinds.get(distance.event or "")
    if same is None and kind is not None:
        same = next((m for m in dated if m.coding.type == kind), None)
    if same is None and (distance.event is None
                         or distance.event in get_lexicon().anaphoric_nouns):
        same = next(iter(dated), None)
    if same is None:
        return when
    return from_anchor(distance, same.date, f"from '{same.trigger}' in an earlier sentence") \
        or when


def _firm_date(when: DateGuess, trig: Trigger, others: set[int]) -> bool:
    """A date stated for this event itself, strong enough to tell two incidents apart: not
    read off a reporting verb or the sentence at large, nor off the verb of another event in
    the sentence ("arrested activists overnight ahead of a planned rally": the night is the
    arrests', not the rally's)."""
    if when.precision not in STATED_PRECISIONS or when.borrowed:
        return False
    doc = trig.token.doc
    span = doc.char_span(when.start, when.end, alignment_mode="expand") if (
        when.start is not None and when.end is not None) else None
    if span is None:
        return True
    own = (trig.token.i, trig.anchor.i)
    for token in span.root.ancestors:
        if token.pos_ in ("VERB", "AUX") or token.i in own:
            return token.i in own or token.i not in others
    return True


def _kind_only(token: Token, anchor: Token, reacted_to: bool) -> bool:
    """A noun with no determiner, possessive, number or name before it, in an object or
    phrase of another word ("accused the group of financing itself through kidnapping") or in
    what a reaction is about ("accused the agency of staging attacks"): it may name a kind of
    act rather than an incident; :mod:`.incidents` drops it when nothing else (party, date,
    place, toll, another mention) ties it to one."""
    if token.pos_ != "NOUN" or any(
            c.dep_ in SPECIFIC_DEPS or c.dep_ == "compound" and c.pos_ == "PROPN"
            for c in token.children):
        return False
    if reacted_to:
        return True
    if anchor is not token:
        return False
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if (first.dep_ == "pobj" and first.head.lower_ == "of"
            and first.head.head.pos_ in ("NOUN", "PROPN")):
        # "multiple incidents of sexual assault", "three cases of kidnapping": the noun
        # before "of" counts instances of the act.
        return False
    return first.dep_ in OBLIQUE_DEPS


def _reacted_to(token: Token, reactions: set[int]) -> bool:
    """'blamed the militiamen for the killings', 'condemned the arrests': an event noun in the
    object or a phrase of a reaction in the same sentence is what the reaction is about."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    for _ in range(REACTION_REACH):
        if token.dep_ not in REACTION_LINKS or token.head.i == token.i:
            return False
        token = token.head
        if token.i in reactions:
            return True
    return False


def _trigger_words(token: Token, anchor: Token) -> frozenset[str]:
    """The trigger's phrase, its clause verb, and the noun it is "for" ("responsibility for
    the attack", "credit for the bombing"), which the ACLED rules read."""
    words = np_words(token) | {anchor.lemma_.lower()}
    if token.dep_ == "pobj" and token.head.lower_ == "for":
        words.add(token.head.head.lemma_.lower())
    return frozenset(words)


def _clause(anchor: Token) -> Token:
    """The verb of the trigger's clause: the anchor itself, or the verb an event noun is the
    subject or object of ("the fighting broke out")."""
    if anchor.pos_ in ("NOUN", "PROPN") and anchor.dep_ in ("nsubj", "nsubjpass", "dobj") \
            and anchor.head.pos_ in ("VERB", "AUX"):
        return anchor.head
    return anchor


def _during(anchor: Token) -> Token | None:
    """The verb whose "when/as/while" clause the trigger's clause is ("broke out when fighters
    attacked"): that clause tells how the other act came about, so both are one incident."""
    clause = _clause(anchor)
    if clause.dep_ != "advcl" or clause.head.pos_ not in ("VERB", "AUX"):
        return None
    marks = dates_lexicon().simultaneous_marks
    if any(c.dep_ in ("mark", "advmod") and c.lower_ in marks for c in clause.children):
        return clause.head
    return None


def _depth(token: Token) -> int:
    """Clause depth of the trigger: 0 for the main verb, counting only clause links, so that
    "X said Y agreed" ranks "agreed" first (reporting verbs are not events)."""
    depth = 0
    while token.head.i != token.i:
        if token.dep_ not in ("conj", "dobj", "nsubj", "nsubjpass", "pobj", "compound") and not (
            token.dep_ == "prep" and token.lower_ == "of"
        ):
            depth += 1
        token = token.head
    return depth


def _mention(trig: Trigger, sent: Span, index: int, words: frozenset[str], nouns: set[int],
             others: set[int], reactions: set[int], parties: ArticleParties,
             published: date | None, earlier: list[EventMention],
             kinds: dict[str, str]) -> EventMention:
    lexicon = get_lexicon()
    prov: list[tuple[str, str]] = []
    said = attribution(trig.anchor)
    if said.source is None:
        said = denier(trig.anchor) or said
    source = None
    asserter: Party | None = None
    if said.source is not None:
        asserter, _ = parties.resolve(said.source, "source")
        source = asserter.name if asserter is not None else said.source.text
        prov.append(("attribution", f"{said.rule} -> {source}"))
    roles = role_spans(trig)
    actor = recipient = None
    if roles.actor is not None:
        actor, how = parties.resolve(roles.actor, roles.actor_rule)
        speaker = speaker_subject(trig.anchor) if roles.actor.root.pos_ == "PRON" else None
        if actor is None and speaker is not None:
            actor, how = parties.resolve(phrase(speaker), f"'{roles.actor.text}': speaker")
        prov.append(("actor", how))
    target_event = None
    if roles.recipient is not None and roles.recipient.root.i in nouns:
        target_event = roles.recipient.root.idx
        how = f"{roles.recipient_rule} '{roles.recipient.text}' -> the actor of that event"
        prov.append(("recipient", how))
    elif roles.recipient is not None:
        recipient, how = parties.resolve(roles.recipient, roles.recipient_rule)
        prov.append(("recipient", how))
    when = _counted_from_earlier(event_date(trig.anchor, published), earlier, index, kinds)
    prov.append(("date", when.rule))
    toll = event_toll(trig.anchor)
    if toll is None and trig.anchor is not trig.token:
        toll = event_toll(trig.token)
    if toll is not None:
        prov.append(("fatalities", toll.rule))
    status = event_status(trig.anchor, when.date, when.precision, published)
    prov.append(("status", status.rule))
    content = trig.content.coding if trig.content is not None else None
    coded, note = recode(trig.coding, trig.anchor, status.status, lexicon, content)
    prov.insert(0, ("type", trig.pattern.describe() + (f"; {note}" if note else "")))
    if coded.type == "REQUEST" and trig.coding.type != "REQUEST" and asserter is not None:
        # "Russia said Sudan must return the helicopter": Russia demands, of Sudan.
        actor, recipient = asserter, actor
        prov = [(k, v) for k, v in prov if k not in ("actor", "recipient")]
        prov.append(("actor", f"source of a stated obligation '{source}' -> {asserter.id}"))
        if recipient is not None:
            prov.append(("recipient", f"the obliged party -> {recipient.id}"))
    place = event_place(trig.token, trig.anchor, (roles.actor, said.source))
    reacted = _reacted_to(trig.token, reactions - {trig.token.i, trig.anchor.i})
    if place is not None:
        prov.append(("location", place.rule))
    return EventMention(
        trigger=trig.token.text, lemma=trig.token.lemma_.lower(), start=trig.token.idx, end=trig.token.idx + len(trig.token.text),
        sent_start=sent.start_char, sent_end=sent.end_char, sent_index=index, pattern=trig.pattern,
        coding=coded, actor=actor, recipient=recipient, date=when, toll=toll, status=status,
        attribution=said, source=source, location=place.place if place else None, words=words,
        trigger_words=_trigger_words(trig.token, trig.anchor),
        definite=_definite(trig.token), demonstrative=_demonstrative(trig.token),
        firm_date=_firm_date(when, trig, others),
        firm_place=place is not None and place.attached,
        kind_only=_kind_only(trig.token, trig.anchor, reacted),
        separate=separate_marker(trig.token, trig.anchor) is not None,
        reacted_to=reacted, passive=is_passive(trig.anchor),
        depth=_depth(trig.anchor), target_event=target_event,
        clause=_clause(trig.anchor).idx,
        during=during.idx if (during := _during(trig.anchor)) is not None else None,
        provenance=tuple(prov),
    )


def mentions(doc: Doc, article: Article) -> list[EventMention]:
    """Every coded event mention of a parsed article, in text order."""
    lexicon = get_lexicon()
    parties = ArticleParties(article.published)
    out: list[EventMention] = []
    for index, sent in enumerate(doc.sents):
        found = sentence_triggers(sent, lexicon)
        if not found:
            continue
        words = _sentence_words(sent)
        nouns = {t.token.i for t in found}
        verbs = nouns | {t.anchor.i for t in found}
        reactions = {i for t in found if t.coding.type in REACTION_TYPES
                     for i in (t.token.i, t.anchor.i)}
        kinds = {t.token.lemma_.lower(): t.coding.type for t in found if _definite(t.token)}
        out.extend([_mention(t, sent, index, words, nouns, verbs, reactions, parties,
                             article.published, out, kinds) for t in found])
    return out
