"""Trigger patterns: the curated ``triggers.yaml`` plus the PETRARCH2 CAMEO verb dictionary.

Both files are compiled once into one index keyed by ``(pos, lemma)``, so finding the candidate
patterns of a token is a single hashed lookup. A pattern is a set of *slots* (lists of
alternative words) that must be found in the trigger's subject, object/complement, modifiers or
prepositional phrases; the more slots a pattern needs, the more specific it is, and the most
specific matching pattern codes the event. Curated patterns win ties because they were written
for modern conflict news, PETRARCH's for 1990s wire copy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from tacitus.errors import ResourceError
from tacitus.extract.coding import known
from tacitus.resources import LINE_KEY, load_json, load_yaml, path, require

TRIGGERS_FILE = "extract/triggers.yaml"
PETRARCH_FILE = "extract/petrarch_verbs.json"
DISCARD = "---"

Slot = frozenset[str]


@dataclass(frozen=True, slots=True)
class Context:
    """The words around a trigger that patterns test (lemmas and surface forms, lower case)."""

    subj: frozenset[str]
    obj: frozenset[str]
    mods: frozenset[str]
    preps: dict[str, frozenset[str]]


@dataclass(frozen=True, slots=True)
class Pattern:
    """One trigger pattern; ``source`` and ``line`` name the dictionary entry for provenance."""

    lemma: str
    pos: str
    code: str
    source: str
    line: int
    subj: tuple[Slot, ...] = ()
    obj: tuple[Slot, ...] = ()
    mods: tuple[Slot, ...] = ()
    preps: tuple[tuple[str, tuple[Slot, ...]], ...] = ()
    curated: bool = True
    label: str = ""
    specificity: int = field(init=False)

    def __post_init__(self) -> None:
        # Number of constraints (0 for a bare lemma entry): the more, the more specific.
        object.__setattr__(self, "specificity", len(self.subj) + len(self.obj) + len(self.mods)
                           + sum(1 + len(slots) for _, slots in self.preps))

    def matches(self, ctx: Context) -> bool:
        if not all(slot & ctx.subj for slot in self.subj):
            return False
        if not all(slot & ctx.obj for slot in self.obj):
            return False
        if not all(slot & ctx.mods for slot in self.mods):
            return False
        for prep, slots in self.preps:
            words = ctx.preps.get(prep)
            if words is None or not all(slot & words for slot in slots):
                return False
        return True

    def describe(self) -> str:
        """Readable form for provenance: ``'launch + strike' -> 195 (triggers.yaml:123)``."""
        return f"{self.pos} pattern '{self.label}' -> {self.code} ({self.source}:{self.line})"


@dataclass(frozen=True, slots=True)
class Lexicon:
    patterns: dict[tuple[str, str], tuple[Pattern, ...]]
    light_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    effect_verbs: frozenset[str]
    generic_verbs: frozenset[str]
    warning_verbs: frozenset[str]
    anaphoric_nouns: frozenset[str]
    conflict_nouns: frozenset[str]
    frame_nouns: frozenset[str]
    intent_governors: frozenset[str]
    obligation_modals: frozenset[str]
    obligation_code: str
    negated_cooperation_code: str
    future_intent: dict[str, str]

    def candidates(self, pos: str, lemma: str) -> tuple[Pattern, ...]:
        return self.patterns.get((pos, lemma), ())

    def best(self, pos: str, lemma: str, ctx: Context) -> Pattern | None:
        """The most specific pattern of ``lemma`` that ``ctx`` satisfies; any curated match
        beats every PETRARCH one (the curated table was written for today's news)."""
        best: Pattern | None = None
        for pattern in self.candidates(pos, lemma):
            if best is not None and (pattern.curated, pattern.specificity) <= (
                best.curated, best.specificity
            ):
                continue
            if pattern.matches(ctx):
                best = pattern
        return best


def _slots(raw: Any, where: tuple[str, int | None]) -> tuple[Slot, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(s, list) and s for s in raw):
        raise ResourceError("slots must be a list of non-empty word lists", *where)
    return tuple(frozenset(str(w).lower() for w in slot) for slot in raw)


def _label(lemma: str, subj: Any, obj: Any, mods: Any, preps: Any) -> str:
    """'US + strike'-style summary of a pattern from the first word of each slot."""
    first = [str(s[0]).lower() for s in (subj or [])]
    after = [str(s[0]).lower() for s in list(obj or []) + list(mods or [])]
    after += [" ".join([str(p).lower()] + [str(s[0]).lower() for s in slots]) for p, slots in preps]
    return " + ".join(first + [lemma] + after)


def _curated(entry: dict[str, Any], index: int) -> list[Pattern]:
    require(entry, ("lemma", "pos", "code"), TRIGGERS_FILE)
    line = entry.get(LINE_KEY)
    where = (str(path(TRIGGERS_FILE)), line)
    code = str(entry["code"])
    if entry["pos"] not in ("verb", "noun"):
        raise ResourceError(f"pos must be verb or noun, not {entry['pos']!r}", *where)
    if code != DISCARD and not known(code):
        raise ResourceError(f"unknown CAMEO code {code!r}", *where)
    preps = []
    for item in entry.get("prep") or []:
        if not isinstance(item, list) or len(item) != 2:
            raise ResourceError("prep entries are [preposition, [slots]]", *where)
        preps.append((str(item[0]).lower(), _slots(item[1], where)))
    lemmas = entry["lemma"] if isinstance(entry["lemma"], list) else [entry["lemma"]]
    return [
        Pattern(str(lemma).lower(), entry["pos"], code, "triggers.yaml", line or index,
                subj=_slots(entry.get("subj"), where), obj=_slots(entry.get("obj"), where),
                mods=_slots(entry.get("mods"), where), preps=tuple(preps),
                label=_label(str(lemma).lower(), entry.get("subj"), entry.get("obj"),
                             entry.get("mods"), entry.get("prep") or []))
        for lemma in lemmas
    ]


def _frozen(slots: list[list[str]]) -> tuple[Slot, ...]:
    return tuple(frozenset(s) for s in slots)


def _petrarch() -> list[Pattern]:
    data = load_json(PETRARCH_FILE)
    out: list[Pattern] = []
    for block in data["blocks"]:
        shared = []
        for raw in block["patterns"]:
            code = raw["code"]
            if code != DISCARD and not known(code):
                continue
            shared.append((code, raw["line"], _frozen(raw["pre"]), _frozen(raw["post"]),
                           tuple((p, _frozen(s)) for p, s in raw["preps"]), raw))
        for verb in block["verbs"]:
            lemma = verb["lemma"]
            own = verb["code"] or block["code"]
            extra = tuple(frozenset([w]) for w in verb["with"])
            if own and (own == DISCARD or known(own)):
                out.append(Pattern(lemma, "verb", own, "CAMEO.2.0.txt", verb["line"], obj=extra,
                                   curated=False, label=" + ".join([lemma, *verb["with"]])))
            for code, line, pre, post, preps, raw in shared:
                label = _label(lemma, raw["pre"], raw["post"] + [[w] for w in verb["with"]], None,
                               [(p, s) for p, s in raw["preps"]])
                out.append(Pattern(lemma, "verb", code, "CAMEO.2.0.txt", line, subj=pre,
                                   obj=post + extra, preps=preps, curated=False, label=label))
    return out


def _words(data: dict[str, Any], key: str) -> frozenset[str]:
    value = data.get(key) or []
    if not isinstance(value, list):
        raise ResourceError(f"{key} must be a list", str(path(TRIGGERS_FILE)), data.get(LINE_KEY))
    return frozenset(str(v).lower() for v in value)


def _code(data: dict[str, Any], key: str) -> str:
    code = str(data.get(key) or "")
    if not known(code):
        raise ResourceError(f"{key} must be a known CAMEO code, not {code!r}",
                            str(path(TRIGGERS_FILE)))
    return code


def _intents(data: dict[str, Any]) -> dict[str, str]:
    raw = data.get("future_intent") or {}
    where = (str(path(TRIGGERS_FILE)), raw.get(LINE_KEY) if isinstance(raw, dict) else None)
    if not isinstance(raw, dict):
        raise ResourceError("future_intent must map CAMEO prefixes to codes", *where)
    table = {str(k): str(v) for k, v in raw.items() if k != LINE_KEY}
    bad = [v for v in table.values() if not known(v)]
    if bad:
        raise ResourceError(f"unknown CAMEO codes in future_intent: {bad}", *where)
    return table


def intent_code(code: str, table: dict[str, str]) -> str | None:
    """The "intent to ..." / "threaten ..." code of an act stated as future (longest prefix)."""
    for end in range(len(code), 1, -1):
        if code[:end] in table:
            return table[code[:end]]
    return None


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    """Load and index both trigger dictionaries (once per process)."""
    data = load_yaml(TRIGGERS_FILE)
    if not isinstance(data, dict) or not isinstance(data.get("patterns"), list):
        raise ResourceError("expected a mapping with a 'patterns' list", str(path(TRIGGERS_FILE)))
    index: dict[tuple[str, str], list[Pattern]] = {}
    curated = [p for i, e in enumerate(data["patterns"]) for p in _curated(e, i)]
    for pattern in curated + _petrarch():
        index.setdefault((pattern.pos, pattern.lemma), []).append(pattern)
    return Lexicon(
        patterns={k: tuple(v) for k, v in index.items()},
        light_verbs=_words(data, "light_verbs"),
        reporting_verbs=_words(data, "reporting_verbs"),
        effect_verbs=_words(data, "effect_verbs"),
        generic_verbs=_words(data, "generic_verbs"),
        warning_verbs=_words(data, "warning_verbs"),
        anaphoric_nouns=_words(data, "anaphoric_nouns"),
        conflict_nouns=_words(data, "conflict_nouns"),
        frame_nouns=_words(data, "frame_nouns"),
        intent_governors=_words(data, "intent_governors"),
        obligation_modals=_words(data, "obligation_modals"),
        obligation_code=_code(data, "obligation_code"),
        negated_cooperation_code=_code(data, "negated_cooperation_code"),
        future_intent=_intents(data),
    )
