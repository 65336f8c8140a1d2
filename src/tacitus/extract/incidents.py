"""From mentions to events: one per incident per article.

A later mention joins an earlier event when it has the same PLOVER type, the same kind of
status (something that happened vs. something threatened or planned), no conflicting actor,
place or stated date (nor recipient, unless it is a definite "the strikes" that may name a
narrower target), and something that ties it back: it is a definite description ("the
strikes", "the raids"), it names the same actor, it uses the same word ("arrested" ...
"had been arrested"), it names the same unresolved target ("a crowded market" ... "the
market"), it names the same party more or less precisely ("warplanes" ... "Russian jets"), it
only reports casualties with no one acting ("31 people were killed"), or it sits in the same
sentence. Background (history) never merges with what is reported as news. The merged
event keeps every evidence sentence and the most specific value of each field. Two strikes at
different places or on different days, or a strike and the reaction to it, stay apart.
"""

from __future__ import annotations

from collections.abc import Sequence

from tacitus.extract.acled import Facts, classify
from tacitus.extract.lexicon import get_lexicon
from tacitus.extract.mention import EventMention, mentions
from tacitus.model import Attribution, Event, Party, Toll, stable_hash
from tacitus.nlp import ParsedArticle

FUTURE = frozenset({"threatened", "planned"})
STATED = frozenset({"day", "week", "month", "year"})


def _resolved(party: Party | None) -> bool:
    return party is not None and party.kind != "other"


def _generic(party: Party) -> bool:
    """A bare agent ("warplanes" -> MIL, "police" -> COP): a kind of party, no one party."""
    return party.country is None and party.sector is not None and party.id == party.sector


def _compatible(a: Party, b: Party) -> bool:
    """One party, or one named more and less precisely: the same id, a bare agent and a party
    of its sector ("warplanes" and "Russian jets"), or a state and one of its agents ("Kenya"
    and "Kenyan peacekeepers")."""
    if a.id == b.id:
        return True
    if _generic(a) or _generic(b):
        return a.sector == b.sector
    return a.country is not None and a.country == b.country and None in (a.sector, b.sector)


def _conflict(a: Party | None, b: Party | None) -> bool:
    """Two named parties that cannot be one (see :func:`_compatible`)."""
    return _resolved(a) and _resolved(b) and not _compatible(a, b)  # type: ignore[arg-type]


def _content_words(text: str) -> set[str]:
    return {w for w in text.lower().replace("'s", " ").split() if len(w) > 3 and w.isalpha()}


def _same_target(a: Party | None, b: Party | None) -> bool:
    """'an air strike on a crowded market' ... 'two missiles hit the market': unresolved
    targets sharing a noun name the same place or people."""
    if a is None or b is None or _resolved(a) or _resolved(b):
        return False
    return bool(_content_words(a.text) & _content_words(b.text))


def _stated(m: EventMention) -> bool:
    return m.date.date is not None and m.date.precision in STATED


def _same_place(a: EventMention, b: EventMention) -> bool:
    if a.location is None or b.location is None:
        return True
    x, y = a.location.text.lower(), b.location.text.lower()
    return x in y or y in x or bool(_content_words(x) & _content_words(y))


def _class_mention(m: EventMention) -> bool:
    """'has claimed several attacks on journalists': a plural event noun without a definite
    determiner speaks of a kind of incident, so a merely compatible actor does not make it
    the incident told."""
    return m.pattern.pos == "noun" and not m.definite and m.trigger.lower() != m.lemma


def _toll_only(m: EventMention, effect_verbs: frozenset[str]) -> bool:
    """'At least 31 people were killed and 65 injured': a casualty verb with no one named as
    acting reports the toll of the incident being told, not a new one."""
    return m.actor is None and m.lemma in effect_verbs


def _joins(group: list[EventMention], m: EventMention, effect_verbs: frozenset[str]) -> bool:
    first = group[0]
    if first.coding.type != m.coding.type:
        return False
    if (first.status.status in FUTURE) != (m.status.status in FUTURE):
        return False
    if (first.status.status == "background") != (m.status.status == "background") and all(
            o.sent_start != m.sent_start for o in group):
        # "The coalition intervened in 2015" is history, not the strike being reported.
        return False
    for other in group:
        if _conflict(other.actor, m.actor):
            return False
        if not m.definite and _conflict(other.recipient, m.recipient):
            return False
        if not _same_place(other, m):
            return False
        if _stated(other) and _stated(m) and other.date.date != m.date.date and (
            other.date.precision == m.date.precision == "day"
        ):
            return False
    same_sentence = any(o.sent_start == m.sent_start for o in group)
    same_actor = m.actor is not None and any(o.actor is not None and (
        o.actor.id == m.actor.id or _resolved(o.actor) and _resolved(m.actor)
        and not _class_mention(m) and _compatible(o.actor, m.actor)) for o in group)
    same_word = any(o.lemma == m.lemma for o in group)
    return (m.definite or same_sentence or same_actor or same_word or _toll_only(m, effect_verbs)
            or any(_same_target(o.recipient, m.recipient) for o in group))


def _refers_to(group: list[EventMention], m: EventMention, anaphors: frozenset[str]) -> bool:
    """'the strikes', 'that attack': a definite event noun that names an incident already told
    refers back to it, wherever the sentence around it is set (its place, date and status are
    the other event's: "the strikes came two days after rockets hit the K1 base"). It takes the
    latest incident told with the same word, or, for a general word ("the attack", "the
    violence") or a demonstrative ("that attack": the one just told), the latest incident of
    the same type."""
    if not m.definite or group[0].coding.type != m.coding.type:
        return False
    if any(_conflict(o.actor, m.actor) for o in group):
        return False
    return any(o.lemma == m.lemma for o in group) or m.lemma in anaphors


def _told_within(group: list[EventMention], m: EventMention) -> bool:
    """'arrested 12 activists in overnight raids' ... 'The raids took place late on Thursday':
    a definite event noun whose word an earlier event's sentence used without making it an
    event of its own (it told how that act was done) refers to that act."""
    return (m.definite and m.pattern.pos == "noun" and group[0].coding.type != m.coding.type
            and any(o.sent_start != m.sent_start and m.lemma in o.words for o in group))


def group_mentions(items: Sequence[EventMention]) -> list[list[EventMention]]:
    """Partition mentions into incidents (see module docstring for the rule)."""
    lexicon = get_lexicon()
    anaphors = lexicon.anaphoric_nouns
    groups: list[list[EventMention]] = []
    for m in items:
        earlier = [g for g in reversed(groups) if all(o.sent_start != m.sent_start for o in g)]
        same_word = None if m.demonstrative else next(
            (g for g in earlier if _refers_to(g, m, frozenset())), None)
        target = same_word or next((g for g in earlier if _refers_to(g, m, anaphors)), None)
        if target is None:
            target = next((g for g in reversed(groups) if _joins(g, m, lexicon.effect_verbs)), None)
        if target is None and not any(any(o.lemma == m.lemma for o in g) for g in groups):
            target = next((g for g in earlier if _told_within(g, m)), None)
        if target is not None:
            target.append(m)
        else:
            groups.append([m])
    return groups


def _pick_party(group: list[EventMention], role: str) -> tuple[Party | None, str | None]:
    ranked: list[tuple[int, int, Party, str]] = []
    for i, m in enumerate(group):
        party = getattr(m, role)
        if party is None:
            continue
        # A named party with a sector ("Russian jets", "Kenyan peacekeepers") beats a bare
        # state ("Kenya"), which beats a bare agent ("warplanes"), which beats an unknown name.
        if not _resolved(party):
            rank = 3
        elif _generic(party):
            rank = 2
        else:
            rank = 0 if party.sector is not None else 1
        ranked.append((rank, i, party, dict(m.provenance).get(role) or ""))
    if not ranked:
        return None, None
    _, _, party, how = min(ranked, key=lambda r: (r[0], r[1]))
    return party, how


def _toll(group: list[EventMention]) -> tuple[Toll | None, str | None]:
    tolls = [m.toll for m in group if m.toll is not None]
    if not tolls:
        return None, None
    killed = max((t.killed for t in tolls if t.killed is not None), default=None)
    injured = max((t.injured for t in tolls if t.injured is not None), default=None)
    lead = next((t for t in tolls if t.killed == killed and killed is not None), tolls[0])
    rules = "; ".join(dict.fromkeys(t.rule for t in tolls))
    return Toll(killed=killed, injured=injured, qualifier=lead.qualifier), rules


def _confidence(group: list[EventMention], actor: Party | None, recipient: Party | None,
                hedged: bool) -> float:
    """Monotone evidence score: more specific pattern, resolved parties and more mentions
    raise it; hedging lowers it."""
    lead = max(group, key=lambda m: m.pattern.specificity)
    score = 0.3 + (0.1 if lead.pattern.curated else 0.0) + 0.05 * min(lead.pattern.specificity, 2)
    score += 0.15 if _resolved(actor) else (0.05 if actor is not None else 0.0)
    score += 0.1 if _resolved(recipient) else (0.03 if recipient is not None else 0.0)
    score += 0.05 * min(len(group) - 1, 3)
    score -= 0.1 if hedged else 0.0
    return max(0.05, min(0.95, score))


def build_event(article_id: str, text: str, group: list[EventMention],
                target: tuple[Party, str] | None = None) -> Event:
    """One Event from the mentions of one incident; ``target`` is the actor of the event this
    one reacts to ("condemned the raids": the raiders), used when no party was named."""
    first = group[0]
    # A mention of another type (see _told_within) lends evidence and facts, never the type.
    lead = max((m for m in group if m.coding.type == first.coding.type),
               key=lambda m: (len(m.coding.cameo), -m.start))
    prov: dict[str, str] = {"type": dict(lead.provenance)["type"]}
    actor, how = _pick_party(group, "actor")
    if how:
        prov["actor"] = how
    recipient, how = _pick_party(group, "recipient")
    if recipient is None and target is not None:
        recipient, how = target
    if how:
        prov["recipient"] = how
    dated = next((m for m in group if _stated(m)), first)
    prov["date"] = dated.date.rule
    toll, how = _toll(group)
    if how:
        prov["fatalities"] = how
    prov["status"] = first.status.rule
    said = next((m for m in group if m.source is not None), first)
    hedged = first.status.hedged or said.attribution.hedged
    if said.source is not None:
        prov["attribution"] = dict(said.provenance)["attribution"]
    placed = next((m for m in group if m.location is not None), None)
    if placed is not None:
        prov["location"] = dict(placed.provenance)["location"]
    words = frozenset().union(*(m.words for m in group))
    acled, rule = classify(Facts(lead.coding.type, lead.coding.cameo, words,
                                 first.trigger_words, actor, recipient))
    if acled is not None:
        prov["acled"] = rule
    if len(group) > 1:
        prov["merge"] = f"{len(group)} mentions: " + ", ".join(f"'{m.trigger}'" for m in group)
    evidence = tuple(dict.fromkeys(m.evidence(text) for m in group))
    coding = lead.coding
    return Event(
        id=stable_hash(article_id, f"{coding.type}:{first.start}"),
        type=coding.type, cameo=coding.cameo, goldstein=coding.goldstein,
        quad_class=coding.quad_class, status=first.status.status, mode=coding.mode,
        context=coding.context, acled=acled, date=dated.date.date,
        date_precision=dated.date.precision, actor=actor, recipient=recipient,
        location=placed.location if placed else None, fatalities=toll,
        attribution=Attribution(source=said.source, hedged=hedged),
        evidence=evidence, confidence=_confidence(group, actor, recipient, hedged),
        provenance=prov,
    )


def events(parsed: ParsedArticle) -> list[Event]:
    """The coded events of one parsed article, one per incident.

    Ordered by the sentence of their first mention and, within a sentence, main clause first
    (fewest clause links between the trigger and the sentence root), then text order; so the
    first event is the one a reader would call the article's (or snippet's) main event.
    """
    text = parsed.article.text
    groups = group_mentions(mentions(parsed.doc, parsed.article))
    groups.sort(key=lambda g: (g[0].sent_start, g[0].depth, g[0].start))
    group_of = {m.start: g for g in groups for m in g}
    built: list[Event] = []
    for group in groups:
        target = None
        for m in group:
            other = group_of.get(m.target_event) if m.target_event is not None else None
            actor = _pick_party(other, "actor")[0] if other and other is not group else None
            if actor is not None:
                how = dict(m.provenance)["recipient"] + f" {actor.id}"
                target = (actor, how)
                break
        built.append(build_event(parsed.article.id, text, group, target))
    return built


def main_event(found: Sequence[Event]) -> Event | None:
    """The event a one-snippet classifier would report: the first of :func:`events`' order
    (earliest sentence, main clause first), or None when there is none."""
    return found[0] if found else None
