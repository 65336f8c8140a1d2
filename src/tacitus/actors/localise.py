"""Giving country-less agents the country their event happened in.

"Police fired tear gas", "troops withdrew", "protesters gathered": the text names no country
because the report is about one. Once the geo stage has placed the event, a generic agent with
a sector but no country is most likely that country's ("police" in Baghdad -> Iraqi police).
Parties that name a country or an organisation are never changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from tacitus.actors.resolve import get_resolver
from tacitus.model import Event, Party

ROLES = ("actor", "recipient")


def localise_parties(events: Sequence[Event]) -> list[Event]:
    """The events with each country-less agent party given its event's country."""
    resolver = get_resolver()
    out = []
    for event in events:
        country = event.location.country if event.location else None
        if country is None:
            out.append(event)
            continue
        changes: dict[str, Party] = {}
        provenance = dict(event.provenance)
        for role in ROLES:
            party: Party | None = getattr(event, role)
            if party is None:
                continue
            local = resolver.localise(party, country)
            if local is not party:
                changes[role] = local
                provenance[role] = (f"{provenance.get(role, '')}; country {country} from the "
                                    "event's location").lstrip("; ")
        out.append(replace(event, **changes, provenance=provenance) if changes else event)
    return out
