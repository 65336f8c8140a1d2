"""Quotes: who said what, direct and indirect, with the speaker resolved to a party.

Conflict reporting is mostly statements, so each is kept with its exact span and a canonical
speaker. Direct quotes come from quotation marks (``marks``) and are attributed by the
reporting verb beside them ('"...," he said'); indirect ones are the clausal complements of
reporting verbs ("the alliance said the strikes violated ...") and "according to X" clauses.
Pronouns and bare titles ("he", "the spokesman") take the last speaker or person named.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from tacitus.actors import get_resolver
from tacitus.model import Party, Quote, stable_hash
from tacitus.nlp.spans import (
    char_span,
    doc_text,
    ents_in,
    noun_chunks_in,
    sentence_of,
    sentences_in,
)
from tacitus.resources import load_yaml
from tacitus.statements.marks import RESOURCE, QuotedSpan, find_quoted_spans

CONTENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})
ABOUT_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON"})
SPLIT_GAP_CHARS = 80


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: frozenset[str]
    hedges: frozenset[str]
    commissive: frozenset[str]
    pronouns: frozenset[str]
    titles: frozenset[str]
    scare_max_words: int


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = load_yaml(RESOURCE)
    verbs = [v for v in data["verbs"]]
    refs = data["references"]
    return Lexicon(
        verbs=frozenset(v["lemma"] for v in verbs),
        hedges=frozenset(v["lemma"] for v in verbs if v.get("hedge")),
        commissive=frozenset({"vow", "pledge", "promise", "threaten", "demand", "deny", "warn"}),
        pronouns=frozenset(refs["pronouns"]),
        titles=frozenset(refs["titles"]),
        scare_max_words=int(data["scare_quote_max_words"]),
    )


@dataclass(frozen=True, slots=True)
class Statement:
    """A quote before it gets its id and event links: span, speaker and how it was found."""

    start: int
    end: int
    text: str
    direct: bool
    speaker: Party | None
    rule: str
    hedged: bool = False


def is_scare_quote(doc: Doc, span: QuotedSpan) -> bool:
    """A few quoted words with no verb are a label ("terrorists"), framing, not a statement."""
    inner = char_span(doc, span.start, span.end)
    if inner is None:
        return False
    words = [t for t in inner if t.is_alpha]
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in inner)
    return len(words) <= lexicon().scare_max_words and not has_verb


def _noun_phrase(token: Token) -> Span:
    """The subject's phrase without relative clauses, appositions or stray quotation marks."""
    doc = token.doc
    left = token.left_edge.i
    while left < token.i and (doc[left].is_punct or doc[left].is_quote):
        left += 1
    right = token.i
    for child in token.rights:
        if child.dep_ in ("compound", "flat", "poss", "nmod") or (
            child.dep_ == "prep" and child.lower_ == "of"
        ):
            right = max(right, child.right_edge.i)
    return doc[left : right + 1]


def _slug(text: str) -> str:
    return re.sub(r"[^A-Z0-9]+", "_", text.upper()).strip("_") or "UNKNOWN"


def _person_entity(token: Token) -> Span | None:
    """The PERSON entity the subject names: itself, its apposition, or its compound head."""
    ents = [e for e in token.doc.ents if e.label_ == "PERSON"]
    for candidate in [token] + [c for c in token.children if c.dep_ == "appos"]:
        found = next((e for e in ents if e.start <= candidate.i < e.end), None)
        if found is not None:
            return found
    return None


class SpeakerTracker:
    """Resolves speakers in document order.

    Pronouns refer to the last person *mentioned* before them (any PERSON entity, speaker or
    not), bare titles ("the spokesman") to the last speaker.
    """

    def __init__(self, doc: Doc, when: date | None) -> None:
        self.when = when
        self.last: Party | None = None
        self.last_at = -1
        self.last_is_person = False
        self.people = [e for e in doc.ents if e.label_ == "PERSON"]

    def _affiliation(self, subject: Token, ent: Span) -> Party | None:
        """The organisation a person speaks for: the rest of the subject phrase, an apposition,
        or the words just before the name ("Pentagon spokesman Jonathan Hoffman")."""
        doc = subject.doc
        phrases = []
        if not (ent.start <= subject.i < ent.end):
            phrases.append(_noun_phrase(subject))
        for child in list(ent.root.children) + list(subject.children):
            if child.dep_ in ("appos", "compound", "poss") and not ent.start <= child.i < ent.end:
                phrases.append(doc[child.left_edge.i : child.right_edge.i + 1])
        phrases.append(doc[max(ent.start - 4, sentence_of(doc, ent.start).start) : ent.start])
        for phrase in phrases:
            if len(phrase):
                party = get_resolver().resolve_span(phrase, when=self.when)
                if party is not None:
                    return party
        return None

    def _person(self, subject: Token, ent: Span) -> Party:
        affiliation = self._affiliation(subject, ent)
        return Party(
            text=ent.text,
            name=ent.text,
            id=f"PER-{_slug(ent.text)}",
            country=affiliation.country if affiliation else None,
            sector=affiliation.sector if affiliation else None,
            kind=affiliation.kind if affiliation else "other",
        )

    def _last_person_before(self, index: int) -> Party | None:
        """The person "he"/"she" most likely means: the later of the last PERSON named and the
        last speaker who is a person or holds an office ("Israel's foreign minister")."""
        earlier = [e for e in self.people if e.end <= index]
        if self.last is not None and self.last_is_person and \
                (not earlier or earlier[-1].start <= self.last_at):
            return self.last
        return self._person(earlier[-1].root, earlier[-1]) if earlier else None

    def _remember(self, party: Party, subject: Token, person: bool) -> None:
        self.last, self.last_at, self.last_is_person = party, subject.i, person

    def resolve(self, subject: Token) -> tuple[Party | None, str]:
        lex = lexicon()
        if subject.dep_ in ("nsubj", "nsubjpass") and subject.tag_ in ("WDT", "WP") \
                and subject.head.dep_ == "relcl":
            subject = subject.head.head
        if subject.lower_ in lex.pronouns and subject.pos_ == "PRON":
            if subject.lower_ in ("he", "she", "i"):
                person = self._last_person_before(subject.i)
                if person is not None:
                    return person, f"pronoun '{subject.text}' -> last person named"
            return self.last, f"pronoun '{subject.text}' -> last speaker"
        ent = _person_entity(subject)
        if ent is not None:
            self._remember(self._person(subject, ent), subject, True)
            return self.last, f"person '{ent.text}'"
        phrase = _noun_phrase(subject)
        words = {t.lower_ for t in phrase if t.is_alpha and t.pos_ != "DET"}
        party = get_resolver().resolve_span(phrase, when=self.when)
        if party is None and words and words <= lex.titles and self.last is not None:
            return self.last, f"title '{phrase.text}' -> last speaker"
        if party is None:
            party = Party(text=phrase.text, name=phrase.text, id=_slug(phrase.text))
        self._remember(party, subject, bool(words & lex.titles) and subject.tag_ != "NNS")
        return party, f"subject '{phrase.text}'"


def _reporting_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in lexicon().verbs


def _subject(verb: Token) -> Token | None:
    """Who speaks: the verb's subject, else its head's; a name right before a trailing
    "said" wins over a misparsed subject (", killing six people, governor X said")."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.i != verb.i:
        subject = _subject(verb.head)
    if subject is not None and subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return subject
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if before is not None and before.ent_type_ == "PERSON":
        return before
    return subject


def _outside(token: Token, spans: Sequence[QuotedSpan]) -> bool:
    return not any(s.start - 1 <= token.idx < s.end + 1 for s in spans)


def _attributing_verb(doc: Doc, span: QuotedSpan, spans: Sequence[QuotedSpan]) -> Token | None:
    """The reporting verb outside the quote in the sentences it touches, nearest first."""
    inner = char_span(doc, span.start, span.end)
    sents = sentences_in(inner) if inner is not None else []
    candidates = [t for s in sents for t in s if _reporting_verb(t) and _outside(t, spans)]
    if not candidates:
        first = inner
        if first is not None and first.start > 0:
            previous = sentence_of(doc, first.start - 1)
            if previous.text.rstrip().endswith(":") or doc[first.start - 1].text == ":":
                candidates = [t for t in previous if _reporting_verb(t)]
    if not candidates:
        return None

    def distance(token: Token) -> int:
        return min(abs(token.idx - span.start), abs(token.idx - span.end))

    return min(candidates, key=distance)


def _merge_split(doc: Doc, spans: list[QuotedSpan]) -> list[tuple[list[QuotedSpan], Token | None]]:
    """Group quoted pieces interrupted by their own attribution ('"We will," he said, "respond."')."""
    groups: list[tuple[list[QuotedSpan], Token | None]] = []
    for span in spans:
        verb = _attributing_verb(doc, span, spans)
        if groups:
            pieces, previous_verb = groups[-1]
            gap = doc_text(doc)[pieces[-1].end : span.start]
            interrupting = (verb is not None and previous_verb is not None
                            and verb.i == previous_verb.i
                            and pieces[-1].end < verb.idx < span.start)
            if interrupting and len(gap) <= SPLIT_GAP_CHARS and "\n" not in gap:
                pieces.append(span)
                continue
            if verb is None and previous_verb is not None and not gap.strip():
                pieces.append(span)
                continue
        groups.append(([span], verb))
    return groups


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A statement found before its speaker is resolved (speakers resolve in text order)."""

    start: int
    end: int
    text: str
    direct: bool
    subject: Token | None
    rule: str
    hedged: bool


def _inside_content(doc: Doc, span: QuotedSpan, verb: Token | None) -> bool:
    """Whether the quote is a fragment of the reported clause ('said it was "deeply saddened"')."""
    if verb is None:
        return False
    content = _content(verb)
    return content is not None and content.start_char <= span.start - 1 and \
        span.end + 1 <= content.end_char + 1 and (content.end_char - content.start_char) > \
        (span.end - span.start) + 2


def direct_candidates(doc: Doc, spans: Sequence[QuotedSpan]) -> tuple[list[_Candidate], set[int]]:
    """Direct quotes, and the indices of the reporting verbs whose whole content they are.

    A short verbless quote is a scare quote (framing) unless it is a piece of a split quote or a
    fragment of reported speech; a fragment leaves its reporting verb free for the indirect
    statement that contains it.
    """
    out: list[_Candidate] = []
    verbs: set[int] = set()
    for pieces, verb in _merge_split(doc, list(spans)):
        fragment = len(pieces) == 1 and _inside_content(doc, pieces[0], verb)
        if len(pieces) == 1 and not fragment and is_scare_quote(doc, pieces[0]):
            continue
        subject = _subject(verb) if verb is not None else None
        if verb is not None and not fragment:
            verbs.add(verb.i)
        rule = f"direct quote, reporting verb '{verb.text}'" if subject is not None and verb else \
            "direct quote, no attribution found"
        text = " ".join(doc_text(doc)[p.start : p.end].strip() for p in pieces)
        hedged = verb is not None and verb.lemma_.lower() in lexicon().hedges
        out.append(_Candidate(pieces[0].start, pieces[-1].end, text, True, subject, rule, hedged))
    return out, verbs


def _content(verb: Token) -> Span | None:
    lex = lexicon()
    allowed = CONTENT_DEPS if verb.lemma_.lower() in lex.commissive else {"ccomp", "parataxis"}
    for child in verb.children:
        if child.dep_ in allowed:
            start = child.left_edge.i
            if verb.doc[start].dep_ == "mark":
                start += 1
            return verb.doc[start : child.right_edge.i + 1]
    return None


def _according(token: Token) -> _Candidate | None:
    """ "According to X, ...": X speaks the rest of the sentence."""
    doc = token.doc
    source = next((c for c in doc[token.i + 1].children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    sent = sentence_of(doc, token.i)
    content = doc[source.right_edge.i + 1 : sent.end] if token.i == sent.start else \
        doc[sent.start : token.i]
    text = content.text.strip(" ,.;")
    if not text:
        return None
    offset = content.start_char + content.text.index(text)
    return _Candidate(offset, offset + len(text), text, False, source, "indirect, 'according to'",
                      False)


def indirect_candidates(doc: Doc, spans: Sequence[QuotedSpan], used: set[int]) -> list[_Candidate]:
    """Reported speech and "according to X" clauses outside quotation marks."""
    out: list[_Candidate] = []
    for token in doc:
        according = token.lower_ == "according"
        if token.i in used or not (according or _reporting_verb(token)) or not _outside(token, spans):
            continue
        if _reporting_verb(token):
            content = _content(token)
            subject = _subject(token)
            if content is None or subject is None or not content.text.strip():
                continue
            if any(s.start - 1 <= content.start_char and content.end_char <= s.end + 1
                   for s in spans):
                continue
            out.append(_Candidate(content.start_char, content.end_char, content.text, False, subject,
                                  f"indirect, reporting verb '{token.text}'",
                                  token.lemma_.lower() in lexicon().hedges))
        elif token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            found = _according(token)
            if found is not None:
                out.append(found)
    return out


def statements(doc: Doc, when: date | None) -> tuple[list[Statement], list[str]]:
    """Every statement in the document in text order, and warnings about quotation marks.

    Speakers are resolved in text order so that "he" and "the spokesman" refer back to the
    speaker named last before them; an unattributed quote right after another continues it.
    """
    spans = find_quoted_spans(doc_text(doc))
    warnings = []
    if any(not s.closed for s in spans):
        warnings.append("unbalanced quotation marks: quote spans are best-effort")
    direct, used = direct_candidates(doc, spans)
    candidates = sorted(direct + indirect_candidates(doc, spans, used), key=lambda c: (c.start, c.end))
    tracker = SpeakerTracker(doc, when)
    found: list[Statement] = []
    for candidate in candidates:
        speaker, rule = None, candidate.rule
        if candidate.subject is not None:
            speaker, how = tracker.resolve(candidate.subject)
            rule = f"{rule}, {how}"
        elif candidate.direct and found and found[-1].direct and found[-1].speaker is not None:
            speaker, rule = found[-1].speaker, "direct quote continuing the previous one"
        found.append(Statement(candidate.start, candidate.end, candidate.text, candidate.direct,
                               speaker, rule, candidate.hedged))
    return found, warnings


def about(doc: Doc, statement: Statement, when: date | None,
          cache: dict[str, Party | None] | None = None) -> tuple[Party, ...]:
    """The parties a statement names (its speaker excluded), in order of first mention:
    named entities and noun phrases with a proper name in them.

    ``cache`` holds resolutions by phrase text across one article's statements."""
    cache = {} if cache is None else cache
    inner = char_span(doc, statement.start, statement.end)
    if inner is None:
        return ()
    seen: dict[str, Party] = {}
    named = [c for c in noun_chunks_in(inner)
             if any(t.pos_ == "PROPN" or t.ent_type_ in ABOUT_ENTS for t in c)]
    phrases = named + [e for e in ents_in(inner) if e.label_ in ABOUT_ENTS]
    for phrase in sorted(phrases, key=lambda p: p.start):
        key = phrase.text.lower()
        if key not in cache:
            cache[key] = get_resolver().resolve_span(phrase, when=when)
        party = cache[key]
        if party is None or party.id in seen:
            continue
        if statement.speaker is not None and party.id == statement.speaker.id:
            continue
        seen[party.id] = party
    return tuple(seen.values())


def to_quote(article_id: str, doc: Doc, statement: Statement, when: date | None,
             event_ids: Sequence[str], cache: dict[str, Party | None] | None = None) -> Quote:
    return Quote(
        id=stable_hash(article_id, "quote", str(statement.start), str(statement.end)),
        speaker=statement.speaker,
        text=statement.text,
        start=statement.start,
        end=statement.end,
        direct=statement.direct,
        about=about(doc, statement, when, cache),
        event_ids=tuple(event_ids),
    )
