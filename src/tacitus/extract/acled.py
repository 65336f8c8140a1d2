"""ACLED event type and sub-event type from ordered rules (``acled_rules.yaml``).

ACLED's categories cut across CAMEO's: the same "attack" is an air/drone strike, shelling, an
IED or an attack on civilians depending on the weapon and the victims, which the text states in
words near the trigger. So each rule combines the PLOVER type / CAMEO prefix with cue words
found in the event's sentences and with the kinds of the parties; the first rule that holds
decides, and its name goes into provenance.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from tacitus.errors import ResourceError
from tacitus.model import PLOVER_TYPES, Acled, Party
from tacitus.resources import LINE_KEY, load_yaml, path

RULES_FILE = "extract/acled_rules.yaml"
EVENT_TYPES = frozenset({
    "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
    "Strategic developments",
})
CONDITION_KEYS = frozenset({
    "types", "cameo", "unless_cameo", "cues", "trigger", "unless", "require_any", "evidence",
    "actor_kinds", "recipient_kinds", "recipient_sectors", "name", "acled", LINE_KEY,
})

Cue = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    line: int
    acled: Acled | None
    types: frozenset[str] | None
    cameo: tuple[str, ...] | None
    unless_cameo: tuple[str, ...]
    cues: tuple[Cue, ...] | None
    trigger: frozenset[str] | None
    unless: tuple[Cue, ...]
    require_any: tuple[Cue, ...] | None
    evidence: tuple[Cue, ...] | None
    actor_kinds: frozenset[str] | None
    recipient_kinds: frozenset[str] | None
    recipient_sectors: frozenset[str] | None


@dataclass(frozen=True, slots=True)
class Facts:
    """What the rules look at for one event."""

    type: str
    cameo: str
    words: frozenset[str]
    trigger_words: frozenset[str]
    actor: Party | None
    recipient: Party | None


def _cues(raw: Any) -> tuple[Cue, ...]:
    """Each cue as the words that must all occur; a hyphen separates words too, because the
    tokenizer splits "rocket-propelled" and "sit-in" into their parts."""
    return tuple(tuple(str(c).lower().replace("-", " ").split()) for c in raw)


def _set(raw: Any) -> frozenset[str] | None:
    return frozenset(str(v) for v in raw) if raw is not None else None


def _rule(entry: Any, index: int) -> Rule:
    where = str(path(RULES_FILE))
    if not isinstance(entry, dict):
        raise ResourceError("each rule must be a mapping", where)
    line = entry.get(LINE_KEY, index)
    unknown = set(entry) - CONDITION_KEYS
    if unknown or "name" not in entry or "acled" not in entry:
        raise ResourceError(f"rule needs name and acled; unknown keys {sorted(unknown)}", where, line)
    acled = None
    if entry["acled"] is not None:
        pair = entry["acled"]
        if not isinstance(pair, list) or len(pair) != 2 or pair[0] not in EVENT_TYPES:
            raise ResourceError("acled must be [event type, sub-event type] or null", where, line)
        acled = Acled(event_type=pair[0], sub_event_type=pair[1])
    types = _set(entry.get("types"))
    if types is not None and not types <= set(PLOVER_TYPES):
        raise ResourceError(f"unknown PLOVER types {sorted(types - set(PLOVER_TYPES))}", where, line)
    return Rule(
        name=str(entry["name"]), line=line, acled=acled, types=types,
        cameo=tuple(str(c) for c in entry["cameo"]) if "cameo" in entry else None,
        unless_cameo=tuple(str(c) for c in entry.get("unless_cameo") or []),
        cues=_cues(entry["cues"]) if "cues" in entry else None,
        trigger=_set([str(t).lower() for t in entry["trigger"]]) if "trigger" in entry else None,
        unless=_cues(entry.get("unless") or []),
        require_any=_cues(entry["require_any"]) if "require_any" in entry else None,
        evidence=_cues(entry["evidence"]) if "evidence" in entry else None,
        actor_kinds=_set(entry.get("actor_kinds")),
        recipient_kinds=_set(entry.get("recipient_kinds")),
        recipient_sectors=_set(entry.get("recipient_sectors")),
    )


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """The ordered ACLED rules, validated once."""
    data = load_yaml(RULES_FILE)
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise ResourceError("expected a mapping with a 'rules' list", str(path(RULES_FILE)))
    return tuple(_rule(entry, i) for i, entry in enumerate(data["rules"]))


def _any(cues: Iterable[Cue], words: frozenset[str]) -> bool:
    return any(all(w in words for w in cue) for cue in cues)


def _kind(party: Party | None) -> str:
    return party.kind if party is not None else "none"


def _holds(rule: Rule, facts: Facts) -> bool:
    if rule.types is not None and facts.type not in rule.types:
        return False
    if rule.cameo is not None and not any(facts.cameo.startswith(c) for c in rule.cameo):
        return False
    if any(facts.cameo.startswith(c) for c in rule.unless_cameo):
        return False
    if rule.trigger is not None and not rule.trigger & facts.trigger_words:
        return False
    if rule.cues is not None and not _any(rule.cues, facts.words):
        return False
    if rule.require_any is not None and not _any(rule.require_any, facts.words):
        return False
    # evidence must come from beyond the trigger: in "the striker shot the ball" only the
    # trigger speaks of violence
    if rule.evidence is not None and not _any(rule.evidence, facts.words - facts.trigger_words):
        return False
    if rule.unless and _any(rule.unless, facts.words):
        return False
    if rule.actor_kinds is not None and _kind(facts.actor) not in rule.actor_kinds:
        return False
    if rule.recipient_kinds is not None and _kind(facts.recipient) not in rule.recipient_kinds:
        return False
    return rule.recipient_sectors is None or (
        facts.recipient is not None and facts.recipient.sector in rule.recipient_sectors
    )


def by_rules(facts: Facts) -> tuple[Rule | None, str]:
    """The first rule that holds (None when none does) and its provenance string."""
    for rule in rules():
        if _holds(rule, facts):
            return rule, f"acled_rules.yaml:{rule.line} '{rule.name}'"
    return None, "no ACLED rule applies (ACLED does not code this kind of event)"


def classify(facts: Facts) -> tuple[Acled | None, str]:
    """ACLED category of an event (None where ACLED has none) and the deciding rule."""
    rule, how = by_rules(facts)
    return (rule.acled if rule else None), how
