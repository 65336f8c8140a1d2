"""Speakers: the subject of a reporting verb -> a canonical party, references resolved.

News names a speaker once and then refers back to them: "Pentagon spokesman Jonathan Hoffman
said ... he added", "Babagana Zulum, the Borno state governor, ... The governor said",
"Medecins Sans Frontieres ... the medical charity said", "the army said" in a report about Mali.
The tracker walks the statements in text order and keeps the mentions seen so far:

- people: PERSON entities, names in apposition to a title ("Its spokesman, Brigadier Nabil
  Abdallah,"), titled subjects ("Ukraine's foreign minister called ..."), with their titles;
- organisations: the named parties of the article and every speaker that is not a person.

"he"/"she" take the latest person mentioned (a subject in the last two sentences first), a
definite title ("the governor") the latest person holding it, a definite description ("the
group", "the charity") the latest organisation of that kind, else the article's own country's
organ ("the army" in a report about Mali is the Malian army). Quoted words never supply an
antecedent. A surname alone ("Synehubov") takes the full name given earlier.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache, cached_property, lru_cache

from spacy.tokens import Doc, Span, Token

from tacitus.actors import get_resolver, resolve_reference
from tacitus.model import Party
from tacitus.nlp.spans import sentence_bounds, sentence_of
from tacitus.resources import load_yaml, require, word_set
from tacitus.statements.marks import RESOURCE, QuotedSpan

NAME_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
DEFINITE = frozenset({"the", "this", "that"})
PERSON_PRONOUNS = frozenset({"he", "she", "i"})
NAMED_NEXT_SENTENCES = 2
MEDIUM_PREPOSITIONS = frozenset({"from", "by", "of"})
REPORTED_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "relcl", "acl", "advcl", "pcomp"})
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True, slots=True)
class References:
    """The word lists of ``reporting.yaml`` that speaker resolution reads."""

    pronouns: frozenset[str]
    titles: frozenset[str]
    person_titles: frozenset[str]
    ranks: frozenset[str]
    individuals: frozenset[str]
    naming: frozenset[str]
    affiliation_preps: frozenset[str]
    media: frozenset[str]


@lru_cache(maxsize=1)
def references() -> References:
    """The word lists, loaded and checked once (a ResourceError names the file and line)."""
    data = load_yaml(RESOURCE)
    require(data, ("references",), RESOURCE)
    refs = data["references"]
    return References(
        pronouns=word_set(refs, "pronouns", RESOURCE),
        titles=word_set(refs, "titles", RESOURCE),
        person_titles=word_set(refs, "person_titles", RESOURCE) | get_resolver().person_nouns,
        ranks=word_set(refs, "ranks", RESOURCE),
        individuals=word_set(refs, "individuals", RESOURCE),
        naming=word_set(refs, "naming_words", RESOURCE),
        affiliation_preps=word_set(refs, "affiliation_prepositions", RESOURCE),
        media=word_set(data, "medium_nouns", RESOURCE),
    )


def _slug(text: str) -> str:
    return re.sub(r"[^A-Z0-9]+", "_", text.upper()).strip("_") or "UNKNOWN"


def _joined_right(doc: Doc, index: int) -> int:
    """The last token of a hyphen-joined name starting at ``index`` ("al-Houthi")."""
    while index + 2 < len(doc) and not doc[index].whitespace_ and doc[index + 1].text in "-–" \
            and not doc[index + 1].whitespace_ and doc[index + 2].is_alpha:
        index += 2
    return index


def _joined_left(doc: Doc, index: int) -> int:
    while index >= 2 and doc[index - 1].text in "-–" and not doc[index - 1].whitespace_ \
            and not doc[index - 2].whitespace_ and doc[index - 2].is_alpha:
        index -= 2
    return index


def noun_phrase(token: Token) -> Span:
    """The subject's phrase without relative clauses, appositions or stray quotation marks;
    a title keeps whom it speaks for ("a spokesman for the junta")."""
    doc = token.doc
    token = doc[_joined_left(doc, token.i)]
    left = token.left_edge.i
    while left < token.i and (doc[left].is_punct or doc[left].is_quote):
        left += 1
    right = _joined_right(doc, token.i)
    title = token.lemma_.lower() in references().person_titles
    for child in token.rights:
        named = token.pos_ == "PROPN" and any(g.pos_ == "PROPN" for g in child.children)
        if child.dep_ in ("compound", "flat", "poss", "nmod") or (
            child.dep_ == "prep" and (child.lower_ == "of" or (
                (title or named) and child.lower_ in references().affiliation_preps))
        ):
            right = max(right, child.right_edge.i)
    return doc[left : right + 1]


def _proper_run(token: Token) -> Span | None:
    """The run of proper nouns headed by ``token`` ("General Sylvain Ekenge"), if it is one."""
    if token.pos_ != "PROPN":
        return None
    doc = token.doc
    left = token.i
    while left > 0 and doc[left - 1].pos_ == "PROPN" and doc[left - 1].head.i in range(left, token.i + 1):
        left -= 1
    left = _joined_left(doc, left)
    return doc[left : _joined_right(doc, token.i) + 1]


def _entity_at(token: Token) -> Span:
    """The named entity holding ``token`` (walking its IOB tags: ``Doc.ents`` rescans)."""
    doc = token.doc
    start, end = token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _main_subject(token: Token) -> bool:
    """A subject of the sentence's own clause, not of reported words ("adding that Kyiv had
    asked"): the likely antecedent of the next "he"."""
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ not in REPORTED_DEPS


def _person_cue(token: Token) -> bool:
    """Whether the phrase says it is a person: "X, 64, who lives across the street"."""
    return any(c.dep_ == "appos" and c.pos_ == "NUM" for c in token.children) or any(
        c.dep_ == "relcl" and any(g.lower_ in ("who", "whom") for g in c.children)
        for c in token.children)


def _strip_titles(run: Span) -> Span:
    """A name without the titles in front of it ("General Sylvain Ekenge" -> "Sylvain Ekenge",
    "Defence Minister Ibrahim Dembele" -> "Ibrahim Dembele")."""
    refs = references()
    titles = [t.i for t in run[:-1] if t.lower_.rstrip(".") in refs.person_titles | refs.ranks]
    return run.doc[titles[-1] + 1 : run.end] if titles else run


@dataclass(frozen=True, slots=True)
class Mention:
    """A party named at token ``at``: a person (with the titles they hold) or an organisation.

    ``made`` gives the party, built on first use for the people an article names: most are
    never referred back to, and finding whom each speaks for resolves several phrases."""

    at: int
    made: Callable[[], Party]
    person: bool
    titles: frozenset[str] = frozenset()
    subject: bool = False

    @property
    def party(self) -> Party:
        return self.made()


def _ready(party: Party) -> Callable[[], Party]:
    return lambda: party


class SpeakerTracker:
    """Resolves speakers in document order (see the module docstring)."""

    def __init__(self, doc: Doc, when: date | None, quoted: Sequence[QuotedSpan] = ()) -> None:
        self.doc = doc
        self.when = when
        self.quoted = [(q.start, q.end) for q in quoted]
        self.last: Party | None = None
        self.spoken: list[Mention] = []
        self.full_names: dict[str, str] = {}
        self.named_ents: list[tuple[Span, bool]] = []
        self.mentions = self._mentions()

    # ---- what the article names -------------------------------------------------------
    def _in_quote(self, token: Token) -> bool:
        return any(s <= token.idx < e for s, e in self.quoted)

    @cached_property
    def country(self) -> str | None:
        """The country the report is about: the one its place and nationality words name most
        (entities of any label, since the small model tags "Mali" a person now and then, and
        capitalised words outside entities: "Malian" is often left untagged). Found on first
        use: only a definite description with no earlier party to denote needs it."""
        words = [e.text for e in self.doc.ents] + [
            t.text for t in self.doc if t.is_title and not t.ent_type_ and t.pos_ in ("PROPN", "ADJ")]
        resolver = get_resolver()
        counts = Counter(c for w in words if (c := resolver.country_of(w)) is not None)
        return counts.most_common(1)[0][0] if counts else None

    def _mentions(self) -> list[Mention]:
        """People named outside quotation marks, in text order; the other names go to
        ``named_ents`` (with whether each is a main subject) for ``organisations``."""
        found: list[Mention] = []
        for ent in self.doc.ents:
            if ent.label_ not in NAME_ENTS or self._in_quote(ent[0]):
                continue
            subject = _main_subject(ent.root)
            if ent.label_ == "PERSON" and self._may_be_person(ent):
                found.append(self._person_mention(ent.root, ent, subject))
            else:
                self.named_ents.append((ent, subject))
        for token in self.doc:
            if token.dep_ in ("nsubj", "nsubjpass") and token.ent_type_ != "PERSON" \
                    and not self._in_quote(token):
                name = self._person_name(token)
                if name is not None or self._person_title(token):
                    found.append(self._person_mention(token, name, _main_subject(token)))
        return sorted(found, key=lambda m: m.at)

    def _person_title(self, token: Token) -> bool:
        return token.tag_ in ("NN", "NNP") and token.lemma_.lower() in references().person_titles

    def _titles_of(self, token: Token, name: Span | None) -> frozenset[str]:
        """The title words around a person's mention: the head noun, its apposition, the words
        just before the name ("Kremlin spokesman Dmitry Peskov")."""
        doc = self.doc
        titles = references().person_titles
        around: list[Token] = [token, *token.children, token.head]
        if name is not None:
            around += list(doc[max(name.start - 3, 0) : name.end])
            around += [c for t in name for c in t.children]
        return frozenset(t.lemma_.lower() for t in around if t.lemma_.lower() in titles)

    def _person_name(self, token: Token) -> Span | None:
        """The person a subject names, if it names one: a PERSON entity (itself, its
        apposition or compound), or a proper name in apposition to a title either way round
        ("Its spokesman, Nabil Abdallah,"; "Babagana Zulum, the Borno state governor,")."""
        doc = self.doc
        candidates = [token] + [c for c in token.children if c.dep_ == "appos"]
        for candidate in candidates:
            if candidate.ent_type_ == "PERSON":
                ent = _entity_at(candidate)
                if self._may_be_person(ent):
                    return _strip_titles(doc[_joined_left(doc, ent.start) : _joined_right(doc, ent.end - 1) + 1])
        if self._person_title(token):
            for child in token.children:
                if child.dep_ in ("appos", "compound") and child.i > token.i:
                    run = _proper_run(child)
                    if run is not None and self._may_be_person(_strip_titles(run)):
                        return _strip_titles(run)
        run = _proper_run(token)
        if run is None:
            return None
        name = _strip_titles(run)
        appositions = [c for c in token.children if c.dep_ == "appos"]
        titled = any(self._person_title(c) for c in appositions) or len(name) < len(run)
        if not self._may_be_person(name):
            return None
        if titled or _person_cue(token) or name.text.lower() in self.full_names \
                or self._looks_like_name(name):
            return name
        return None

    def _may_be_person(self, name: Span) -> bool:
        """Whether the dictionaries leave ``name`` free to be a person: unknown, or a person."""
        resolver = get_resolver()
        party = resolver.resolve_span(name, when=self.when)
        if party is None or party.name in resolver.person_names:
            return True
        # the dictionaries explained only part of it ("Hassan" in "Hassan Sheikh Mohamud")
        return not {t.lower_ for t in name if t.is_alpha} <= set(_WORD.findall(party.name.lower()))

    @staticmethod
    def _looks_like_name(name: Span) -> bool:
        """Two or more capitalised words that no entity tags as a place, nationality or
        organisation: a person the small model did not tag ("Natalia Ivanenko", "Zaw Min Tun")."""
        words = [t for t in name if t.is_alpha]
        if len(words) < 2 or not all(t.text[:1].isupper() for t in words):
            return False
        if any(t.ent_type_ in ("ORG", "FAC", "LOC", "NORP") for t in words):
            return False
        return not all(t.ent_type_ == "GPE" for t in words)

    def _affiliation(self, token: Token, name: Span | None) -> Party | None:
        """The organisation a person speaks for: the rest of the subject phrase, an apposition,
        or the words just before the name ("Pentagon spokesman Jonathan Hoffman")."""
        doc = self.doc
        phrases: list[Span] = []
        if name is None or not (name.start <= token.i < name.end):
            phrases.append(noun_phrase(token))
        for child in token.children:
            if child.dep_ in ("appos", "compound", "poss") and (name is None or not name.start <= child.i < name.end):
                phrases.append(noun_phrase(child) if child.dep_ == "appos" else
                               doc[child.left_edge.i : child.right_edge.i + 1])
        if name is not None:
            phrases.append(doc[max(name.start - 4, sentence_of(doc, name.start).start) : name.start])
        for phrase in phrases:
            if len(phrase):
                party = get_resolver().resolve_span(phrase, when=self.when)
                if party is not None and not party.id.startswith("PER-"):
                    return party
        return None

    def _canonical(self, name: str) -> str:
        """A surname alone takes the full name given earlier ("Petro" -> "Gustavo Petro")."""
        words = name.split()
        if len(words) > 1:
            surname = words[-1].lower()
            self.full_names.setdefault(surname, name)
            self.full_names.setdefault(surname.split("-")[-1], name)  # "al-Sadr" -> "Sadr"
            return name
        return self.full_names.get(name.lower(), name)

    def _person_mention(self, token: Token, name: Span | None, subject: bool) -> Mention:
        titles = self._titles_of(token, name)
        if name is None:
            return Mention(token.i, cache(lambda: self._unnamed_party(token)), True, titles, subject)
        full = self._canonical(name.text)  # at once: a later lone surname looks up the full name
        return Mention(name.start, cache(lambda: self._named_party(token, name, full)), True, titles,
                       subject)

    def _unnamed_party(self, token: Token) -> Party:
        """An unnamed person ("the governor"): the organisation the title speaks for, if any."""
        affiliation = self._affiliation(token, None)
        text = noun_phrase(token).text
        return replace(affiliation, text=text) if affiliation else \
            Party(text=text, name=text, id=_slug(text))

    def _named_party(self, token: Token, name: Span, full: str) -> Party:
        """A named person, with the country and sector of whom they speak for."""
        affiliation = self._affiliation(token, name)
        if affiliation is None:
            affiliation = get_resolver().resolve_span(name, when=self.when)
        return Party(
            text=name.text, name=full, id=f"PER-{_slug(full)}",
            country=affiliation.country if affiliation else None,
            sector=affiliation.sector if affiliation else None,
            kind=affiliation.kind if affiliation else "other",
        )

    @cached_property
    def organisations(self) -> list[Mention]:
        """Organisations named outside quotation marks, in text order. Resolved on first use:
        only a definite description ("the group said") looks back at them, and most articles
        have none."""
        resolver = get_resolver()
        found: list[Mention] = []
        for ent, subject in self.named_ents:
            party = resolver.resolve_span(ent, when=self.when)
            if party is not None and not resolver.is_person(party):
                found.append(Mention(ent.start, _ready(party), False, subject=subject))
        return found

    # ---- references -------------------------------------------------------------------
    def _known(self, before: int, named: Sequence[Mention] | None = None) -> list[Mention]:
        """The mentions (people, unless ``named`` is given) and speakers before token ``before``."""
        named = self.mentions if named is None else named
        return sorted([m for m in named if m.at < before] +
                      [m for m in self.spoken if m.at < before], key=lambda m: m.at)

    def _last_person(self, before: int) -> Mention | None:
        """The person "he"/"she" most likely means: a subject of this or the previous sentence,
        else the latest person mentioned."""
        people = [m for m in self._known(before) if m.person]
        if not people:
            return None
        bounds = sentence_bounds(self.doc)
        here = sentence_of(self.doc, before).start
        previous = max((s for s, _ in bounds if s < here), default=here)
        recent = [m for m in people if m.at >= previous and m.subject]
        return (recent or people)[-1]

    def _titled(self, before: int, title: str) -> Mention | None:
        return next((m for m in reversed(self._known(before)) if m.person and title in m.titles), None)

    def _organisation(self, phrase: Span, party: Party | None) -> tuple[Party | None, str]:
        """A definite description's party: an earlier organisation it can denote, else the
        article country's organ of that kind."""
        earlier = [m.party for m in self._known(phrase.start, self.organisations) if not m.person]
        found = resolve_reference(phrase, earlier)
        if found is None and party is not None and party.sector is not None and party.kind != "state":
            found = next((p for p in reversed(earlier) if p.sector == party.sector
                          and p.id != party.id), None)
        if found is not None:
            return found, f"description '{phrase.text}' -> {found.name}"
        if party is not None and self.country is not None:
            local = get_resolver().localise(party, self.country)
            if local is not party:
                return local, f"description '{phrase.text}' -> the article's country {self.country}"
        return party, f"subject '{phrase.text}'"

    def _remember(self, party: Party, at: int, person: bool, titles: frozenset[str] = frozenset()) -> None:
        self.last = party
        self.spoken.append(Mention(at, _ready(party), person, titles, True))

    # ---- the speaker ------------------------------------------------------------------
    def resolve(self, subject: Token) -> tuple[Party | None, str]:
        """The party ``subject`` names, and how it was found (for provenance)."""
        refs = references()
        if subject.dep_ in ("nsubj", "nsubjpass") and subject.tag_ in ("WDT", "WP") \
                and subject.head.dep_ == "relcl":
            subject = self._antecedent(subject)
        if subject.lower_ in refs.pronouns and subject.pos_ == "PRON":
            return self._pronoun(subject)
        name = self._person_name(subject)
        if name is not None:
            mention = self._person_mention(subject, name, True)
            self._remember(mention.party, subject.i, True, mention.titles)
            return mention.party, f"person '{name.text}'"
        if subject.lemma_.lower() in refs.media:
            owner = self._medium_owner(subject)
            if owner is None and self.last is not None:
                return self.last, f"medium '{subject.text}' -> last speaker"
            subject = owner or subject
        phrase = self._entity(subject) or noun_phrase(subject)
        named = self._named_within(phrase)
        if named is not None:
            self._remember(named, subject.i, False)
            return named, f"name in '{phrase.text}'"
        party = get_resolver().resolve_span(phrase, when=self.when)
        words = {t.lower_ for t in phrase if t.is_alpha and t.pos_ != "DET"}
        definite = phrase[0].lower_ in DEFINITE or phrase[0].tag_ == "PRP$"
        title = subject.lemma_.lower()
        if definite and subject.tag_ == "NN" and title in refs.individuals:
            person = self._last_person(subject.i)
            if person is not None:
                self._remember(person.party, subject.i, True, person.titles)
                return person.party, f"individual '{phrase.text}' -> {person.party.name}"
        if self._person_title(subject) and not self._has_owner(subject):
            held = self._titled(subject.i, title) if definite else None
            held = held or self._named_next(subject, title)
            if held is not None:
                self._remember(held.party, subject.i, True, held.titles)
                return held.party, f"title '{phrase.text}' -> {held.party.name}"
            party = party or Party(text=phrase.text, name=phrase.text, id=_slug(phrase.text))
            self._remember(party, subject.i, True, frozenset({title}))
            return party, f"subject '{phrase.text}'"
        if self._person_title(subject):
            mention = self._named_next(subject, title) or self._person_mention(subject, None, True)
            self._remember(mention.party, subject.i, True, mention.titles)
            return mention.party, f"titled subject '{phrase.text}'"
        how = f"subject '{phrase.text}'"
        if definite and (party is None or party.id == party.sector) \
                and not any(t.pos_ == "PROPN" for t in phrase):
            party, how = self._organisation(phrase, party)
        if party is None and words and words <= refs.titles and self.last is not None:
            return self.last, f"title '{phrase.text}' -> last speaker"
        if party is None:
            text = " ".join(t.text for t in phrase if t.pos_ != "DET") or phrase.text
            party = Party(text=phrase.text, name=text, id=_slug(text))
        self._remember(party, subject.i, False)
        return party, how

    @staticmethod
    def _medium_owner(medium: Token) -> Token | None:
        """Whose statement it is: "a statement from the ministry", "the ministry's statement"."""
        for child in medium.children:
            if child.dep_ == "poss" and child.pos_ != "PRON":
                return child
            if child.dep_ == "prep" and child.lower_ in MEDIUM_PREPOSITIONS:
                found = next((g for g in child.children if g.dep_ == "pobj"), None)
                if found is not None:
                    return found
            if child.dep_ == "acl":  # "a statement issued by the army"
                agent = next((g for g in child.children if g.dep_ == "agent"), None)
                found = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
                if found is not None:
                    return found
        return None

    def _antecedent(self, relative: Token) -> Token:
        """What a relative pronoun stands for. "who" means a person, so a clause hung on an
        organisation ("X, commander of the Western Command, who said") climbs to the person."""
        head = relative.head.head
        if relative.lower_ in ("who", "whom"):
            step = head
            while not (step.ent_type_ == "PERSON" or self._person_title(step)) \
                    and step.dep_ in ("pobj", "prep", "appos", "compound") and step.head.i != step.i:
                step = step.head
            if step.ent_type_ == "PERSON" or self._person_title(step):
                head = step
        if head.dep_ == "appos" and head.head.pos_ == "PROPN":
            head = head.head
        return head

    def _entity(self, subject: Token) -> Span | None:
        """The whole organisation name the subject is part of ("The Group for the Support of
        Islam and Muslims"), which the parse splits at its prepositions."""
        return _entity_at(subject) if subject.ent_type_ in ("ORG", "NORP", "GPE") else None

    def _named_next(self, subject: Token, title: str) -> Mention | None:
        """The person an unnamed title is named as in the next sentences ("Colombia's defence
        minister said ... Minister Ivan Velasquez told reporters")."""
        bounds = sentence_bounds(self.doc)
        here = sentence_of(self.doc, subject.i).start
        later = [s for s, _ in bounds if s > here][: NAMED_NEXT_SENTENCES + 1]
        if not later:
            return None
        end = later[-1] if len(later) > NAMED_NEXT_SENTENCES else len(self.doc)
        return next((m for m in self.mentions if later[0] <= m.at < end and m.person and m.subject
                     and title in m.titles and m.party.id.startswith("PER-")), None)

    def _has_owner(self, title: Token) -> bool:
        """Whether a title says whose it is ("its spokesman", "a spokesman for the RSF")."""
        return any(c.dep_ in ("poss", "compound", "amod") and (c.pos_ in ("PROPN", "PRON") or c.ent_type_)
                   or (c.dep_ == "prep" and c.lower_ in references().affiliation_preps)
                   for c in title.children)

    def _named_within(self, phrase: Span) -> Party | None:
        """An organisation a generic phrase names ("the shipping firm Maersk", "the group,
        known as the Estado Mayor Central"): its proper name, with the phrase's kind."""
        doc = self.doc
        head = phrase.root
        names = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        for child in head.children:
            if child.dep_ == "acl" and child.lower_ in references().naming:
                names += [g for p in child.children if p.dep_ == "prep" for g in p.children
                          if g.dep_ == "pobj" and g.pos_ == "PROPN"]
        if not names or head.pos_ == "PROPN":
            return None
        run = _proper_run(names[0])
        if run is None:
            return None
        resolver = get_resolver()
        known = resolver.resolve_span(run, when=self.when)
        if known is not None:
            return known
        generic = resolver.resolve_span(doc[phrase.start : head.i + 1], when=self.when)
        return Party(text=phrase.text, name=run.text, id=_slug(run.text),
                     country=generic.country if generic else None,
                     sector=generic.sector if generic else None,
                     kind=generic.kind if generic else "other")

    def _pronoun(self, subject: Token) -> tuple[Party | None, str]:
        if subject.lower_ in PERSON_PRONOUNS:
            person = self._last_person(subject.i)
            if person is not None:
                return person.party, f"pronoun '{subject.text}' -> last person named"
        organisation = next((m.party for m in reversed(self.spoken) if not m.person), None)
        if subject.lower_ not in PERSON_PRONOUNS and organisation is not None:
            return organisation, f"pronoun '{subject.text}' -> last organisation speaking"
        return self.last, f"pronoun '{subject.text}' -> last speaker"
