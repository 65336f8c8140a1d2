"""Giving events the country they happened in where the text leaves a party implicit.

"Police fired tear gas", "troops withdrew", "protesters gathered": the text names no country
because the report is about one. Once the geo stage has placed the event, a generic agent with
a sector but no country is most likely that country's ("police" in Baghdad -> Iraqi police).
Parties that name a country or an organisation are never changed.

Some acts have an implicit undergoer too: a protest with no stated target is directed at the
government of the country it takes place in, and a curfew imposed or lifted with no one named
falls on the country itself (CAMEO's convention; the event types and codes are data in
``resources/actors/default_recipients.yaml``).
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


@dataclass(frozen=True, slots=True)
class DefaultRecipient:
    """Events of these types or CAMEO code prefixes fall on their country's ``sector``
    (None: on the country as a whole) when the sentence names no recipient."""

    types: frozenset[str]
    cameo: tuple[str, ...]
    sector: str | None
    source: str

    def applies(self, event: Event) -> bool:
        return event.type in self.types or (bool(self.cameo) and event.cameo.startswith(self.cameo))


def _strings(entry: dict, key: str, line: int | None) -> list[str]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ResourceError(f"{key} must be a list of strings (quote CAMEO codes)",
                            str(resource_path(DEFAULTS_FILE)), line)
    return value


@lru_cache(maxsize=1)
def default_recipients() -> tuple[DefaultRecipient, ...]:
    """The default-recipient rules, loaded and validated once."""
    data = load_yaml(DEFAULTS_FILE)
    where = str(resource_path(DEFAULTS_FILE))
    if not isinstance(data, list) or not all(isinstance(e, dict) for e in data):
        raise ResourceError("expected a list of rules", where, 1)
    rules = []
    for entry in data:
        line = entry.get(LINE_KEY)
        if "sector" not in entry or (entry["sector"] is not None and entry["sector"] not in get_resolver().book.sectors):
            raise ResourceError(f"rule needs a known CAMEO sector or null, not {entry.get('sector')!r}", where, line)
        types, cameo = _strings(entry, "types", line), _strings(entry, "cameo", line)
        if not types and not cameo:
            raise ResourceError("rule needs types or cameo", where, line)
        rules.append(DefaultRecipient(frozenset(types), tuple(cameo), entry["sector"],
                                      f"{DEFAULTS_FILE.rsplit('/', 1)[-1]}:{line}"))
    return tuple(rules)


def _default_recipient(event: Event, country: str | None) -> tuple[Party, str] | None:
    """The country of the event (else of its actor), or its government, for an event whose
    type implies it and whose sentence names no recipient."""
    if event.recipient is not None:
        return None
    rule = next((r for r in default_recipients() if r.applies(event)), None)
    if rule is None:
        return None
    where = "the event's location"
    if country is None and event.actor is not None:
        country, where = event.actor.country, "the actor's country"
    resolver = get_resolver()
    name = resolver.country_name(country) if country else None
    if country is None or name is None:
        return None
    how = f"no recipient named: {event.type} {event.cameo} falls on {country} from {where} ({rule.source})"
    if rule.sector is None:
        return Party(text=name, name=name, id=country, country=country, sector=None, kind="state"), how
    info = resolver.book.sectors[rule.sector]
    adjective = resolver.country_names[country][1]
    party = Party(text=name, name=f"{adjective} {info.noun}", id=f"{country}{rule.sector}", country=country,
                  sector=rule.sector, kind=info.kind)
    return party, how


def localise_parties(events: Sequence[Event]) -> list[Event]:
    """The events with each country-less agent party given its event's country, and an
    implicit recipient where the event type has one."""
    resolver = get_resolver()
    out = []
    for event in events:
        country = event.location.country if event.location else None
        changes: dict[str, Party] = {}
        provenance = dict(event.provenance)
        for role in ROLES:
            party: Party | None = getattr(event, role)
            if party is None or country is None:
                continue
            local = resolver.localise(party, country)
            if local is not party:
                changes[role] = local
                provenance[role] = (f"{provenance.get(role, '')}; country {country} from the "
                                    "event's location").lstrip("; ")
        implicit = _default_recipient(replace(event, **changes) if changes else event, country)
        if implicit is not None:
            changes["recipient"], provenance["recipient"] = implicit
        out.append(replace(event, **changes, provenance=provenance) if changes else event)
    return out
