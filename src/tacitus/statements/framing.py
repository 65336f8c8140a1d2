"""Framing: the loaded words an article uses for parties and acts, and what each qualifies.

The same strike is "a defensive strike" in one outlet and "American aggression" in another;
the same fighters are "terrorists" or "the resistance". Counting such labels per party and per
event lets analysts compare outlets on one incident, which a single tone number cannot. The
labels are data (``resources/statements/framing.yaml``); this module finds them in the text and
ties each to:

* the party it describes: for a party label the noun it heads or modifies ("Houthi rebels"),
  the name it is in apposition to ("Kataib Hezbollah, a terrorist group"), the subject it is
  predicated of ("the group is a terrorist organisation") or the object it is assigned to
  ("designated the group as terrorists"); for an act label the party its possessive, name
  modifier or "by" phrase says did it ("American aggression", "aggression by the coalition");
* the event whose evidence sentence holds it.

Quotation marks change whose word it is. A label in a quotation that a speaker says is the
speaker's framing, reported (the rule says so). A short verbless quotation nobody is said to
utter (a scare quote, ``quotes.is_scare_quote``) is the writer keeping a word at a distance:
recorded with category ``distancing`` and stance 0, listed label or not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from tacitus.actors import get_resolver, is_reference, resolve_reference
from tacitus.errors import ResourceError
from tacitus.extract.roles import NAME_ENTS, phrase
from tacitus.model import Event, Framing, Party
from tacitus.nlp import ParsedArticle
from tacitus.nlp.spans import char_span, doc_text
from tacitus.resources import LINE_KEY, load_yaml, path, require
from tacitus.statements.links import event_at
from tacitus.statements.marks import QuotedSpan, find_quoted_spans
from tacitus.statements.quotes import is_scare_quote
from tacitus.statements.quotes import lexicon as reporting_lexicon

RESOURCE = "statements/framing.yaml"
CATEGORIES = frozenset({"delegitimising", "legitimising", "victimising", "aggression", "hedging",
                        "euphemism", "descriptive"})
DISTANCING = "distancing"
_NOUNS = frozenset({"NOUN", "PROPN", "PRON"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "advmod"})
_ASSIGNING_DEPS = frozenset({"oprd", "xcomp", "ccomp", "dobj"})


@dataclass(frozen=True, slots=True)
class Label:
    """One entry of ``framing.yaml`` with its compiled pattern."""

    term: str
    label: str
    category: str
    stance: int
    applies: str
    adjective: bool
    prefix: bool
    line: int | None
    pattern: re.Pattern[str]

    @property
    def rule(self) -> str:
        return f"framing.yaml:{self.line} '{self.term}'"


def _pattern(term: str) -> re.Pattern[str]:
    """Word-bounded, case-insensitive, the last word also plural ("terrorist" -> "terrorists")."""
    words = [re.escape(w) for w in term.split()]
    words[-1] += "(?:s|es)?"
    return re.compile(r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w-])", re.IGNORECASE)


def _label(entry: Any) -> Label:
    where = str(path(RESOURCE))
    if not isinstance(entry, dict):
        raise ResourceError("each label must be a mapping", where)
    require(entry, ("term", "label", "category", "stance", "applies"), RESOURCE)
    line = entry.get(LINE_KEY)
    if entry["category"] not in CATEGORIES:
        raise ResourceError(f"unknown category '{entry['category']}'", where, line)
    if entry["stance"] not in (-1, 0, 1):
        raise ResourceError("stance must be -1, 0 or 1", where, line)
    if entry["applies"] not in ("party", "act"):
        raise ResourceError("applies must be 'party' or 'act'", where, line)
    term = str(entry["term"]).strip()
    return Label(term=term, label=str(entry["label"]), category=entry["category"],
                 stance=int(entry["stance"]), applies=entry["applies"],
                 adjective=bool(entry.get("adjective")), prefix=bool(entry.get("prefix")),
                 line=line, pattern=_pattern(term))


@lru_cache(maxsize=1)
def labels() -> tuple[Label, ...]:
    """The framing lexicon, loaded and validated once; longer terms first."""
    data = load_yaml(RESOURCE)
    entries = data.get("labels") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise ResourceError("'labels' must be a non-empty list", str(path(RESOURCE)))
    return tuple(sorted((_label(e) for e in entries), key=lambda lab: -len(lab.term)))


@dataclass(frozen=True, slots=True)
class _Hit:
    label: Label
    start: int
    end: int


def _hits(text: str) -> list[_Hit]:
    """Every label occurrence, the longest where they overlap ("terrorist attack" over
    "terrorist"). A label's pattern runs only if its first word occurs in the text at all: a
    substring test is far cheaper than a regex scan, and most labels are absent."""
    lowered = text.lower()
    taken: list[_Hit] = []
    for label in labels():
        if label.term.split()[0].lower() not in lowered:
            continue
        for m in label.pattern.finditer(text):
            if not any(h.start < m.end() and m.start() < h.end for h in taken):
                taken.append(_Hit(label, m.start(), m.end()))
    return sorted(taken, key=lambda h: h.start)


def _in_name(span: Span) -> bool:
    """A capitalised label inside a named entity is part of a name ("Islamic Resistance
    Movement", "Liberation Tigers"), not a description."""
    return span.text[:1].isupper() and all(t.ent_type_ in NAME_ENTS for t in span) and \
        any(t.ent_type_ == "ORG" or t.ent_type_ == "PERSON" for t in span)


def _usable(label: Label, head: Token) -> bool:
    """Party labels are nouns (adjectives only where the entry allows: "terrorist group");
    hedges are attributive ("the alleged attack", not "Amnesty alleged that")."""
    if label.prefix:
        return head.dep_ in ("amod", "compound") or (head.pos_ == "ADJ" and head.head.i > head.i)
    if label.applies != "party":
        return True
    if head.pos_ in ("NOUN", "PROPN"):
        return head.dep_ != "compound" or label.adjective
    return label.adjective and head.dep_ in _MODIFIER_DEPS


def _generic(party: Party) -> bool:
    return party.country is None and party.id == party.sector


class _Parties:
    """Resolves phrases to parties, falling back on earlier named parties for references
    ("called them terrorists")."""

    def __init__(self, doc: Doc, when: date | None) -> None:
        self.doc = doc
        self.when = when
        self._named: list[tuple[int, Party]] | None = None

    def named_before(self, i: int) -> list[Party]:
        if self._named is None:
            resolver = get_resolver()
            self._named = [
                (ent.start, party) for ent in self.doc.ents if ent.label_ in NAME_ENTS
                if (party := resolver.resolve_span(ent, when=self.when)) is not None
            ]
        return [p for start, p in self._named if start < i]

    def resolve(self, span: Span) -> Party | None:
        if is_reference(span):
            return resolve_reference(span, self.named_before(span.start))
        return get_resolver().resolve_span(span, when=self.when)


def _assigned_to(noun: Token) -> tuple[Token, str] | None:
    """The party a label noun is said of: apposition, predicate, "as X", "called them X"."""
    head = noun.head
    if noun.dep_ == "appos":
        return head, "apposition"
    appositive = next((c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if appositive is not None:
        return appositive, "apposition"
    if noun.dep_ in ("attr", "acomp"):
        subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject, "predicate of subject"
    if noun.dep_ == "pobj" and head.lower_ == "as" and head.head.i != head.i:
        verb = head.head
        target = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if target is not None:
            return target, f"'{verb.text} ... as'"
    if noun.dep_ in _ASSIGNING_DEPS:
        other = next((c for c in head.children if c.dep_ == "dobj" and c.i != noun.i), None)
        if other is not None:
            return other, f"'{head.text}' object"
    return None


def _actor_of(noun: Token) -> tuple[Token, str] | None:
    """Who did an act: possessive, name modifier, "by X"; a verb label's subject."""
    if noun.pos_ in ("VERB", "AUX"):
        for child in noun.children:
            if child.dep_ == "nsubj":
                return child, "subject"
            if child.dep_ == "agent":
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj, "'by' agent"
        return None
    for child in noun.lefts:
        if child.dep_ == "poss":
            return child, "possessive"
        if child.dep_ in _MODIFIER_DEPS and (child.pos_ == "PROPN" or child.ent_type_ in NAME_ENTS):
            return child, "name modifier"
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj, "'by' phrase"
    return None


def _described(label: Label, head: Token) -> Token:
    """The word a label describes: itself when it is the noun (or verb), else the noun it
    modifies ("terrorist group" -> group, "so-called Islamic State" -> State)."""
    if label.prefix or (head.pos_ not in _NOUNS and head.dep_ in _MODIFIER_DEPS):
        return head.head
    return head


def _target(label: Label, head: Token, parties: _Parties) -> tuple[Party | None, str]:
    noun = _described(label, head)
    if label.applies == "act" and not label.prefix:
        found = _actor_of(noun)
        if found is None:
            return None, "no actor named"
        token, how = found
        return parties.resolve(phrase(token)), how
    own = parties.resolve(phrase(noun))
    found = _assigned_to(noun)
    if found is not None and (own is None or _generic(own)):
        token, how = found
        other = parties.resolve(phrase(token))
        if other is not None:
            return other, how
    return own, "noun phrase"


def _event_id(events: Sequence[Event], offset: int) -> str | None:
    event = event_at(events, offset)
    return event.id if event is not None else None


def _attributed(doc: Doc, span: QuotedSpan, quoted: Sequence[QuotedSpan]) -> bool:
    """Whether a short quotation is a speaker's word: a reporting verb outside quotation
    marks in its sentence ('denounced the strikes as "aggression"', '"...," he said')."""
    inner = char_span(doc, span.start, span.end)
    if inner is None:
        return False
    verbs = reporting_lexicon().verbs
    return any(
        t.lemma_.lower() in verbs and t.pos_ in ("VERB", "AUX")
        and not any(q.start - 1 <= t.idx < q.end + 1 for q in quoted)
        for t in inner.sent
    )


def _voice(hit: _Hit, doc: Doc, quoted: Sequence[QuotedSpan]) -> tuple[str | None, QuotedSpan | None]:
    """'scare' when the label sits in an unattributed scare quote, 'quoted' in a speaker's
    quotation, None in the writer's own words; and the quotation itself."""
    span = next((q for q in quoted if q.start <= hit.start and hit.end <= q.end), None)
    if span is None:
        return None, None
    if is_scare_quote(doc, span) and not _attributed(doc, span, quoted):
        return "scare", span
    return "quoted", span


def _scare_only(doc: Doc, quoted: Sequence[QuotedSpan], covered: set[int],
                events: Sequence[Event], parties: _Parties) -> list[Framing]:
    """Scare quotes around words the lexicon lacks: the writer's distance from the word."""
    out = []
    for span in quoted:
        if span.start in covered or not is_scare_quote(doc, span) or _attributed(doc, span, quoted):
            continue
        inner = char_span(doc, span.start, span.end)
        if inner is None:
            continue
        text = doc_text(doc)[span.start:span.end].strip(" ,.;:")
        target = parties.resolve(phrase(inner.root))
        out.append(Framing(term=text, label=text.lower(), category=DISTANCING, stance=0,
                           start=span.start, end=span.start + len(text), target=target,
                           event_id=_event_id(events, span.start),
                           rule="scare quote around an unlisted word"))
    return out


def framing(parsed: ParsedArticle, events: Sequence[Event]) -> list[Framing]:
    """Every loaded label in the article, in text order, with the party or event it qualifies."""
    doc = parsed.doc
    parties = _Parties(doc, parsed.article.published)
    quoted = find_quoted_spans(doc_text(doc))
    found: list[Framing] = []
    covered: set[int] = set()
    for hit in _hits(doc_text(doc)):
        span = char_span(doc, hit.start, hit.end)
        if span is None or _in_name(span):
            continue
        head = span[-1] if hit.label.prefix else span.root
        if not _usable(hit.label, head):
            continue
        target, how = _target(hit.label, head, parties)
        voice, quote = _voice(hit, doc, quoted)
        rule = f"{hit.label.rule}; target: {how}"
        category, stance = hit.label.category, hit.label.stance
        if voice == "scare" and quote is not None:
            category, stance = DISTANCING, 0
            rule += "; in scare quotes"
            covered.add(quote.start)
        elif voice == "quoted":
            rule += "; in a speaker's quotation"
        found.append(Framing(term=doc_text(doc)[hit.start:hit.end], label=hit.label.label,
                             category=category, stance=stance, start=hit.start, end=hit.end,
                             target=target, event_id=_event_id(events, hit.start), rule=rule))
    found += _scare_only(doc, quoted, covered, events, parties)
    return sorted(found, key=lambda f: f.start)
