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

from spacy.tokens import Token

from tacitus.errors import ResourceError
from tacitus.extract.coding import known
from tacitus.resources import LINE_KEY, load_json, load_yaml, path, require, word_set

TRIGGERS_FILE = "extract/triggers.yaml"
PETRARCH_FILE = "extract/petrarch_verbs.json"
DISCARD = "---"

Slot = frozenset[str]
INFLECTED_VERB_TAGS = frozenset({"VBD", "VBN", "VBG", "VBZ"})


def _deinflections(word: str) -> list[str]:
    """Regular base forms a verb form may come from, most likely first."""
    out: list[str] = []
    if word.endswith("ied"):
        out.append(word[:-3] + "y")
    if word.endswith("ed"):
        out += [word[:-1], word[:-2]] + ([word[:-3]] if len(word) > 4 and word[-3] == word[-4] else [])
    elif word.endswith("ing"):
        out += [word[:-3], word[:-3] + "e"] + ([word[:-4]] if len(word) > 5 and word[-4] == word[-5] else [])
    elif word.endswith("es"):
        out += [word[:-2], word[:-1]]
    elif word.endswith("s"):
        out.append(word[:-1])
    return out


@dataclass(frozen=True, slots=True)
class Context:
    """The words around a trigger that patterns test (lemmas and surface forms, lower case)."""

    subj: frozenset[str]
    obj: frozenset[str]
    mods: frozenset[str]
    preps: dict[str, frozenset[str]]
    clause: bool = False
    """True when the trigger governs a clause of its own ("ordered the judge to appear")."""


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
    undergoer_subject: bool = False
    """True for patterns whose subject suffers the act ("X came under fire from Y")."""
    clause: bool = False
    """True for patterns that need a clause complement ("order X to ...", not "order arms")."""
    specificity: int = field(init=False)

    def __post_init__(self) -> None:
        # Number of constraints (0 for a bare lemma entry): the more, the more specific.
        object.__setattr__(self, "specificity", len(self.subj) + len(self.obj) + len(self.mods)
                           + sum(1 + len(slots) for _, slots in self.preps) + self.clause)

    def matches(self, ctx: Context) -> bool:
        if self.clause and not ctx.clause:
            return False
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


Key = tuple[str, ...]
"""A context feature a pattern cannot match without: ``("subj", word)``, ``("obj", word)``,
``("mods", word)``, ``("prep", prep)``, ``("prep", prep, word)`` or ``("clause",)``."""

SCAN_LIMIT = 8
"""Up to this many patterns a lemma's candidates are simply tried in order; past it (common
verbs have hundreds of PETRARCH patterns) only those whose key the context has are tried."""


def _key(pattern: Pattern) -> Key | None:
    """One feature without which ``pattern`` cannot match (its narrowest slot), or None for a
    pattern that matches any context."""
    options: list[tuple[int, list[Key]]] = []
    for field_name, slots in (("subj", pattern.subj), ("obj", pattern.obj), ("mods", pattern.mods)):
        options += [(len(slot), [(field_name, w) for w in slot]) for slot in slots]
    for prep, slots in pattern.preps:
        options += [(len(slot), [("prep", prep, w) for w in slot]) for slot in slots]
        options.append((1 << 20, [("prep", prep)]))
    if pattern.clause:
        options.append((1 << 21, [("clause",)]))
    return min(options, key=lambda o: o[0])[1] if options else None


def _context_keys(ctx: Context) -> list[Key]:
    keys: list[Key] = [("subj", w) for w in ctx.subj]
    keys += [("obj", w) for w in ctx.obj]
    keys += [("mods", w) for w in ctx.mods]
    for prep, words in ctx.preps.items():
        keys.append(("prep", prep))
        keys += [("prep", prep, w) for w in words]
    if ctx.clause:
        keys.append(("clause",))
    return keys


@dataclass(frozen=True, slots=True)
class Candidates:
    """A lemma's patterns, best first, with an index from context features to the patterns that
    need them, so that a verb with hundreds of patterns tests only the few its context allows."""

    ordered: tuple[Pattern, ...]
    free: tuple[int, ...]
    """Positions of the patterns that need no feature (bare lemma entries)."""
    keyed: dict[Key, tuple[int, ...]]

    @classmethod
    def build(cls, patterns: list[Pattern]) -> Candidates:
        ordered = tuple(sorted(patterns, key=lambda p: (not p.curated, -p.specificity)))
        free: list[int] = []
        keyed: dict[Key, list[int]] = {}
        for position, pattern in enumerate(ordered):
            keys = _key(pattern)
            if keys is None:
                free.append(position)
            for key in keys or ():
                keyed.setdefault(key, []).append(position)
        return cls(ordered, tuple(free), {k: tuple(v) for k, v in keyed.items()})

    def best(self, ctx: Context) -> Pattern | None:
        """The first pattern in order that ``ctx`` satisfies."""
        if len(self.ordered) <= SCAN_LIMIT:
            return next((p for p in self.ordered if p.matches(ctx)), None)
        positions = set(self.free)
        for key in _context_keys(ctx):
            positions.update(self.keyed.get(key, ()))
        return next((self.ordered[i] for i in sorted(positions) if self.ordered[i].matches(ctx)), None)


@dataclass(frozen=True, slots=True)
class Lexicon:
    patterns: dict[tuple[str, str], Candidates]
    light_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    effect_verbs: frozenset[str]
    generic_verbs: frozenset[str]
    warning_verbs: frozenset[str]
    anaphoric_nouns: frozenset[str]
    conflict_nouns: frozenset[str]
    frame_nouns: frozenset[str]
    intent_governors: frozenset[str]
    commitment_verbs: frozenset[str]
    preparation_verbs: frozenset[str]
    preparation_code: str
    sending_verbs: frozenset[str]
    commemoration_verbs: frozenset[str]
    obligation_modals: frozenset[str]
    obligation_code: str
    negated_cooperation_code: str
    condition_markers: frozenset[str]
    aspectual_verbs: frozenset[str]
    conditional_threat_code: str
    future_intent: dict[str, str]
    verbs: frozenset[str] = frozenset()
    """Every verb lemma the patterns and word lists know (for :meth:`verb_lemma`)."""

    def verb_lemma(self, token: Token) -> str:
        """The token's lemma, repaired when the lemmatizer cut a regular form wrongly
        ("staged" -> "stag"): if spaCy's lemma is no verb the lexicon knows but a regular
        de-inflection of the word is, that one."""
        lemma = token.lemma_.lower()
        if lemma in self.verbs or token.tag_ not in INFLECTED_VERB_TAGS:
            return lemma
        return next((c for c in _deinflections(token.lower_) if c in self.verbs), lemma)

    def candidates(self, pos: str, lemma: str) -> tuple[Pattern, ...]:
        entry = self.patterns.get((pos, lemma))
        return entry.ordered if entry is not None else ()

    def best(self, pos: str, lemma: str, ctx: Context) -> Pattern | None:
        """The most specific pattern of ``lemma`` that ``ctx`` satisfies; any curated match
        beats every PETRARCH one (the curated table was written for today's news)."""
        entry = self.patterns.get((pos, lemma))
        return entry.best(ctx) if entry is not None else None


def _slots(raw: Any, where: tuple[str, int | None]) -> tuple[Slot, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(s, list) and s for s in raw):
        raise ResourceError("slots must be a list of non-empty word lists", *where)
    if any(isinstance(w, bool) for s in raw for w in s):
        raise ResourceError('a slot word reads as true/false: quote "on", "off", "yes", "no"', *where)
    return tuple(frozenset(str(w).lower() for w in slot) for slot in raw)


def _label(lemma: str, subj: Any, obj: Any, mods: Any, preps: Any, clause: bool = False) -> str:
    """'US + strike'-style summary of a pattern from the first word of each slot."""
    first = [str(s[0]).lower() for s in (subj or [])]
    after = [str(s[0]).lower() for s in list(obj or []) + list(mods or [])]
    after += [" ".join([str(p).lower()] + [str(s[0]).lower() for s in slots]) for p, slots in preps]
    return " + ".join(first + [lemma] + after + (["clause"] if clause else []))


def _curated(entry: dict[str, Any], index: int) -> list[Pattern]:
    require(entry, ("lemma", "pos", "code"), TRIGGERS_FILE)
    line = entry.get(LINE_KEY)
    where = (str(path(TRIGGERS_FILE)), line)
    code = str(entry["code"])
    if entry["pos"] not in ("verb", "noun"):
        raise ResourceError(f"pos must be verb or noun, not {entry['pos']!r}", *where)
    if code != DISCARD and not known(code):
        raise ResourceError(f"unknown CAMEO code {code!r}", *where)
    if not isinstance(entry.get("clause", False), bool):
        raise ResourceError("clause must be true or false", *where)
    preps = []
    for item in entry.get("prep") or []:
        if not isinstance(item, list) or len(item) != 2 or isinstance(item[0], bool):
            raise ResourceError('prep entries are [preposition, [slots]] (quote "on" and "off")', *where)
        preps.append((str(item[0]).lower(), _slots(item[1], where)))
    lemmas = entry["lemma"] if isinstance(entry["lemma"], list) else [entry["lemma"]]
    return [
        Pattern(str(lemma).lower(), entry["pos"], code, "triggers.yaml", line or index,
                subj=_slots(entry.get("subj"), where), obj=_slots(entry.get("obj"), where),
                mods=_slots(entry.get("mods"), where), preps=tuple(preps),
                undergoer_subject=bool(entry.get("undergoer_subject", False)),
                clause=bool(entry.get("clause", False)),
                label=_label(str(lemma).lower(), entry.get("subj"), entry.get("obj"),
                             entry.get("mods"), entry.get("prep") or [],
                             bool(entry.get("clause", False))))
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
    lists = {name: word_set(data, name, TRIGGERS_FILE, required=False) for name in (
        "light_verbs", "reporting_verbs", "effect_verbs", "generic_verbs", "warning_verbs")}
    return Lexicon(
        patterns={k: Candidates.build(v) for k, v in index.items()},
        light_verbs=lists["light_verbs"],
        reporting_verbs=lists["reporting_verbs"],
        effect_verbs=lists["effect_verbs"],
        generic_verbs=lists["generic_verbs"],
        warning_verbs=lists["warning_verbs"],
        anaphoric_nouns=word_set(data, "anaphoric_nouns", TRIGGERS_FILE, required=False),
        conflict_nouns=word_set(data, "conflict_nouns", TRIGGERS_FILE, required=False),
        frame_nouns=word_set(data, "frame_nouns", TRIGGERS_FILE, required=False),
        intent_governors=word_set(data, "intent_governors", TRIGGERS_FILE, required=False),
        commitment_verbs=word_set(data, "commitment_verbs", TRIGGERS_FILE, required=False),
        preparation_verbs=word_set(data, "preparation_verbs", TRIGGERS_FILE, required=False),
        preparation_code=_code(data, "preparation_code"),
        sending_verbs=word_set(data, "sending_verbs", TRIGGERS_FILE, required=False),
        commemoration_verbs=word_set(data, "commemoration_verbs", TRIGGERS_FILE, required=False),
        obligation_modals=word_set(data, "obligation_modals", TRIGGERS_FILE, required=False),
        obligation_code=_code(data, "obligation_code"),
        negated_cooperation_code=_code(data, "negated_cooperation_code"),
        condition_markers=word_set(data, "condition_markers", TRIGGERS_FILE, required=False),
        aspectual_verbs=word_set(data, "aspectual_verbs", TRIGGERS_FILE, required=False),
        conditional_threat_code=_code(data, "conditional_threat_code"),
        future_intent=_intents(data),
        verbs=frozenset(lemma for pos, lemma in index if pos == "verb").union(*lists.values()),
    )
