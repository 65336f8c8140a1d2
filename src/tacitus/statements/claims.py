"""Claims: each event fact tied to who asserts it, and how firmly.

Tolls in conflict news come by source and often disagree ("the PMF said 25 were killed";
"Iraqi officials put the toll at 19"), and responsibility is asserted, claimed, blamed or
denied by different parties. An event record holds one toll and one attribution; a claim keeps
every (fact, source) pair the article states, so disagreement stays visible. Each claim gets a
certainty on a small scale (``resources/statements/claims.yaml``): 3 asserted, 2 attributed,
1 hedged, 0 denied.

Tolls are read with ``tacitus.extract.toll`` from each casualty word in an event's evidence
sentences, plus the "put the toll at N" construction; the source is the speaker of the quote
that holds the figure (so "it said" resolves like any quote), else the attribution that
``tacitus.extract.status`` reads from the sentence. Responsibility comes from the events'
actors and attributions and from "claimed responsibility" / "denied involvement" / "blamed X"
sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from tacitus.actors import get_resolver
from tacitus.errors import ResourceError
from tacitus.extract.numbers import read_count
from tacitus.extract.roles import phrase
from tacitus.extract.status import attribution, status_lexicon
from tacitus.extract.toll import TollGuess, event_toll
from tacitus.extract.toll import lexicon as toll_lexicon
from tacitus.model import Claim, Event, Party, Quote
from tacitus.nlp import ParsedArticle
from tacitus.nlp.spans import char_span
from tacitus.resources import LINE_KEY, load_yaml, path, require
from tacitus.statements.links import event_at
from tacitus.statements.quotes import lexicon as reporting_lexicon

RESOURCE = "statements/claims.yaml"
_RESPONSIBILITY_KINDS = frozenset({"self", "deny", "blame"})
MATERIAL_CONFLICT = 4
_CLAUSE_STOPS = frozenset({"relcl", "acl", "pobj", "appos"})


@dataclass(frozen=True, slots=True)
class _Rules:
    scale: dict[str, int]
    confirm: frozenset[str]
    unverified: tuple[str, ...]
    toll_verbs: frozenset[str]
    toll_nouns: dict[str, str]
    responsibility: dict[str, tuple[str, frozenset[str], int | None]]


@lru_cache(maxsize=1)
def rules() -> _Rules:
    """The certainty scale and claim patterns, loaded and validated once."""
    data = load_yaml(RESOURCE)
    where = str(path(RESOURCE))
    scale = {k: v for k, v in (data.get("certainty") or {}).items() if k != LINE_KEY}
    if set(scale) != {"asserted", "attributed", "hedged", "denied"} or not all(
            isinstance(v, int) for v in scale.values()):
        raise ResourceError("certainty must give integers for asserted, attributed, hedged, denied",
                            where)
    nouns = {k: v for k, v in (data.get("toll_nouns") or {}).items() if k != LINE_KEY}
    if not nouns or not set(nouns.values()) <= {"killed", "injured"}:
        raise ResourceError("toll_nouns must map nouns to killed or injured", where)
    responsibility = {}
    for entry in data.get("responsibility") or ():
        require(entry, ("lemma", "kind"), RESOURCE)
        if entry["kind"] not in _RESPONSIBILITY_KINDS:
            raise ResourceError(f"unknown responsibility kind '{entry['kind']}'", where,
                                entry.get(LINE_KEY))
        responsibility[entry["lemma"]] = (entry["kind"], frozenset(entry.get("objects") or ()),
                                          entry.get(LINE_KEY))
    return _Rules(scale=scale, confirm=frozenset(data.get("confirm_verbs") or ()),
                  unverified=tuple(p.lower() for p in data.get("unverified_phrases") or ()),
                  toll_verbs=frozenset(data.get("toll_verbs") or ()), toll_nouns=nouns,
                  responsibility=responsibility)


def _hedges(sent: Span, verb: Token | None) -> list[str]:
    """The hedge words of a sentence: hedging reporting verb, hedge adverbs and adjectives,
    and "could not be verified" phrases."""
    lex = status_lexicon()
    found = [t.lower_ for t in sent if t.lower_ in lex.hedge_adverbs or
             (t.dep_ == "amod" and t.lower_ in lex.hedge_adjectives)]
    if "so-called" in sent.text.lower() and "so-called" not in found:
        found.append("so-called")
    if verb is not None and verb.lemma_.lower() in reporting_lexicon().hedges:
        found.append(verb.text.lower())
    lowered = sent.text.lower()
    found += [p for p in rules().unverified if p in lowered]
    return found


def _certainty(source: bool, verb: Token | None, hedges: Sequence[str], denied: bool) -> int:
    scale = rules().scale
    if denied:
        return scale["denied"]
    level = scale["attributed"] if source else scale["asserted"]
    if verb is not None and verb.lemma_.lower() in rules().confirm:
        level = scale["asserted"]
    return max(scale["hedged"], level - len(hedges)) if hedges else level


def _governing_verb(token: Token) -> Token | None:
    """The reporting verb above a fact, for its lemma (hedging, confirming) and negation; the
    walk stops at a relative clause or a noun's modifier ("claimed the bombing, which killed
    12": "claimed" does not report the 12)."""
    verbs = reporting_lexicon().verbs
    node = token
    while node.dep_ not in _CLAUSE_STOPS and node.head.i != node.i:
        node = node.head
        if node.lemma_.lower() in verbs and node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _named(party: Party) -> bool:
    """Whether a party was resolved (extract keeps unknown phrases as written, kind "other")."""
    return party.sector is not None or party.country is not None or party.kind != "other"


def _quote_at(quotes: Sequence[Quote], start: int, end: int) -> Quote | None:
    return next((q for q in quotes if q.start <= start and end <= q.end + 1), None)


class _Sources:
    """Who asserts a fact: the speaker of the quote holding it, else the sentence's
    attribution resolved to a party."""

    def __init__(self, parsed: ParsedArticle, quotes: Sequence[Quote]) -> None:
        self.when = parsed.article.published
        self.quotes = quotes

    def of(self, root: Token, start: int, end: int) -> tuple[Party | None, str | None, str | None, str]:
        quote = _quote_at(self.quotes, start, end)
        if quote is not None and quote.speaker is not None:
            return quote.speaker, quote.speaker.text, quote.id, f"quote {quote.id[:12]}"
        if root.lemma_.lower() in rules().toll_verbs:  # "Iraqi officials put the toll at 19"
            subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                span = phrase(subject)
                party = get_resolver().resolve_span(span, when=self.when)
                return party, span.text, None, f"subject of toll verb '{root.text}'"
        guess = attribution(root)
        if guess.source is None:
            return None, None, None, guess.rule
        party = get_resolver().resolve_span(guess.source, when=self.when)
        return party, guess.source.text, None, guess.rule


def _put_toll(verb: Token) -> tuple[str, int, str, Token] | None:
    """ "put the toll at 19": (count kind, value, qualifier, the number token)."""
    r = rules()
    if verb.lemma_.lower() not in r.toll_verbs:
        return None
    noun = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")
                 and c.lemma_.lower() in r.toll_nouns), None)
    if noun is None:
        return None
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("at", "to")):
        pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if pobj is None:
            continue
        count = read_count(verb.doc[pobj.left_edge.i : pobj.i + 1])
        if count is not None:
            return r.toll_nouns[noun.lemma_.lower()], count.value, count.qualifier, pobj
    return None


def _mentions_casualties(sent: Span) -> bool:
    """Whether any word of the sentence is a casualty or toll word: the cheap test that spares
    the per-word toll search on the many sentences that state no toll."""
    casualty = toll_lexicon().entries
    r = rules()
    return any(t.lemma_.lower() in casualty or t.lower_ in casualty or t.lemma_.lower() in r.toll_nouns
               for t in sent)


def _casualty_or_head(token: Token) -> bool:
    """A word a toll can hang on: a casualty word, or the head of one ("the strikes" in
    "the strikes killed 25" through "killed")."""
    casualty = toll_lexicon().entries
    return any(t.lemma_.lower() in casualty or t.lower_ in casualty
               for t in (token, *token.children))


def _tolls_in(sent: Span) -> list[tuple[TollGuess, Token]]:
    """Distinct toll figures stated in a sentence, each with the word that states it."""
    seen: dict[tuple[int | None, int | None, int | None, int | None], tuple[TollGuess, Token]] = {}
    if not _mentions_casualties(sent):
        return []
    for token in sent:
        put = _put_toll(token) if token.pos_ == "VERB" else None
        if put is not None:
            which, value, qualifier, number = put
            stated = TollGuess(killed=value if which == "killed" else None,
                               injured=value if which == "injured" else None,
                               qualifier=qualifier,
                               rule=f"claims.yaml toll verb '{token.lemma_}' + '{number.text}'",
                               start=token.idx, end=number.idx + len(number.text))
            seen.setdefault((stated.start, stated.end, stated.killed, stated.injured), (stated, token))
            continue
        if not _casualty_or_head(token):
            continue
        guess = event_toll(token)
        if guess is None or guess.start is None or not sent.start_char <= guess.start < sent.end_char:
            continue
        key = (guess.start, guess.end, guess.killed, guess.injured)
        if key not in seen:
            span = char_span(sent.doc, guess.start, guess.end or guess.start)
            seen[key] = (guess, span.root if span is not None else token)
    return list(seen.values())


def _toll_claims(doc: Doc, events: Sequence[Event], sources: _Sources) -> list[Claim]:
    out = []
    for sent in doc.sents:
        event = event_at(events, sent.start_char)
        for guess, root in _tolls_in(sent):
            start, end = guess.start or sent.start_char, guess.end or sent.end_char
            source, text, quote_id, how = sources.of(root, start, end)
            verb = _governing_verb(root)
            denied = verb is not None and any(c.dep_ == "neg" for c in verb.children)
            hedges = _hedges(sent, verb)
            out.append(Claim(
                kind="toll", event_id=event.id if event else None, source=source, source_text=text,
                certainty=_certainty(text is not None, verb, hedges, denied),
                start=start, end=end, killed=guess.killed, injured=guess.injured,
                qualifier=guess.qualifier, hedges=tuple(hedges), quote_id=quote_id,
                rule=f"{guess.rule}; source: {how}"))
    return out


def _responsibility_sentences(doc: Doc, events: Sequence[Event], sources: _Sources) -> list[Claim]:
    """'X claimed responsibility', 'X denied involvement', 'X blamed Y for ...'."""
    r = rules()
    resolver = get_resolver()
    out = []
    for token in doc:
        entry = r.responsibility.get(token.lemma_.lower()) if token.pos_ == "VERB" else None
        if entry is None:
            continue
        kind, objects, line = entry
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        obj = next((c for c in token.children if c.dep_ == "dobj"), None)
        if subject is None or obj is None:
            continue
        if kind == "blame":
            complements = {c.lemma_.lower() for c in token.children}
            if objects and not objects & complements:
                continue
            actor_token = obj
        elif obj.lemma_.lower() in objects:
            actor_token = subject
        else:
            continue
        event = event_at(events, token.idx)
        quote = _quote_at(sources.quotes, token.idx, token.idx + len(token.text))
        source = resolver.resolve_span(phrase(subject), when=sources.when)
        if source is None and quote is not None:
            source = quote.speaker
        actor = resolver.resolve_span(phrase(actor_token), when=sources.when)
        if actor is None:
            continue
        hedges = _hedges(token.sent, None)
        scale = r.scale
        certainty = {"self": scale["attributed"], "deny": scale["denied"],
                     "blame": scale["hedged"]}[kind]
        out.append(Claim(
            kind="responsibility", event_id=event.id if event else None, source=source,
            source_text=phrase(subject).text, certainty=certainty, start=token.sent.start_char,
            end=token.sent.end_char, actor=actor, hedges=tuple(hedges),
            quote_id=quote.id if quote is not None else None,
            rule=f"claims.yaml:{line} '{token.lemma_.lower()}' ({kind})"))
    return out


def _event_responsibility(events: Sequence[Event], sources: _Sources,
                          quotes: Sequence[Quote]) -> list[Claim]:
    """The actor of each material-conflict event (quad class 4: attacks, arrests, seizures),
    as the event's attribution asserts it; who did a statement or a visit is not in dispute."""
    scale = rules().scale
    resolver = get_resolver()
    out = []
    for event in events:
        if (event.actor is None or not _named(event.actor) or not event.evidence
                or event.quad_class != MATERIAL_CONFLICT):
            continue
        source_text = event.attribution.source
        quote = next((q for q in quotes if q.id == event.attribution.quote_id), None)
        source = quote.speaker if quote is not None else (
            resolver.resolve_text(source_text, when=sources.when) if source_text else None)
        if event.status == "denied":
            certainty = scale["denied"]
        elif event.status == "alleged" or event.attribution.hedged:
            certainty = scale["hedged"]
        else:
            certainty = scale["attributed"] if source_text else scale["asserted"]
        first = event.evidence[0]
        out.append(Claim(
            kind="responsibility", event_id=event.id, source=source, source_text=source_text,
            certainty=certainty, start=first.start, end=first.end, actor=event.actor,
            quote_id=event.attribution.quote_id,
            rule=f"event actor ({event.provenance.get('actor', 'extract')}); status {event.status}"))
    return out


def claims(parsed: ParsedArticle, events: Sequence[Event], quotes: Sequence[Quote]) -> list[Claim]:
    """Every toll and responsibility claim of the article's events, in text order; claims of
    different sources about one event are all kept."""
    sources = _Sources(parsed, quotes)
    found = (_toll_claims(parsed.doc, events, sources)
             + _responsibility_sentences(parsed.doc, events, sources)
             + _event_responsibility(events, sources, quotes))
    unique: dict[tuple[Any, ...], Claim] = {}
    for claim in found:
        key = (claim.kind, claim.event_id, claim.source.id if claim.source else claim.source_text,
               claim.killed, claim.injured, claim.actor.id if claim.actor else None, claim.certainty)
        unique.setdefault(key, claim)
    return sorted(unique.values(), key=lambda c: (c.start, c.kind))
