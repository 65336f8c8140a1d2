"""Claims: each event fact tied to who asserts it, and how firmly.

Tolls in conflict news come by source and often disagree ("the PMF said 25 were killed";
"Iraqi officials put the toll at 19"), and responsibility is asserted, claimed, blamed or
denied by different parties. An event record holds one toll and one attribution; a claim keeps
every (fact, source) pair the article states, so disagreement stays visible. Each claim gets a
certainty on a small scale (``resources/statements/claims.yaml``): 3 asserted, 2 attributed,
1 hedged, 0 denied; only hedges in the fact's own clause or on its reporting verb count.

Tolls are read with ``tacitus.extract.toll`` from each casualty word of a sentence, plus the
"put the toll at N" construction. Each is tied to the incident its clause tells, not merely to
the first event of the sentence: among the sentence's material-conflict events, the one that
extract gave the same figure or whose place or parties the clause names; none for a clause
about an incident that was not coded ("The strikes came two days after rockets hit the base,
killing a contractor") or for a running total ("400 killed since late April", "the war has
killed tens of thousands"); the incident described just before for a follow-up sentence with no
event ("Five others were wounded, the army said"). The source is the speaker of the quote that
holds the figure (so "it said" resolves like any quote), else the attribution that
``tacitus.extract.status`` reads from the sentence; a relative clause in denied content ("denied
that its jets carried out the strike that killed 31") is the outlet's own statement.

Responsibility comes from the events' actors and attributions (a denied event: its denier) and
from "claimed responsibility", "denied involvement", "denied that its members took part in the
attack", "blamed X for the killings" and "X was behind the attack" sentences, each tied to the
violent event it names (the claimed actor's, a deadly one for "the killings", else the one last
described); an accusation that names no violent deed is no responsibility claim.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from spacy.symbols import AUX, VERB  # type: ignore[import-not-found]
from spacy.tokens import Doc, Span, Token

from tacitus.actors import get_resolver
from tacitus.errors import ResourceError
from tacitus.extract.coding import coding
from tacitus.extract.lexicon import get_lexicon
from tacitus.extract.numbers import read_count
from tacitus.extract.roles import phrase
from tacitus.extract.status import attribution, has_own_subject, status_lexicon
from tacitus.extract.toll import TollGuess, event_toll
from tacitus.extract.toll import lexicon as toll_lexicon
from tacitus.extract.triggers import noun_context, verb_context
from tacitus.model import Claim, Event, Party, Quote
from tacitus.nlp import ParsedArticle
from tacitus.nlp.spans import char_span
from tacitus.resources import LINE_KEY, load_yaml, path, require, word_set
from tacitus.statements.links import event_before, events_in
from tacitus.statements.quotes import lexicon as reporting_lexicon

RESOURCE = "statements/claims.yaml"
_RESPONSIBILITY_KINDS = frozenset({"self", "deny", "blame", "behind"})
MATERIAL_CONFLICT = 4
_CLAUSE_STOPS = frozenset({"relcl", "acl", "pobj", "appos"})
_VERBAL = frozenset((VERB, AUX))


@dataclass(frozen=True, slots=True)
class _Rules:
    scale: dict[str, int]
    confirm: frozenset[str]
    unverified: tuple[str, ...]
    toll_verbs: frozenset[str]
    toll_nouns: dict[str, str]
    responsibility: dict[str, tuple[str, frozenset[str], int | None]]
    since_words: frozenset[str]
    period_nouns: frozenset[str]
    period_phrases: tuple[str, ...]
    earlier_marks: frozenset[str]
    deed_nouns: frozenset[str]
    lethal_nouns: frozenset[str]


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
    aggregate = data.get("aggregate")
    if not isinstance(aggregate, dict):
        raise ResourceError("expected 'aggregate: {since_words, period_nouns, period_phrases}'",
                            where, data.get(LINE_KEY))
    return _Rules(scale=scale, confirm=frozenset(data.get("confirm_verbs") or ()),
                  unverified=tuple(p.lower() for p in data.get("unverified_phrases") or ()),
                  toll_verbs=frozenset(data.get("toll_verbs") or ()), toll_nouns=nouns,
                  responsibility=responsibility,
                  since_words=word_set(aggregate, "since_words", RESOURCE),
                  period_nouns=word_set(aggregate, "period_nouns", RESOURCE),
                  period_phrases=tuple(p.lower() for p in aggregate.get("period_phrases") or ()),
                  earlier_marks=word_set(data, "earlier_marks", RESOURCE),
                  deed_nouns=word_set(data, "deed_nouns", RESOURCE),
                  lethal_nouns=word_set(data, "lethal_nouns", RESOURCE))


def _hedges(sent: Span, scope: frozenset[int], verb: Token | None) -> list[str]:
    """The hedge words that bear on one fact: hedge adverbs, adjectives and "so-called" within
    the fact's clause and on its reporting verb (not "the toll was likely to rise" in the next
    clause), the hedging reporting verb itself, and the sentence's "could not be verified"."""
    lex = status_lexicon()
    if verb is not None:
        scope = scope | {verb.i} | {t.i for c in verb.children if c.dep_ in ("advmod", "nsubj")
                                    for t in c.subtree}
    words = [t for t in sent if t.i in scope]
    found = [t.lower_ for t in words if t.lower_ in lex.hedge_adverbs or
             (t.dep_ == "amod" and t.lower_ in lex.hedge_adjectives)]
    if any(t.lower_ == "so" and t.nbor(1).text == "-" and t.i + 2 in scope
           and t.nbor(2).lower_ == "called" for t in words if t.i + 2 < len(t.doc)):
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


@dataclass(frozen=True, slots=True)
class _Clause:
    """Where a fact is stated: the word heading its clause and the clause's words (without
    coordinated clauses of their own or asides), and how the clause stands in its sentence."""

    head: Token
    tokens: frozenset[int]
    earlier: bool
    """A clause about another incident than the sentence's ("The strikes came two days after
    rockets hit the base, killing a contractor"): never the main event's toll."""
    presupposed: bool
    """A relative clause inside denied content ("denied that its jets carried out the strike
    that killed 31"): the outlet's own statement, not the denier's."""

    def text(self) -> str:
        doc = self.head.doc
        return doc[min(self.tokens): max(self.tokens) + 1].text


def _clause(head: Token, earlier: bool = False, presupposed: bool = False) -> _Clause:
    """The words under ``head``, leaving out asides and coordinated clauses with a subject of
    their own ("..., and that the toll was likely to rise" is not the figure's clause)."""
    tokens = set()
    stack = [head]
    while stack:
        token = stack.pop()
        tokens.add(token.i)
        stack.extend(c for c in token.children if c.dep_ not in ("appos", "parataxis") and not (
            c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and has_own_subject(c)))
    return _Clause(head, frozenset(tokens), earlier, presupposed)


def _reporting(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in reporting_lexicon().verbs


def _denying(verb: Token) -> bool:
    """A report that denies what it governs: "denied", "rejected", "did not say"."""
    denials = {k for k, (kind, _, _) in rules().responsibility.items() if kind == "deny"}
    return verb.lemma_.lower() in denials or any(c.dep_ == "neg" for c in verb.children)


def _report_above(token: Token) -> Token | None:
    return next((a for a in token.ancestors if _reporting(a)), None)


def _fact_clause(word: Token) -> _Clause:
    """The clause that states the fact at ``word``: climb from the word through the clauses
    that tell the same incident (participles, "when" clauses, coordinated verbs) and stop at a
    report ("..., officials said"), a relative clause (its noun is the incident: "an air strike
    ..., which the ministry said killed 17"), or a clause about another incident ("after
    gunmen shot and killed a presenter")."""
    marks = rules().earlier_marks
    node = word
    while node.head.i != node.i:
        head, dep = node.head, node.dep_
        if dep == "relcl":
            above = _report_above(head)
            return _clause(head, presupposed=above is not None and _denying(above))
        if _reporting(head) and dep in ("ccomp", "xcomp", "parataxis"):
            return _clause(head.head if head.dep_ == "relcl" else node)
        if dep == "advcl" and node.pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("mark", "advmod") and c.lower_ in marks for c in node.children):
            return _clause(node, earlier=True)
        if dep in ("ccomp", "parataxis"):
            return _clause(node)
        node = head
    return _clause(node)


def _aggregate(word: Token, clause: _Clause) -> str | None:
    """Why a toll is a running total rather than one incident's, or None: "since late April",
    "since the war began", "Yemen's war has killed", "killed in the conflict", "to date"."""
    r = rules()
    doc = word.doc
    for token in (doc[i] for i in sorted(clause.tokens)):
        if token.lower_ not in r.since_words or token.dep_ not in ("prep", "mark"):
            continue
        obj = next((c for c in token.children if c.dep_ == "pobj"), None)
        if token.dep_ == "mark" or obj is None or obj.lemma_.lower() in r.period_nouns or (
                obj.ent_type_ == "DATE" or not _is_deed(obj)):  # "since the coup": a period
            return f"claims.yaml since word '{doc[token.i: token.i + 2].text}'"
    holders = [word, clause.head]
    settings = [c for h in holders for c in h.children if c.dep_ in ("nsubj", "agent", "prep")]
    for setting in settings:
        nouns = [setting] if setting.dep_ == "nsubj" else [
            g for g in setting.children if g.dep_ == "pobj"]
        period = next((n for n in nouns if n.lemma_.lower() in r.period_nouns), None)
        if period is not None:
            return f"claims.yaml period noun '{period.text}'"
    lowered = clause.text().lower()
    phrase_found = next((p for p in r.period_phrases if p in lowered), None)
    return f"claims.yaml period phrase '{phrase_found}'" if phrase_found else None


def _violent(event: Event) -> bool:
    """Material conflict (quad class 4): the events a toll or a deed can belong to; a threat,
    a statement or a visit kills no one."""
    return event.quad_class == MATERIAL_CONFLICT


def _fit(event: Event, clause: _Clause, guess: TollGuess) -> tuple[int, list[str]]:
    """How well an event matches a toll's clause: extract gave it the same figure (its
    trigger is syntactically tied to it), its place or parties are named in the clause."""
    score = 0
    why: list[str] = []
    toll = event.fatalities
    if toll is not None and ((guess.killed is not None and toll.killed == guess.killed) or (
            guess.injured is not None and toll.injured == guess.injured)):
        score += 2
        why.append("same figure as the event's toll")
    text = clause.text().lower()
    doc = clause.head.doc
    first, last = doc[min(clause.tokens)].idx, doc[max(clause.tokens)].idx
    place = event.location
    if place is not None and ((place.start is not None and first <= place.start <= last)
                              or (len(place.text) > 2 and place.text.lower() in text)):
        score += 1
        why.append(f"place '{place.text}' in the clause")
    for role, party in (("actor", event.actor), ("recipient", event.recipient)):
        if party is not None and len(party.text) > 2 and party.text.lower() in text:
            score += 1
            why.append(f"{role} '{party.text}' in the clause")
    return score, why


def _incident(events: Sequence[Event], sent: Span, clause: _Clause,
              guess: TollGuess) -> tuple[Event | None, str]:
    """The event whose incident a toll counts, and why: among the sentence's material-conflict
    events the one that best fits the toll's clause (main clause first on a tie); with no
    such event, the incident described just before; none for a clause about an incident that
    was not coded."""
    candidates = events_in(events, sent.start_char, sent.end_char, _violent)
    best: tuple[int, list[str], Event] | None = None
    for event in candidates:
        score, why = _fit(event, clause, guess)
        if score > 0 and (best is None or score > best[0]):
            best = (score, why, event)
    if best is not None:
        return best[2], "; ".join(best[1])
    if clause.earlier:
        return None, "clause about another incident, not coded"
    if candidates:
        return candidates[0], "main event of the sentence"
    before = event_before(events, sent.start_char, _violent)
    return before, ("no event in the sentence: the incident described before" if before
                    else "no material-conflict event")


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


def _casualty_words(doc: Doc) -> list[bool]:
    """For every token, whether it is a casualty or toll word: the cheap test that spares the
    per-word toll search on the many sentences that state no toll. Read from the Doc's lemma
    and lower-case arrays, each distinct string judged once, as no Token need be made."""
    casualty = toll_lexicon().entries
    toll_nouns = rules().toll_nouns
    strings = doc.vocab.strings
    judged: dict[tuple[int, int], bool] = {}
    flags = []
    for lemma, lower in zip(doc.to_array("LEMMA").tolist(), doc.to_array("LOWER").tolist()):
        flag = judged.get((lemma, lower))
        if flag is None:
            lemma_text = strings[lemma].lower()
            flag = judged[(lemma, lower)] = (lemma_text in casualty or strings[lower] in casualty
                                             or lemma_text in toll_nouns)
        flags.append(flag)
    return flags


def _casualty_or_head(token: Token) -> bool:
    """A word a toll can hang on: a casualty word, or the head of one ("the strikes" in
    "the strikes killed 25" through "killed")."""
    casualty = toll_lexicon().entries
    return any(t.lemma_.lower() in casualty or t.lower_ in casualty
               for t in (token, *token.children))


def _tolls_in(sent: Span, casualty_words: list[bool]) -> list[tuple[TollGuess, Token]]:
    """Distinct toll figures stated in a sentence, each with the word that states it
    (``casualty_words``: :func:`_casualty_words` of the Doc)."""
    seen: dict[tuple[int | None, int | None, int | None, int | None], tuple[TollGuess, Token]] = {}
    if not any(casualty_words[sent.start : sent.end]):
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
    """One claim per toll figure per sentence, tied to the incident its clause tells, to who
    states it and how firmly; running totals ("since the war began") to no event."""
    out = []
    casualty_words = _casualty_words(doc)
    for sent in doc.sents:
        stated: list[Claim] = []
        for guess, root in _tolls_in(sent, casualty_words):
            start, end = guess.start or sent.start_char, guess.end or sent.end_char
            clause = _fact_clause(root)
            total = _aggregate(root, clause)
            event, why = (None, f"running total ({total})") if total else _incident(
                events, sent, clause, guess)
            if clause.presupposed:
                source, text, quote_id, how = None, None, None, "relative clause in denied content"
                verb = None
            else:
                source, text, quote_id, how = sources.of(root, start, end)
                verb = _governing_verb(root)
            denied = verb is not None and _denying(verb)
            hedges = _hedges(sent, clause.tokens, verb)
            stated.append(Claim(
                kind="toll", event_id=event.id if event else None, source=source, source_text=text,
                certainty=_certainty(text is not None, verb, hedges, denied),
                start=start, end=end, killed=guess.killed, injured=guess.injured,
                qualifier=guess.qualifier, hedges=tuple(hedges), quote_id=quote_id,
                rule=f"{guess.rule}; source: {how}; event: {why}"))
        out += _joined(stated)
    return out


def _joined(stated: list[Claim]) -> list[Claim]:
    """One sentence's killed-only and injured-only figures of one event from one source as one
    claim ("which the ministry said killed 17 civilians ... and wounded 12 others")."""
    out: list[Claim] = []
    for claim in stated:
        mate = next((c for c in out if c.event_id == claim.event_id
                     and _same_source(c, claim) and c.certainty == claim.certainty
                     and (c.killed is None) != (claim.killed is None)
                     and (c.injured is None) != (claim.injured is None)), None)
        if mate is None:
            out.append(claim)
            continue
        killed = mate if mate.killed is not None else claim
        injured = claim if killed is mate else mate
        out[out.index(mate)] = replace(
            killed, injured=injured.injured, start=min(c.start for c in (mate, claim)),
            end=max(c.end for c in (mate, claim)), hedges=tuple(dict.fromkeys(
                mate.hedges + claim.hedges)), quote_id=mate.quote_id or claim.quote_id,
            rule=f"{killed.rule} + {injured.rule}")
    return out


def _same_source(a: Claim, b: Claim) -> bool:
    """Same party, or one source phrase inside the other ("health ministry", "the Houthi-run
    health ministry": a quote's speaker and the sentence's attribution may resolve apart)."""
    if a.source is not None and b.source is not None and a.source.id == b.source.id:
        return True
    if a.source_text is None or b.source_text is None:
        return a.source_text is None and b.source_text is None
    x, y = a.source_text.lower(), b.source_text.lower()
    return x in y or y in x


def _responsibility_sentences(doc: Doc, events: Sequence[Event], sources: _Sources) -> list[Claim]:
    """'X claimed responsibility', 'X denied involvement', 'X blamed Y for ...', '(officials
    said) X was behind the attack'."""
    r = rules()
    resolver = get_resolver()
    scale = r.scale
    out = []
    lemmas = doc.to_array("LEMMA").tolist()
    for i, tag in enumerate(doc.to_array("POS").tolist()):  # arrays: no Token for the other words
        entry = r.responsibility.get(doc.vocab.strings[lemmas[i]].lower()) if tag in _VERBAL else None
        if entry is None:
            continue
        token = doc[i]
        kind, objects, line = entry
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        obj = next((c for c in token.children if c.dep_ == "dobj"), None)
        reported = token.doc[token.left_edge.i: token.right_edge.i + 1]
        quote = _quote_at(sources.quotes, token.idx, token.idx + len(token.text)) or next(
            (q for q in sources.quotes if reported.start_char <= q.start
             and q.end <= reported.end_char and q.speaker is not None), None)
        if kind == "behind":
            deed_phrase = next((c for c in token.children if c.dep_ == "prep"
                                and c.lower_ in objects), None)
            if subject is None or deed_phrase is None:
                continue
            actor_token = subject
            source, source_text, quote_id, _ = sources.of(token, token.idx, token.idx + 1)
            verb = _governing_verb(token)
        else:
            if subject is None:
                continue
            if kind == "blame" and obj is not None:
                complements = {c.lemma_.lower() for c in token.children}
                if objects and not objects & complements or _deed_word(token) is None:
                    continue
                actor_token = obj
            elif kind != "blame" and obj is not None and obj.lemma_.lower() in objects:
                actor_token = subject
            elif kind == "deny" and (denied := _denied_doer(token, subject)) is not None:
                actor_token = denied
            else:
                continue
            source_text = phrase(subject).text
            source = resolver.resolve_span(phrase(subject), when=sources.when)
            if source is None and quote is not None:
                source = quote.speaker
            quote_id = quote.id if quote is not None else None
            verb = None
        actor = resolver.resolve_span(phrase(actor_token), when=sources.when)
        if actor is None and actor_token is subject:
            actor = source  # "a spokesman for the RSF denied ...": the speaker's organisation
        if actor is None:
            continue
        deed = _deed_word(token)
        lethal = deed is not None and any(
            w in toll_lexicon().entries or w in r.lethal_nouns for w in (deed.lemma_.lower(),
                                                                          deed.lower_))
        event = _deed(events, token.sent, actor, source if kind != "self" else None, lethal)
        hedges = _hedges(token.sent, frozenset(range(token.sent.start, token.sent.end)), verb)
        fixed = {"self": scale["attributed"], "deny": scale["denied"], "blame": scale["hedged"]}
        certainty = fixed[kind] if kind in fixed else _certainty(
            source_text is not None, verb, hedges, verb is not None and _denying(verb))
        out.append(Claim(
            kind="responsibility", event_id=event.id if event else None, source=source,
            source_text=source_text, certainty=certainty, start=token.sent.start_char,
            end=token.sent.end_char, actor=actor, hedges=tuple(hedges), quote_id=quote_id,
            rule=f"claims.yaml:{line} '{token.lemma_.lower()}' ({kind})"))
    return out


def _deed_word(verb: Token) -> Token | None:
    """The word of a claim's "for"/"of"/"behind" complement that names a violent deed: "for the
    killings", "of carrying out the attack", "of a deliberate war crime"; None for "of using the
    pandemic as a cover", an accusation that is no claim about who did an event. The complement
    is looked for in the verb's own clause (the parser may hang it on an aside)."""
    stack, preps = list(verb.children), []
    while stack:
        token = stack.pop()
        if token.dep_ in ("ccomp", "conj", "parataxis", "relcl"):
            continue
        if token.dep_ == "prep" and token.lower_ in ("for", "of", "behind"):
            preps.append(token)
        stack.extend(token.children)
    return next((w for prep in preps for w in prep.subtree if _is_deed(w)), None)


def _is_deed(word: Token) -> bool:
    """A word naming a violent deed: a casualty word, a deed noun of claims.yaml, or a
    trigger the event lexicon codes as material conflict in this context."""
    lemma = word.lemma_.lower()
    casualty = toll_lexicon().entries
    if lemma in rules().deed_nouns or lemma in casualty or word.lower_ in casualty:
        return True
    lexicon = get_lexicon()
    pattern = (lexicon.best("verb", lexicon.verb_lemma(word), verb_context(word))
               if word.pos_ == "VERB" else lexicon.best("noun", lemma, noun_context(word, None))
               if word.pos_ == "NOUN" else None)
    return pattern is not None and _material(pattern.code)


def _denied_doer(verb: Token, subject: Token) -> Token | None:
    """Whose deed a denial of a clause denies: "X denied that its warplanes carried out the
    strike" (X: the clause's subject is its own), "the army denied that soldiers fired on the
    crowd" (the soldiers). None when the denied clause names no violent deed."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        if not any(_is_deed(w) for w in clause.subtree):
            continue
        if any(c.dep_ == "nsubjpass" for c in clause.children):
            continue  # "denied that civilians were killed" denies a toll, not a part in it
        doer = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if doer is None or doer.pos_ == "PRON" or any(
                c.dep_ == "poss" and c.pos_ == "PRON" for c in doer.children):
            return subject
        return doer
    return None


def _material(code: str) -> bool:
    coded = coding(code)
    return coded is not None and coded.quad_class == MATERIAL_CONFLICT


def _deed(events: Sequence[Event], sent: Span, actor: Party, blamer: Party | None,
          lethal: bool) -> Event | None:
    """The violent event a responsibility claim is about. In order: an event of the sentence
    by the claimed actor (the same party, or any agent of a state blamed as a whole); when the
    deed is a killing ("for the killings"), an event with a death toll, in the sentence or
    last described; any event of the sentence; the last described event by the claimed actor,
    else the last described event. Never one whose actor is the party doing the blaming (a
    misread statement)."""
    def by_actor(event: Event) -> bool:
        return event.actor is not None and (event.actor.id == actor.id or (
            actor.sector is None and actor.country is not None  # a state: any of its agents
            and event.actor.country == actor.country))

    def deadly(event: Event) -> bool:
        return event.fatalities is not None and event.fatalities.killed is not None

    def possible(event: Event) -> bool:
        return _violent(event) and not (blamer is not None and event.actor is not None
                                        and event.actor.id == blamer.id)

    here = events_in(events, sent.start_char, sent.end_char, possible)
    found = next((e for e in here if by_actor(e)), None)
    if found is None and lethal:
        found = next((e for e in here if deadly(e)), None) or event_before(
            events, sent.start_char, lambda e: possible(e) and deadly(e))
    return (found or next(iter(here), None)
            or event_before(events, sent.start_char, lambda e: possible(e) and by_actor(e))
            or event_before(events, sent.start_char, possible))


def _denier(doc: Doc, event: Event) -> Span | None:
    """Who denies a denied event: the subject of the denying verb in its evidence ("Russia's
    defence ministry has denied that its warplanes carried out the strike"), which is not
    the source the event's other mentions cite."""
    for evidence in event.evidence:
        sent = char_span(doc, evidence.start, evidence.end)
        for verb in sent or ():
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is not None and _reporting(verb) and _denying(verb):
                return phrase(subject)
    return None


def _event_responsibility(doc: Doc, events: Sequence[Event], sources: _Sources,
                          quotes: Sequence[Quote]) -> list[Claim]:
    """The actor of each material-conflict event (quad class 4: attacks, arrests, seizures),
    as the event's attribution asserts it (its denier, for a denied event); who did a
    statement or a visit is not in dispute."""
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
        denier = _denier(doc, event) if event.status == "denied" else None
        if denier is not None:
            source_text, quote = denier.text, _quote_at(quotes, denier.start_char, denier.end_char)
            source = resolver.resolve_span(denier, when=sources.when)
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
            quote_id=quote.id if quote is not None else None,
            rule=f"event actor ({event.provenance.get('actor', 'extract')}); status {event.status}"))
    return out


def claims(parsed: ParsedArticle, events: Sequence[Event], quotes: Sequence[Quote]) -> list[Claim]:
    """Every toll and responsibility claim of the article's events, in text order; claims of
    different sources about one event are all kept."""
    sources = _Sources(parsed, quotes)
    found = (_toll_claims(parsed.doc, events, sources)
             + _responsibility_sentences(parsed.doc, events, sources)
             + _event_responsibility(parsed.doc, events, sources, quotes))
    unique: dict[tuple[Any, ...], Claim] = {}
    for claim in found:
        key = (claim.kind, claim.event_id, claim.source.id if claim.source else claim.source_text,
               claim.killed, claim.injured, claim.actor.id if claim.actor else None, claim.certainty)
        unique.setdefault(key, claim)
    return sorted(unique.values(), key=lambda c: (c.start, c.kind))
