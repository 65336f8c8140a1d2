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

from spacy.tokens import Doc, Span, Token

from tacitus.actors import coref, get_resolver
from tacitus.model import Party
from tacitus.nlp.spans import noun_chunks_in

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


def _surname(span: Span) -> str | None:
    """The last word of the person's name a phrase ends with ("Elkana" in "Lagos police
    spokesman Bala Elkana"), lower-cased; None if it ends with no person's name."""
    words = [t for t in span if not t.is_punct]
    if not words or words[-1].ent_type_ != "PERSON" or words[-1].pos_ != "PROPN":
        return None
    return words[-1].lower_


class ArticleParties:
    """Resolves role phrases in text order, remembering parties for later references."""

    def __init__(self, published: date | None) -> None:
        self.published = published
        self.resolver = get_resolver()
        self.seen: list[tuple[int, Party]] = []  # role parties and where they were written
        self.people: set[str] = set()  # ids of unlisted names the parser tags as persons
        self.memo: dict[tuple[int, int, str], tuple[Party | None, str]] = {}
        self._mentions: tuple[Doc | None, list[tuple[int, Party]]] = (None, [])
        self.titled: dict[str, list[tuple[int, Party]]] = {}  # surname -> parties it was named with

    def resolve(self, span: Span, rule: str) -> tuple[Party | None, str]:
        """The party a phrase names and the provenance string that says how."""
        key = (span.start, span.end, rule)
        if key in self.memo:
            party, how = self.memo[key]
            if party is not None:
                self.seen.append((span.start, party))
            return party, how
        party, how = self._resolve(span, rule)
        self.memo[key] = (party, how)
        if party is not None:
            self.seen.append((span.start, party))
        return party, how

    def _named_mentions(self, doc: Doc) -> list[tuple[int, Party]]:
        """Every noun phrase of the article that names a party, with its position: "the
        coalition" may point back to "the Saudi-led coalition" of a clause that is no event's
        role ("if the Saudi-led coalition kept bombing")."""
        if self._mentions[0] is not doc:
            found = []
            self.titled = {}
            for chunk in noun_chunks_in(doc[:]):  # the indexed chunks other stages share
                if coref.is_reference(chunk):
                    continue
                party = self.resolver.resolve_span(chunk, when=self.published) or self._appositive(chunk)
                if party is None:
                    continue
                found.append((chunk.start, party))
                surname = _surname(chunk)
                if surname is not None:
                    self.titled.setdefault(surname, []).append((chunk.start, party))
            self._mentions = (doc, found)
        return self._mentions[1]

    def _appositive(self, chunk: Span) -> Party | None:
        """'Attaullah Khogyani, a spokesman for the provincial governor': a name no dictionary
        lists is the party its apposition names."""
        if chunk.root.ent_type_ != "PERSON":
            return None
        title = next((c for c in chunk.root.children if c.dep_ == "appos" and c.pos_ == "NOUN"), None)
        if title is None:
            return None
        return self.resolver.resolve_span(title.doc[title.left_edge.i : title.right_edge.i + 1],
                                          when=self.published)

    def _named_before(self, span: Span) -> Party | None:
        """'Lagos police spokesman Bala Elkana ... Elkana said': a surname alone is the party the
        same name was introduced with (by its title or an apposition)."""
        surname = _surname(span)
        if surname is None:
            return None
        self._named_mentions(span.doc)
        earlier = [party for at, party in self.titled.get(surname, ()) if at < span.start]
        return replace(earlier[-1], text=span.text) if earlier else None

    def _earlier(self, span: Span) -> list[Party]:
        """The parties a reference may point back to, in text order: the role parties seen so
        far and, for a description ("the group", not "it"), every party named before it."""
        placed = list(self.seen)
        if span.root.pos_ != "PRON":
            placed += [m for m in self._named_mentions(span.doc) if m[0] < span.start]
        return [party for _, party in sorted(placed, key=lambda m: m[0])]

    def _resolve(self, span: Span, rule: str) -> tuple[Party | None, str]:
        party = (coref.resolve_reference(span, self._earlier(span), people=self.people)
                 if coref.is_reference(span) else None)
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
            if party is None and span.root.ent_type_ == "PERSON":
                party = self._named_before(span)
                if party is not None:
                    return party, f"{rule} '{span.text}' -> named earlier as {party.id}"
            if party is None:
                party = unresolved_party(span)
                if party is None:
                    return None, f"{rule} '{span.text}': not a party"
                how = f"{rule} '{span.text}' -> not in dictionaries, kept as written"
                if span.root.ent_type_ == "PERSON":
                    self.people.add(party.id)
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
        owner = coref.resolve_reference(span.doc[owner_token.i : owner_token.i + 1],
                                        [p for _, p in self.seen], kinds, self.people)
        if owner is None:
            return None
        if owner.country is None or owner.kind != "state":
            return (replace(owner, text=party.text), owner) if party.sector in FORCE_SECTORS else None
        return self.resolver.localise(party, owner.country), owner
