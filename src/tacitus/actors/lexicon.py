"""Loading and validating the actor dictionaries.

Named actors come from two sources: the curated YAML files (``armed_groups.yaml``,
``institutions.yaml``, ``people.yaml``, and ``country_aliases.yaml`` for the names news gives
states that Phoenix lacks, "the Emirates"), which win, and the converted Phoenix dictionary
(``phoenix_actors.csv``). Agent nouns ("forces", "police") come from ``agent_nouns.yaml``, which
wins, and ``phoenix_agents.csv``. Every entry keeps the file and line it came from, so that a
resolved party can say which entry made it, and a bad entry fails at load time naming its line.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from datetime import date
from typing import Any, NamedTuple

from tacitus.actors.codes import CodeBook, Decoded
from tacitus.actors.normalize import key_tokens
from tacitus.errors import ResourceError
from tacitus.model import PARTY_KINDS
from tacitus.resources import LINE_KEY, iter_csv, load_yaml, path, require

CURATED_FILES = ("actors/armed_groups.yaml", "actors/institutions.yaml", "actors/people.yaml")
CURATED_TYPES = ("organisation", "person")
COUNTRY_ALIASES = "actors/country_aliases.yaml"
PHOENIX_ACTORS = "actors/phoenix_actors.csv"
AGENT_NOUNS = "actors/agent_nouns.yaml"
PHOENIX_AGENTS = "actors/phoenix_agents.csv"
ACTOR_TYPES = ("country", "person", "organisation")


class Role(NamedTuple):
    """What an actor is between two dates (either open): the Party fields it resolves to.

    Dictionary records are NamedTuples rather than frozen dataclasses: tens of thousands are
    built at load time, and the load must stay well under a second."""

    id: str
    country: str | None
    sector: str | None
    kind: str
    start: date | None = None
    end: date | None = None
    agents: tuple[str, ...] = ()

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def covers(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when < self.end)

    def admits(self, agent_sectors: Collection[str]) -> bool:
        """Whether the role holds for a phrase with agent nouns of ``agent_sectors``: a role
        with ``agents`` holds only when the text speaks of that part of the actor ("the
        Taliban government" is a state after 2021, "Taliban fighters" are still a militia)."""
        return not self.agents or any(s in self.agents for s in agent_sectors)


class Actor:
    """One dictionary entry: a country, a person or an organisation, with its roles.

    Phoenix roles are decoded on first use (most of the 27,000 entries are never mentioned in
    a given run); their format is checked when the file is loaded.
    """

    __slots__ = ("_decoder", "_line", "_roles", "_spec", "name", "source", "type")

    def __init__(self, name: str, type: str, source: str, roles: tuple[Role, ...] = (),
                 spec: str = "", decoder: CodeDecoder | None = None, line: int = 0) -> None:
        self.name = name
        self.type = type
        self.source = source
        self._roles = roles
        self._spec = spec
        self._decoder = decoder
        self._line = line

    @property
    def curated(self) -> bool:
        """Whether the entry comes from tacitus's own YAML files rather than Phoenix."""
        return self._decoder is None

    @property
    def roles(self) -> tuple[Role, ...]:
        if not self._roles and self._decoder is not None:
            decoder = self._decoder
            self._roles = tuple(decoder.role(spec, self._line) for spec in self._spec.split(";"))
        return self._roles

    def has_role_on(self, when: date) -> bool:
        """Whether one of the dated roles covers ``when``."""
        return any(r.dated and r.covers(when) for r in self.roles)

    def role_at(self, when: date | None, agent_sectors: Collection[str] = ()) -> Role:
        """The role valid on ``when`` (for a phrase with agent nouns of ``agent_sectors``);
        otherwise the undated role; otherwise the latest one.

        Phoenix lists leaders as e.g. ``[AFGELI 750101-000101] [AFGGOV >011222] [AFGELI]``: the
        dated roles say what the person was when, the undated one what they are by default.
        """
        roles = [r for r in self.roles if r.admits(agent_sectors)]
        if when is not None:
            valid = [r for r in roles if r.dated and r.covers(when)]
            if valid:
                return max(valid, key=lambda r: r.start or date.min)
        undated = [r for r in roles if not r.dated]
        if undated:
            return undated[0]
        return max(roles, key=lambda r: r.start or date.min)


class Phrase(NamedTuple):
    """A matching form of an actor or agent: key tokens plus how the last one may vary."""

    keys: tuple[str, ...]
    target: int
    prefix: bool = False
    acronym: bool = False


class Agent(NamedTuple):
    """An agent noun: the sector it gives (None: takes its modifier's), kind, person-ness, and
    whether it names a party only together with a country ("US drone strikes")."""

    sector: str | None
    kind: str | None
    person: bool
    name: str | None
    source: str
    needs_country: bool = False


class PhraseIndex:
    """Phrases keyed on their first key token, longest first, so the first hit is the longest.

    Phoenix phrases are kept as their ``(form, target)`` strings and turned into
    :class:`Phrase` records per first token on first lookup, which keeps loading fast. Among
    phrases with the same keys the first added wins; loaders add curated entries first and skip
    Phoenix forms in ``shadowed``.
    """

    def __init__(self) -> None:
        self._raw: dict[str, list[Phrase | tuple[str, int]]] = {}
        self._built: dict[str, tuple[Phrase, ...]] = {}

    def add(self, first: str, item: Phrase | tuple[str, int]) -> None:
        bucket = self._raw.get(first)
        if bucket is None:
            self._raw[first] = [item]
        else:
            bucket.append(item)

    def add_phrase(self, phrase: Phrase) -> None:
        self.add(phrase.keys[0], phrase)

    def shadowed(self) -> dict[str, int]:
        """Space-joined keys of the phrases added so far, and their targets."""
        return {" ".join(p.keys): p.target for bucket in self._raw.values() for p in bucket if isinstance(p, Phrase)}

    def bucket(self, first: str) -> tuple[Phrase, ...]:
        built = self._built.get(first)
        if built is None:
            phrases = [
                item if isinstance(item, Phrase)
                else Phrase(tuple(item[0].rstrip("*").split()), item[1], prefix=item[0].endswith("*"))
                for item in self._raw.get(first, ())
            ]
            phrases.sort(key=lambda p: -len(p.keys))
            built = self._built[first] = tuple(phrases)
        return built

    def firsts(self) -> list[str]:
        return list(self._raw)


def _where(name: str) -> str:
    return str(path(name))


def _date(value: Any, name: str, line: int | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise ResourceError(f"bad date {value!r}", _where(name), line) from exc


def _check_party_fields(entry: Mapping[str, Any], book: CodeBook, name: str) -> None:
    line = entry.get(LINE_KEY)
    country = entry.get("country")
    if country is not None and country not in book.iso:
        raise ResourceError(f"country {country!r} is not ISO 3166-1 alpha-3", _where(name), line)
    sector = entry.get("sector")
    if sector is not None and sector not in book.sectors:
        raise ResourceError(f"unknown sector {sector!r}", _where(name), line)
    kind = entry.get("kind")
    if kind is not None and kind not in PARTY_KINDS:
        raise ResourceError(f"kind {kind!r} not one of {PARTY_KINDS}", _where(name), line)


def load_curated(name: str, book: CodeBook) -> list[tuple[Actor, list[str]]]:
    """Read a curated YAML list of named parties into actors and their aliases."""
    data = load_yaml(name)
    if not isinstance(data, list):
        raise ResourceError("expected a list of entries", _where(name), 1)
    actors = []
    for entry in data:
        if not isinstance(entry, dict):
            raise ResourceError("entry is not a mapping", _where(name))
        require(entry, ("id", "name", "aliases", "kind"), name)
        line = entry[LINE_KEY]
        if "country" not in entry or "sector" not in entry:
            raise ResourceError("entry lacks country or sector (null is allowed)", _where(name), line)
        aliases = entry["aliases"]
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
            raise ResourceError("aliases must be a list of strings", _where(name), line)
        _check_party_fields(entry, book, name)
        base = Role(str(entry["id"]), entry["country"], entry["sector"], entry["kind"])
        roles = [base]
        periods = entry.get("periods") or []
        for period in periods:
            _check_party_fields(period, book, name)
            start = _date(period.get("from"), name, period.get(LINE_KEY))
            end = _date(period.get("until"), name, period.get(LINE_KEY))
            agents = period.get("agents", [])
            if not isinstance(agents, list) or not all(a in book.sectors for a in agents):
                raise ResourceError("agents must be a list of CAMEO sectors", _where(name), period.get(LINE_KEY))
            roles.append(
                Role(base.id, period.get("country", base.country), period.get("sector", base.sector),
                     period.get("kind", base.kind), start, end, tuple(agents))
            )
        # the base role holds outside the listed periods (until the first starts); a period
        # that holds only for some agent nouns leaves the base role in force for the others
        first = min((r.start for r in roles[1:] if r.start and not r.agents), default=None)
        if first is not None:
            roles[0] = Role(base.id, base.country, base.sector, base.kind, None, first)
        source = f"{name.rsplit('/', 1)[-1]}:{line}"
        kind = entry.get("type", "organisation")
        if kind not in CURATED_TYPES:
            raise ResourceError(f"type {kind!r} not one of {CURATED_TYPES}", _where(name), line)
        actors.append((Actor(str(entry["name"]), kind, source, roles=tuple(roles)), aliases))
    return actors


def load_country_aliases(book: CodeBook) -> list[tuple[Actor, list[str]]]:
    """Read the curated names of states ("the Emirates", "Whitehall") into country actors."""
    name = COUNTRY_ALIASES
    data = load_yaml(name)
    if not isinstance(data, list) or not all(isinstance(e, dict) for e in data):
        raise ResourceError("expected a list of entries", _where(name), 1)
    actors = []
    for entry in data:
        require(entry, ("iso3", "name", "aliases"), name)
        line = entry[LINE_KEY]
        iso3, aliases = entry["iso3"], entry["aliases"]
        if iso3 not in book.iso:
            raise ResourceError(f"country {iso3!r} is not ISO 3166-1 alpha-3", _where(name), line)
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
            raise ResourceError("aliases must be a list of strings", _where(name), line)
        role = Role(iso3, iso3, None, "state")
        actors.append((Actor(str(entry["name"]), "country", f"country_aliases.yaml:{line}", roles=(role,)), aliases))
    return actors


class CodeDecoder:
    """Decodes Phoenix codes once each (many entries share "IRQGOV")."""

    def __init__(self, book: CodeBook, name: str) -> None:
        self.book = book
        self.name = name
        self._cache: dict[str, Decoded] = {}

    def role(self, spec: str, line: int) -> Role:
        name = self.name
        code, _, dates = spec.partition("@")
        decoded = self._cache.get(code)
        if decoded is None:
            decoded = self._cache[code] = self.book.decode(code)
        start = end = None
        if dates:
            left, sep, right = dates.partition("/")
            if not sep:
                raise ResourceError(f"bad date range {dates!r}", _where(name), line)
            start, end = _date(left or None, name, line), _date(right or None, name, line)
        return Role(code, decoded.country, decoded.sector, decoded.kind or "other", start, end)


SPEC_RE = re.compile(
    r"[A-Z0-9]{3,}(@(\d{4}-\d\d-\d\d)?/(\d{4}-\d\d-\d\d)?)?(;[A-Z0-9]{3,}(@(\d{4}-\d\d-\d\d)?/(\d{4}-\d\d-\d\d)?)?)*"
)


def load_phoenix(book: CodeBook, name: str = PHOENIX_ACTORS) -> Iterable[tuple[Actor, list[str]]]:
    """Read the converted Phoenix actors; phrases are already space-joined keys."""
    decoder = CodeDecoder(book, name)
    for line, row in iter_csv(name, ("name", "type", "phrases", "codes", "source")):
        if row["type"] not in ACTOR_TYPES:
            raise ResourceError(f"type {row['type']!r} not one of {ACTOR_TYPES}", _where(name), line)
        if not SPEC_RE.fullmatch(row["codes"]):
            raise ResourceError(f"malformed codes {row['codes']!r}", _where(name), line)
        actor = Actor(row["name"], row["type"], row["source"], spec=row["codes"], decoder=decoder, line=line)
        yield actor, row["phrases"].split("|")


def curated_phrases(aliases: Iterable[str], target: int) -> Iterable[Phrase]:
    for alias in aliases:
        keys = key_tokens(alias)
        if keys:
            acronym = len(keys) == 1 and alias.replace(".", "").isupper() and len(alias) <= 6
            yield Phrase(keys, target, acronym=acronym)


def load_actors(book: CodeBook) -> tuple[list[Actor], PhraseIndex]:
    """All named actors and their phrase index; curated entries shadow Phoenix phrases."""
    actors: list[Actor] = []
    index = PhraseIndex()
    curated = [entry for name in CURATED_FILES for entry in load_curated(name, book)]
    for actor, aliases in (*curated, *load_country_aliases(book)):
        actors.append(actor)
        for phrase in curated_phrases(aliases, len(actors) - 1):
            index.add_phrase(phrase)
    shadowed = index.shadowed()
    for actor, forms in load_phoenix(book):
        actors.append(actor)
        target = len(actors) - 1
        known = [shadowed[f.rstrip("*")] for f in forms if f.rstrip("*") in shadowed]
        if known and actor.type == "organisation":
            target = known[0]  # the same organisation as a curated entry: its synonyms join that entry
        for form in forms:
            if form.rstrip("*") not in shadowed:
                index.add(form.partition(" ")[0].rstrip("*"), (form, target))
    return actors, index


def load_agents(book: CodeBook) -> tuple[list[Agent], PhraseIndex]:
    """Agent nouns and their index; curated nouns shadow Phoenix ones."""
    agents: list[Agent] = []
    index = PhraseIndex()
    data = load_yaml(AGENT_NOUNS)
    if not isinstance(data, list):
        raise ResourceError("expected a list of entries", _where(AGENT_NOUNS), 1)
    for entry in data:
        require(entry, ("phrases",), AGENT_NOUNS)
        line = entry[LINE_KEY]
        if "sector" not in entry:
            raise ResourceError("entry lacks sector (null is allowed)", _where(AGENT_NOUNS), line)
        _check_party_fields(entry, book, AGENT_NOUNS)
        if not isinstance(entry["phrases"], list) or not all(isinstance(p, str) for p in entry["phrases"]):
            raise ResourceError("phrases must be a list of strings (quote on/off/yes/no)", _where(AGENT_NOUNS), line)
        agents.append(
            Agent(entry["sector"], entry.get("kind"), bool(entry.get("person", False)), entry.get("name"),
                  f"agent_nouns.yaml:{line}", bool(entry.get("needs_country", False)))
        )
        for phrase in entry["phrases"]:
            keys = key_tokens(phrase)
            if keys:
                index.add_phrase(Phrase(keys, len(agents) - 1))
    shadowed = index.shadowed()
    for _, row in iter_csv(PHOENIX_AGENTS, ("phrase", "code", "source")):
        code = row["code"].replace("~", "")
        segments = (code[i : i + 3] for i in range(0, len(code), 3))
        sector = next((s for s in segments if s in book.sectors), None)
        if sector is None:  # religions, ethnicities: no sector of their own
            continue
        if row["phrase"] not in shadowed:
            agents.append(Agent(sector, None, False, None, row["source"]))
            index.add_phrase(Phrase(tuple(row["phrase"].split()), len(agents) - 1))
    return agents, index
