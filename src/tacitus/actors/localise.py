"""Giving events the country they happened in where the text leaves a party implicit.

"Police fired tear gas", "troops withdrew", "protesters gathered": the text names no country
because the report is about one. Once the geo stage has placed the event, a generic agent with
a sector but no country is most likely that country's ("police" in Baghdad -> Iraqi police).
Parties that name a country or an organisation are never changed.

Some acts have an implicit undergoer too: a protest with no stated target is directed at the
government of the country it takes place in, a curfew imposed or lifted with no one named
falls on the country itself, and an attack with no named target on the country it happens in
(CAMEO's and ACLED's convention; the event types and codes are data in
``resources/actors/default_recipients.yaml``). Arrests, deportations, releases and
investigations told in the passive have an implicit actor: the authorities of the country
they happen in; an attack with no named attacker, an unidentified armed group of that country
(``default_actors.yaml``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from tacitus.actors.resolve import get_resolver
from tacitus.errors import ResourceError
from tacitus.model import Event, Party
from tacitus.resources import LINE_KEY, load_yaml
from tacitus.resources import path as resource_path

ROLES = ("actor", "recipient")
DEFAULTS_FILE = "actors/default_recipients.yaml"
ACTOR_DEFAULTS_FILE = "actors/default_actors.yaml"


@dataclass(frozen=True, slots=True)
class DefaultRecipient:
    """Events of these types or CAMEO code prefixes fall on their country's ``sector``
    (None: on the country as a whole) when the sentence names no recipient."""

    types: frozenset[str]
    cameo: tuple[str, ...]
    sector: str | None
    source: str
    actor_fallback: bool = True
    unless: tuple[str, ...] = ()
    """CAMEO code prefixes the rule leaves alone although their type matches."""

    def applies(self, event: Event) -> bool:
        if self.unless and event.cameo.startswith(self.unless):
            return False
        return event.type in self.types or (bool(self.cameo) and event.cameo.startswith(self.cameo))


def _strings(entry: dict, key: str, line: int | None, where: str) -> list[str]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ResourceError(f"{key} must be a list of strings (quote CAMEO codes)", where, line)
    return value


@lru_cache(maxsize=1)
def default_recipients() -> tuple[DefaultRecipient, ...]:
    """The default-recipient rules, loaded and validated once."""
    return _default_rules(DEFAULTS_FILE)


@lru_cache(maxsize=1)
def default_actors() -> tuple[DefaultRecipient, ...]:
    """The default-actor rules (same form: the party an act implies), loaded once."""
    return _default_rules(ACTOR_DEFAULTS_FILE)


def _default_rules(name: str) -> tuple[DefaultRecipient, ...]:
    data = load_yaml(name)
    where = str(resource_path(name))
    if not isinstance(data, list) or not all(isinstance(e, dict) for e in data):
        raise ResourceError("expected a list of rules", where, 1)
    rules = []
    for entry in data:
        line = entry.get(LINE_KEY)
        if "sector" not in entry or (entry["sector"] is not None and entry["sector"] not in get_resolver().book.sectors):
            raise ResourceError(f"rule needs a known CAMEO sector or null, not {entry.get('sector')!r}", where, line)
        types, cameo = _strings(entry, "types", line, where), _strings(entry, "cameo", line, where)
        if not types and not cameo:
            raise ResourceError("rule needs types or cameo", where, line)
        fallback = entry.get("actor_fallback", True)
        if not isinstance(fallback, bool):
            raise ResourceError("actor_fallback must be true or false", where, line)
        rules.append(DefaultRecipient(frozenset(types), tuple(cameo), entry["sector"],
                                      f"{name.rsplit('/', 1)[-1]}:{line}", fallback,
                                      tuple(_strings(entry, "unless_cameo", line, where))))
    return tuple(rules)


def _implied_party(event: Event, role: str, country: str | None) -> tuple[Party, str] | None:
    """The party an act implies in ``role`` when its sentence names none: for a recipient the
    country of the event (else, where the rule allows, of its actor) or its government; for an
    actor the authority of the country the event happens in (``default_actors.yaml``)."""
    if getattr(event, role) is not None:
        return None
    rules = default_recipients() if role == "recipient" else default_actors()
    rule = next((r for r in rules if r.applies(event)), None)
    if rule is None:
        return None
    where = "the event's location"
    if country is None and role == "recipient" and event.actor is not None and rule.actor_fallback:
        country, where = event.actor.country, "the actor's country"
    resolver = get_resolver()
    name = resolver.country_name(country) if country else None
    if country is None or name is None:
        return None
    verb = "falls on" if role == "recipient" else "is done by"
    how = f"no {role} named: {event.type} {event.cameo} {verb} {country} from {where} ({rule.source})"
    if rule.sector is None:
        return Party(text=name, name=name, id=country, country=country, sector=None, kind="state"), how
    info = resolver.book.sectors[rule.sector]
    adjective = resolver.country_names[country][1]
    label = f"{adjective} {info.noun}"  # nothing is written: the text says what was inferred
    party = Party(text=label, name=label, id=f"{country}{rule.sector}", country=country,
                  sector=rule.sector, kind=info.kind)
    return party, how


def _authority_country(event: Event, role: str) -> str | None:
    """The country of a police force or court that acts on a recipient with no country of its
    own: such authorities act on their own state's people (resolve_rules.yaml domestic_sectors)."""
    actor = event.actor
    if role != "recipient" or actor is None or actor.kind != "state" or actor.country is None:
        return None
    return actor.country if actor.sector in get_resolver().domestic else None


def _recipient_at_place(event: Event) -> tuple[Party, str] | None:
    """'the siege of Mariupol', 'captured the town of Rubaya', 'shelled residential areas of El
    Fasher': a recipient no dictionary knows, written as the very place the geo stage put the
    event at or as a part of it, is that place's country (the town stands for those in it)."""
    party, place = event.recipient, event.location
    if party is None or place is None or place.country is None or party.country is not None:
        return None
    if party.kind != "other" or party.sector is not None:
        return None
    written = f" {_place_key(party.text)} "
    if not any(key and f" {key} " in written for key in {_place_key(place.text), _place_key(place.name or "")}):
        return None
    name = get_resolver().country_name(place.country)
    if name is None:
        return None
    how = (f"{event.provenance.get('recipient', '')}; the place of the event, in {place.country}").lstrip("; ")
    return Party(text=party.text, name=name, id=place.country, country=place.country, sector=None,
                 kind="state"), how


def _place_key(text: str) -> str:
    words = text.lower().split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def localise_parties(events: Sequence[Event]) -> list[Event]:
    """The events with each country-less agent party given its event's country, and an
    implicit recipient or actor where the event type has one."""
    resolver = get_resolver()
    out = []
    for event in events:
        country = event.location.country if event.location else None
        changes: dict[str, Party] = {}
        provenance = dict(event.provenance)
        for role in ROLES:
            party: Party | None = getattr(event, role)
            home, where = _authority_country(event, role), "the actor, an authority of its own state"
            if home is None:
                home, where = country, "the event's location"
            if home is None and role == "recipient" and event.actor is not None and event.actor.kind == "state":
                # "Pakistani forces killed six militants": with no place told, those a state's
                # organ acts on are most likely of its own state
                home, where = event.actor.country, "the actor's country (the event has no place)"
            if party is None or home is None:
                continue
            local = resolver.localise(party, home)
            if local is not party:
                changes[role] = local
                provenance[role] = f"{provenance.get(role, '')}; country {home} from {where}".lstrip("; ")
        placed = _recipient_at_place(event)
        if placed is not None:
            changes["recipient"], provenance["recipient"] = placed
        for role in ROLES:
            implicit = _implied_party(replace(event, **changes) if changes else event, role, country)
            if implicit is not None:
                changes[role], provenance[role] = implicit
        out.append(replace(event, **changes, provenance=provenance) if changes else event)
    return out
