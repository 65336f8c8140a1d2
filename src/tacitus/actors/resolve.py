"""Actor resolution: a noun phrase -> a canonical :class:`~tacitus.model.Party`.

The phrase is turned into matching keys (see :mod:`tacitus.actors.normalize`) and scanned for
the longest dictionary phrases that do not overlap: first named actors (organisations, persons,
countries), then agent nouns ("forces", "police") in the words no name covered. The party is
then, in order of preference:

1. the most specific named organisation or person ("fighters of Kataib Hezbollah" -> KH), in the
   role it held on the report's date (a title in the phrase, "President X", says the role when
   the date does not);
2. an organisation the dictionaries lack but the phrase names ("the Arakan Army": capitalised
   words before a capitalised agent noun), with an id made from its name;
3. a country combined with the sector of the head agent noun ("US forces" -> USAMIL, "Israel's
   foreign minister" -> ISRGOV); a country that only sponsors ("Turkish-backed") is never the
   party's, one that only locates ("police in Baghdad") only when no other is named;
4. a country alone ("Iraq") or an agent alone ("police", "hundreds of protesters").

Nothing matched means the phrase names no party: None. The word lists these rules use are in
``resources/actors/resolve_rules.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import count

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Span

from tacitus.actors.codes import COUNTRIES_FILE, CodeBook, get_codebook
from tacitus.actors.lexicon import (
    Actor,
    Agent,
    Phrase,
    PhraseIndex,
    load_actors,
    load_agents,
)
from tacitus.actors.normalize import POSSESSIVE, key_tokens
from tacitus.errors import ResourceError
from tacitus.model import Party
from tacitus.resources import iter_csv, load_yaml
from tacitus.resources import path as resource_path

RULES_FILE = "actors/resolve_rules.yaml"
UNLISTED = "unlisted name"
_WORD_RE = re.compile(r"\S+")
_RESOLVED = "tacitus.resolved_spans"
_RESOLVERS = count()


@dataclass(frozen=True, slots=True)
class Word:
    """One matching key, the text of the token it came from, and that token's position."""

    key: str
    text: str
    token: int


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    phrase: Phrase


@dataclass(frozen=True, slots=True)
class Resolution:
    """A resolved party and the dictionary entries that made it (for event provenance)."""

    party: Party
    provenance: str


def _word_list(name: str) -> frozenset[str]:
    """A list of lower-case words from the rules file; YAML turns a bare ``on`` into True."""
    words = load_yaml(RULES_FILE).get(name)
    if not isinstance(words, list) or not all(isinstance(w, str) and w == w.lower() for w in words):
        raise ResourceError(f"{name} must be a list of lower-case words (quote on/off/yes/no)",
                            str(resource_path(RULES_FILE)))
    return frozenset(words)


def _singular(key: str) -> tuple[str, ...]:
    if len(key) > 3 and key.endswith("es"):
        return key[:-1], key[:-2]
    if len(key) > 3 and key.endswith("s"):
        return (key[:-1],)
    return ()


@lru_cache(maxsize=1 << 16)
def _word_keys(word: str) -> tuple[str, ...]:
    """``key_tokens`` of one token's text: the same words recur in every phrase."""
    return key_tokens(word)


def _last_matches(phrase_key: str, word_key: str, prefix: bool) -> bool:
    if word_key == phrase_key or word_key in (phrase_key + "s", phrase_key + "es"):
        return True
    return prefix and word_key.startswith(phrase_key)


class ActorResolver:
    """Resolves noun phrases against the actor dictionaries; build it with :func:`get_resolver`."""

    def __init__(self, book: CodeBook) -> None:
        self.book = book
        self._number = next(_RESOLVERS)  # tells this resolver's results in a Doc from another's
        self._explain_words = lru_cache(maxsize=1 << 16)(self._explain_words)  # type: ignore[method-assign]
        self.country_of = lru_cache(maxsize=1 << 14)(self.country_of)  # type: ignore[method-assign]
        self._candidates = lru_cache(maxsize=1 << 16)(self._candidates)  # type: ignore[method-assign]
        self.actors, self.actor_index = load_actors(book)
        self.agents, self.agent_index = load_agents(book)
        self.locative = _word_list("locative_prepositions")
        self.sponsor = _word_list("sponsor_words")
        self.boundaries = _word_list("head_boundaries")
        self.negating = _word_list("negating_words")
        self.ethnic = _word_list("ethnic_words")
        self.occasions = _word_list("occasion_words")
        self.domestic = frozenset(w.upper() for w in _word_list("domestic_sectors"))
        self.country_names: dict[str, tuple[str, str]] = {
            row["iso3"]: (row["name"], row["adjective"] or row["name"])
            for _, row in iter_csv(COUNTRIES_FILE, ("iso3", "name"))
        }
        self.person_names = frozenset(a.name for a in self.actors if a.type == "person")
        self._country_name_keys = frozenset(
            key_tokens(name) for names in self.country_names.values() for name in names)
        self.surnames: dict[str, list[Actor]] = {}
        for actor in self.actors:
            keys = key_tokens(actor.name) if actor.type == "person" else ()
            if len(keys) > 1:
                self.surnames.setdefault(keys[-1], []).append(actor)
        self.person_nouns = frozenset(  # one-word titles: "minister", "spokesman", "president"
            p.keys[0]
            for first in self.agent_index.firsts()
            for p in self.agent_index.bucket(first)
            if len(p.keys) == 1 and self.agents[p.target].person
        )

    # ---- matching ----------------------------------------------------------------------
    @staticmethod
    def _words_of_text(text: str) -> list[Word]:
        return [
            Word(key, m.group(), i) for i, m in enumerate(_WORD_RE.finditer(text)) for key in _word_keys(m.group())
        ]

    def _candidates(self, index: PhraseIndex, first: str) -> tuple[dict[str, tuple[Phrase, ...]], tuple[Phrase, ...]]:
        """The phrases a match opening with ``first`` may be, longest first as matching tries
        them: those of three or more words by their second word, then the shorter ones and
        the one-word phrases ``first`` is a plural of. Common first words ("the", "al") open
        hundreds of phrases, and most of them can be set aside by their second word at once."""
        longer: dict[str, list[Phrase]] = {}
        shorter: list[Phrase] = []
        for phrase in index.bucket(first):
            if len(phrase.keys) > 2:
                longer.setdefault(phrase.keys[1], []).append(phrase)
            else:
                shorter.append(phrase)
        shorter.extend(p for singular in _singular(first) for p in index.bucket(singular) if len(p.keys) == 1)
        return {second: tuple(phrases) for second, phrases in longer.items()}, tuple(shorter)

    def _match_at(self, words: list[Word], i: int, index: PhraseIndex, named: bool) -> Match | None:
        longer, shorter = self._candidates(index, words[i].key)
        keys = tuple(w.key for w in words[i:])
        candidates: Sequence[Phrase] = (*longer.get(keys[1], ()), *shorter) if len(keys) > 1 else shorter
        for phrase in candidates:
            n = len(phrase.keys)
            if n > len(keys) or keys[: n - 1] != phrase.keys[:-1]:
                continue
            if not _last_matches(phrase.keys[-1], keys[n - 1], phrase.prefix):
                continue
            if named and not self._looks_named(words[i : i + n], phrase):
                continue
            return Match(i, i + n, phrase)
        return None

    @staticmethod
    def _looks_named(words: list[Word], phrase: Phrase) -> bool:
        """Names are written capitalised; this keeps "us", "who", "chad" the words out."""
        texts = [w.text for w in words]
        if phrase.acronym:
            return all(t.replace(".", "").isupper() for t in texts)
        if not any(c.isupper() or c.isdigit() for t in texts for c in t):
            return False
        if len(words) == 1 and words[0].key in STOP_WORDS:
            return texts[0].replace(".", "").isupper() and len(words[0].key) > 1
        return True

    def _scan(self, words: list[Word], index: PhraseIndex, named: bool, skip: set[int]) -> list[Match]:
        """Non-overlapping matches, longest first: "the US-led coalition" is the coalition,
        not "the US" followed by "led coalition"."""
        candidates = [
            m for i in range(len(words))
            if i not in skip and words[i].key != POSSESSIVE
            and (m := self._match_at(words, i, index, named)) is not None
            and not skip.intersection(range(m.start, m.end))
        ]
        taken: set[int] = set()
        found: list[Match] = []
        for match in sorted(candidates, key=lambda m: (m.start - m.end, m.start)):
            span = range(match.start, match.end)
            if not taken.intersection(span):
                taken.update(span)
                found.append(match)
        return sorted(found, key=lambda m: m.start)

    # ---- choosing ----------------------------------------------------------------------
    def _resolve(self, words: list[Word], text: str, when: date | None, root: int | None) -> Resolution | None:
        if not words:
            return None
        names = self._scan(words, self.actor_index, True, set())
        named = {i for m in names for i in range(m.start, m.end)}
        agents = self._scan(words, self.agent_index, False, named)
        covered = named | {i for m in agents for i in range(m.start, m.end)}
        specific = [
            m for m in names
            if self.actors[m.phrase.target].type != "country"
            and not self._part_of_longer_name(words, m, covered)
            and not self._detached(words, m, agents)
        ]
        if specific:
            best = max(specific, key=lambda m: (self._holds(words, m, root), m.end - m.start, -m.start))
            employer = self._employer(best, specific, agents)
            if employer is not None:
                return self._named(text, when, self.actors[employer.phrase.target], None)
            sectors = [s for m in agents if (s := self.agents[m.phrase.target].sector) is not None
                       and not (m.start > 0 and words[m.start - 1].key in self.negating)]
            return self._named(text, when, self.actors[best.phrase.target], self._title(words, agents, best),
                               sectors)
        countries = [
            m for m in names if self.actors[m.phrase.target].type == "country" and not self._sponsor(words, m, agents)
        ]
        surname = self._titled_surname(words, agents, covered, when)
        if surname is not None and all(
                self.actors[m.phrase.target].role_at(when).country == surname[0].role_at(when).country
                for m in countries):  # "British Defence Secretary Tom King" is no other King
            return self._named(text, when, *surname)
        agent_match = self._pick_agent(words, agents, root)
        ethnic = [m for m in countries if m.start > 0 and words[m.start - 1].key in self.ethnic]
        if ethnic and agent_match is None and len(ethnic) == len(countries):
            return self._ethnic_group(text, when, ethnic[0])
        country_match = self._pick_country(words, countries)
        if country_match and agent_match is None and self._locative(words, country_match):
            return None  # "Soleimani near Baghdad airport": the country only says where
        if agent_match is not None:
            name_run = self._unknown_name(words, agent_match, named)
            if name_run:
                return self._unknown_organisation(text, when, words, name_run, country_match, agent_match)
        return self._combine(text, when, country_match, agent_match)

    def _ethnic_group(self, text: str, when: date | None, match: Match) -> Resolution:
        """'ethnic Albanians': civilians of that descent, with no state of their own here."""
        country = self.actors[match.phrase.target].role_at(when).country
        actor = self.actors[match.phrase.target]
        adjective = self.country_names.get(country or "", (actor.name, actor.name))[1]
        party = Party(text=text, name=f"ethnic {adjective}", id="CVL", country=None, sector="CVL",
                      kind=self.book.sectors["CVL"].kind)
        return Resolution(party, f"ethnic group (resolve_rules.yaml ethnic_words) {actor.source}")

    def _unknown_name(self, words: list[Word], agent_match: Match, named: set[int]) -> list[int]:
        """Capitalised words right before a capitalised agent noun, none of them a known name
        ("Arakan Army", "Peoples Democratic Party"): the phrase names an unlisted organisation.
        A person's title is no organisation ("The Federal Minister", "Deputy President")."""
        if self.agents[agent_match.phrase.target].person:
            return []
        if not all(w.text[:1].isupper() for w in words[agent_match.start : agent_match.end]):
            return []
        run: list[int] = []
        i = agent_match.start - 1
        while i >= 0 and i not in named and words[i].text[:1].isupper() and words[i].key not in STOP_WORDS:
            run.insert(0, i)
            i -= 1
        return run

    def _unknown_organisation(self, text: str, when: date | None, words: list[Word], run: list[int],
                              country_match: Match | None, agent_match: Match) -> Resolution:
        """A named organisation missing from the dictionaries: its own name and an id made from
        it, the sector of its agent noun; an army with no state named is a non-state one."""
        agent = self.agents[agent_match.phrase.target]
        tokens: dict[int, str] = {}
        for w in (words[i] for i in (*run, *range(agent_match.start, agent_match.end))):
            tokens.setdefault(w.token, w.text)
        name = " ".join(tokens.values())
        country = None
        if country_match is not None and not self._locative(words, country_match):
            country = self.actors[country_match.phrase.target].role_at(when).country
        sector = agent.sector or "UAF"
        kind = agent.kind or self.book.sectors[sector].kind
        if country is None and sector == "MIL":
            sector, kind = "REB", "non-state armed"
        slug = "-".join(w.key.upper() for w in words[run[0] : agent_match.end])
        party = Party(text=text, name=name, id=f"{country + '-' if country else ''}{slug}", country=country,
                      sector=sector, kind=kind)
        return Resolution(party, f"{UNLISTED} + agent {agent.source}")

    def _part_of_longer_name(self, words: list[Word], match: Match, covered: set[int]) -> bool:
        """A Phoenix person, or a one-word Phoenix name, followed or (not a person) preceded by
        more of an unknown name ("Hassan" in "Omar Hassan al-Bashir") is someone else who
        shares the name. Curated names are exempt: "Hezbollah Secretary-General ..." is Hezbollah."""
        actor = self.actors[match.phrase.target]
        if actor.curated or (actor.type != "person" and len(match.phrase.keys) > 1):
            return False
        covered_tokens = {words[i].token for i in covered}

        def unknown(i: int) -> bool:
            return 0 <= i < len(words) and words[i].token not in covered_tokens

        if unknown(match.end) and any(c.isupper() for c in words[match.end].text):
            return True  # the name goes on: "Hassan al-Bashir"
        # a surname after an unlisted first name ("Ali Khamenei") is still the person; a
        # capitalised function word ("The IMF" opening a sentence) starts no name
        before = match.start - 1
        return (actor.type != "person" and unknown(before) and words[before].text[:1].isupper()
                and words[before].key not in STOP_WORDS)

    def _detached(self, words: list[Word], match: Match, agents: list[Match]) -> bool:
        """A name after a head agent noun and a locative or adversative preposition is not the
        party ("protesters against Saddam Hussein", "troops near Hezbollah positions"), unlike
        one in an "of"/"for" phrase ("fighters of Kataib Hezbollah")."""
        i = match.start - 1
        if i >= 0 and words[i].key == "the":
            i -= 1
        return i >= 0 and words[i].key in self.locative and any(m.end <= i for m in agents)

    def _employer(self, person: Match, names: list[Match], agents: list[Match]) -> Match | None:
        """The organisation a person speaks for when introduced as "ORG title NAME" ("U.N.
        mediator Diego Cordovez", "Hamas official Ismail Haniyeh"): the organisation, not
        whatever else the dictionary says the person once was."""
        if self.actors[person.phrase.target].type != "person":
            return None
        title = next((a for a in agents if a.end == person.start), None)
        if title is None:
            return None
        return next((m for m in names if m.end == title.start
                     and self.actors[m.phrase.target].type == "organisation"), None)

    def _titled_surname(self, words: list[Word], agents: list[Match], covered: set[int],
                        when: date | None) -> tuple[Actor, Agent | None] | None:
        """"President Mugabe", "President Omar El Bashir": a title and a name the dictionary
        lists only in another spelling or in full. The last capitalised word after a person
        title is looked up as the surname of a listed person; the first names, when written,
        must agree. Several people of one surname count only if all belong to one country."""
        for title in agents:
            agent = self.agents[title.phrase.target]
            if not agent.person:
                continue
            run = []
            i = title.end
            while i < len(words) and i not in covered and words[i].text[:1].isupper():
                run.append(words[i])
                i += 1
            if not run:
                continue
            people = [a for a in self.surnames.get(run[-1].key, ())
                      if len(run) == 1 or key_tokens(a.name)[0] == run[0].key]
            countries = {a.role_at(when).country for a in people}
            if people and len(countries) == 1 and None not in countries:
                dated = [a for a in people if when is not None and a.has_role_on(when)]
                return (dated or people)[0], agent if agent.sector is not None else None
        return None

    def _title(self, words: list[Word], agents: list[Match], name: Match) -> Agent | None:
        """The title a name carries: an agent noun right before it ("President Karzai"), after
        it as a possessive ("Karzai's government") or inside the dictionary phrase itself
        ("PRESIDENT_KARZAI_")."""
        possessive = name.end < len(words) and words[name.end].key == POSSESSIVE
        before = [m for m in agents if m.end == name.start or (possessive and m.start == name.end + 1)]
        inside = self._scan(words[name.start : name.end], self.agent_index, False, set())
        for match in (*before, *inside):
            agent = self.agents[match.phrase.target]
            if agent.sector is not None and not agent.needs_country:
                return agent
        return None

    def _named(self, text: str, when: date | None, actor: Actor, agent: Agent | None,
               sectors: Sequence[str] = ()) -> Resolution:
        """A named organisation or person. A person's title in the phrase ("President X")
        says what they are now better than the dictionary's default role, unless the report's
        date falls in one of the person's dated roles. The phrase's agent nouns (``sectors``)
        choose among an organisation's roles ("the Taliban government" vs "Taliban fighters")
        and, for a role that needs them, give its sector ("Taliban police")."""
        role = actor.role_at(when, sectors)
        provenance = f"actor {actor.source}"
        if role.agents:
            sector = next(s for s in sectors if s in role.agents)
            party = Party(text=text, name=actor.name, id=role.id, country=role.country, sector=sector,
                          kind=role.kind)
            return Resolution(party, f"{provenance} + agent sector {sector}")
        if (
            actor.type == "person" and agent is not None and agent.sector is not None and role.country
            and (when is None or not actor.has_role_on(when))
        ):
            info = self.book.sectors[agent.sector]
            party = Party(text=text, name=actor.name, id=f"{role.country}{agent.sector}", country=role.country,
                          sector=agent.sector, kind=agent.kind or info.kind)
            return Resolution(party, f"{provenance} + title {agent.source}")
        party = Party(text=text, name=actor.name, id=role.id, country=role.country, sector=role.sector,
                      kind=role.kind)
        return Resolution(party, provenance)

    @staticmethod
    def _holds(words: list[Word], match: Match, root: int | None) -> bool:
        return root is not None and any(words[i].token == root for i in range(match.start, match.end))

    def _locative(self, words: list[Word], match: Match) -> bool:
        return match.start > 0 and words[match.start - 1].key in self.locative

    def _sponsor(self, words: list[Word], match: Match, agents: list[Match]) -> bool:
        """"Turkish-backed", "Iranian-armed": but "the Lebanese Armed Forces" are Lebanon's."""
        return (match.end < len(words) and words[match.end].key in self.sponsor
                and not any(m.start == match.end for m in agents))

    def _pick_country(self, words: list[Word], countries: list[Match]) -> Match | None:
        """The acting country: preferably not one that only locates ("police in Baghdad"
        keeps IRQ, but "US forces in Iraq" are American)."""
        return min(countries, key=lambda m: (self._locative(words, m), m.start), default=None)

    def _pick_agent(self, words: list[Word], agents: list[Match], root: int | None) -> Match | None:
        """The head agent noun: the one holding the parse's root; else the last one before the
        first preposition ("government of President X"); else the first one after it."""
        usable = [
            m for m in agents
            if self.agents[m.phrase.target].sector is not None
            and not (m.start > 0 and words[m.start - 1].key in self.negating)
        ]
        if root is not None:
            holding = [m for m in usable if self._holds(words, m, root)]
            if holding:
                return holding[0]
        boundary = next((i for i, w in enumerate(words) if w.key in self.boundaries), len(words))
        before = [m for m in usable if m.end <= boundary]
        if before:
            return before[-1]
        return usable[0] if usable else None

    def _combine(self, text: str, when: date | None, country_match: Match | None,
                 agent_match: Match | None) -> Resolution | None:
        agent: Agent | None = self.agents[agent_match.phrase.target] if agent_match else None
        if country_match is None:
            if agent is None or agent.sector is None or agent.needs_country:
                return None
            info = self.book.sectors[agent.sector]
            party = Party(text=text, name=agent.name or info.noun, id=agent.sector, country=None,
                          sector=agent.sector, kind=agent.kind or info.kind)
            return Resolution(party, f"agent {agent.source}")
        actor: Actor = self.actors[country_match.phrase.target]
        role = actor.role_at(when)
        country = role.country
        if country is None:  # a region ("Middle East"): no state party
            return None if agent is None else self._combine(text, when, None, agent_match)
        name, adjective = self.country_names.get(country, (actor.name, actor.name))
        if agent is None or agent.sector is None:
            party = Party(text=text, name=name, id=country, country=country, sector=None, kind="state")
            return Resolution(party, f"country {actor.source}")
        info = self.book.sectors[agent.sector]
        party = Party(text=text, name=f"{adjective} {agent.name or info.noun}", id=f"{country}{agent.sector}",
                      country=country, sector=agent.sector, kind=agent.kind or info.kind)
        return Resolution(party, f"country {actor.source} + agent {agent.source}")

    # ---- public ------------------------------------------------------------------------
    def explain_span(self, span: Span, when: date | None = None) -> Resolution | None:
        """Like :meth:`resolve_span`, with the dictionary entries that made the party.

        Resolution depends only on the phrase's words, its root's position in it and the
        date, so results are cached on those: every stage resolves the same phrases ("the
        government", "Iraqi police") again and again. Each Doc also remembers its own spans'
        results (in ``doc.user_data``, picklable), which saves reading the span's tokens again.
        """
        memo = span.doc.user_data.setdefault(f"{_RESOLVED}.{self._number}", {})
        key = (span.start, span.end, when)
        if key not in memo:
            texts = tuple(tok.text for tok in span)
            memo[key] = self._explain_words(texts, span.text, when, span.root.i - span.start)
        return memo[key]

    def _explain_words(self, texts: tuple[str, ...], text: str, when: date | None,
                       root: int) -> Resolution | None:
        words = [Word(key, token, i) for i, token in enumerate(texts) for key in _word_keys(token)]
        return self._resolve(words, text, when, root)

    def resolve_span(self, span: Span, when: date | None = None) -> Party | None:
        """The party a noun phrase of a parsed sentence names, as of ``when``; None if none."""
        resolution = self.explain_span(span, when)
        return resolution.party if resolution else None

    def explain_text(self, text: str, when: date | None = None) -> Resolution | None:
        """Like :meth:`resolve_text`, with the dictionary entries that made the party."""
        return self._resolve(self._words_of_text(text), text.strip(), when, None)

    def resolve_text(self, text: str, when: date | None = None) -> Party | None:
        """The party a plain string names ("Iraqi officials"); no parse needed."""
        resolution = self.explain_text(text, when)
        return resolution.party if resolution else None

    def country_of(self, text: str) -> str | None:
        """ISO alpha-3 of a country name, adjective or possessive ("Iraqi" -> "IRQ")."""
        words = [w for w in self._words_of_text(text) if w.key != POSSESSIVE]
        if not words:
            return None
        match = self._match_at(words, 0, self.actor_index, named=False)
        if match is None or match.end != len(words):
            return None
        actor = self.actors[match.phrase.target]
        return actor.role_at(None).country if actor.type == "country" else None

    def is_country_name(self, text: str) -> bool:
        """Whether a place name is a state's own name or abbreviation ("Iran", "U.S.") rather
        than a town the dictionaries file under its state ("Jalalabad" -> Afghanistan)."""
        if text.replace(".", "").isupper() and len(text.replace(".", "")) <= 4:
            return True
        return key_tokens(text) in self._country_name_keys

    def country_name(self, iso3: str) -> str | None:
        """Readable name of an ISO alpha-3 country ("IRN" -> "Iran")."""
        entry = self.country_names.get(iso3)
        return entry[0] if entry else None

    def localise(self, party: Party, country: str) -> Party:
        """Give a country-less agent party ("police", "protesters") the country the article is
        about ("IRQ" -> IRQCOP "Iraqi police"), and likewise an organisation the dictionaries
        lack ("the Azawad Liberation Front"): a body too little known to be listed is most
        likely a local one. Any other party, and a multinational one ("coalition warplanes",
        "peacekeepers"), is returned unchanged."""
        if (party.country is not None or party.sector is None or party.kind == "international"
                or country not in self.country_names):
            return party
        if party.id != party.sector:
            if not self._unlisted(party):
                return party
            return Party(text=party.text, name=party.name, id=f"{country}-{party.id}", country=country,
                         sector=party.sector, kind=party.kind)
        adjective = self.country_names[country][1]
        return Party(text=party.text, name=f"{adjective} {party.name}", id=f"{country}{party.sector}",
                     country=country, sector=party.sector, kind=party.kind)

    def _unlisted(self, party: Party) -> bool:
        """Whether the party is an organisation named in the text but in no dictionary."""
        resolution = self.explain_text(party.text)
        return (resolution is not None and resolution.party.id == party.id
                and resolution.provenance.startswith(UNLISTED))

    def is_person(self, party: Party) -> bool:
        """Whether a party is one individual or office holder (for he/she references)."""
        if party.name in self.person_names:
            return True
        return any(k in self.person_nouns for k in key_tokens(party.text))


@lru_cache(maxsize=1)
def get_resolver() -> ActorResolver:
    """The resolver over the shipped dictionaries, built once per process."""
    return ActorResolver(get_codebook())


__all__ = ["ActorResolver", "Resolution", "get_resolver"]
