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

from tacitus.extract.coding import Coding, coding
from tacitus.extract.dates import DateGuess, event_date
from tacitus.extract.lexicon import Pattern, get_lexicon, intent_code
from tacitus.extract.parties import ArticleParties
from tacitus.extract.places import event_place
from tacitus.extract.roles import role_spans
from tacitus.extract.status import AttributionGuess, StatusGuess, attribution, event_status
from tacitus.extract.toll import TollGuess, event_toll
from tacitus.extract.triggers import np_words, sentence_triggers
from tacitus.model import Article, Evidence, Party, Place


FUTURE = frozenset({"threatened", "planned"})


@dataclass(frozen=True, slots=True)
class EventMention:
    """One event as one sentence states it, with the rule behind every field."""

    trigger: str
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
    depth: int
    target_event: int | None
    provenance: tuple[tuple[str, str], ...]

    def evidence(self, text: str) -> Evidence:
        return Evidence(text[self.sent_start:self.sent_end], self.sent_start, self.sent_end)


def _sentence_words(sent: Span) -> frozenset[str]:
    words: set[str] = set()
    for token in sent:
        words.add(token.lower_)
        words.add(token.lemma_.lower())
    return frozenset(words)


def _definite(token_sent: Span, token_i: int) -> bool:
    """'the strikes', 'these raids': a noun that refers back to an incident already told."""
    token = token_sent.doc[token_i]
    return token.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "these", "that", "those")
        for c in token.children
    )


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


def mentions(doc: Doc, article: Article) -> list[EventMention]:
    """Every coded event mention of a parsed article, in text order."""
    lexicon = get_lexicon()
    parties = ArticleParties(article.published)
    published: date | None = article.published
    out: list[EventMention] = []
    for sent in doc.sents:
        words: frozenset[str] | None = None
        found = sentence_triggers(sent, lexicon)
        nouns = {t.token.i: t for t in found}
        for trig in found:
            words = words or _sentence_words(sent)
            prov: list[tuple[str, str]] = [("type", trig.pattern.describe())]
            said = attribution(trig.anchor)
            source = None
            if said.source is not None:
                party, _ = parties.resolve(said.source, "source")
                source = party.name if party is not None else said.source.text
                prov.append(("attribution", f"{said.rule} -> {source}"))
            roles = role_spans(trig)
            actor = recipient = None
            if roles.actor is not None:
                actor, how = parties.resolve(roles.actor, roles.actor_rule)
                prov.append(("actor", how))
            target_event = None
            if roles.recipient is not None and roles.recipient.root.i in nouns:
                target_event = roles.recipient.root.idx
                prov.append(("recipient", f"{roles.recipient_rule} '{roles.recipient.text}' "
                                          "-> the actor of that event"))
            elif roles.recipient is not None:
                recipient, how = parties.resolve(roles.recipient, roles.recipient_rule, strict=True)
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
            coded = trig.coding
            modals = {c.lower_ for c in trig.anchor.children if c.dep_ == "aux"}
            negated = any(c.dep_ == "neg" for c in trig.anchor.children)
            if modals & lexicon.obligation_modals and coded.type != "REQUEST":
                recoded = coding(lexicon.obligation_code)
                if recoded is not None:
                    prov[0] = ("type", f"{prov[0][1]}; obligation modal -> {recoded.cameo} "
                                       "(triggers.yaml obligation_code)")
                    coded = recoded
            elif negated and coded.quad_class in (1, 2) and status.status != "denied":
                recoded = coding(lexicon.negated_cooperation_code)
                if recoded is not None:
                    prov[0] = ("type", f"{prov[0][1]}; negated cooperation -> {recoded.cameo} "
                                       "(triggers.yaml negated_cooperation_code)")
                    coded = recoded
            elif status.status in FUTURE:
                intent = intent_code(coded.cameo, lexicon.future_intent)
                recoded = coding(intent) if intent else None
                if recoded is not None:
                    prov[0] = ("type", f"{prov[0][1]}; stated as intent ({status.status}) -> "
                                       f"{recoded.cameo} (triggers.yaml future_intent)")
                    coded = recoded
            place = event_place(trig.token, trig.anchor, (roles.actor, said.source))
            if place is not None:
                prov.append(("location", place[1]))
            out.append(EventMention(
                trigger=trig.token.text, start=trig.token.idx,
                end=trig.token.idx + len(trig.token.text),
                sent_start=sent.start_char, sent_end=sent.end_char,
                pattern=trig.pattern, coding=coded, actor=actor, recipient=recipient,
                date=when, toll=toll, status=status, attribution=said, source=source,
                location=place[0] if place else None, words=words,
                trigger_words=_trigger_words(trig.token, trig.anchor),
                definite=_definite(sent, trig.token.i), depth=_depth(trig.anchor),
                target_event=target_event,
                provenance=tuple(prov),
            ))
    return out
