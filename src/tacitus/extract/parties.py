"""Turning role noun phrases into canonical parties, article by article.

Names go to the actor resolver (``tacitus.actors``); pronouns and definite descriptions ("he",
"the group", "the militia") go to reference resolution over the parties already seen in the
article, which is why one :class:`ArticleParties` lives for the length of one article. A real
noun phrase that names no known party is still kept (as written, kind "other") so that a reader
sees who the text says acted.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from spacy.tokens import Span, Token

from tacitus.actors import coref, get_resolver
from tacitus.model import Party

ID_SKIP_DEPS = frozenset({"det", "nummod", "quantmod", "advmod", "punct", "case", "predet"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
NAME_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC", "LOC"})
PLACE_ENTS = frozenset({"GPE", "FAC", "LOC"})
OCCASION_ENTS = frozenset({"DATE", "TIME", "EVENT"})
# "its warplanes", "their police", "its fighters": a force belongs to a party that has one.
FORCE_SECTORS = frozenset({"MIL", "COP", "REB", "UAF"})
FORCE_OWNER_KINDS = frozenset({"state", "non-state armed", "international"})


def _in_place_phrase(token: Token, root: Token, locative: frozenset[str]) -> bool:
    """Whether ``token`` sits in a locative phrase under ``root`` ("in Jericho" in "targets in
    Jericho"), which says where a thing is, not who it is."""
    while token.i != root.i and token.head.i != token.i:
        if token.dep_ == "prep" and token.lower_ in locative:
            return True
        token = token.head
    return False


def unresolved_party(span: Span) -> Party | None:
    """A Party that keeps the text of a named noun phrase no dictionary knows ("Kashkash
    villagers", "the Dhalasamanta brothers"), or None: common nouns the dictionaries do not
    know are things ("stones", "their alert level", "billions of dollars"), not parties, nor
    are occasions ("Democracy Day", "the Olympic Games"), nor places ("Mariupol", "the Strait
    of Hormuz", "targets in Jericho"): the geo stage reads those, and localise gives an act
    with no named target its place's country."""
    root = span.root
    if root.pos_ not in NOUN_POS or root.like_num or root.ent_type_ in PLACE_ENTS | OCCASION_ENTS:
        return None
    if root.lower_ in get_resolver().occasions:
        return None  # "Democracy Day", "Christmas Eve": an occasion (resolve_rules.yaml)
    locative = get_resolver().locative
    if not any((t.pos_ == "PROPN" or t.ent_type_ in NAME_ENTS) and not _in_place_phrase(t, root, locative)
               for t in span):
        return None
    words = [t.text for t in span if t.dep_ not in ID_SKIP_DEPS and not t.like_num]
    key = re.sub(r"[^0-9A-Za-z]+", "_", " ".join(words)).strip("_").upper()
    if not key:
        return None
    text = span.text
    return Party(text=text, name=text, id=key, country=None, sector=None, kind="other")


class ArticleParties:
    """Resolves role phrases in text order, remembering parties for later references."""

    def __init__(self, published: date | None) -> None:
        self.published = published
        self.resolver = get_resolver()
        self.seen: list[Party] = []
        self.memo: dict[tuple[int, int, str], tuple[Party | None, str]] = {}

    def resolve(self, span: Span, rule: str) -> tuple[Party | None, str]:
        """The party a phrase names and the provenance string that says how."""
        key = (span.start, span.end, rule)
        if key in self.memo:
            party, how = self.memo[key]
            if party is not None:
                self.seen.append(party)
            return party, how
        party, how = self._resolve(span, rule)
        self.memo[key] = (party, how)
        if party is not None:
            self.seen.append(party)
        return party, how

    def _resolve(self, span: Span, rule: str) -> tuple[Party | None, str]:
        party = coref.resolve_reference(span, self.seen) if coref.is_reference(span) else None
        if party is not None:
            how = f"{rule} '{span.text}' -> earlier party {party.id}"
        else:
            party = self.resolver.resolve_span(span, when=self.published)
            how = f"{rule} '{span.text}' -> actor dictionary {party.id}" if party else ""
            owned = self._owned(span, party)
            if owned is not None:
                party, owner = owned
                how = f"{how}; its owner -> earlier party {owner.id}"
            if party is None and span.root.pos_ == "PRON":
                return None, f"{rule} '{span.text}': reference with no compatible earlier party"
            if party is None:
                party = unresolved_party(span)
                if party is None:
                    return None, f"{rule} '{span.text}': not a party"
                how = f"{rule} '{span.text}' -> not in dictionaries, kept as written"
        return party, how

    def _owned(self, span: Span, party: Party | None) -> tuple[Party, Party] | None:
        """'Russia denied it. The opposition said its warplanes bombed the hospital': an agent
        with no country of its own owned by a pronoun is the pronoun's party's (Russia's
        military), not the country the event happened in; a force belongs to a party that
        has one, and a non-state or multinational owner is itself the party."""
        if party is None or party.country is not None or party.sector is None or party.id != party.sector:
            return None
        owner_token = next((c for c in span.root.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        if owner_token is None:
            return None
        kinds = FORCE_OWNER_KINDS if party.sector in FORCE_SECTORS else None
        owner = coref.resolve_reference(span.doc[owner_token.i : owner_token.i + 1], self.seen, kinds)
        if owner is None:
            return None
        if owner.country is None or owner.kind != "state":
            return (replace(owner, text=party.text), owner) if party.sector in FORCE_SECTORS else None
        return self.resolver.localise(party, owner.country), owner
