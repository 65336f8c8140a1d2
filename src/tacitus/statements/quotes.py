"""Quotes: who said what, direct and indirect, with the speaker resolved to a party.

Conflict reporting is mostly statements, so each is kept with its exact span and a canonical
speaker. Direct quotes come from quotation marks (``marks``) and are attributed by the
reporting verb beside them ('"...," he said'); indirect ones are the clausal complements of
reporting verbs ("the alliance said the strikes violated ...") and "according to X" clauses.
Speakers are resolved in text order by ``people.SpeakerTracker`` ("he", "the spokesman", "the
group" refer back). A short quoted phrase is someone's words when a reporting or quoting verb
governs it ('described the strikes as "fake news"'), else a scare quote (framing).
"""

from __future__ import annotations

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
from tacitus.resources import load_yaml, require, word_set
from tacitus.statements.marks import (
    RESOURCE,
    QuotedSpan,
    find_quoted_spans,
    non_latin,
    quote_warnings,
)
from tacitus.statements.people import SpeakerTracker, references

CONTENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
OPEN_MARKS = frozenset({"whether", "if"})
HEADLINE_SPEAKER_TOKENS = 6
TRAILING_PUNCT = frozenset({",", ";", ":", "-", "–", "—"})
ABOUT_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON"})
SPLIT_GAP_CHARS = 80


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: frozenset[str]
    hedges: frozenset[str]
    commissive: frozenset[str]
    quoting: frozenset[str]
    scare_max_words: int


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The reporting verbs and their flags, loaded and checked once."""
    data = load_yaml(RESOURCE)
    require(data, ("verbs", "quoting_verbs", "scare_quote_max_words"), RESOURCE)
    verbs = data["verbs"]
    for entry in verbs:
        require(entry, ("lemma",), RESOURCE)
    return Lexicon(
        verbs=frozenset(v["lemma"] for v in verbs),
        hedges=frozenset(v["lemma"] for v in verbs if v.get("hedge")),
        commissive=frozenset(v["lemma"] for v in verbs if v.get("commissive")),
        quoting=word_set(data, "quoting_verbs", RESOURCE),
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


def _words(doc: Doc, span: QuotedSpan) -> int:
    inner = char_span(doc, span.start, span.end)
    return 0 if inner is None else sum(1 for t in inner if t.is_alpha)


def is_scare_quote(doc: Doc, span: QuotedSpan) -> bool:
    """A few quoted words with no verb are a label ("terrorists"), framing, not a statement;
    a speech verb governing two or more of them makes them someone's words ("fake news")."""
    inner = char_span(doc, span.start, span.end)
    if inner is None or non_latin(doc_text(doc)[span.start : span.end]):
        return False  # words of another script cannot be judged: kept as a statement
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in inner)
    return _words(doc, span) <= lexicon().scare_max_words and not has_verb


def _reporting_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in lexicon().verbs


def _speech_verb(token: Token) -> bool:
    """A reporting verb, or a verb that takes quoted words ("described ... as", "urged")."""
    return _reporting_verb(token) or (token.pos_ == "VERB" and token.lemma_.lower() in lexicon().quoting)


def _subject(verb: Token) -> Token | None:
    """Who speaks: the verb's subject, else its head's; a name right before a trailing
    "said" wins over a misparsed subject (", killing six people, governor X said")."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    # two subjects are a misparse ("BAGHDAD, Jan 5 (Reuters) - Iraq's minister said"): nearest wins
    subject = min(subjects, key=lambda c: abs(c.i - verb.i), default=None)
    head = verb.head
    if subject is None and verb.dep_ == "conj" and head.dep_ in CONTENT_DEPS and _speech_verb(head.head):
        return _subject(head.head)  # parsed into the report: 'said 50 had died and blamed X'
    if subject is None and verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.i != verb.i:
        subject = _subject(verb.head)
    if subject is None and verb.dep_ == "pcomp" and head.head.i != head.i:
        subject = _subject(head.head)  # "was quoted as saying that ..."
    if subject is not None and subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return subject
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if before is not None and before.ent_type_ == "PERSON":
        return before
    return subject


def _outside(token: Token, spans: Sequence[QuotedSpan]) -> bool:
    return not any(s.start - 1 <= token.idx < s.end + 1 for s in spans)


def _governing_verb(doc: Doc, span: QuotedSpan, spans: Sequence[QuotedSpan]) -> Token | None:
    """The reporting or quoting verb the quoted words hang on in the parse ('described the
    reports as "fake news"', 'told reporters that the group had "no involvement"')."""
    inner = char_span(doc, span.start, span.end)
    if inner is None:
        return None
    return next((t for t in inner.root.ancestors if _outside(t, spans) and _speech_verb(t)), None)


def _attributing_verb(doc: Doc, span: QuotedSpan,
                      spans: Sequence[QuotedSpan]) -> tuple[Token | None, bool]:
    """The verb that attributes the quote, and whether the parse puts the quote under it: the
    governing speech verb, else the reporting verb outside quotes nearest to it in the sentences
    it touches, else one ending the sentence before with a colon."""
    governing = _governing_verb(doc, span, spans)
    if governing is not None:
        return governing, True
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
        return None, False

    def distance(token: Token) -> int:
        return min(abs(token.idx - span.start), abs(token.idx - span.end))

    return min(candidates, key=distance), False


@dataclass(frozen=True, slots=True)
class _Group:
    """Quoted pieces of one statement and the verb attributing them."""

    pieces: list[QuotedSpan]
    verb: Token | None
    governed: bool


def _merge_split(doc: Doc, spans: list[QuotedSpan]) -> list[_Group]:
    """Group quoted pieces interrupted by their own attribution ('"We will," he said, "respond."')."""
    groups: list[_Group] = []
    for span in spans:
        verb, governed = _attributing_verb(doc, span, spans)
        if groups:
            last = groups[-1]
            gap = doc_text(doc)[last.pieces[-1].end : span.start]
            interrupting = (verb is not None and last.verb is not None
                            and verb.i == last.verb.i
                            and last.pieces[-1].end < verb.idx < span.start)
            if interrupting and len(gap) <= SPLIT_GAP_CHARS and "\n" not in gap:
                last.pieces.append(span)
                continue
            if verb is None and last.verb is not None and not gap.strip():
                last.pieces.append(span)
                continue
        groups.append(_Group([span], verb, governed))
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


def _headline_speaker(doc: Doc, span: QuotedSpan) -> Token | None:
    """The speaker of a headline quote ('Houthi leader: "We will strike deep"'): a short
    verbless phrase opening the line, ending in the colon right before the quote."""
    inner = char_span(doc, span.start, span.end)
    if inner is None or inner.start < 2:
        return None
    colon = inner.start - 1
    while colon > 0 and doc[colon].is_quote:
        colon -= 1
    if doc[colon].text != ":":
        return None
    start = colon
    while start > 0 and "\n" not in doc[start - 1].text and "\n" not in doc[start - 1].whitespace_ \
            and colon - start < HEADLINE_SPEAKER_TOKENS:
        start -= 1
    phrase = doc[start:colon]
    if not len(phrase) or (start > 0 and "\n" not in doc[start - 1].text + doc[start - 1].whitespace_) \
            or any(t.pos_ in ("VERB", "AUX") for t in phrase) \
            or not any(t.pos_ in ("PROPN", "NOUN") for t in phrase):
        return None
    return phrase.root


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

    A short verbless quote is a scare quote (framing) unless it is a piece of a split quote or
    a speech verb governs it; a quote the verb governs leaves the verb free for the indirect
    statement that contains it.
    """
    out: list[_Candidate] = []
    verbs: set[int] = set()
    for group in _merge_split(doc, list(spans)):
        pieces, verb = group.pieces, group.verb
        fragment = len(pieces) == 1 and (group.governed or _inside_content(doc, pieces[0], verb))
        if len(pieces) == 1 and is_scare_quote(doc, pieces[0]) and (
                not fragment or _words(doc, pieces[0]) < 2):
            continue
        subject = _subject(verb) if verb is not None else _headline_speaker(doc, pieces[0])
        if verb is not None and not fragment:
            verbs.add(verb.i)
        rule = f"direct quote, {'governing' if group.governed else 'reporting'} verb '{verb.text}'" \
            if subject is not None and verb else "direct quote, headline 'Speaker: \"...\"'" \
            if subject is not None else "direct quote, no attribution found"
        text = " ".join(doc_text(doc)[p.start : p.end].strip() for p in pieces)
        hedged = verb is not None and verb.lemma_.lower() in lexicon().hedges
        out.append(_Candidate(pieces[0].start, pieces[-1].end, text, True, subject, rule, hedged))
    return out, verbs


def _is_clause(token: Token, commissive: bool) -> bool:
    """A reported clause has a subject or a finite verb ("the toll could rise"); a commissive
    verb also takes an infinitive ("vowed to retaliate"), never a gerund ("denied attacking")."""
    children = list(token.children)
    if any(c.dep_ in SUBJECT_DEPS for c in children) or token.tag_ in FINITE_TAGS \
            or any(c.dep_ == "aux" and c.tag_ in FINITE_TAGS for c in children):
        return True
    return commissive and token.dep_ == "xcomp" and any(c.tag_ == "TO" for c in children)


def _medium_clause(verb: Token) -> Token | None:
    """The clause of 'said in a statement that ...', which the parser hangs on the noun."""
    media = references().media
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for noun in (g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() in media):
            for clause in noun.children:
                if clause.dep_ in ("acl", "relcl") and any(
                        m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
                    return clause
    return None


def _clause_end(root: Token) -> int:
    """The last token of a reported clause, stopping before a coordinated speech verb without a
    subject of its own, which belongs to the speaker ('said 50 had died and blamed Armenia')."""
    doc = root.doc
    end = root.right_edge.i
    for conj in (c for c in root.children if c.dep_ == "conj" and c.i > root.i):
        if _speech_verb(conj) and not any(g.dep_ in SUBJECT_DEPS for g in conj.children):
            cut = conj.left_edge.i - 1
            while cut > root.i and (doc[cut].dep_ == "cc" or doc[cut].is_punct):
                cut -= 1
            end = min(end, cut)
    return end


def _time_phrase(token: Token) -> bool:
    """ "on Monday", "Monday": a preposition or bare noun phrase of date words only."""
    words = [t for t in token.subtree if not (t.i == token.i and token.dep_ == "prep")]
    return token.dep_ in ("prep", "npadvmod") and bool(words) and \
        all(t.ent_type_ in ("DATE", "TIME") for t in words)


def _skip_opening(clause: Token, start: int, after: bool) -> int:
    """The first word of the reported clause itself: after "that", a relative pronoun, and,
    ``after`` the verb, a time phrase the parser hangs on the clause although it dates the
    saying ('said on Monday it would send a team')."""
    doc = clause.doc
    while start < clause.i:
        token = doc[start]
        if token.dep_ == "mark" or token.tag_ in ("WDT", "WP") or \
                (token.pos_ == "SCONJ" and token.lower_ == "that"):
            start += 1
        elif after and token.head.i == clause.i and _time_phrase(token):
            start = token.right_edge.i + 1
        else:
            break
    return start


def _preceding_clause(verb: Token) -> Span | None:
    """The clause a parenthetical attribution follows or interrupts ("Shelling has emptied
    villages, local officials said, as ..."; "The attack, officials said, was carried out by
    ..."), which the parser makes the verb's head. An interrupted clause keeps the attribution
    inside its span, as a split quote does."""
    head = verb.head
    doc = verb.doc
    if verb.dep_ != "parataxis" or head.pos_ not in ("VERB", "AUX"):
        return None
    if head.i > verb.i:
        if verb.left_edge.i <= head.left_edge.i:
            return None
        end = head.right_edge.i
        while end > head.i and doc[end].is_punct:
            end -= 1
        return doc[head.left_edge.i : end + 1]
    end = verb.left_edge.i
    while end > head.left_edge.i and (verb.doc[end - 1].is_punct or verb.doc[end - 1].dep_ == "cc"):
        end -= 1
    return verb.doc[head.left_edge.i : end] if end > head.i else None


def _leading_words(verb: Token) -> Span | None:
    """What a sentence-final attribution reports when the parse gives it no clause ("Gunmen
    killed 17 soldiers on Tuesday, the defence ministry said", with "Gunmen" misparsed as a
    modifier of "said"): the words before the subject and its comma, if a verb is among them."""
    doc = verb.doc
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if verb.dep_ != "ROOT" or subject is None or subject.i > verb.i:
        return None
    sentence = sentence_of(doc, verb.i)
    end = subject.left_edge.i
    if end <= sentence.start or doc[end - 1].text != ",":
        return None
    while end > sentence.start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    words = doc[sentence.start : end]
    if not len(words) or words[0].pos_ == "ADP":
        return None  # "In a televised address late on Sunday, X said": a modifier, not a report
    return words if any(t.pos_ in ("VERB", "AUX") and t.dep_ != "amod" for t in words) else None


def _content(verb: Token) -> Span | None:
    """The clause a reporting verb reports, with a coordinated 'and that ...' clause."""
    doc = verb.doc
    # a relative clause's "which has threatened to intervene" describes, it does not report
    commissive = verb.lemma_.lower() in lexicon().commissive and verb.dep_ != "relcl"
    allowed = CONTENT_DEPS if commissive else {"ccomp", "parataxis"}
    clause = next((c for c in verb.children if c.dep_ in allowed and _is_clause(c, commissive)), None)
    if clause is None:
        clause = _medium_clause(verb)
    if clause is None:
        return _preceding_clause(verb) or _leading_words(verb)
    if any(c.dep_ == "neg" for c in verb.children) or any(
            c.dep_ == "mark" and c.lower_ in OPEN_MARKS for c in clause.children):
        return None  # "could not say whether ...": nothing is asserted
    start = clause.left_edge.i
    if start < verb.i < clause.i:
        start = verb.i + 1  # "a market, which the ministry said killed 17": after the verb
    start = _skip_opening(clause, start, after=clause.i > verb.i)
    end = _clause_end(clause)
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.i > clause.i):
        if any(m.dep_ == "mark" and m.lower_ == "that" for m in conj.children):
            end = max(end, conj.right_edge.i)
    while end > start and doc[end].text in TRAILING_PUNCT:
        end -= 1  # "insisted that the elections would go ahead, and stressed ..."
    return doc[start : end + 1]


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
    warnings = quote_warnings(doc_text(doc))
    direct, used = direct_candidates(doc, spans)
    candidates = sorted(direct + indirect_candidates(doc, spans, used), key=lambda c: (c.start, c.end))
    tracker = SpeakerTracker(doc, when, spans)
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
    text = doc_text(doc)
    for phrase in sorted(phrases, key=lambda p: p.start):
        key = text[phrase.start_char : phrase.end_char].lower()  # phrase.text joins its tokens anew
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
