"""From mentions to events: one per incident per article.

A later mention joins an earlier event when it has the same PLOVER type, the same kind of status
(something that happened vs. something threatened or planned), no conflicting actor, place or
date (nor recipient, unless it is a definite "the strikes" that may name a narrower target, a
casualty report, or in the same sentence), and something that ties it back: it is a definite
description ("the strikes", "the raids"), it names the same actor, it uses the same word
("arrested" ... "had been arrested"), it names the same unresolved target ("a crowded market"
... "the market"), it names the same party more or less precisely ("warplanes" ... "Russian
jets"), it only reports casualties with no one acting ("31 people were killed"), it sits in the
same sentence (or in the "when" clause of a mention's verb: "the fighting broke out when
fighters attacked a police station"), or it goes on in the very next sentence with no one named
acting and no date of its own ("The explosive device had been planted beside the highway"), or
it is the act the very next sentence tells after one told only by its casualties ("Two children
were killed." ... "the deaths came in an airstrike by coalition jets"; the act then codes the
event). Only a date or place stated for the event itself can tell two mentions apart: "warned on
Sunday ... after an air strike" dates the warning, and "a monitor in the UK said jets hit the
market" does not put the strike in the UK. A mention marked as new ("another bomb", "in a
separate attack") starts its own event. Background (history) never merges with what is reported
as news. The merged event keeps every evidence sentence and the most specific value of each
field. Two strikes at different places or on different days, or a strike and the reaction to it,
stay apart. A bare noun that only names a kind of act ("financing itself through kidnapping")
and that nothing ties to an incident is no event.
"""

from __future__ import annotations

from collections.abc import Sequence

from tacitus.extract.acled import Facts, classify
from tacitus.extract.lexicon import get_lexicon
from tacitus.extract.mention import STATED_PRECISIONS, EventMention, mentions
from tacitus.model import Attribution, Event, Party, Toll, stable_hash
from tacitus.nlp import ParsedArticle

FUTURE = frozenset({"threatened", "planned"})
UNIDENTIFIED = "UAF"
# Bare crowds: "tens of thousands of people" and "demonstrators" may name one crowd.
CROWD_SECTORS = frozenset({"CVL", "OPP"})
ARMED_KIND = "non-state armed"


def _resolved(party: Party | None) -> bool:
    return party is not None and party.kind != "other"


def _generic(party: Party) -> bool:
    """A bare agent ("warplanes" -> MIL, "police" -> COP): a kind of party, no one party."""
    return party.country is None and party.sector is not None and party.id == party.sector


def _unidentified(party: Party) -> bool:
    """'armed men', 'unidentified gunmen': an armed party nobody has named."""
    return _generic(party) and party.sector == UNIDENTIFIED


def _compatible(a: Party, b: Party) -> bool:
    """One party, or one named more and less precisely: the same id, a bare agent and a party
    of its sector ("warplanes" and "Russian jets"), unidentified armed men and any non-state
    armed party ("armed men" and "gunmen", "the militia"), two bare crowds ("tens of thousands
    of people" and "demonstrators"), or a state and one of its agents ("Kenya" and "Kenyan
    peacekeepers")."""
    if a.id == b.id:
        return True
    if _unidentified(a) or _unidentified(b):
        other = b if _unidentified(a) else a
        return other.kind == ARMED_KIND and (None in (a.country, b.country)
                                             or a.country == b.country)
    if _generic(a) and _generic(b) and {a.sector, b.sector} <= CROWD_SECTORS:
        return True
    if _generic(a) or _generic(b):
        return a.sector == b.sector
    return a.country is not None and a.country == b.country and None in (a.sector, b.sector)


def _conflict(a: Party | None, b: Party | None) -> bool:
    """Two named parties that cannot be one (see :func:`_compatible`)."""
    return _resolved(a) and _resolved(b) and not _compatible(a, b)  # type: ignore[arg-type]


def _recipient_conflict(a: Party | None, b: Party | None) -> bool:
    """Targets are named loosely ("ten military officials" ... "top generals"): a bare agent
    never rules a target out; two named ones must be compatible."""
    if a is None or b is None or _generic(a) or _generic(b):
        return False
    return _conflict(a, b)


def _content_words(text: str) -> set[str]:
    return {w for w in text.lower().replace("'s", " ").split() if len(w) > 3 and w.isalpha()}


def _same_target(a: Party | None, b: Party | None) -> bool:
    """'an air strike on a crowded market' ... 'two missiles hit the market': unresolved
    targets sharing a noun name the same place or people."""
    if a is None or b is None or _resolved(a) or _resolved(b):
        return False
    return bool(_content_words(a.text) & _content_words(b.text))


def _stated(m: EventMention) -> bool:
    return m.date.date is not None and m.date.precision in STATED_PRECISIONS


def _same_place(a: EventMention, b: EventMention) -> bool:
    """Places written in a phrase of the event ("struck a market in Idlib") may differ only
    by naming one place more or less precisely; a place found elsewhere in the sentence
    ("a UK-based monitor said") says nothing about the event."""
    if a.location is None or b.location is None or not (a.firm_place and b.firm_place):
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
    acting, told in the passive or with a count, reports the toll of the incident being told,
    not a new one ("rockets hit a base" is an act of its own)."""
    return m.actor is None and m.lemma in effect_verbs and (m.toll is not None or m.passive)


def _date_conflict(group: list[EventMention], m: EventMention) -> bool:
    """The day stated for ``m`` itself lies outside the days the incident's mentions state for
    themselves: a fight told as "broke out on Thursday" and "clashes on Friday" spans both."""
    if not (m.firm_date and m.date.precision == "day") or m.date.date is None:
        return False
    days = [o.date.date for o in group
            if o.firm_date and o.date.precision == "day" and o.date.date is not None]
    return bool(days) and not min(days) <= m.date.date <= max(days)


def _reference(group: list[EventMention], o: EventMention) -> bool:
    """A mention that refers back to an incident told in an earlier sentence ("the strikes",
    "blamed X for the killings") rather than telling it."""
    return (o.definite or o.reacted_to) and o.sent_index > group[0].sent_index


def _told_together(a: EventMention, b: EventMention) -> bool:
    """'The fighting broke out when fighters attacked a police station': an act told in the
    "when" clause of another's verb is how that one came about, even when the other is a
    reference ("the fighting") rather than a telling."""
    return a.sent_start == b.sent_start and (
        a.during is not None and a.during == b.clause
        or b.during is not None and b.during == a.clause)


def _continues(group: list[EventMention], m: EventMention) -> bool:
    """'A roadside bomb tore through an army vehicle ...' then 'The explosive device had been
    planted beside the main highway ...': the very next sentence telling an act of the same
    type, with no one named acting or hit and no date of its own, goes on about the incident
    the sentence before told (told, not referred to: after "blamed X for the killings", "a man
    was stabbed" is another act)."""
    last = max(o.sent_index for o in group)
    told = any(o.sent_index == last and not _reference(group, o) for o in group)
    return (told and m.sent_index == last + 1 and m.actor is None and m.recipient is None
            and not m.firm_date)


def _names_the_act(group: list[EventMention], m: EventMention,
                   effect_verbs: frozenset[str]) -> bool:
    """'Two children were killed in Raqqa.' then 'Witnesses said the deaths came in an
    airstrike by coalition jets': an incident told only by its casualties (no one named acting)
    is the act the very next sentence tells, whoever it names as acting."""
    return all(_toll_only(o, effect_verbs) for o in group) \
        and m.sent_index == max(o.sent_index for o in group) + 1 and not m.separate


def _joins(group: list[EventMention], m: EventMention, effect_verbs: frozenset[str]) -> bool:
    first = group[0]
    if first.coding.type != m.coding.type or m.separate and all(
            o.sent_start != m.sent_start for o in group):
        return False
    if (first.status.status in FUTURE) != (m.status.status in FUTURE):
        return False
    if (first.status.status == "background") != (m.status.status == "background") and all(
            o.sent_start != m.sent_start for o in group) and (
            m.firm_date or not (m.definite or _toll_only(m, effect_verbs))):
        # "The coalition intervened in 2015" is history, not the strike being reported; an
        # undated "the encirclement" or "was killed on the road out" goes on about the
        # history just told.
        return False
    # A sentence that refers back to the incident ("The strikes came two days after rockets
    # hit a base") may tell another act beside the reference, unless what it adds is a toll
    # ("The attack killed 360 and hundreds more were taken prisoner").
    same_sentence = any(o.sent_start == m.sent_start and (
        m.toll is not None or not _reference(group, o) or _told_together(o, m)) for o in group)
    toll_only = _toll_only(m, effect_verbs)
    if _date_conflict(group, m):
        return False
    for other in group:
        if _conflict(other.actor, m.actor):
            return False
        if not (m.definite or same_sentence or toll_only) and _recipient_conflict(
                other.recipient, m.recipient):
            return False
        if not same_sentence and not _same_place(other, m):
            return False
    same_actor = m.actor is not None and any(o.actor is not None and (
        o.actor.id == m.actor.id or _resolved(o.actor) and _resolved(m.actor)
        and not _class_mention(m) and _compatible(o.actor, m.actor)) for o in group)
    same_word = any(o.lemma == m.lemma for o in group)
    return (m.definite or same_sentence or same_actor or same_word or toll_only
            or _continues(group, m) or _names_the_act(group, m, effect_verbs)
            or any(_same_target(o.recipient, m.recipient) for o in group))


def _refers_to(group: list[EventMention], m: EventMention, anaphors: frozenset[str]) -> bool:
    """'the strikes', 'that attack': a definite event noun that names an incident already told
    refers back to it, wherever the sentence around it is set (its place, date and status are
    the other event's: "the strikes came two days after rockets hit the K1 base"). It takes the
    latest incident told with the same word, or, for a general word ("the attack", "the
    violence") or a demonstrative ("that attack": the one just told), the latest incident of
    the same type."""
    if not m.definite or m.separate or group[0].coding.type != m.coding.type:
        return False
    if any(_conflict(o.actor, m.actor) for o in group):
        return False
    return any(o.lemma == m.lemma for o in group) or m.lemma in anaphors


def _reaction_object(group: list[EventMention], m: EventMention) -> bool:
    """'Residents blamed Arab militiamen ... for the killings': what a reaction is about is an
    incident already told when one of its type was, told with the same word or referred to by a
    definite noun; the parties the reaction names are its claim, so they never keep it apart."""
    same_kind = (group[0].status.status in FUTURE) == (m.status.status in FUTURE)
    return (group[0].coding.type == m.coding.type and same_kind
            and (m.definite or any(o.lemma == m.lemma for o in group)))


def _told_within(group: list[EventMention], m: EventMention) -> bool:
    """'arrested 12 activists in overnight raids' ... 'The raids took place late on Thursday':
    a definite event noun whose word an earlier event's sentence used without making it an
    event of its own (it told how that act was done) refers to that act."""
    return (m.definite and m.pattern.pos == "noun" and group[0].coding.type != m.coding.type
            and any(o.sent_start != m.sent_start and m.lemma in o.words for o in group))


def _untied(group: list[EventMention]) -> bool:
    """A lone bare noun naming a kind of act (see ``EventMention.kind_only``) with nothing that
    makes it one incident: no party, no date or place of its own, no toll."""
    m = group[0]
    return (len(group) == 1 and m.kind_only and m.actor is None and m.recipient is None
            and m.target_event is None and not m.firm_date and not m.firm_place and m.toll is None)


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
        if target is None and m.reacted_to:
            target = next((g for g in earlier if _reaction_object(g, m)), None)
        if target is None and not any(any(o.lemma == m.lemma for o in g) for g in groups):
            target = next((g for g in earlier if _told_within(g, m)), None)
        if target is not None:
            target.append(m)
        else:
            groups.append([m])
    return groups


def _pick_party(group: list[EventMention], role: str,
                actor: Party | None = None) -> tuple[Party | None, str | None]:
    """The incident's party in ``role``: the most specific its mentions name, the first on ties.
    A recipient that is the incident's ``actor`` itself comes last: one mention's pronoun
    resolved to the actor ("They were arrested", after the police spokesman) must not displace
    the target another mention names ("arrested at least 12 activists")."""
    ranked: list[tuple[int, int, Party, str]] = []
    for i, m in enumerate(group):
        party = getattr(m, role)
        if party is None or role == "recipient" and i > 0 and not _resolved(party):
            # A target no dictionary knows is the incident's only in the sentence that tells
            # it; later mentions ("marched to the Sule Pagoda") lend named ones.
            continue
        # A named party with a sector ("Russian jets", "Kenyan peacekeepers") beats a bare
        # state ("Kenya"), which beats a bare agent ("warplanes"), which beats an unknown name.
        if not _resolved(party):
            rank = 3
        elif _generic(party):
            rank = 2
        else:
            rank = 0 if party.sector is not None else 1
        # What a reaction is about ("blamed X for the killings") names the parties its
        # speaker claims: the incident's own mentions name them first.
        rank += 4 if m.reacted_to else 0
        rank += 8 if actor is not None and party.id == actor.id else 0
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
    # A mention of another type (see _told_within) lends evidence and facts, never the type;
    # the act ("an airstrike") codes the event rather than its casualties ("three civilians
    # were killed"); damage to things ("shops were destroyed") is an act of its own.
    effect_verbs = get_lexicon().effect_verbs
    lead = max((m for m in group if m.coding.type == first.coding.type),
               key=lambda m: (m.toll is None or not _toll_only(m, effect_verbs),
                              len(m.coding.cameo), -m.start))
    prov: dict[str, str] = {"type": dict(lead.provenance)["type"]}
    actor, how = _pick_party(group, "actor")
    if how:
        prov["actor"] = how
    recipient, how = _pick_party(group, "recipient", actor)
    if target is not None and not _resolved(recipient):
        # The resolved actor of the event reacted to beats a phrase no dictionary knows
        # ("marched to the Sule Pagoda" in protests against the coup).
        recipient, how = target
    if how:
        prov["recipient"] = how
    dated = next((m for m in group if m.firm_date), None) or next(
        (m for m in group if _stated(m)), first)
    prov["date"] = dated.date.rule
    toll, how = _toll(group)
    if how:
        prov["fatalities"] = how
    prov["status"] = first.status.rule
    # Who asserts the incident beats who denies it ("the Observatory said" over "the ministry
    # denied"): a denier is the source only when nobody else is named.
    said = next((m for m in group if m.source is not None and not m.attribution.denial), None) \
        or next((m for m in group if m.source is not None), first)
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
    groups = [g for g in group_mentions(mentions(parsed.doc, parsed.article)) if not _untied(g)]
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
