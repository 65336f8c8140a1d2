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
from tacitus.extract.dates import DateGuess, event_date
from tacitus.extract.lexicon import Pattern, get_lexicon
from tacitus.extract.parties import ArticleParties
from tacitus.extract.places import event_place
from tacitus.extract.recode import recode
from tacitus.extract.roles import phrase, role_spans, speaker_subject
from tacitus.extract.status import (
    AttributionGuess,
    StatusGuess,
    attribution,
    event_status,
)
from tacitus.extract.toll import TollGuess, event_toll
from tacitus.extract.triggers import Trigger, np_words, sentence_triggers
from tacitus.model import Article, Evidence, Party, Place


@dataclass(frozen=True, slots=True)
class EventMention:
    """One event as one sentence states it, with the rule behind every field."""

    trigger: str
    lemma: str
    start: int
    end: int
    sent_start: int
    sent_end: int
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
    depth: int
    target_event: int | None
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


def _trigger_words(token: Token, anchor: Token) -> frozenset[str]:
    """The trigger's phrase, its clause verb, and the noun it is "for" ("responsibility for
    the attack", "credit for the bombing"), which the ACLED rules read."""
    words = np_words(token) | {anchor.lemma_.lower()}
    if token.dep_ == "pobj" and token.head.lower_ == "for":
        words.add(token.head.head.lemma_.lower())
    return frozenset(words)


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


def _mention(trig: Trigger, sent: Span, words: frozenset[str], nouns: set[int],
             parties: ArticleParties, published: date | None) -> EventMention:
    lexicon = get_lexicon()
    prov: list[tuple[str, str]] = []
    said = attribution(trig.anchor)
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
    when = event_date(trig.anchor, published)
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
    if place is not None:
        prov.append(("location", place[1]))
    return EventMention(
        trigger=trig.token.text, lemma=trig.token.lemma_.lower(), start=trig.token.idx, end=trig.token.idx + len(trig.token.text),
        sent_start=sent.start_char, sent_end=sent.end_char, pattern=trig.pattern,
        coding=coded, actor=actor, recipient=recipient, date=when, toll=toll, status=status,
        attribution=said, source=source, location=place[0] if place else None, words=words,
        trigger_words=_trigger_words(trig.token, trig.anchor),
        definite=_definite(trig.token), demonstrative=_demonstrative(trig.token), depth=_depth(trig.anchor), target_event=target_event,
        provenance=tuple(prov),
    )


def mentions(doc: Doc, article: Article) -> list[EventMention]:
    """Every coded event mention of a parsed article, in text order."""
    lexicon = get_lexicon()
    parties = ArticleParties(article.published)
    out: list[EventMention] = []
    for sent in doc.sents:
        found = sentence_triggers(sent, lexicon)
        if not found:
            continue
        words = _sentence_words(sent)
        nouns = {t.token.i for t in found}
        out.extend(_mention(t, sent, words, nouns, parties, article.published) for t in found)
    return out
