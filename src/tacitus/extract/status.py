"""Did it happen, and who says so: an event's status and its attribution.

A verb in a news sentence is not always something that happened: "Iran will retaliate" is a
threat, "the envoy is due to visit" a plan, "Hezbollah denied carrying out the attack" a denial,
"militants reportedly killed 12" an allegation, and "the 2017 battle" background. The status
comes from the words that govern the trigger (modals, negation, threat/plan/denial/hedge words,
up to the nearest reporting verb) and from the event's date. ``attribution`` names who the
text says asserts the event ("the Pentagon said", "according to Iraqi officials"); a None
source means the outlet itself; ``denier`` names who denies it when nobody is named asserting
it ("the army denied that 30 soldiers were killed"). Lexicons:
``resources/extract/status.yaml`` and ``attribution.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from spacy.tokens import Span, Token

from tacitus.errors import ResourceError
from tacitus.resources import LINE_KEY, load_yaml, path, require, word_set

STATUS_RESOURCE = "extract/status.yaml"
ATTRIBUTION_RESOURCE = "extract/attribution.yaml"

# Dependencies through which a governing word's modality reaches the trigger. Relative and
# adverbial clauses, parataxis and subjects are other predications and stop the walk.
_GOVERNED_DEPS = frozenset({
    "xcomp", "ccomp", "acl", "pcomp", "pobj", "prep", "dobj", "attr", "conj", "compound",
    "oprd", "acomp", "appos", "npadvmod", "agent", "dative",
})
# Links through which a governing word reaches its complement.
_COMPLEMENT_LINKS = frozenset({"xcomp", "ccomp", "dobj", "acl", "pcomp", "acomp", "attr"})
# Links by which a clause is the content of the word above it ("denied that ...", "reports
# that ..."), unlike a clause that places it in time ("a day after the strike killed 17").
_CONTENT_DEPS = frozenset({"ccomp", "acl", "xcomp"})
# Places only a noun takes: a word there is no verb, whatever its tag.
_NOMINAL_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_RELATIVE = frozenset({"that", "which", "who", "whom", "whose"})
_NP_EXCLUDED_DEPS = frozenset({"relcl", "acl", "appos", "punct", "advcl", "parataxis"})


@dataclass(frozen=True, slots=True)
class StatusGuess:
    """Status in occurred|threatened|planned|alleged|denied|background, the rule that set it and
    the offsets of the word that did ("denied", "will"), None when it came from the date."""

    status: str
    hedged: bool
    rule: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class AttributionGuess:
    """Who asserts the event (``source`` None: the outlet), with offsets of the source phrase;
    ``denial``: the source is the one who denies it (see :func:`denier`)."""

    source: Span | None
    hedged: bool
    rule: str
    start: int | None = None
    end: int | None = None
    denial: bool = False


@dataclass(frozen=True, slots=True)
class _StatusLexicon:
    future: frozenset[str]
    hypothetical: frozenset[str]
    perfect_hedge: frozenset[str]
    threat_governors: frozenset[str]
    plan_governors: frozenset[str]
    infinitive_governors: frozenset[str]
    request_governors: frozenset[str]
    attempt_governors: frozenset[str]
    coercive: frozenset[str]
    conditional_marks: frozenset[str]
    negation: frozenset[str]
    denial_governors: frozenset[str]
    hedge_adverbs: frozenset[str]
    hedge_adjectives: frozenset[str]
    hedge_governors: frozenset[str]
    passive_hedges: frozenset[str]
    responsibility_objects: frozenset[str]
    deed_claim_verbs: frozenset[str]
    time_reference_preps: frozenset[str]
    anniversary_nouns: frozenset[str]
    background_days: int


@dataclass(frozen=True, slots=True)
class _Signal:
    """One word that bears on the status: a status, or future/hypothetical/attempted, or
    "denial" (a denying word above the event: denied, yet the figure it denies stands)."""

    kind: str
    rule: str
    token: Token


@lru_cache(maxsize=1)
def status_lexicon() -> _StatusLexicon:
    """Load and validate ``status.yaml`` once per process."""
    data = load_yaml(STATUS_RESOURCE)
    if not isinstance(data, dict):
        raise ResourceError("expected a mapping at the top level", str(path(STATUS_RESOURCE)), 1)
    days = data.get("background_days")
    if not isinstance(days, int) or days < 0:
        raise ResourceError("'background_days' must be a non-negative integer",
                            str(path(STATUS_RESOURCE)), data.get(LINE_KEY))
    keys = [f for f in _StatusLexicon.__dataclass_fields__ if f != "background_days"]
    words = {key: word_set(data, key, STATUS_RESOURCE) for key in keys}
    return _StatusLexicon(**words, background_days=days)


@dataclass(frozen=True, slots=True)
class _AttributionLexicon:
    reporting: dict[str, bool]
    source_phrases: tuple[tuple[str, ...], ...]


@lru_cache(maxsize=1)
def _attribution_lexicon() -> _AttributionLexicon:
    """Load and validate ``attribution.yaml`` once per process."""
    where = str(path(ATTRIBUTION_RESOURCE))
    data = load_yaml(ATTRIBUTION_RESOURCE)
    if not isinstance(data, dict) or not isinstance(data.get("reporting_verbs"), list):
        raise ResourceError("expected 'reporting_verbs: [...]'", where, 1)
    verbs = {}
    for entry in data["reporting_verbs"]:
        require(entry, ("lemma",), ATTRIBUTION_RESOURCE)
        if not isinstance(entry.get("hedged"), bool):
            raise ResourceError("'hedged' must be true or false", where, entry.get(LINE_KEY))
        verbs[str(entry["lemma"])] = entry["hedged"]
    phrases = word_set(data, "source_phrases", ATTRIBUTION_RESOURCE)
    return _AttributionLexicon(verbs, tuple(tuple(p.split()) for p in sorted(phrases)))


def _reporting() -> dict[str, bool]:
    return _attribution_lexicon().reporting


def reporting_verbs() -> frozenset[str]:
    """Lemmas of reporting verbs ("say", "tell", "claim", ...) from ``attribution.yaml``."""
    return frozenset(_reporting())


def has_own_subject(clause: Token) -> bool:
    """Whether a clause has a subject of its own (not a relative pronoun): another predication.

    "jets struck the town" under "killed ... when" has one; "that killed 25" and "killing 6"
    do not, so they still describe the event they hang on.
    """
    return any(c.dep_ in _SUBJECT_DEPS and c.lower_ not in _RELATIVE for c in clause.children)


def is_infinitive_clause(token: Token) -> bool:
    """An infinitival adverbial clause ("returned to Kabul to press both sides"): a purpose,
    which shares the time and modality of the verb it hangs on."""
    return token.dep_ == "advcl" and token.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children
    ) and not has_own_subject(token)


def _infinitival_relative(token: Token) -> bool:
    """'launch a counteroffensive to retake the town', 'a plan to attack': an infinitive the
    parser hangs on a noun as a relative clause is that noun's purpose, as modal as the noun."""
    return token.dep_ == "relcl" and token.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children
    ) and not has_own_subject(token)


def _claims_deed(verb: Token) -> bool:
    """ "claimed responsibility for the attack", "claimed the killing": a claim of the deed,
    not a report of it."""
    lex = status_lexicon()
    return any(
        c.dep_ == "dobj" and (
            c.lemma_.lower() in lex.responsibility_objects
            or verb.lemma_.lower() in lex.deed_claim_verbs
        )
        for c in verb.children
    )


def _is_reporting(token: Token) -> bool:
    """A reporting verb (not the noun "claims", even tagged as a verb in an object's place:
    "dismissed claims that ...", not a claim of responsibility)."""
    return token.pos_ in ("VERB", "AUX") and token.dep_ not in _NOMINAL_DEPS \
        and token.lemma_.lower() in _reporting() and not _claims_deed(token)


def _governors(trigger: Token) -> list[tuple[Token, str]]:
    """Words above the trigger whose modality reaches it, up to the nearest reporting verb.

    Each comes with the link through which the trigger hangs on it: a dependency label
    ("xcomp" for "vowed to retaliate", "dobj" for "denied involvement"), "prep:of" for "the
    threat of strikes", or "conj" for the head of a coordination, which shares only its
    auxiliaries ("will meet and sign").
    """
    chain: list[tuple[Token, str]] = []
    token = trigger
    link = ""
    while token.head.i != token.i and (token.dep_ in _GOVERNED_DEPS or is_infinitive_clause(token)
                                       or _infinitival_relative(token)):
        head = token.head
        if token.dep_ == "pobj":
            link = f"prep:{head.lower_}"
        elif token.dep_ != "prep":
            link = token.dep_
        if token.dep_ != "pobj":
            chain.append((head, link))
        if _is_reporting(head):
            break
        token = head
    return chain


def _child_signals(token: Token, lex: _StatusLexicon, is_trigger: bool) -> list[_Signal]:
    signals = []
    children = list(token.children)
    for child in children:
        word = child.lower_
        where = "the trigger" if is_trigger else f"'{token.text}'"
        if child.dep_ == "neg" and word in lex.negation:
            signals.append(_Signal("denied", f"negation '{child.text}' on {where}", child))
        elif child.dep_ == "aux" and word in lex.future:
            signals.append(_Signal("future", f"future '{child.text}' on {where}", child))
        elif child.dep_ == "aux" and word in lex.hypothetical:
            perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in children)
            if perfect and word in lex.perfect_hedge:
                signals.append(_Signal("alleged", f"hedge '{child.text} have' on {where}", child))
            elif not perfect:
                signals.append(_Signal("hypothetical", f"modal '{child.text}' on {where}", child))
        elif child.dep_ == "mark" and word in lex.conditional_marks:
            signals.append(_Signal("hypothetical", f"condition '{child.text}' on {where}", child))
        elif child.dep_ == "advmod" and word in lex.hedge_adverbs:
            signals.append(_Signal("alleged", f"hedge adverb '{child.text}' on {where}", child))
        elif child.dep_ in ("amod", "compound") and word in lex.hedge_adjectives:
            signals.append(_Signal("alleged", f"hedge adjective '{child.text}' on {where}", child))
    return signals


def _governor_signal(token: Token, link: str, lex: _StatusLexicon) -> _Signal | None:
    """The status a governing word gives what hangs on it through ``link``.

    Modal governors (threat, plan, request, attempt) reach their complement ("vowed to
    retaliate", "plans an offensive", "the threat of strikes"), not any phrase on them ("went
    to Geneva for talks"); the infinitive-only ones ("set to", "due to") only an infinitive.
    """
    lemma = token.lemma_.lower()
    quoted = f"'{token.text}'"
    complement = link in _COMPLEMENT_LINKS or (
        token.pos_ in ("NOUN", "PROPN") and link in ("prep:of", "prep:for")
    )
    if lex.infinitive_governors & {lemma, token.lower_}:
        complement = link == "xcomp"
    argument = complement or link in ("prep:of", "prep:for")
    if lemma in lex.denial_governors and argument:
        return _Signal("denial", f"denial {quoted} governs the trigger", token)
    if lemma in lex.threat_governors and (complement or link in ("prep:of", "prep:with")):
        return _Signal("threatened", f"threat {quoted} governs the trigger", token)
    plans = lex.plan_governors | lex.infinitive_governors
    if (lemma in plans or token.lower_ in plans) and complement:
        return _Signal("planned", f"plan {quoted} governs the trigger", token)
    if lemma in lex.request_governors and complement and not _is_reporting(token):
        return _Signal("planned", f"request {quoted} governs the trigger", token)
    if lemma in lex.attempt_governors and complement:
        return _Signal("attempted", f"attempt {quoted} governs the trigger", token)
    claims_deed = _claims_deed(token)
    if lemma in lex.hedge_governors and argument and not claims_deed:
        return _Signal("alleged", f"hedge {quoted} governs the trigger", token)
    passive = any(c.dep_ == "auxpass" for c in token.children)
    if passive and lemma in lex.passive_hedges:
        return _Signal("alleged", f"passive hedge {quoted} (as in 'said to have')", token)
    if _reporting().get(lemma) and not claims_deed:
        return _Signal("alleged", f"hedged reporting verb {quoted}", token)
    return None


def _chain(trigger: Token) -> list[tuple[Token, str]]:
    """The trigger's governors; for an event noun that is the subject of its clause ("denied
    reports that its strikes killed 12", "claimed the raid left 3 dead") those of that
    clause, which says what the act did and so shares its denial or hedge (not the clause
    verb's own negation or modal: "the strike did not kill anyone" still struck), when that
    clause is the content of a word above it."""
    chain = _governors(trigger)
    head = trigger.head
    if not chain and trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("nsubj", "nsubjpass") \
            and head.pos_ in ("VERB", "AUX") and head.dep_ in _CONTENT_DEPS \
            and not _is_reporting(head):
        chain = _governors(head)
    return chain


def _signals(trigger: Token) -> list[_Signal]:
    """Every status-bearing word on the trigger and its governors, nearest first."""
    lex = status_lexicon()
    signals = _child_signals(trigger, lex, is_trigger=True)
    for token, link in _chain(trigger):
        if link != "conj":
            found = _governor_signal(token, link, lex)
            if found is not None:
                signals.append(found)
        if not _is_reporting(token):
            signals.extend(_child_signals(token, lex, is_trigger=False))
        elif any(c.dep_ == "neg" for c in token.children):
            signals.append(_Signal("alleged", f"negated reporting verb '{token.text}'", token))
    return signals


def future_marker(trigger: Token) -> str | None:
    """The word that puts the event in the future ("will", "plans to"), or None.

    Used by date resolution: "will meet on Sunday" means the coming Sunday.
    """
    for signal in _signals(trigger):
        if signal.kind in ("future", "hypothetical", "threatened", "planned"):
            return signal.rule
    return None


def unrealised(token: Token) -> str | None:
    """Why what ``token`` says did not (yet) happen: negated, future, hypothetical, attempted.

    Used by the toll: "tried to assassinate", "will kill", "no one was killed" count nobody;
    a denied report still states its figure ("denied that 30 soldiers were killed": the
    event's status says it is denied).
    """
    for signal in _signals(token):
        if signal.kind not in ("alleged", "denial"):
            return signal.rule
    return None


def _future_kind(trigger: Token, lex: _StatusLexicon) -> str:
    return "threatened" if trigger.lemma_.lower() in lex.coercive else "planned"


def _is_background(
    event_date: date | None, precision: str | None, published: date | None, lex: _StatusLexicon
) -> str | None:
    if event_date is None or published is None or precision in (None, "publication"):
        return None
    if precision == "year":
        if event_date.year < published.year:
            return f"event year {event_date.year} before publication year {published.year}"
        return None
    end = event_date
    if precision == "month":
        next_month = date(end.year + end.month // 12, end.month % 12 + 1, 1)
        end = date.fromordinal(next_month.toordinal() - 1)
    elif precision == "week":
        end = date.fromordinal(end.toordinal() + 6)
    age = (published - end).days
    if age > lex.background_days:
        return f"event {event_date} ({precision}) ends {age} days before publication " \
               f"(> {lex.background_days})"
    return None


def _time_reference(trigger: Token, lex: _StatusLexicon) -> str | None:
    """'to mark five years since the battle of Ilovaisk', 'the anniversary of the massacre': an
    event noun used to place something else in time is a past event recalled, not news."""
    if trigger.pos_ not in ("NOUN", "PROPN") or trigger.dep_ != "pobj":
        return None
    prep = trigger.head
    if prep.lower_ in lex.time_reference_preps:
        return f"time reference '{prep.text} {trigger.text}'"
    if prep.lower_ == "of" and prep.head.lemma_.lower() in lex.anniversary_nouns:
        return f"time reference '{prep.head.text} of {trigger.text}'"
    return None


def event_status(
    trigger: Token, event_date: date | None, precision: str | None, published: date | None
) -> StatusGuess:
    """Decide whether the event occurred, is threatened/planned, alleged, denied or background.

    Order: a denial or negation wins ("did not carry out"); then a threat/plan word, a future or
    hypothetical modal, a condition or a future date (threatened for coercive events, planned
    otherwise); then background: an undated event noun that places something else in time
    ("since the battle", "the anniversary of the massacre") or a date well before
    publication; then a hedge (alleged).
    ``hedged`` is True whenever a hedge word applies, whatever the status.
    """
    lex = status_lexicon()
    signals = _signals(trigger)
    hedges = [s for s in signals if s.kind == "alleged"]
    hedged = bool(hedges)
    source = "status.yaml"
    for signal in signals:
        if signal.kind in ("denied", "denial"):
            return _guess("denied", hedged, f"{source} {signal.rule}", signal)
    for signal in signals:
        if signal.kind in ("threatened", "planned"):
            return _guess(signal.kind, hedged, f"{source} {signal.rule}", signal)
        if signal.kind in ("future", "hypothetical"):
            kind = _future_kind(trigger, lex)
            return _guess(kind, hedged, f"{source} {signal.rule} -> {kind}", signal)
    if event_date is not None and published is not None and event_date > published \
            and precision not in (None, "publication") and trigger.tag_ != "VBD":
        # A verb in the past tense ("rejected an invitation to a meeting next week") is done;
        # the future date belongs to something else in its clause.
        kind = _future_kind(trigger, lex)
        return StatusGuess(kind, hedged, f"event date {event_date} after publication -> {kind}")
    if precision in (None, "publication"):
        reference = _time_reference(trigger, lex)
        if reference is not None:
            return StatusGuess("background", hedged, f"{source} background: {reference}")
    background = _is_background(event_date, precision, published, lex)
    if background is not None:
        return StatusGuess("background", hedged, f"{source} background: {background}")
    if hedges:
        return _guess("alleged", True, f"{source} {hedges[0].rule}", hedges[0])
    return StatusGuess("occurred", False, "no modality, negation, hedge or old date: occurred")


def _guess(status: str, hedged: bool, rule: str, signal: _Signal) -> StatusGuess:
    token = signal.token
    return StatusGuess(status, hedged, rule, token.idx, token.idx + len(token.text))


def _noun_phrase(head: Token) -> Span:
    """The phrase of a source: the head with its modifiers, without clauses or appositions."""
    keep = [head]
    stack = [head]
    while stack:
        for child in stack.pop().children:
            if child.dep_ not in _NP_EXCLUDED_DEPS:
                keep.append(child)
                stack.append(child)
    start = min(t.i for t in keep)
    end = max(t.i for t in keep) + 1
    doc = head.doc
    while end - 1 > start and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end]


def _source_of(verb: Token, trigger: Token) -> tuple[Token | None, str]:
    """Subject of a reporting verb (not the one holding the event), or the agent of a passive."""
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj, "passive agent"
    subjects = [c for c in verb.children
                if c.dep_ in ("nsubj", "nsubjpass") and trigger not in c.subtree]
    if any(c.dep_ == "auxpass" for c in verb.children):
        return None, "passive without agent"
    if subjects:
        return subjects[-1], "subject"
    return None, "no subject"


def _source_phrase(trigger: Token) -> tuple[Token, str] | None:
    """The object of "according to X" / "citing X": the one on the trigger's clause first,
    else the nearest in the sentence."""
    found = []
    doc = trigger.doc
    phrases = _attribution_lexicon().source_phrases
    firsts = {phrase[0] for phrase in phrases}
    for token in trigger.sent:
        if token.lower_ not in firsts:
            continue
        for phrase in phrases:
            last = token.i + len(phrase) - 1
            if last >= trigger.sent.end or tuple(
                t.lower_ for t in doc[token.i: last + 1]
            ) != phrase:
                continue
            objects = [c for c in doc[last].children if c.dep_ in ("pobj", "dobj")]
            if objects:
                attached = token.head == trigger or token.head in trigger.ancestors
                found.append((not attached, abs(token.i - trigger.i), objects[0], " ".join(phrase)))
    if not found:
        return None
    best = min(found, key=lambda item: item[:2])
    return best[2], best[3]


def _reporting_verb(trigger: Token) -> Token | None:
    """The nearest reporting verb above the trigger, or one inserted as a parenthetical."""
    for ancestor in trigger.ancestors:
        if _is_reporting(ancestor):
            return ancestor
    for token in [trigger, *trigger.ancestors]:
        for child in token.children:
            if child.dep_ == "parataxis" and _is_reporting(child):
                return child
    return None


def _hedge_adverb(trigger: Token) -> str | None:
    lex = status_lexicon()
    for token in [trigger, *trigger.ancestors]:
        for child in token.children:
            if child.dep_ == "advmod" and child.lower_ in lex.hedge_adverbs:
                return child.text
    return None


def attribution(trigger: Token) -> AttributionGuess:
    """Who the text says asserts the event whose trigger is ``trigger``.

    The subject of the nearest governing reporting verb ("the Pentagon said it hit three
    sites", "..., the Pentagon said."), else the object of "according to". ``hedged`` is True
    when the reporting verb hedges ("claimed") or a hedge adverb ("reportedly") applies.
    """
    adverb = _hedge_adverb(trigger)
    verb = _reporting_verb(trigger)
    if verb is not None:
        head, how = _source_of(verb, trigger)
        negated = any(c.dep_ == "neg" for c in verb.children)
        hedged = _reporting()[verb.lemma_.lower()] or adverb is not None or negated
        rule = f"attribution.yaml reporting verb '{verb.lemma_.lower()}' ({verb.text}): {how}"
        if negated:
            rule += "; negated: not confirmed"
        if adverb:
            rule += f"; hedge adverb '{adverb}'"
        if head is not None:
            span = _noun_phrase(head)
            return AttributionGuess(span, hedged, rule, span.start_char, span.end_char)
        if how != "no subject":
            return AttributionGuess(None, hedged, rule)
    phrase = _source_phrase(trigger)
    if phrase is not None:
        span = _noun_phrase(phrase[0])
        rule = f"attribution.yaml '{phrase[1]}' object"
        return AttributionGuess(span, adverb is not None, rule, span.start_char, span.end_char)
    if adverb:
        return AttributionGuess(None, True, f"status.yaml hedge adverb '{adverb}': the outlet")
    return AttributionGuess(None, False, "no reporting verb or 'according to': the outlet")


def denier(trigger: Token) -> AttributionGuess | None:
    """Who denies the event, when a denial word governs it and the text names no one asserting
    it ("The army denied that 30 soldiers were killed", "Police dismissed claims that
    protesters were injured"): the denial is then the only voice on the event, so the event is
    recorded as the denier's (hedged: nobody vouches for it), its status saying denied."""
    lex = status_lexicon()
    for token, link in _chain(trigger):
        signal = _governor_signal(token, link, lex) if link != "conj" else None
        if signal is None or signal.kind != "denial":
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is None:
            return None
        span = _noun_phrase(subject)
        rule = f"status.yaml denial '{token.lemma_.lower()}' ({token.text}): subject denies it"
        return AttributionGuess(span, True, rule, span.start_char, span.end_char, denial=True)
    return None
