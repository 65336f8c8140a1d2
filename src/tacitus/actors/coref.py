"""Reference resolution: "it", "the group", "the ministry" -> an earlier party.

News sentences often name a party once and then refer back to it ("Kataib Hezbollah ... The
group said"). A reference is resolved to the nearest earlier party it is compatible with: the
compatibility rules (which kinds, sectors, persons each pronoun or head noun may denote) are data
in ``resources/actors/references.yaml``.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from spacy.tokens import Span, Token

from tacitus.actors.resolve import ActorResolver, get_resolver
from tacitus.errors import ResourceError
from tacitus.model import PARTY_KINDS, Party
from tacitus.resources import LINE_KEY, load_yaml, path

REFERENCES_FILE = "actors/references.yaml"
DEFINITE = frozenset({"the", "this", "that", "these", "those"})


@dataclass(frozen=True, slots=True)
class Constraint:
    """What a reference may point back to."""

    person: bool = False
    organisation: bool = False
    kinds: frozenset[str] = frozenset()
    sectors: frozenset[str] = frozenset()
    country_level: bool = False

    def accepts(self, party: Party, resolver: ActorResolver, people: Collection[str] = ()) -> bool:
        is_person = resolver.is_person(party) or party.id in people
        if self.person:
            return is_person and (not self.sectors or party.sector in self.sectors)
        if self.organisation:
            return not is_person
        if self.country_level:
            return party.country is not None and party.kind == "state"
        if is_person:
            return False
        if self.kinds and party.kind not in self.kinds:
            return False
        return not self.sectors or party.sector in self.sectors


@dataclass(frozen=True, slots=True)
class ReferenceRules:
    pronouns: dict[str, Constraint]
    descriptions: dict[str, Constraint]


def _constraint(entry: dict[str, Any]) -> Constraint:
    spec = entry.get("requires")
    where = str(path(REFERENCES_FILE))
    if not isinstance(spec, dict):
        raise ResourceError("entry lacks a 'requires' mapping", where, entry.get(LINE_KEY))
    kinds = frozenset(spec.get("kinds") or ())
    if not kinds <= set(PARTY_KINDS):
        raise ResourceError(f"unknown kinds {sorted(kinds - set(PARTY_KINDS))}", where, entry.get(LINE_KEY))
    return Constraint(
        person=bool(spec.get("person")),
        organisation=bool(spec.get("organisation")),
        kinds=kinds,
        sectors=frozenset(spec.get("sectors") or ()),
        country_level=bool(spec.get("country_level")),
    )


@lru_cache(maxsize=1)
def get_rules() -> ReferenceRules:
    """The pronoun and description rules, loaded and validated once."""
    data = load_yaml(REFERENCES_FILE)
    tables: dict[str, dict[str, Constraint]] = {}
    for section in ("pronouns", "descriptions"):
        table: dict[str, Constraint] = {}
        for entry in data.get(section) or ():
            words = entry.get("words")
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                raise ResourceError("entry lacks a 'words' list of strings", str(path(REFERENCES_FILE)),
                                    entry.get(LINE_KEY))
            constraint = _constraint(entry)
            for word in words:
                table.setdefault(word.lower(), constraint)
        tables[section] = table
    return ReferenceRules(tables["pronouns"], tables["descriptions"])


def _constraint_of(span: Span) -> Constraint | None:
    rules = get_rules()
    words = [t for t in span if not t.is_punct]
    if not words:
        return None
    if len(words) == 1 and words[0].lower_ in rules.pronouns and words[0].pos_ == "PRON":
        return rules.pronouns[words[0].lower_]
    if any(t.pos_ == "PROPN" or t.ent_type_ for t in words) and get_resolver().resolve_span(span) is not None:
        return None  # "the Iraqi ministry" names its party; "the Iran-backed group" does not
    head = span.root
    determiners = [t for t in head.children if t.dep_ in ("det", "poss") and t.i < head.i]
    if not determiners or determiners[0].lower_ not in DEFINITE:
        return None
    if any(t.dep_ == "prep" and t.lower_ == "of" and any(g.dep_ == "pobj" for g in t.children)
           for t in head.children):
        # "the state of emergency": not the state ("accused the group of staging videos", where
        # the parser hangs the charge on the noun, is still the group)
        return None
    constraint = rules.descriptions.get(head.lower_) or rules.descriptions.get(head.lemma_.lower())
    if constraint is not None and constraint.person:
        return _with_modifier_sector(constraint, head)
    return constraint


def _with_modifier_sector(constraint: Constraint, head: Token) -> Constraint:
    """"The opposition leader", "the army chief": a modifier that names a sector narrows the
    person referred to, so the leader of the opposition is not the minister named before."""
    modifiers = " ".join(t.text for t in head.children if t.dep_ in ("compound", "amod") and t.i < head.i)
    party = get_resolver().resolve_text(modifiers) if modifiers else None
    if party is None or party.sector is None:
        return constraint
    return replace(constraint, sectors=frozenset({party.sector}))


def is_reference(span: Span) -> bool:
    """Whether a phrase points back to an earlier party: a pronoun ("they", "its") or a
    definite description without a name in it ("the group", "the ministry")."""
    return _constraint_of(span) is not None


def _generic(party: Party) -> bool:
    """An agent with no country or name of its own ("coalition warplanes", "gunmen")."""
    return party.country is None and party.id == party.sector


def resolve_reference(span: Span, earlier: Sequence[Party], kinds: frozenset[str] | None = None,
                      people: Collection[str] = ()) -> Party | None:
    """The nearest party in ``earlier`` (in text order) that the reference can denote, and, with
    ``kinds``, that is of one of those kinds (the owner of "its warplanes" has an armed force).
    ``people`` are ids of parties known to be individuals although no dictionary lists them
    ("Attaullah Khogyani"): "the group" never points back to one of them.

    "the country" resolves to the state itself (a country-level party) even when the earlier
    mention was one of its organs ("Iraqi officials ... the country"). A definite description
    prefers, in order, the nearest party written with its head noun that has a name or country of
    its own ("the Saudi-led coalition ... coalition warplanes ... the UN envoy ... the coalition
    said" is the Saudi-led one), the nearest written with its head noun, and the nearest with a
    name or country of its own, to the nearest compatible party: pointing back to a generic agent
    says no more than the description itself.
    """
    constraint = _constraint_of(span)
    if constraint is None:
        return None
    resolver = get_resolver()
    compatible = [p for p in reversed(earlier)
                  if constraint.accepts(p, resolver, people) and (kinds is None or p.kind in kinds)]
    if not compatible:
        return None
    party = compatible[0]
    if not _is_pronoun(span):
        head = span.root.lemma_.lower()
        naming = [p for p in compatible if head in _word_forms(p.text)]
        ranked = ([p for p in naming if not _generic(p)] + naming
                  + [p for p in compatible if not _generic(p)])
        party = ranked[0] if ranked else party
    if constraint.country_level and party.sector is not None and party.country:
        name = resolver.country_name(party.country) or party.country
        return Party(text=party.text, name=name, id=party.country, country=party.country,
                     sector=None, kind="state")
    return party


def _word_forms(text: str) -> set[str]:
    """The lower-case words of a phrase and their singulars ("militias" -> "militia")."""
    words = {w.lower().strip(".,;:'\"") for w in text.split()}
    return words | {w[:-1] for w in words if w.endswith("s")}


def _is_pronoun(span: Span) -> bool:
    words = [t for t in span if not t.is_punct]
    return len(words) == 1 and words[0].pos_ == "PRON"
